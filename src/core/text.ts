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
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
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
