/**
 * Excel's cell values as a custom function receives them. functions.json sets `allowCustomDataForDataTypeAny` (the
 * metadata generator's default) and `allowErrorForDataTypeAny` (added at build), so an `any` argument can hold Excel
 * cell value objects rather than plain values:
 * - an error arrives as an ErrorCellValue, `{ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }`
 *   (learn.microsoft.com/javascript/api/excel/excel.errorcellvalue; basicValue is what Range.values would give);
 * - other data types (formatted numbers, strings, booleans) carry their plain value in `basicValue`
 *   (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts).
 */
import type { CellValue } from "../core";

/** ErrorCellValue.errorType → the error as Excel shows it, for the rare value that comes without basicValue. */
const ERROR_TEXT: Readonly<Record<string, string>> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  Name: "#NAME?",
  NotAvailable: "#N/A",
  Null: "#NULL!",
  Num: "#NUM!",
  Python: "#PYTHON!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/** The cell value an Excel cell value object stands for, or undefined when `raw` is not one. */
export function readExcelCellValue(raw: object): CellValue | undefined {
  if (!("type" in raw) || typeof raw.type !== "string") return undefined;
  const basic = "basicValue" in raw ? raw.basicValue : undefined;
  if (raw.type === "Error") {
    if (typeof basic === "string" && basic.startsWith("#")) return { error: basic };
    const kind = "errorType" in raw && typeof raw.errorType === "string" ? raw.errorType : "";
    return { error: ERROR_TEXT[kind] ?? "#VALUE!" };
  }
  if (typeof basic === "number" || typeof basic === "string" || typeof basic === "boolean") return basic;
  return undefined;
}
