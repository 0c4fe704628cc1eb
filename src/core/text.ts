/** Text normalisation used by every parser: case-, space- and punctuation-insensitive keys. */

/** Lower case, punctuation dropped, runs of spaces collapsed: " Higher-is  better. " -> "higher is better". */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\s_\-–—.,:;!?'"’()[\]{}/\\*]+/g, " ")
    .trim();
}

/** How a raw input is quoted in reasons and messages. */
export function quote(raw: unknown): string {
  if (typeof raw === "number") return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? "an invalid date" : raw.toISOString().slice(0, 10);
  if (typeof raw === "object" && raw !== null && "error" in raw)
    return describeUnknown((raw as { error: unknown }).error);
  return `"${describeUnknown(raw)}"`;
}

/** String() throws for objects without a prototype; a reason must never throw. */
function describeUnknown(raw: unknown): string {
  try {
    return String(raw);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}

/** The word for n things: plural(1, "row") is "row", plural(3, "row") "rows"; `many` for others ("measures are"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** n and its word: counted(3, "row") is "3 rows". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${plural(n, one, many)}`;
}

/** "unknown aim" -> "Unknown aim": a reason clause as the start of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** " (AB1, CD3)": the codes of the measures a sentence counts, after it; nothing when there are none. */
export function codesInBrackets(codes: readonly string[]): string {
  return codes.length > 0 ? ` (${codes.join(", ")})` : "";
}
