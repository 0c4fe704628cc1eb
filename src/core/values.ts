/** Measure values: numbers, percentages and the many ways reports say "not available". */
import type { CellValue, Parsed } from "./types";
import { normaliseWords, quote } from "./text";

/** Words that mean "no figure this period" in real reports. */
const NA_WORDS = new Set([
  "na",
  "n a",
  "n k",
  "nk",
  "not available",
  "not applicable",
  "no data",
  "redacted",
  "suppressed",
  "tbc",
  "tba",
  "tbd",
  "x",
  "",
]);

/**
 * Excel's error names typed or pasted as text (a CSV export keeps `#DIV/0!` as text): a broken figure, so a data
 * problem like the error itself (SPEC §1). `#N/A` is left out: reports type it on purpose for "not available".
 */
const ERROR_TEXTS = new Set(["#div/0!", "#ref!", "#value!", "#name?", "#num!", "#null!", "#spill!", "#calc!"]);

const NUMBER_TEXT = /^([-+]?)[£$€]?\s*((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:e[-+]?\d+)?)\s*(%?)$/i;

/** Parses the numeric text people type: "22.4%", "1,234", "£1,200", "-3.5". Returns null when it is not a number. */
export function parseNumberText(text: string): number | null {
  const match = NUMBER_TEXT.exec(text.trim());
  if (!match || !/\d/.test(match[2])) return null;
  // "22.4%" is read as 22.4e-2 so the figure is exactly the one typed (22.4 / 100 is 0.22399999999999998).
  const digits = match[2].replace(/,/g, "") + (match[3] === "%" ? "e-2" : "");
  const magnitude = Number(/e.*e/i.test(digits) ? Number(match[2].replace(/,/g, "")) / 100 : digits);
  if (!Number.isFinite(magnitude)) return null;
  return match[1] === "-" ? -magnitude : magnitude;
}

const na = (reason: string): Parsed<number> => ({ ok: false, na: true, reason });

/** The error an Excel error cell holds (`#DIV/0!`), or null for any other cell. */
export function excelErrorOf(raw: CellValue): string | null {
  return typeof raw === "object" && raw !== null && "error" in raw ? raw.error : null;
}

/** True for a cell that holds nothing at all. */
export function isBlank(raw: CellValue): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** A floor (minimum acceptable level) reads like a value; a malformed one is named as the floor. */
export function parseFloor(raw: CellValue): Parsed<number> {
  const parsed = parseValue(raw);
  return parsed.ok || parsed.na ? parsed : { ok: false, na: false, reason: parsed.reason.replace(/^value/, "floor") };
}

/**
 * A measure value. Anything that is not a number is "not available" (never an error); `na` is false only for
 * text that is not one of the known NA words, so that callers can report it as a data problem.
 */
export function parseValue(raw: CellValue): Parsed<number> {
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { ok: true, value: raw } : na("value is not a finite number");
  if (isBlank(raw)) return na("no value");
  if (typeof raw === "string") {
    const number = parseNumberText(raw);
    if (number !== null) return { ok: true, value: number };
    if (ERROR_TEXTS.has(raw.trim().toLowerCase())) {
      return { ok: false, na: false, reason: `value ${quote(raw.trim())} is the text of an Excel error` };
    }
    const words = normaliseWords(raw);
    if (NA_WORDS.has(words) || /^[-–—.*]+$/.test(raw.trim()) || /^#/.test(raw.trim())) {
      return na(`value ${quote(raw.trim())} is not available`);
    }
    return { ok: false, na: false, reason: `value ${quote(raw.trim())} is not a number` };
  }
  const error = excelErrorOf(raw);
  if (error !== null) return na(`value is the error ${error}`);
  return { ok: false, na: false, reason: `value ${quote(raw)} is not a number` };
}
