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

/** A list as a sentence says it: "A", "A and B", "A, B and C" ("" for none). */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Where a list of codes is cut: at most `maxChars` characters, the rest told by `more(n)` ("… and 12 more"). */
export interface ListCut {
  readonly maxChars: number;
  readonly more: (left: number) => string;
}

/**
 * The items joined with ", ", or, when that would pass `cut.maxChars`, as many whole items as fit followed by
 * `cut.more(n)` for the n left out: never longer than maxChars (given a `more` text that fits), never a code cut.
 */
export function listUpTo(items: readonly string[], cut?: ListCut): string {
  // The joined length, counted before joining: a list of a million codes is not built only to be cut.
  const joined = items.reduce((sum, item) => sum + item.length + 2, -2);
  if (cut === undefined || joined <= cut.maxChars) return items.join(", ");
  // Too long: the most whole items that leave room for the note ("A1, A2, … and 40 more").
  let kept = 0;
  let used = 0;
  while (kept < items.length) {
    const next = used + (kept > 0 ? 2 : 0) + items[kept].length;
    if (next + 2 + cut.more(items.length - kept - 1).length > cut.maxChars) break;
    used = next;
    kept++;
  }
  const note = cut.more(items.length - kept);
  return kept > 0 ? `${items.slice(0, kept).join(", ")}, ${note}` : note;
}

/**
 * " (AB1, CD3)": the codes of the measures a sentence counts, after it; nothing when there are none. With a cut, a
 * long list is cut at a code (a spreadsheet cell holds at most 32,767 characters).
 */
export function codesInBrackets(codes: readonly string[], cut?: ListCut): string {
  return codes.length > 0 ? ` (${listUpTo(codes, cut)})` : "";
}

/**
 * The text as lines of at most `width` characters, broken after a space (a list of codes breaks after its commas):
 * a printed sheet cannot wrap a cell into a taller row, so a long sentence becomes several rows instead. A word
 * longer than a line is cut at the width, never inside a surrogate pair. Joined with " " the lines give back the
 * text when it had single spaces.
 */
export function breakLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let start = 0;
  width = Math.max(2, Math.floor(width));
  while (text.length - start > width) {
    const space = text.lastIndexOf(" ", start + width);
    if (space > start) {
      lines.push(text.slice(start, space));
      start = space + 1;
    } else {
      const end = start + width - (isHighSurrogate(text.charCodeAt(start + width - 1)) ? 1 : 0);
      lines.push(text.slice(start, end));
      start = end;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
