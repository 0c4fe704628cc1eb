/**
 * The KPI.* worksheet functions as pure code, shared by Excel (functions.ts) and the HyperFormula tests and bench.
 * Each function is described once (its parameters and what it computes from one parsed row); one coercion turns
 * cells or ranges into rows, broadcasting single cells over ranges, and parses aims, targets, bands and floors in
 * one place. Problems come back as values (`InvalidInput`), never as exceptions, so each host maps them to its own
 * error type. No Office, no CustomFunctions global.
 */
import {
  DEFAULT_BAND,
  counted,
  longTrend,
  parseAim,
  parseBand,
  parseFloor,
  parseTarget,
  parseValue,
  rag,
  ragStatus,
  relativeGap,
  trend,
} from "../core";
import type { Aim, CellValue, Parsed, Target } from "../core";
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

/** One output cell's inputs, parsed. */
interface Row {
  readonly value: Parsed<number>;
  readonly previous: number | null;
  readonly history: readonly (number | null)[];
  readonly target: Target | null;
  /** null when the aim cell is blank. */
  readonly aim: Aim | null;
  readonly band: number;
  readonly floor: number | null;
}

interface FunctionSpec {
  readonly params: readonly ParamSpec[];
  readonly evaluate: (row: Row) => string | number;
}

const NA = "NA";
const figure = (parsed: Parsed<number>): number | null => (parsed.ok ? parsed.value : null);

const VALUE: ParamSpec = { name: "value", role: "value" };
const TARGET: ParamSpec = { name: "target", role: "target" };
const AIM: ParamSpec = { name: "aim", role: "aim" };
const BAND: ParamSpec = { name: "band", role: "band", optional: true };
const FLOOR: ParamSpec = { name: "floor", role: "floor", optional: true };
const CURRENT: ParamSpec = { name: "current", role: "value" };
const TREND_TARGET: ParamSpec = { name: "target", role: "target", optional: true };

export const KPI_FUNCTIONS = {
  RAG: {
    params: [VALUE, TARGET, AIM, BAND, FLOOR],
    evaluate: (r) =>
      r.aim === null
        ? NA
        : ragStatus({ value: figure(r.value), target: r.target, aim: r.aim, band: r.band, floor: r.floor }),
  },
  REASON: {
    params: [VALUE, TARGET, AIM, BAND, FLOOR],
    evaluate: (r) => {
      if (r.aim === null) return "NA: no aim given";
      if (!r.value.ok) return `NA: ${r.value.reason}`;
      return rag({ value: r.value.value, target: r.target, aim: r.aim, band: r.band, floor: r.floor }).reason;
    },
  },
  GAP: {
    params: [VALUE, TARGET, AIM],
    evaluate: (r) =>
      r.aim === null || !r.value.ok || r.target === null ? NA : (relativeGap(r.value.value, r.target, r.aim) ?? NA),
  },
  TREND: {
    params: [CURRENT, { name: "previous", role: "previous" }, AIM, TREND_TARGET],
    evaluate: (r) => (r.aim === null ? NA : trend(figure(r.value), r.previous, r.aim, r.target)),
  },
  LONGTREND: {
    params: [CURRENT, { name: "previous_values", role: "history" }, AIM, TREND_TARGET],
    evaluate: (r) => (r.aim === null ? NA : longTrend(figure(r.value), r.history, r.aim, r.target)),
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
function cellValue(raw: unknown): CellValue {
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

function parseTargetCell(grid: readonly (readonly unknown[])[], r: number): Target | null | InvalidInput {
  const row = rowOf(grid, r);
  const parsed = parseTarget(cellValue(row[0]), row.length === 2 ? cellValue(row[1]) : undefined);
  return parsed.ok ? parsed.value : parsed.na ? null : invalid(parsed.reason);
}

// Shared defaults: evaluating a million-row spill should not allocate them per cell.
const NO_VALUE: Parsed<number> = { ok: false, na: true, reason: "no value" };
const NO_HISTORY: readonly (number | null)[] = [];

/** Parses the inputs of output cell (r, c); the first malformed argument, in parameter order, wins. */
function rowAt(
  params: readonly ParamSpec[],
  args: readonly KpiArg[],
  r: number,
  c: number,
  shape: Shape,
): Row | InvalidInput {
  let value = NO_VALUE;
  let previous: number | null = null;
  let history: readonly (number | null)[] = NO_HISTORY;
  let target: Target | null = null;
  let aim: Aim | null = null;
  let band = DEFAULT_BAND;
  let floor: number | null = null;
  for (let i = 0; i < params.length; i++) {
    const grid = args[i];
    if (!grid) continue;
    switch (params[i].role) {
      case "value":
        value = parseValue(pick(grid, r, c));
        break;
      case "previous":
        previous = figure(parseValue(pick(grid, r, c)));
        break;
      case "history":
        history = historyOf(grid, r, shape.historyWhole);
        break;
      case "target": {
        const parsed = parseTargetCell(grid, r);
        if (isInvalid(parsed)) return parsed;
        target = parsed;
        break;
      }
      case "aim": {
        const parsed = parseAim(pick(grid, r, c));
        if (!parsed.ok && !parsed.na) return invalid(parsed.reason);
        aim = parsed.ok ? parsed.value : null;
        break;
      }
      case "band": {
        const parsed = parseBand(pick(grid, r, c));
        if (!parsed.ok && !parsed.na) return invalid(parsed.reason);
        band = parsed.ok ? parsed.value : DEFAULT_BAND;
        break;
      }
      case "floor": {
        const parsed = parseFloor(pick(grid, r, c));
        if (!parsed.ok && !parsed.na) return invalid(parsed.reason);
        floor = figure(parsed);
        break;
      }
    }
  }
  return { value, previous, history, target, aim, band, floor };
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
