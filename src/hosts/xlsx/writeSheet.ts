/** Writes one sheet's part of a plan: value blocks, static styles, conditional rules, column widths. */
import type { Cell, CellValue as ExcelCellValue, Worksheet } from "exceljs";
import type { BlockWrite, OutCell, SheetWrite, StyledRange } from "../../workbook/port";
import { parseRangeRef } from "../../workbook/a1";
import { replaceConditionalRules } from "./conditionalFormats";
import { CellStyler } from "./styles";

export function writeSheet(ws: Worksheet, write: SheetWrite, styler: CellStyler): void {
  write.blocks.forEach((block) => writeBlock(ws, block));
  write.styles.forEach((styled) => writeStyle(ws, styled, styler));
  replaceConditionalRules(ws, write.conditionalRules);
  for (const { col, width } of write.columnWidths ?? []) ws.getColumn(col + 1).width = width;
}

function writeBlock(ws: Worksheet, block: BlockWrite): void {
  block.cells.forEach((cells, r) => {
    const row = ws.getRow(block.row + r + 1);
    cells.forEach((out, c) => {
      const cell = row.getCell(block.col + c + 1);
      // A cell covered by a merge forwards writes to the merge's top-left cell, which may be a user's cell.
      if (isCoveredByMerge(cell)) return;
      releaseSharedFormula(ws, cell);
      cell.value = toExcel(out);
    });
  });
}

function toExcel(out: OutCell): ExcelCellValue {
  if (out.formula === undefined) return out.value;
  const formula = out.formula.replace(/^=/, "");
  return out.value === null ? { formula } : { formula, result: out.value };
}

function writeStyle(ws: Worksheet, { range, style }: StyledRange, styler: CellStyler): void {
  for (let r = range.row; r < range.row + range.rows; r++) {
    const row = ws.getRow(r + 1);
    for (let c = range.col; c < range.col + range.cols; c++) styler.apply(row.getCell(c + 1), style);
  }
}

/**
 * Before the first cell of a shared formula (a formula filled down or across) is overwritten, the cells that share
 * it get the same formula of their own: ExcelJS cannot save a shared formula whose first cell is gone.
 */
function releaseSharedFormula(ws: Worksheet, master: Cell): void {
  const value = master.value as { shareType?: string; ref?: string } | null;
  if (!value || typeof value !== "object" || value.shareType !== "shared" || !value.ref) return;
  const range = parseRangeRef(value.ref);
  if (!range) return;
  for (let r = range.row; r < range.row + range.rows; r++) {
    for (let c = range.col; c < range.col + range.cols; c++) {
      const clone = ws.findCell(r + 1, c + 1);
      const shared = clone?.value as { sharedFormula?: string } | null | undefined;
      if (!clone || clone === master || shared?.sharedFormula !== master.address) continue;
      clone.value = { formula: clone.formula, result: clone.result };
    }
  }
}

function isCoveredByMerge(cell: Cell): boolean {
  return cell.master !== cell;
}
