/**
 * Excel custom functions, namespace KPI (set in manifest.xml). Each takes single cells or whole columns and spills
 * one result per row. The rules live in src/core and the argument handling in ./kpi; this file only describes the
 * functions to Excel (the JSDoc becomes functions.json at build) and turns problems into `#VALUE!` with a message.
 * custom-functions-metadata-plugin appends the `CustomFunctions.associate` calls when webpack bundles this file.
 * Types are spelled inline because the metadata generator does not follow type aliases.
 */
import { evaluateKpi, isInvalid } from "./kpi";
import type { KpiArg, KpiName, KpiResult } from "./kpi";
import { evaluateSpc } from "./spc";

function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** Evaluates one row-by-row KPI function for Excel. */
function run(name: KpiName, args: readonly KpiArg[]): Array<Array<string | number | CustomFunctions.Error>> {
  return forExcel(evaluateKpi(name, args));
}

/** A result as Excel takes it: a problem with the whole call throws, a problem in one row is that cell. */
function forExcel(result: KpiResult): Array<Array<string | number | CustomFunctions.Error>> {
  if (isInvalid(result)) throw invalidValue(result.invalid);
  return result.map((line) => line.map((cell) => (isInvalid(cell) ? invalidValue(cell.invalid) : cell)));
}

/**
 * RAG status of a measure: Green, Amber, Red or NA. Give single cells or whole columns (one result per row).
 * @customfunction RAG
 * @param value Actual figure(s). Blank, NA, n/a, redacted or tbc give NA.
 * @param target Target figure(s), a range such as "60-70" or "Between 65 and 73", a comparison such as "≥ 95%" or "No more than 10", or two columns (lower, upper) for a Goldilocks range.
 * @param [aim] Maximise, Minimise or Goldilocks (also Higher is better, Lower is better, Between…); when omitted or blank, a target such as "≥ 95%" or "No more than 10" gives it.
 * @param [band] Amber band: 5% when omitted; 0 or "off" switches Amber off.
 * @param [floor] Minimum acceptable level: Amber down to the floor, Red beyond it (replaces the band).
 * @returns Green, Amber, Red or NA for each row.
 */
export function rag(
  value: unknown[][],
  target: unknown[][],
  aim?: unknown[][],
  band?: unknown[][],
  floor?: unknown[][],
): Array<Array<string | number | CustomFunctions.Error>> {
  return run("RAG", [value, target, aim, band, floor]);
}

/**
 * Short-term trend: IMP, DET, STATIC or NA, comparing the current value with the previous period's.
 * @customfunction TREND
 * @param current Current period's figure(s).
 * @param previous Previous period's figure(s), in time order (not the row above unless that is the previous period).
 * @param [aim] Maximise, Minimise or Goldilocks: says which direction is an improvement; when omitted, a target such as "≥ 95%" or "Increase" gives it.
 * @param [target] For Goldilocks (closer to the target's mid-point is an improvement), or to give the aim ("≥ 95%").
 * @returns IMP (improved), DET (worsened), STATIC or NA for each row.
 */
export function trend(
  current: unknown[][],
  previous: unknown[][],
  aim?: unknown[][],
  target?: unknown[][],
): Array<Array<string | number | CustomFunctions.Error>> {
  return run("TREND", [current, previous, aim, target]);
}

/**
 * Long-term trend: the current value against the mean of the previous periods' figures (give up to 4).
 * @customfunction LONGTREND
 * @param current Current period's figure(s).
 * @param previous_values Previous periods' figures: one row per measure, or any range when current is one cell.
 * @param [aim] Maximise, Minimise or Goldilocks: says which direction is an improvement; when omitted, a target such as "≥ 95%" or "Increase" gives it.
 * @param [target] For Goldilocks (closer to the target's mid-point is an improvement), or to give the aim ("≥ 95%").
 * @returns IMP, DET, STATIC, or NA when there is no current figure or no previous figures.
 */
export function longtrend(
  current: unknown[][],
  previous_values: unknown[][],
  aim?: unknown[][],
  target?: unknown[][],
): Array<Array<string | number | CustomFunctions.Error>> {
  return run("LONGTREND", [current, previous_values, aim, target]);
}

/**
 * Signed gap to target as a fraction of the target: positive = better than target, 0 inside a Goldilocks range.
 * @customfunction GAP
 * @param value Actual figure(s).
 * @param target Target figure(s), a range such as "60-70" or "Between 65 and 73", a comparison such as "≥ 95%" or "No more than 10", or two columns (lower, upper) for a Goldilocks range.
 * @param [aim] Maximise, Minimise or Goldilocks; when omitted, a target such as "≥ 95%" gives it.
 * @returns The relative gap (format the cell as %), or NA when a figure is missing, the target is 0, or a range
 *   target's aim is not Goldilocks.
 */
export function gap(
  value: unknown[][],
  target: unknown[][],
  aim?: unknown[][],
): Array<Array<string | number | CustomFunctions.Error>> {
  return run("GAP", [value, target, aim]);
}

/**
 * Why a measure has its RAG status, in one line, e.g. "Red: 6.7% below target 30 (Maximise, amber band 5%)".
 * @customfunction REASON
 * @param value Actual figure(s). Blank, NA, n/a, redacted or tbc give NA.
 * @param target Target figure(s), a range such as "60-70" or "Between 65 and 73", a comparison such as "≥ 95%" or "No more than 10", or two columns (lower, upper) for a Goldilocks range.
 * @param [aim] Maximise, Minimise or Goldilocks (also Higher is better, Lower is better, Between…); when omitted or blank, a target such as "≥ 95%" or "No more than 10" gives it.
 * @param [band] Amber band: 5% when omitted; 0 or "off" switches Amber off.
 * @param [floor] Minimum acceptable level: Amber down to the floor, Red beyond it (replaces the band).
 * @returns The status and its reason for each row.
 */
export function reason(
  value: unknown[][],
  target: unknown[][],
  aim?: unknown[][],
  band?: unknown[][],
  floor?: unknown[][],
): Array<Array<string | number | CustomFunctions.Error>> {
  return run("REASON", [value, target, aim, band, floor]);
}

/**
 * SPC variation of the latest point (NHS Making Data Count): Common cause, Improvement (high/low), Concern (high/low),
 * Neutral (high/low) for Goldilocks, or NA with fewer than 12 figures.
 * @customfunction SPC
 * @param values One measure's figures in time order, oldest first (a row or a column); blanks, NA and errors are
 *   skipped. A block of several rows and columns holds one measure per row and gives one result per row.
 * @param aim Maximise, Minimise or Goldilocks: says whether a high special cause is an improvement or a concern.
 * @returns The variation word for each measure.
 */
export function spc(values: unknown[][], aim: unknown[][]): Array<Array<string | number | CustomFunctions.Error>> {
  return forExcel(evaluateSpc("SPC", [values, aim]));
}

/**
 * SPC assurance: whether the process limits say the target will be met every time (Pass), never (Fail) or only
 * sometimes (Hit and miss); NA with fewer than 12 figures or no target.
 * @customfunction ASSURANCE
 * @param values One measure's figures in time order, oldest first (a row or a column); blanks, NA and errors are
 *   skipped. A block of several rows and columns holds one measure per row and gives one result per row.
 * @param aim Maximise, Minimise or Goldilocks.
 * @param target The target figure, a range such as "60-70", or two cells (lower, upper) for a Goldilocks range.
 * @returns Pass, Fail, Hit and miss or NA for each measure.
 */
export function assurance(
  values: unknown[][],
  aim: unknown[][],
  target: unknown[][],
): Array<Array<string | number | CustomFunctions.Error>> {
  return forExcel(evaluateSpc("ASSURANCE", [values, aim, target]));
}
