/** Targets (a figure or a Goldilocks range) and the amber band. */
import type { CellValue, Parsed, Target } from "./types";
import { isBlank, parseNumberText, parseValue } from "./values";
import { normaliseWords, quote } from "./text";

const NUM = String.raw`[-+]?[£$€]?\d[\d,]*(?:\.\d+)?%?`;
const RANGE_TEXT = new RegExp(String.raw`^(?:between\s+)?(${NUM})\s*(?:-|–|—|to|and)\s*(${NUM})$`, "i");

function range(a: number, b: number): Target {
  return a <= b ? { kind: "range", lo: a, hi: b } : { kind: "range", lo: b, hi: a };
}

function invalid(raw: CellValue): Parsed<Target> {
  return { ok: false, na: false, reason: `target ${quote(raw)} is not a number or a range such as 60-70` };
}

/**
 * A target: a number (100, "80%"), a range as text ("Between 60 and 70", "60-70", "60 to 70"),
 * or a range given as two cells (raw = lower bound, upper = upper bound).
 */
export function parseTarget(raw: CellValue, upper?: CellValue): Parsed<Target> {
  if (upper !== undefined && !isBlank(upper)) {
    const lo = parseValue(raw);
    const hi = parseValue(upper);
    if (lo.ok && hi.ok) return { ok: true, value: range(lo.value, hi.value) };
    return { ok: false, na: false, reason: `target range ${quote(raw)} to ${quote(upper)} needs two numbers` };
  }
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { ok: true, value: { kind: "single", value: raw } } : invalid(raw);
  if (typeof raw !== "string") {
    const value = parseValue(raw);
    return value.ok || value.na ? { ok: false, na: true, reason: "no target" } : invalid(raw);
  }
  const single = parseNumberText(raw);
  if (single !== null) return { ok: true, value: { kind: "single", value: single } };
  const match = RANGE_TEXT.exec(raw.trim());
  if (match) {
    const lo = parseNumberText(match[1]);
    const hi = parseNumberText(match[2]);
    if (lo !== null && hi !== null) return { ok: true, value: range(lo, hi) };
  }
  const value = parseValue(raw);
  return !value.ok && value.na ? { ok: false, na: true, reason: "no target" } : invalid(raw);
}

const AMBER_OFF_WORDS = new Set(["off", "none", "no", "no amber", "amber off", "0"]);

/**
 * The amber band as a fraction. Accepts 0.05, "5%" and 5 (whole numbers from 1 to 100 are read as percentages,
 * as analysts type them); 0, "off", "none" or "no amber" switch Amber off.
 */
export function parseBand(raw: CellValue): Parsed<number> {
  if (isBlank(raw)) return { ok: false, na: true, reason: "no amber band given" };
  if (typeof raw === "string" && AMBER_OFF_WORDS.has(normaliseWords(raw))) return { ok: true, value: 0 };
  const parsed = typeof raw === "string" ? parseNumberText(raw) : typeof raw === "number" ? raw : null;
  const isPercentText = typeof raw === "string" && raw.trim().endsWith("%");
  if (parsed === null || !Number.isFinite(parsed) || parsed < 0 || parsed > 100) {
    return { ok: false, na: false, reason: `amber band ${quote(raw)} is not a percentage between 0% and 100%` };
  }
  return { ok: true, value: parsed >= 1 && !isPercentText ? parsed / 100 : parsed };
}
