/**
 * The KPI.* worksheet functions as pure code, shared by Excel (functions.ts) and the HyperFormula tests and bench.
 * Each function is described once (its parameters and what it computes from one parsed row); one coercion turns
 * cells or ranges into rows, broadcasting single cells over ranges, and parses aims, targets, bands and floors in
 * one place. Problems come back as values (`InvalidInput`), never as exceptions, so each host maps them to its own
 * error type. No Office, no CustomFunctions global.
 */
import { counted, longTrend, parseValue, rateReading, readRow, relativeGap, statusOf, trend } from "../core";
import type { CellValue, Parsed, RawRow, RowReading } from "../core";
import { readExcelCellValue } from "./excelErrors";

/** A formula argument as the host passes it: a 2-D range (a single cell is 1×1), or null/undefined when omitted. */
export type KpiArg = readonly (readonly unknown[])[] | null | undefined;

/** Input that makes a result `#VALUE!`: an unknown aim, a malformed target, band or floor, or mismatched ranges. */
export interface InvalidInput {
  readonly invalid: string;
}

export type KpiCell = string | number | InvalidInput;
/** One result per row (and column) of the inputs, or one problem with the call as a whole. */
export type KpiResult = KpiCell[][] | InvalidInput;

/**
 * What a parameter means. `value`/`previous` are figures (NA when not numbers); `history` is a row of previous
 * figures; `target` may span two columns (lower, upper) for a Goldilocks range.
 */
type Role = "value" | "previous" | "history" | "target" | "aim" | "band" | "floor";

interface ParamSpec {
  /** Same name as the parameter of the Excel function (and so in functions.json). */
  readonly name: string;
  readonly role: Role;
  readonly optional?: boolean;
}

/** One output cell's inputs, read once by the core's row parse (the same one the workbook uses). */
interface Row {
  readonly reading: RowReading;
  readonly previous: number | null;
  readonly history: readonly (number | null)[];
}

interface FunctionSpec {
  readonly params: readonly ParamSpec[];
  readonly evaluate: (row: Row) => string | number;
}

const NA = "NA";
const figure = (parsed: Parsed<number>): number | null => (parsed.ok ? parsed.value : null);

const VALUE: ParamSpec = { name: "value", role: "value" };
const TARGET: ParamSpec = { name: "target", role: "target" };
/** Optional: a target such as `≥ 95%` or `Increase` implies the aim (SPEC §3). */
const AIM: ParamSpec = { name: "aim", role: "aim", optional: true };
const BAND: ParamSpec = { name: "band", role: "band", optional: true };
const FLOOR: ParamSpec = { name: "floor", role: "floor", optional: true };
const CURRENT: ParamSpec = { name: "current", role: "value" };
const TREND_TARGET: ParamSpec = { name: "target", role: "target", optional: true };

export const KPI_FUNCTIONS = {
  RAG: {
    params: [VALUE, TARGET, AIM, BAND, FLOOR],
    evaluate: (r) => statusOf(r.reading),
  },
  REASON: {
    params: [VALUE, TARGET, AIM, BAND, FLOOR],
    evaluate: (r) => rateReading(r.reading).reason,
  },
  GAP: {
    params: [VALUE, TARGET, AIM],
    evaluate: ({ reading: { value, target, aim } }) =>
      aim === null || value === null || target === null ? NA : (relativeGap(value, target, aim) ?? NA),
  },
  TREND: {
    params: [CURRENT, { name: "previous", role: "previous" }, AIM, TREND_TARGET],
    evaluate: ({ reading: { value, target, aim }, previous }) =>
      aim === null ? NA : trend(value, previous, aim, target),
  },
  LONGTREND: {
    params: [CURRENT, { name: "previous_values", role: "history" }, AIM, TREND_TARGET],
    evaluate: ({ reading: { value, target, aim }, history }) =>
      aim === null ? NA : longTrend(value, history, aim, target),
  },
} satisfies Record<string, FunctionSpec>;

export type KpiName = keyof typeof KPI_FUNCTIONS;
export const KPI_NAMES = Object.keys(KPI_FUNCTIONS) as KpiName[];

export interface Dims {
  readonly rows: number;
  readonly cols: number;
}

/** Size of the spilled result, with how each argument lines up with it. */
export interface Shape extends Dims {
  /** History ranges are read whole (one output cell) or one row per output row. */
  readonly historyWhole: boolean;
}

const invalid = (message: string): InvalidInput => ({ invalid: message });

export function isInvalid(x: unknown): x is InvalidInput {
  return typeof x === "object" && x !== null && "invalid" in x;
}

/**
 * The result's size from the arguments' sizes, or why they do not line up. Rows come from the tallest argument;
 * every other per-row argument has that many rows or one (broadcast). Columns come from the first argument.
 */
export function resultShape(name: KpiName, dims: readonly (Dims | null)[]): Shape | InvalidInput {
  const params = KPI_FUNCTIONS[name].params;
  if (dims.length > params.length) return invalid(`KPI.${name} takes at most ${params.length} arguments`);
  const cols = dims[0]?.cols ?? 1;
  let rows = 1;
  for (let i = 0; i < params.length; i++) {
    const d = dims[i];
    if (!d) {
      if (!params[i].optional) return invalid(`KPI.${name} needs a ${params[i].name}`);
      continue;
    }
    if (params[i].role !== "history") rows = Math.max(rows, d.rows);
  }
  const historyWhole = rows === 1 && cols === 1;
  for (let i = 0; i < params.length; i++) {
    const d = dims[i];
    const { name: param, role } = params[i];
    if (!d || (role === "history" && historyWhole)) continue;
    if (d.rows !== 1 && d.rows !== rows) {
      return invalid(`${param} has ${counted(d.rows, "row")} but ${rows} are needed (or a single cell)`);
    }
    if (role === "target" && d.cols > 2) {
      return invalid(`target has ${d.cols} columns: give one, or two (lower, upper) for a Goldilocks range`);
    }
    if (role !== "target" && role !== "history" && d.cols !== 1 && d.cols !== cols) {
      return invalid(`${param} has ${counted(d.cols, "column")} but ${params[0].name} has ${cols}`);
    }
  }
  return { rows, cols, historyWhole };
}

/** Cells as hosts deliver them; anything else (a rich value, say) is not a figure. */
export function cellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return raw;
  switch (typeof raw) {
    case "string":
    case "number":
    case "boolean":
      return raw;
  }
  if (raw instanceof Date) return raw;
  if (typeof raw === "object" && "error" in raw && typeof raw.error === "string") return { error: raw.error };
  const excel = typeof raw === "object" ? readExcelCellValue(raw) : undefined;
  return excel === undefined ? { error: "#VALUE!" } : excel;
}

/** The row of a (broadcast) argument for output row r: a single row serves every output row. */
function rowOf(grid: readonly (readonly unknown[])[], r: number): readonly unknown[] {
  return grid.length === 1 ? grid[0] : grid[r];
}

/** The cell of a (broadcast) argument for output cell (r, c). */
function pick(grid: readonly (readonly unknown[])[], r: number, c: number): CellValue {
  const row = rowOf(grid, r);
  return cellValue(row.length === 1 ? row[0] : row[c]);
}

function historyOf(grid: readonly (readonly unknown[])[], r: number, whole: boolean): (number | null)[] {
  const rows = whole ? grid : [rowOf(grid, r)];
  return rows.flatMap((row) => row.map((cell) => figure(parseValue(cellValue(cell)))));
}

const NO_HISTORY: readonly (number | null)[] = [];

/** A row argument's cells for output row r: the target may be two cells (lower, upper) of a Goldilocks range. */
export function targetCells(grid: readonly (readonly unknown[])[], r: number): [CellValue, CellValue] {
  const row = rowOf(grid, r);
  return [cellValue(row[0]), row.length === 2 ? cellValue(row[1]) : undefined];
}

/**
 * Reads the inputs of output cell (r, c) with the core's one row parse. A malformed input (unknown aim, unreadable
 * target, an aim that contradicts the target) makes the cell #VALUE! with the same reason the workbook gives.
 */
function rowAt(
  params: readonly ParamSpec[],
  args: readonly KpiArg[],
  r: number,
  c: number,
  shape: Shape,
): Row | InvalidInput {
  const raw: { -readonly [K in keyof RawRow]: RawRow[K] } = { value: undefined, target: undefined, aim: undefined };
  let previous: number | null = null;
  let history: readonly (number | null)[] = NO_HISTORY;
  for (let i = 0; i < params.length; i++) {
    const grid = args[i];
    if (!grid) continue;
    switch (params[i].role) {
      case "value":
        raw.value = pick(grid, r, c);
        break;
      case "previous":
        previous = figure(parseValue(pick(grid, r, c)));
        break;
      case "history":
        history = historyOf(grid, r, shape.historyWhole);
        break;
      case "target":
        [raw.target, raw.targetUpper] = targetCells(grid, r);
        break;
      case "aim":
        raw.aim = pick(grid, r, c);
        break;
      case "band":
        raw.band = pick(grid, r, c);
        break;
      case "floor":
        raw.floor = pick(grid, r, c);
        break;
    }
  }
  const reading = readRow(raw);
  const wrong = reading.problems.find((p) => p.invalid);
  return wrong ? invalid(wrong.reason) : { reading, previous, history };
}

function dimsOf(arg: KpiArg): Dims | null {
  return arg && arg.length > 0 ? { rows: arg.length, cols: arg[0].length } : null;
}

/** Evaluates KPI.<name> on its arguments: one result per output cell, or the reason the call cannot be evaluated. */
export function evaluateKpi(name: KpiName, args: readonly KpiArg[]): KpiResult {
  const spec: FunctionSpec = KPI_FUNCTIONS[name];
  const shape = resultShape(name, args.map(dimsOf));
  if (isInvalid(shape)) return shape;
  const out: KpiCell[][] = [];
  for (let r = 0; r < shape.rows; r++) {
    const line: KpiCell[] = [];
    for (let c = 0; c < shape.cols; c++) {
      const row = rowAt(spec.params, args, r, c, shape);
      line.push(isInvalid(row) ? row : spec.evaluate(row));
    }
    out.push(line);
  }
  return out;
}
