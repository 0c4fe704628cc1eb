/**
 * ExcelJS cell contents -> the port's CellValue, as Excel itself would show them:
 * rich text and hyperlinks become their text, formula cells their cached result,
 * error cells `{ error }`, and cells covered by a merge (not its top-left) are empty,
 * as Office.js reports them.
 */
import type { Cell, CellValue as ExcelCellValue } from "exceljs";
import type { CellValue } from "../../core";

interface RichTextRun {
  readonly text: string;
}

export function readCellValue(cell: Cell): CellValue {
  if (cell.master !== cell) return null;
  return fromExcel(cell.value);
}

/** "=…" for formula and shared-formula cells (ExcelJS translates shared formulas per cell). */
export function readCellFormula(cell: Cell): string | null {
  if (cell.master !== cell) return null;
  const value = cell.value;
  if (value === null || typeof value !== "object" || !("formula" in value || "sharedFormula" in value)) return null;
  const formula = cell.formula;
  return formula ? `=${formula}` : null;
}

function fromExcel(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return richTextOf(value.richText);
  if ("error" in value) return { error: value.error };
  if ("formula" in value || "sharedFormula" in value) return fromExcel(value.result as ExcelCellValue | undefined);
  if ("hyperlink" in value) return hyperlinkText(value.text as unknown);
  return null;
}

function richTextOf(runs: readonly RichTextRun[]): string {
  return runs.map((run) => run.text).join("");
}

function hyperlinkText(text: unknown): string {
  if (typeof text === "string") return text;
  if (text && typeof text === "object" && "richText" in text)
    return richTextOf((text as { richText: RichTextRun[] }).richText);
  return "";
}
