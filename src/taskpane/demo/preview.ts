/**
 * A read-only picture of one worksheet for the browser demo, read from the workbook's package by the .xlsx host's
 * own sheet reader: the text Excel would show and the colours it would paint, including the add-in's conditional
 * formats (expression rules like `=$H5="Red"`), which is how live-formula status cells get their colour.
 */
import type { CellValue } from "../../core/types";
import { MONTH_LABELS } from "../../core/periods";
import type { XlsxWorkbook } from "../../hosts/xlsx";
import { readSheetPart, type ConditionalRead } from "../../hosts/xlsx/read/sheetReader";
import type { StyleBook } from "../../hosts/xlsx/read/styles";
import type { OoxmlPackage } from "../../hosts/xlsx/package/OoxmlPackage";
import { resolveTarget } from "../../hosts/xlsx/package/opc";
import { unescapeXml } from "../../hosts/xlsx/xml/scan";
import { columnLetters, parseRangeRef } from "../../workbook/a1";

export interface PreviewCell {
  readonly text: string;
  readonly fill?: string;
  readonly font?: string;
  readonly bold?: boolean;
  readonly numeric?: boolean;
}

export interface PreviewSheet {
  readonly name: string;
  readonly columns: readonly string[];
  /** Column widths in pixels, from the sheet's own widths (capped, so one wide column does not hide the rest). */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly PreviewCell[])[];
  /** The sheet has more rows or columns than the preview shows. */
  readonly truncated: boolean;
  /** At most how many rows the preview shows (MAX_ROWS, or more for the summary sheet). */
  readonly maxRows: number;
  /** The sheet's charts, where they sit (clipped to the rows and columns shown): the grid draws a labelled box there. */
  readonly charts: readonly PreviewChart[];
}

/** A chart's cells (0-based, from its anchor) and what it is called: its title, else its name in the drawing. */
export interface PreviewChart {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly title: string;
}

/** How much of a sheet the preview shows (the grid says so when a sheet is bigger). */
export const MAX_ROWS = 300;
export const MAX_COLS = 40;
/** Excel's default column (8.43 characters) and a cap for very wide text columns. */
const DEFAULT_WIDTH_PX = 64;
const MAX_WIDTH_PX = 200;

interface ReadCell {
  readonly value: CellValue;
  readonly xf: number;
}

/** The top-left of a sheet (up to MAX_ROWS × MAX_COLS) as the preview shows it, or null when there is no such sheet. */
export function previewSheet(host: XlsxWorkbook, name: string, maxRows = MAX_ROWS): PreviewSheet | null {
  const sheet = host.sheetPart(name);
  if (!sheet) return null;
  const { pkg, part, context } = sheet;
  const cells = new Map<number, ReadCell>();
  let lastRow = -1;
  let lastCol = -1;
  const extras = readSheetPart(pkg, { part, name }, context, (row, col, value, _formula, xf) => {
    if (row > lastRow) lastRow = row;
    if (col > lastCol) lastCol = col;
    if (row < maxRows && col < MAX_COLS) cells.set(row * MAX_COLS + col, { value, xf });
  });
  const anchored = chartsOf(pkg, part);
  for (const chart of anchored) {
    lastRow = Math.max(lastRow, chart.row + chart.rows - 1);
    lastCol = Math.max(lastCol, chart.col + chart.cols - 1);
  }
  const rowCount = Math.min(lastRow + 1, maxRows);
  const colCount = Math.min(lastCol + 1, MAX_COLS);
  const shown = (row: number, col: number): CellValue => cells.get(row * MAX_COLS + col)?.value ?? null;
  const conditional = conditionalPainter(extras.conditional, context.styles, shown);
  const rows: PreviewCell[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const row: PreviewCell[] = [];
    for (let c = 0; c < colCount; c++) {
      const cell = cells.get(r * MAX_COLS + c);
      row.push(cell ? { ...previewCell(cell, context.styles), ...conditional(r, c) } : { text: "" });
    }
    rows.push(row);
  }
  const width = (col: number) => extras.columns.find((w) => w.min <= col && col <= w.max)?.width;
  return {
    name,
    columns: Array.from({ length: colCount }, (_, i) => columnLetters(i)),
    widths: Array.from({ length: colCount }, (_, i) => columnWidthPx(width(i))),
    rows,
    truncated: lastRow + 1 > maxRows || lastCol + 1 > MAX_COLS,
    maxRows,
    charts: anchored
      .filter((c) => c.row < rowCount && c.col < colCount)
      .map((c) => ({ ...c, rows: Math.min(c.rows, rowCount - c.row), cols: Math.min(c.cols, colCount - c.col) })),
  };
}

// Any namespace prefix (xdr: as Excel writes it, another or none as other writers may).
const ANCHOR = /<(?:\w+:)?twoCellAnchor\b[\s\S]*?<\/(?:\w+:)?twoCellAnchor>/g;
const corner = (end: "from" | "to") =>
  new RegExp(`<(?:\\w+:)?${end}>[\\s\\S]*?<(?:\\w+:)?col>(\\d+)<[\\s\\S]*?<(?:\\w+:)?row>(\\d+)<`);
const FROM = corner("from");
const TO = corner("to");
const CHART_REF = /<(?:\w+:)?chart\b[^>]*\br:id="([^"]+)"/;
const FRAME_NAME = /<(?:\w+:)?cNvPr\b[^>]*\bname="([^"]*)"/;
const TITLE = /<(?:\w+:)?title>([\s\S]*?)<\/(?:\w+:)?title>/;
const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;

/**
 * The charts a sheet's drawing anchors to cells. The preview cannot draw them, and a blank grid where a chart was
 * just added reads as "nothing happened" (new-user trial 2): the grid shows a box naming the chart instead.
 */
function chartsOf(pkg: OoxmlPackage, sheetPart: string): PreviewChart[] {
  const charts: PreviewChart[] = [];
  for (const drawing of pkg.related(sheetPart, "drawing")) {
    const xml = pkg.text(drawing.part) ?? "";
    const rels = pkg.relationships(drawing.part);
    for (const [anchor] of xml.matchAll(ANCHOR)) {
      const relId = CHART_REF.exec(anchor)?.[1];
      const from = FROM.exec(anchor);
      const to = TO.exec(anchor);
      if (!relId || !from || !to) continue;
      const [row, col] = [Number(from[2]), Number(from[1])];
      const target = rels.find((r) => r.id === relId)?.target;
      const chartXml = target ? pkg.text(resolveTarget(drawing.part, target)) : null;
      const titleXml = chartXml ? TITLE.exec(chartXml)?.[1] : undefined;
      const title = titleXml ? [...titleXml.matchAll(TEXT_RUN)].map((m) => m[1]).join("") : "";
      charts.push({
        row,
        col,
        rows: Math.max(1, Number(to[2]) - row),
        cols: Math.max(1, Number(to[1]) - col),
        title: unescapeXml(title || (FRAME_NAME.exec(anchor)?.[1] ?? "Chart")),
      });
    }
  }
  return charts;
}

/** Excel widths count characters of the default font: about 7 px each plus 5 px of padding. */
function columnWidthPx(characters: number | undefined): number {
  if (!characters) return DEFAULT_WIDTH_PX;
  return Math.min(MAX_WIDTH_PX, Math.round(characters * 7 + 5));
}

function previewCell(cell: ReadCell, styles: StyleBook): PreviewCell {
  const look = styles.look(cell.xf);
  const value = shownValue(cell.value);
  return {
    text: formatValue(value, look.numberFormat),
    fill: look.fill,
    font: look.font,
    bold: look.bold || undefined,
    numeric: typeof value === "number" || undefined,
  };
}

type Shown = string | number | boolean | Date | null;

function shownValue(value: CellValue): Shown {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && !(value instanceof Date)) return value.error;
  return value;
}

/** Enough of Excel's number formats for a scorecard: percentages, decimals, thousands, month and date formats. */
export function formatValue(value: Shown, numFmt: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return formatDate(value, numFmt ?? "");
  if (typeof value === "string") return value;
  const fmt = numFmt ?? "";
  const decimals = /\.(0+)/.exec(fmt)?.[1].length;
  if (fmt.includes("%")) return `${(value * 100).toFixed(decimals ?? 0)}%`;
  return value.toLocaleString("en-GB", {
    useGrouping: fmt.includes(","),
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 4,
  });
}

function formatDate(date: Date, numFmt: string): string {
  const month = MONTH_LABELS[date.getUTCMonth()];
  const year = date.getUTCFullYear();
  if (/d/i.test(numFmt))
    return `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${year}`;
  if (/yyyy/i.test(numFmt)) return `${month} ${year}`;
  return `${month}-${String(year % 100).padStart(2, "0")}`;
}

interface PaintRule {
  readonly range: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
  readonly test: (row: number, col: number) => boolean;
  readonly fill?: string;
  readonly font?: string;
  readonly priority: number;
}

/** `$H5="Red"` (either part may be absolute) as a test on the cell it points to from each cell of the range. */
const EQUALS_TEXT = /^=?(\$?)([A-Z]{1,3})(\$?)(\d+)\s*=\s*"([^"]*)"$/i;

function conditionalPainter(
  formats: readonly ConditionalRead[],
  styles: StyleBook,
  shown: (row: number, col: number) => CellValue,
): (row: number, col: number) => Partial<PreviewCell> {
  const rules: PaintRule[] = [];
  for (const cf of formats) {
    for (const range of cf.ranges) {
      for (const rule of cf.rules) {
        if (rule.type !== "expression" || !rule.formula) continue;
        const match = EQUALS_TEXT.exec(rule.formula.trim());
        if (!match) continue;
        const [, colFixed, letters, rowFixed, rowText, expected] = match;
        const refCol = parseRangeRef(`${letters}1`)?.col ?? 0;
        const refRow = Number(rowText) - 1;
        const test = (row: number, col: number) => {
          const r = rowFixed ? refRow : refRow + (row - range.row);
          const c = colFixed ? refCol : refCol + (col - range.col);
          return String(shownValue(shown(r, c)) ?? "").toLowerCase() === expected.toLowerCase();
        };
        const look = rule.dxfId === null ? undefined : styles.dxfLooks[rule.dxfId];
        rules.push({ range, test, fill: look?.fill, font: look?.font, priority: rule.priority });
      }
    }
  }
  rules.sort((a, b) => a.priority - b.priority);
  return (row, col) => {
    const hit = rules.find(
      ({ range, test }) =>
        row >= range.row &&
        row < range.row + range.rows &&
        col >= range.col &&
        col < range.col + range.cols &&
        test(row, col),
    );
    return hit ? { ...(hit.fill && { fill: hit.fill }), ...(hit.font && { font: hit.font }) } : {};
  };
}
