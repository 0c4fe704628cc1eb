/**
 * KPI.SPC and KPI.ASSURANCE registered in HyperFormula beside the row-by-row KPI functions (kpiHyperFormula.ts),
 * running the implementation Excel runs (src/functions/spc.ts): a series per call, or one per row of a block.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin } from "hyperformula";
import { HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ImplementedFunctions } from "hyperformula";
import { isInvalid } from "../../src/functions/kpi";
import { evaluateSpc, seriesCount, SPC_FUNCTIONS, SPC_NAMES } from "../../src/functions/spc";
import type { SpcName } from "../../src/functions/spc";
import { toEngine, toGrid } from "./kpiHyperFormula";
import type { InterpreterState, InterpreterValue, ProcedureAst } from "./kpiHyperFormula";

const functionId = (name: SpcName) => `KPI.${name}`;

function metadata(name: SpcName) {
  return {
    method: name.toLowerCase(),
    sizeOfResultArrayMethod: "resultSize",
    vectorizationForbidden: true,
    parameters: SPC_FUNCTIONS[name].params.map(() => ({ argumentType: FunctionArgumentType.ANY })),
  };
}

export class SpcPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    SPC_NAMES.map((name) => [functionId(name), metadata(name)]),
  );

  spc(ast: ProcedureAst, state: InterpreterState) {
    return this.series("SPC", ast, state);
  }
  assurance(ast: ProcedureAst, state: InterpreterState) {
    return this.series("ASSURANCE", ast, state);
  }

  /** One row per series, split as the Excel functions split `values` (seriesCount). */
  resultSize(ast: ProcedureAst, state: InterpreterState): ArraySize {
    const values = ast.args[0] === undefined ? null : this.arraySizeForAst(ast.args[0], state);
    return new ArraySize(1, values === null ? 1 : seriesCount(values.height, values.width));
  }

  private series(name: SpcName, ast: ProcedureAst, state: InterpreterState): InterpreterValue {
    return this.runFunction(ast.args, state, this.metadata(functionId(name)), (...args: unknown[]) => {
      const result = evaluateSpc(name, args.map(toGrid));
      if (isInvalid(result)) return new CellError(ErrorType.VALUE, result.invalid);
      const cells = result.map((line) => line.map(toEngine));
      return cells.length === 1 ? cells[0][0] : SimpleRangeValue.onlyValues(cells);
    });
  }
}

let registered = false;

/** Registers KPI.SPC and KPI.ASSURANCE once per process (HyperFormula's registry is global). */
export function registerSpcFunctions(): void {
  if (registered) return;
  const names = Object.fromEntries(SPC_NAMES.map((name) => [functionId(name), functionId(name)]));
  HyperFormula.registerFunctionPlugin(SpcPlugin, { enGB: names });
  registered = true;
}
