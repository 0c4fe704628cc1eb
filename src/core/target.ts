/** Targets (a figure, a Goldilocks range, a comparison or a direction word) and the amber band. */
import type { Aim, CellValue, Parsed, Target } from "./types";
import { excelErrorOf, isBlank, parseNumberText, parseValue } from "./values";
import { normaliseWords, quote } from "./text";
import { readTargetText } from "./targetText";

/** What a target cell (or a pair of cells for a range) says. */
export type TargetReading =
  | {
      readonly kind: "figure";
      readonly target: Target;
      /** The aim the words imply (`At least 95%` → Maximise), or null. */
      readonly aim: Aim | null;
      /** A data problem that leaves the target usable (a stated mid-point that is not the range's). */
      readonly note: string | null;
    }
  /** No figure: blank, an NA word, an Excel error or a direction word alone (which still implies an aim). */
  | { readonly kind: "none"; readonly reason: string; readonly aim: Aim | null; readonly error: string | null }
  | { readonly kind: "unreadable"; readonly reason: string };

const NO_TARGET: TargetReading = { kind: "none", reason: "no target", aim: null, error: null };

/** Targets repeat on every row of a measure: remember what each text said. */
const cache = new Map<string, TargetReading>();
const CACHE_LIMIT = 512;

function figure(target: Target): TargetReading {
  return { kind: "figure", target, aim: null, note: null };
}

function range(a: number, b: number): Target {
  return a <= b ? { kind: "range", lo: a, hi: b } : { kind: "range", lo: b, hi: a };
}

function readText(raw: string): TargetReading {
  const single = parseNumberText(raw);
  if (single !== null) return figure({ kind: "single", value: single });
  const value = parseValue(raw);
  if (!value.ok && value.na) return NO_TARGET;
  const text = readTargetText(raw);
  switch (text.kind) {
    case "figure":
      return text;
    case "direction":
      return { kind: "none", reason: "no numeric target", aim: text.aim, error: null };
    case "unreadable":
      return text;
  }
}

/**
 * A target (SPEC §3): a number (100, "80%"), a range as text ("Between 60 and 70 Mid-point 65", "60–70"), a
 * comparison ("≥ 95%", "No more than 10") that also implies the aim, a direction word ("Increase") that implies an
 * aim but gives no figure, or a range given as two cells (raw = lower bound, upper = upper bound).
 */
export function readTarget(raw: CellValue, upper?: CellValue): TargetReading {
  if (upper !== undefined && !isBlank(upper)) {
    const lo = parseValue(raw);
    const hi = parseValue(upper);
    if (lo.ok && hi.ok) return figure(range(lo.value, hi.value));
    return { kind: "unreadable", reason: `target range ${quote(raw)} to ${quote(upper)} needs two numbers` };
  }
  if (typeof raw === "number") {
    return Number.isFinite(raw)
      ? figure({ kind: "single", value: raw })
      : { kind: "unreadable", reason: `target ${quote(raw)} is not a finite number` };
  }
  if (typeof raw === "string") {
    let reading = cache.get(raw);
    if (reading === undefined) {
      reading = readText(raw);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(raw, reading);
    }
    return reading;
  }
  const error = excelErrorOf(raw);
  if (error !== null) return { kind: "none", reason: `target is the error ${error}`, aim: null, error };
  if (isBlank(raw)) return NO_TARGET;
  return { kind: "unreadable", reason: `target ${quote(raw)} is not a number or a range such as 60-70` };
}

/** The target's figure(s) alone: NA when there are none, a reason when the text cannot be read. */
export function parseTarget(raw: CellValue, upper?: CellValue): Parsed<Target> {
  const reading = readTarget(raw, upper);
  switch (reading.kind) {
    case "figure":
      return { ok: true, value: reading.target };
    case "none":
      return { ok: false, na: true, reason: reading.reason };
    case "unreadable":
      return { ok: false, na: false, reason: reading.reason };
  }
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
