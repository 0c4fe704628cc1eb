/**
 * The KPI.* functions registered in HyperFormula (GPL-3.0: a dev dependency for tests and benchmarks only), running
 * the same implementation Excel runs (src/functions/kpi.ts) inside a real formula engine: references, ranges,
 * spills, recalculation. HyperFormula accepts dots in function names, so the names are the ones users type.
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin } from "hyperformula";
import { HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import { evaluateKpi, isInvalid, KPI_FUNCTIONS, KPI_NAMES, resultShape } from "../../src/functions/kpi";
import type { KpiArg, KpiCell, KpiName } from "../../src/functions/kpi";

// HyperFormula's package exports do not expose its AST and interpreter types; take them from the plugin API.
type RunFunction = FunctionPlugin["runFunction"];
type Ast = Parameters<RunFunction>[0][number];
export type InterpreterState = Parameters<RunFunction>[1];
export type InterpreterValue = ReturnType<RunFunction>;
/** The part of a function-call AST node the plugin reads. */
export interface ProcedureAst {
  readonly procedureName: string;
  readonly args: Ast[];
}

/** HyperFormula's error types as Excel spells them, so the engine's own parsing sees `#N/A` as in a workbook. */
const EXCEL_ERROR: Partial<Record<ErrorType, string>> = {
  [ErrorType.NA]: "#N/A",
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
};

/**
 * Some Excel desktop builds pass an empty cell to a custom function as 0 (tests/office/excelBehaviour.ts,
 * blanksAsZero); with this on, the engine's KPI.* functions get empty cells that way too.
 */
let blanksAsZero = false;

export function passBlanksAsZero(on: boolean): void {
  blanksAsZero = on;
}

function toCell(value: unknown): unknown {
  if (value === EmptyValue) return blanksAsZero ? 0 : null;
  if (value instanceof CellError) return { error: EXCEL_ERROR[value.type] ?? `#${value.type}!` };
  // Percentages, dates and currencies arrive as rich numbers ({ val }); the rules want the figure.
  if (typeof value === "object" && value !== null && "val" in value) return value.val;
  return value;
}

/** An argument as Excel passes it to a matrix parameter: always 2-D. */
export function toGrid(arg: unknown): KpiArg {
  if (arg === undefined) return undefined;
  if (arg instanceof SimpleRangeValue) return arg.data.map((row) => row.map(toCell));
  return [[toCell(arg)]];
}

/** An A1 reference ("S6") on the engine's first sheet, as HyperFormula addresses cells. */
export function cellAddress(ref: string): { sheet: number; row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { sheet: 0, row: Number(m[2]) - 1, col };
}

const isEmpty = (ast: Ast): boolean => (ast as { type?: unknown }).type === "EMPTY";

export const toEngine = (cell: KpiCell) => (isInvalid(cell) ? new CellError(ErrorType.VALUE, cell.invalid) : cell);

const functionId = (name: KpiName) => `KPI.${name}`;

function metadata(name: KpiName) {
  return {
    method: name.toLowerCase(),
    sizeOfResultArrayMethod: "resultSize",
    vectorizationForbidden: true,
    parameters: KPI_FUNCTIONS[name].params.map((p) => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: Boolean("optional" in p && p.optional),
    })),
  };
}

export class KpiPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    KPI_NAMES.map((name) => [functionId(name), metadata(name)]),
  );

  // HyperFormula looks methods up on the prototype by name, so each function gets a real method.
  rag(ast: ProcedureAst, state: InterpreterState) {
    return this.kpi("RAG", ast, state);
  }
  trend(ast: ProcedureAst, state: InterpreterState) {
    return this.kpi("TREND", ast, state);
  }
  longtrend(ast: ProcedureAst, state: InterpreterState) {
    return this.kpi("LONGTREND", ast, state);
  }
  gap(ast: ProcedureAst, state: InterpreterState) {
    return this.kpi("GAP", ast, state);
  }
  reason(ast: ProcedureAst, state: InterpreterState) {
    return this.kpi("REASON", ast, state);
  }

  /** The spill size, known before evaluation (HyperFormula reserves the cells), from the same shape rule. */
  resultSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const name = ast.procedureName.replace(/^KPI\./, "") as KpiName;
    const dims = ast.args.map((arg: Ast) => {
      const size = this.arraySizeForAst(arg, state);
      return { rows: size.height, cols: size.width };
    });
    const shape = resultShape(name, dims);
    return isInvalid(shape) ? ArraySize.scalar() : new ArraySize(shape.cols, shape.rows);
  }

  /**
   * Evaluates the arguments itself rather than through runFunction, which returns an argument's error without
   * calling the function. Excel calls KPI.* with errors in its arguments (functions.json's allowErrorForDataTypeAny),
   * so here too an error, in a cell, a range or given directly, reaches the rules as `{ error }`.
   */
  private kpi(name: KpiName, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    // An empty argument (`KPI.RAG(B2,C2,,0.1)`) is omitted, as Excel passes it; EMPTY is HyperFormula's AstNodeType.
    const args = ast.args.map((arg) => (isEmpty(arg) ? undefined : this.evaluateAst(arg, state)));
    const result = evaluateKpi(name, args.map(toGrid));
    if (isInvalid(result)) return new CellError(ErrorType.VALUE, result.invalid);
    const cells = result.map((line) => line.map(toEngine));
    return cells.length === 1 && cells[0].length === 1 ? cells[0][0] : SimpleRangeValue.onlyValues(cells);
  }
}

let registered = false;

/** Registers KPI.* once per process (HyperFormula's registry is global). */
export function registerKpiFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(KPI_NAMES.map((name) => [functionId(name), functionId(name)]));
  HyperFormula.registerFunctionPlugin(KpiPlugin, { enGB: names });
  registered = true;
}
