/**
 * Static colours. They come as one range per run of equal statuses down a column (a StyledColumn is expanded to
 * those runs): tens of thousands on a long table. When no two ranges overlap (so the order they are applied in
 * cannot matter), ranges of one style are styled together through multi-area ranges (Worksheet.getRanges), a few
 * hundred areas per call.
 *
 * getRanges wants its areas separated by the list separator of Excel's locale: under a ";" locale Excel desktop
 * refuses "E5:E9,E12:E20" with InvalidArgument (office-js#1167, #1985), and no API tells the separator. Each
 * multi-area operation therefore carries its fallback, the same areas styled one range at a time, which the
 * batch runner uses when Excel refuses it.
 */
import type { CellRange, CellStyle, StyledRange, StyleWrite } from "../../workbook/port";
import { rangeToA1 } from "../../workbook/a1";
import { styledRanges } from "../../workbook/styleRuns";
import type { XlRangeFormat } from "./excelApi";
import { ACTION_BYTES, jsonBytes } from "./payload";
import type { WriteOp } from "./writeOps";

/** Longest address list handed to getRanges: Excel refuses some lists of ~8,000 characters (office-js#5198). */
const AREAS_ADDRESS_CHARS = 2_000;

export function styleOps(sheet: string, styles: readonly StyleWrite[]): WriteOp[] {
  const merged = mergeStyles(styledRanges(styles));
  if (merged.length < 2 || !disjoint(merged.map((s) => s.range))) return merged.map((s) => styleOp(sheet, s));
  const byStyle = new Map<string, StyledRange[]>();
  for (const styled of merged) {
    const key = JSON.stringify(styled.style);
    const list = byStyle.get(key);
    if (list) list.push(styled);
    else byStyle.set(key, [styled]);
  }
  const ops: WriteOp[] = [];
  for (const group of byStyle.values()) {
    const { style } = group[0];
    // Multi-area ranges have no number format; those few go range by range.
    if (group.length === 1 || style.numberFormat !== undefined) {
      for (const styled of group) ops.push(styleOp(sheet, styled));
    } else {
      for (const list of addressLists(group)) ops.push(areasStyleOp(sheet, list, style));
    }
  }
  return ops;
}

/** Consecutive ranges with one style, stacked in the same columns, become one range. */
function mergeStyles(styles: Iterable<StyledRange>): StyledRange[] {
  const merged: StyledRange[] = [];
  for (const styled of styles) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.range.col === styled.range.col &&
      last.range.cols === styled.range.cols &&
      last.range.row + last.range.rows === styled.range.row &&
      JSON.stringify(last.style) === JSON.stringify(styled.style)
    ) {
      merged[merged.length - 1] = {
        style: last.style,
        range: { ...last.range, rows: last.range.rows + styled.range.rows },
      };
    } else merged.push(styled);
  }
  return merged;
}

/** Whether no cell is in two of the ranges. */
function disjoint(ranges: readonly CellRange[]): boolean {
  const byColumn = new Map<number, [number, number][]>();
  for (const r of ranges) {
    for (let c = r.col; c < r.col + r.cols; c += 1) {
      const spans = byColumn.get(c) ?? [];
      spans.push([r.row, r.row + r.rows]);
      byColumn.set(c, spans);
    }
  }
  for (const spans of byColumn.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i += 1) if (spans[i][0] < spans[i - 1][1]) return false;
  }
  return true;
}

/** The styled ranges in lists whose comma-separated addresses stay under the length Excel accepts. */
function addressLists(styled: readonly StyledRange[]): StyledRange[][] {
  const lists: StyledRange[][] = [];
  let current: StyledRange[] = [];
  let chars = 0;
  for (const s of styled) {
    const length = rangeToA1(s.range).length + 1;
    if (current.length > 0 && chars + length > AREAS_ADDRESS_CHARS) {
      lists.push(current);
      current = [];
      chars = 0;
    }
    current.push(s);
    chars += length;
  }
  if (current.length > 0) lists.push(current);
  return lists;
}

/**
 * The font, fill and wrap parts of a style, the same for one range and for multi-area ranges.
 * `plain`: the fill is cleared (RangeFill.clear); the font colour goes to black, not Automatic as the .xlsx host's
 * default font gives, because Office.js documents RangeFont.color only as an HTML colour code ("#FF0000"; ExcelApi
 * 1.1, learn.microsoft.com/javascript/api/excel/excel.rangefont#excel-excel-rangefont-color-member) and has no font
 * counterpart of RangeFill.clear. The documented ways back to Automatic, Range.clear("Formats") and Range.style =
 * "Normal", would also drop the user's borders, number formats and alignment in those cells.
 */
function applyFormat({ format }: { readonly format: XlRangeFormat }, style: CellStyle): void {
  if (style.plain) {
    format.fill.clear();
    format.font.color = "#000000";
  }
  if (style.font !== undefined) format.font.color = style.font;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
}

function areasStyleOp(sheet: string, styled: readonly StyledRange[], style: CellStyle): WriteOp {
  const addresses = styled.map((s) => rangeToA1(s.range)).join(",");
  return {
    sheet,
    part: "format",
    bytes: (2 + Object.keys(style).length) * ACTION_BYTES + jsonBytes(addresses) + jsonBytes(style),
    queue: (t) => {
      applyFormat(t.sheet(sheet).getRanges(addresses), style);
    },
    fallback: styled.map((s) => styleOp(sheet, s)),
  };
}

function styleOp(sheet: string, styled: StyledRange): WriteOp {
  const address = rangeToA1(styled.range);
  const { style } = styled;
  return {
    sheet,
    part: "format",
    bytes: (2 + Object.keys(style).length) * ACTION_BYTES + jsonBytes(address) + jsonBytes(style),
    queue: (t) => {
      const range = t.sheet(sheet).getRange(address);
      applyFormat(range, style);
      // A single number format applies to every cell of the range (multi-area ranges have no numberFormat).
      if (style.numberFormat !== undefined) range.numberFormat = style.numberFormat;
    },
  };
}
