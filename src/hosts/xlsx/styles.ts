/** The port's CellStyle as ExcelJS cell styles and conditional-format (dxf) styles. */
import type { Cell, Fill, Font, Style } from "exceljs";
import type { CellStyle } from "../../workbook/port";

/** "#RRGGBB" -> "FFRRGGBB" (opaque ARGB, as Excel stores it). */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function solidFill(hex: string): Fill {
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
 * Applies plan styles to cells. Cells loaded from a file share style objects (one per style id), so a styled cell
 * gets another style object rather than a changed shared one, which would restyle unrelated cells. Cells that had
 * the same style and get the same change share the result: ExcelJS then writes that style once instead of
 * serialising a copy per cell (tens of thousands of status cells).
 */
export class CellStyler {
  /** Empty styles are all alike, whatever object holds them: one key for all of them. */
  private static readonly EMPTY = {};
  private readonly results = new WeakMap<object, Map<string, Style>>();

  apply(cell: Cell, style: CellStyle): void {
    const base = Object.keys(cell.style).length === 0 ? CellStyler.EMPTY : cell.style;
    let byChange = this.results.get(base);
    if (!byChange) {
      byChange = new Map();
      this.results.set(base, byChange);
    }
    const key = JSON.stringify(style);
    let result = byChange.get(key);
    if (!result) {
      result = styled(cell.style, style);
      byChange.set(key, result);
    }
    cell.style = result;
  }
}

function styled(base: Partial<Style>, style: CellStyle): Style {
  const next: Partial<Style> = { ...base };
  if (style.fill !== undefined) next.fill = solidFill(style.fill);
  const font = fontChanges(style);
  if (font) next.font = { ...base.font, ...font };
  if (style.numberFormat !== undefined) next.numFmt = style.numberFormat;
  if (style.wrap !== undefined) next.alignment = { ...base.alignment, wrapText: style.wrap };
  return next as Style;
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
