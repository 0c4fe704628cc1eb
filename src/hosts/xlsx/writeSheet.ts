/** Writes one sheet's part of a plan: value blocks, static styles, conditional rules, column widths. */
import type { Cell, CellValue as ExcelCellValue, Worksheet } from "exceljs";
import type { BlockWrite, OutCell, SheetWrite, StyledRange } from "../../workbook/port";
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

function isCoveredByMerge(cell: Cell): boolean {
  return cell.master !== cell;
}
