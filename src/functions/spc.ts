/**
 * KPI.SPC and KPI.ASSURANCE as pure code, shared by Excel (functions.ts) and the HyperFormula tests. Unlike the
 * row-by-row KPI functions, `values` is a series: a single row or column is one measure's history (oldest first);
 * a block of several rows and columns holds one measure per row and spills one result per row, with `aim` and
 * `target` given once or per row. Cells are read as the other functions read them (kpi.ts); anything that is not
 * a number (blank, NA words, errors) is a gap in the series, not a point.
 */
import { parseValue, readRow } from "../core";
import type { RowReading } from "../core";
import { spc } from "../core/spc";
import { cellValue, isInvalid, targetCells } from "./kpi";
import type { InvalidInput, KpiArg, KpiResult } from "./kpi";

interface SpcParam {
  /** Same name as the parameter of the Excel function (and so in functions.json). */
  readonly name: string;
  readonly optional?: boolean;
}

export const SPC_FUNCTIONS = {
  SPC: { params: [{ name: "values" }, { name: "aim" }] },
  ASSURANCE: { params: [{ name: "values" }, { name: "aim" }, { name: "target" }] },
} satisfies Record<string, { readonly params: readonly SpcParam[] }>;

export type SpcName = keyof typeof SPC_FUNCTIONS;
export const SPC_NAMES = Object.keys(SPC_FUNCTIONS) as SpcName[];

type Grid = readonly (readonly unknown[])[];

const invalid = (message: string): InvalidInput => ({ invalid: message });

/** How many series a `values` range of this size holds: one when it is one row or one column, otherwise one per row. */
export function seriesCount(rows: number, cols: number): number {
  return rows === 1 || cols === 1 ? 1 : rows;
}

/** The series in `values`, as seriesCount splits it. */
function seriesOf(values: Grid): (number | null)[][] {
  const lines = seriesCount(values.length, values[0].length) === 1 ? [values.flat()] : values;
  return lines.map((line) =>
    line.map((cell) => {
      const parsed = parseValue(cellValue(cell));
      return parsed.ok ? parsed.value : null;
    }),
  );
}

/** How many results the call spills (one per series), or why its arguments do not line up. */
export function spcRows(name: SpcName, args: readonly KpiArg[]): number | InvalidInput {
  const params = SPC_FUNCTIONS[name].params;
  if (args.length > params.length) return invalid(`KPI.${name} takes at most ${params.length} arguments`);
  for (let i = 0; i < params.length; i++) {
    if (!args[i] || args[i]!.length === 0) return invalid(`KPI.${name} needs ${params[i].name}`);
  }
  const values = args[0]!;
  const rows = seriesCount(values.length, values[0].length);
  for (let i = 1; i < params.length; i++) {
    const grid = args[i]!;
    const param = params[i].name;
    if (grid.length !== 1 && grid.length !== rows) {
      return invalid(
        rows === 1
          ? `${param} has ${grid.length} rows but values is one series (give one ${param})`
          : `${param} has ${grid.length} rows but values has ${rows} series, one per row (or give one cell)`,
      );
    }
    const maxCols = param === "target" ? 2 : 1;
    if (grid[0].length > maxCols) {
      return invalid(
        param === "target"
          ? `target has ${grid[0].length} columns: give one, or two (lower, upper) for a Goldilocks range`
          : `aim has ${grid[0].length} columns: give one per series`,
      );
    }
  }
  return rows;
}

/**
 * The aim and target of series r, read by the core's row parse as every KPI function reads them: a target such as
 * "≥ 95%" implies the aim, and an unknown aim, an unreadable target or an aim the target contradicts is #VALUE!.
 */
function readingAt(aims: Grid, targets: Grid | undefined, r: number): RowReading | InvalidInput {
  const [target, targetUpper] = targets ? targetCells(targets, r) : [undefined, undefined];
  const reading = readRow({
    value: undefined,
    aim: cellValue((aims.length === 1 ? aims[0] : aims[r])[0]),
    target,
    targetUpper,
  });
  const wrong = reading.problems.find((p) => p.invalid);
  return wrong ? invalid(wrong.reason) : reading;
}

/** KPI.SPC (variation) or KPI.ASSURANCE for each series: one column, one row per series. */
export function evaluateSpc(name: SpcName, args: readonly KpiArg[]): KpiResult {
  const rows = spcRows(name, args);
  if (isInvalid(rows)) return rows;
  const [values, aims, targets] = args as [Grid, Grid, Grid | undefined];
  return seriesOf(values).map((series, r) => {
    const reading = readingAt(aims, targets, r);
    if (isInvalid(reading)) return [reading];
    const result = spc(series, reading.aim, reading.target);
    return [name === "SPC" ? result.variation : result.assurance];
  });
}
