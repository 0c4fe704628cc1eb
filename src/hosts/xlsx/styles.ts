/** The port's CellStyle as ExcelJS cell styles and conditional-format (dxf) styles. */
import type { Cell, Fill, Font, Style } from "exceljs";
import type { CellStyle } from "../../workbook/port";

/** "#RRGGBB" -> "FFRRGGBB" (opaque ARGB, as Excel stores it). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

export function solidFill(hex: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

function fontChanges(style: CellStyle): Partial<Font> | null {
  const font: Partial<Font> = {};
  if (style.font !== undefined) font.color = { argb: argb(style.font) };
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  return Object.keys(font).length ? font : null;
}

/**
 * Applies a style to one cell. Cells loaded from a file share style objects (one per style id),
 * so the cell gets a fresh style object: mutating the shared one would restyle unrelated cells.
 */
export function applyCellStyle(cell: Cell, style: CellStyle): void {
  const next: Partial<Style> = { ...cell.style };
  if (style.fill !== undefined) next.fill = solidFill(style.fill);
  const font = fontChanges(style);
  if (font) next.font = { ...cell.style.font, ...font };
  if (style.numberFormat !== undefined) next.numFmt = style.numberFormat;
  if (style.wrap !== undefined) next.alignment = { ...cell.style.alignment, wrapText: style.wrap };
  cell.style = next as Style;
}

/** Differential style for a conditional format rule: Excel reads a dxf solid fill from bgColor. */
export function conditionalStyle(style: CellStyle): Partial<Style> {
  const dxf: Partial<Style> = {};
  if (style.fill !== undefined) {
    dxf.fill = {
      type: "pattern",
      pattern: "solid",
      bgColor: { argb: argb(style.fill) },
      fgColor: { argb: argb(style.fill) },
    };
  }
  const font = fontChanges(style);
  if (font) dxf.font = font;
  if (style.numberFormat !== undefined) dxf.numFmt = style.numberFormat;
  return dxf;
}
