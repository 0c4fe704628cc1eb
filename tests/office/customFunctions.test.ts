// The KPI.* functions as Excel calls them (excelBehaviour.callCustomFunction) with the metadata the build ships
// (dist/functions.json): error arguments, the shape they arrive in, and empty cells passed as 0 by some builds.
import { readFileSync } from "fs";
import path from "path";
import * as functions from "../../src/functions/functions";
import { readExcelCellValue } from "../../src/functions/excelErrors";
import { callCustomFunction, type ArgumentCell, type FunctionsMetadata } from "./excelBehaviour";

/** The part of the CustomFunctions runtime the wrappers use: errors with a code and a message. */
class FakeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
Object.assign(globalThis, { CustomFunctions: { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!" } } });

const BUILT = JSON.parse(
  readFileSync(path.resolve(__dirname, "..", "..", "dist", "functions.json"), "utf8"),
) as FunctionsMetadata;

const column = (...cells: ArgumentCell[]) => cells.map((cell) => [cell]);
const NA = { error: "#N/A" };

describe("error arguments (dist/functions.json)", () => {
  test("the built metadata lets every function take errors: the flag is set and every parameter is of type any", () => {
    expect(BUILT.allowErrorForDataTypeAny).toBe(true);
    for (const f of BUILT.functions) for (const p of f.parameters) expect([f.id, p.type]).toEqual([f.id, "any"]);
  });

  test("one #N/A in a whole-column call is NA in its own row, not #N/A over the whole spill", () => {
    const args = [column(104, NA, 80), column(100), column("Maximise")];
    expect(callCustomFunction(BUILT, "RAG", functions.rag, args)).toEqual([["Green"], ["NA"], ["Red"]]);
    // What Excel does with the generator's metadata alone: the function is never called.
    const generated = { ...BUILT, allowErrorForDataTypeAny: undefined };
    expect(callCustomFunction(generated, "RAG", functions.rag, args)).toEqual(NA);
  });

  test("the reason names the error", () => {
    const result = callCustomFunction(BUILT, "REASON", functions.reason, [
      column({ error: "#DIV/0!" }),
      column(100),
      column("Max"),
    ]);
    expect(result).toEqual([[expect.stringMatching(/^NA: .*#DIV\/0!/)]]);
  });

  test("trends with an error in the history or the previous value still rate from the figures there are", () => {
    const longTrend = callCustomFunction(BUILT, "LONGTREND", functions.longtrend, [
      [[90]],
      column(80, NA, 70),
      [["Max"]],
    ]);
    expect(longTrend).toEqual([["IMP"]]);
    const trend = callCustomFunction(BUILT, "TREND", functions.trend, [[[90]], [[NA]], [["Max"]]]);
    expect(trend).toEqual([["NA"]]);
  });
});

describe("empty cells (blanks passed as 0 on some desktop builds)", () => {
  test("a blank value reaches KPI.RAG as 0 there and is rated; the blank-safe argument Apply writes is NA on both", () => {
    const rag = (value: ArgumentCell, blanksAsZero: boolean) =>
      callCustomFunction(BUILT, "RAG", functions.rag, [[[value]], [[100]], [["Max"]]], { blanksAsZero });
    expect([rag(null, false), rag(null, true)]).toEqual([[["NA"]], [["Red"]]]);
    // IF(E5="","",E5) gives the function the empty string on every build.
    expect([rag("", false), rag("", true)]).toEqual([[["NA"]], [["NA"]]]);
  });
});

describe("Excel cell values", () => {
  test.each([
    [{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, { error: "#N/A" }],
    [{ type: "Error", errorType: "Div0" }, { error: "#DIV/0!" }],
    [{ type: "Error", errorType: "SomethingNew" }, { error: "#VALUE!" }],
    [{ type: "FormattedNumber", basicValue: 0.224, numberFormat: "0.0%" }, 0.224],
    [{ type: "String", basicValue: "Maximise" }, "Maximise"],
    [{ type: "Entity", text: "Medway" }, undefined],
    [{ error: "#N/A" }, undefined],
  ])("%j reads as %j", (raw, expected) => {
    expect(readExcelCellValue(raw)).toEqual(expected);
  });
});
