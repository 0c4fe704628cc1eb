/**
 * One parse of a measure row: each field read once, with the aim the target implies, every data problem named by
 * its field, and the one reason an unrated row is NA. The workbook's problem list, the report's reason and every
 * KPI function read the same RowReading, so they cannot disagree.
 */
import type { Aim, CellValue, RagResult, Status, Target } from "./types";
import { parseAim } from "./aim";
import { DEFAULT_BAND, naKindOf, rag, ragStatus } from "./rag";
import { parseBand, readTarget } from "./target";
import { excelErrorOf, isBlank, parseFloor, parseValue } from "./values";
import { quote } from "./text";

/** Raw cells of one measure row, as a sheet or a formula gives them. */
export interface RawRow {
  readonly value: CellValue;
  readonly target: CellValue;
  /** Upper bound when a Goldilocks target spans two cells. */
  readonly targetUpper?: CellValue;
  readonly aim: CellValue;
  readonly band?: CellValue;
  readonly floor?: CellValue;
}

/** The fields a problem can be about; the workbook maps each to its cell, a function to its argument. */
export type RowField = "value" | "target" | "aim" | "band" | "floor";

/** A data problem the analyst can fix in one field of the row. */
export interface RowProblem {
  readonly field: RowField;
  /** Another field the problem names: the target an aim contradicts. */
  readonly other?: RowField;
  /** The input is malformed, not merely missing: the row is NA, and a KPI function gives #VALUE!. */
  readonly invalid: boolean;
  /** What is wrong, as a clause without a cell: `unknown aim "Sideways"`, `value is the error #DIV/0!`. */
  readonly reason: string;
  /** What follows from it: `the status is NA`, `it is read as not available`. */
  readonly effect: string;
}

export interface RowReading {
  readonly value: number | null;
  readonly target: Target | null;
  /** The aim cell's, or the one the target implies when the aim cell holds none. */
  readonly aim: Aim | null;
  /** True when the aim came from the target's words (`≥ 95%`, `Increase`), not from the aim cell. */
  readonly aimImplied: boolean;
  readonly band: number;
  readonly floor: number | null;
  /** Data problems in field order (value, aim, target, band, floor); empty for a clean row. */
  readonly problems: readonly RowProblem[];
  /** Why the row is NA before the RAG rule runs, or null when the rule can rate it. */
  readonly unrated: string | null;
}

const NONE: readonly RowProblem[] = [];
const STATUS_NA = "the status is NA";

/** The problems of one row as they are found, and the reason that makes it NA. */
class Findings {
  list: RowProblem[] | null = null;
  /** A malformed input outranks an Excel error, which outranks a merely missing figure. */
  private invalidReason: string | null = null;
  private errorReason: string | null = null;

  add(problem: RowProblem): void {
    (this.list ??= []).push(problem);
  }

  invalid(field: RowField, reason: string, other?: RowField): void {
    this.add(
      other
        ? { field, other, invalid: true, reason, effect: STATUS_NA }
        : { field, invalid: true, reason, effect: STATUS_NA },
    );
    this.invalidReason ??= reason;
  }

  /** An Excel error is NA like an NA word, and a problem (an NA word is deliberate; an error is not). */
  error(field: RowField, raw: CellValue): boolean {
    const error = excelErrorOf(raw);
    if (error === null) return false;
    const reason = `${field === "band" ? "amber band" : field} is the error ${error}`;
    this.add({ field, invalid: false, reason, effect: STATUS_NA });
    this.errorReason ??= reason;
    return true;
  }

  get blocking(): string | null {
    return this.invalidReason ?? this.errorReason;
  }
}

function trimmed(raw: CellValue): CellValue {
  return typeof raw === "string" ? raw.trim() : raw;
}

/**
 * Reads a row once. `defaultBand` applies when the row has no band of its own (the sheet's or the workbook's).
 * Never throws: every input that is not a well-formed figure comes back as NA and, when it needs fixing, a problem.
 */
export function readRow(raw: RawRow, defaultBand: number = DEFAULT_BAND): RowReading {
  const found = new Findings();

  const valueParsed = parseValue(raw.value);
  const value = valueParsed.ok ? valueParsed.value : null;
  if (!found.error("value", raw.value) && !valueParsed.ok && !valueParsed.na) {
    found.add({ field: "value", invalid: false, reason: valueParsed.reason, effect: "it is read as not available" });
  }

  const targetRead = readTarget(raw.target, raw.targetUpper);
  const impliedAim = targetRead.kind === "unreadable" ? null : targetRead.aim;
  const aimParsed = parseAim(raw.aim);
  const aimError = found.error("aim", raw.aim);
  let aim: Aim | null = aimParsed.ok ? aimParsed.value : null;
  let aimImplied = false;
  if (!aimParsed.ok && !aimParsed.na) found.invalid("aim", aimParsed.reason);
  else if (aim !== null && impliedAim !== null && aim !== impliedAim) {
    const target = quote(trimmed(raw.target));
    found.invalid(
      "aim",
      `aim ${quote(trimmed(raw.aim))} contradicts target ${target}, which means ${impliedAim}`,
      "target",
    );
    aim = null;
  } else if (aim === null && impliedAim !== null && !aimError) {
    aim = impliedAim;
    aimImplied = true;
  } else if (aim === null && !aimError && value !== null) {
    found.add({ field: "aim", invalid: false, reason: "no aim given", effect: STATUS_NA });
  }

  let target: Target | null = null;
  let noTarget = "no target";
  if (targetRead.kind === "figure") {
    target = targetRead.target;
    if (targetRead.note)
      found.add({ field: "target", invalid: false, reason: targetRead.note, effect: "the range applies" });
  } else if (targetRead.kind === "unreadable") found.invalid("target", targetRead.reason);
  else if (!found.error("target", raw.target)) noTarget = targetRead.reason;

  let band = defaultBand;
  if (raw.band !== undefined && !isBlank(raw.band) && !found.error("band", raw.band)) {
    const parsed = parseBand(raw.band);
    if (parsed.ok) band = parsed.value;
    else found.invalid("band", parsed.reason);
  }

  let floor: number | null = null;
  if (raw.floor !== undefined && !isBlank(raw.floor) && !found.error("floor", raw.floor)) {
    const parsed = parseFloor(raw.floor);
    if (parsed.ok) floor = parsed.value;
    else if (!parsed.na) found.invalid("floor", parsed.reason);
  }

  const unrated =
    found.blocking ??
    (!valueParsed.ok ? valueParsed.reason : target === null ? noTarget : aim === null ? "no aim given" : null);
  return { value, target, aim, aimImplied, band, floor, problems: found.list ?? NONE, unrated };
}

/** The status alone, without building the reason: the hot path for bulk evaluation and KPI.RAG. */
export function statusOf(row: RowReading): Status {
  if (row.unrated !== null || row.aim === null) return "NA";
  return ragStatus({ value: row.value, target: row.target, aim: row.aim, band: row.band, floor: row.floor });
}

/** The status with its one-line reason, and why it is NA when it is. */
export function rateReading(row: RowReading): RagResult {
  if (row.unrated !== null || row.aim === null) {
    return {
      status: "NA",
      naKind: naKindOf("NA", row.value),
      gap: null,
      reason: `NA: ${row.unrated ?? "no aim given"}`,
    };
  }
  return rag({ value: row.value, target: row.target, aim: row.aim, band: row.band, floor: row.floor });
}

/** Reads a raw row and rates it. Unknown or malformed input gives NA with a reason that says what was wrong. */
export function rate(row: RawRow): RagResult {
  return rateReading(readRow(row));
}
