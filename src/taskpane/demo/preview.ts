/**
 * A read-only picture of one ExcelJS worksheet for the browser demo: the text Excel would show and the
 * colours it would paint, including the add-in's conditional formats (expression rules like `=$H5="Red"`),
 * which is how live-formula status cells get their colour.
 */
import type { Cell, ConditionalFormattingRule, Fill, Worksheet } from "exceljs";
import { columnLetters, parseRangeRef } from "../../workbook/a1";
import { conditionalFormattings } from "../../hosts/xlsx/exceljsShapes";

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
}

/** How much of a sheet the preview shows (the grid says so when a sheet is bigger). */
export const MAX_ROWS = 300;
export const MAX_COLS = 40;
/** Excel's default column (8.43 characters) and a cap for very wide text columns. */
const DEFAULT_WIDTH_PX = 64;
const MAX_WIDTH_PX = 200;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function previewSheet(ws: Worksheet): PreviewSheet {
  const rowCount = Math.min(ws.rowCount, MAX_ROWS);
  const colCount = Math.min(ws.columnCount, MAX_COLS);
  const conditional = conditionalPainter(ws);
  const rows: PreviewCell[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row: PreviewCell[] = [];
    for (let c = 1; c <= colCount; c++) {
      const cell = ws.findCell(r, c);
      row.push(cell ? { ...previewCell(cell), ...conditional(r, c) } : { text: "" });
    }
    rows.push(row);
  }
  return {
    name: ws.name,
    columns: Array.from({ length: colCount }, (_, i) => columnLetters(i)),
    widths: Array.from({ length: colCount }, (_, i) => columnWidthPx(ws.getColumn(i + 1).width)),
    rows,
    truncated: ws.rowCount > MAX_ROWS || ws.columnCount > MAX_COLS,
  };
}

/** Excel widths count characters of the default font: about 7 px each plus 5 px of padding. */
function columnWidthPx(characters: number | undefined): number {
  if (!characters) return DEFAULT_WIDTH_PX;
  return Math.min(MAX_WIDTH_PX, Math.round(characters * 7 + 5));
}

function previewCell(cell: Cell): PreviewCell {
  if (cell.master !== cell) return { text: "" };
  const value = displayedValue(cell.value);
  return {
    text: formatValue(value, cell.numFmt),
    fill: fillColour(cell.fill),
    font: argbToHex(cell.font?.color?.argb),
    bold: cell.font?.bold === true || undefined,
    numeric: typeof value === "number" || undefined,
  };
}

type Shown = string | number | boolean | Date | null;

function displayedValue(value: Cell["value"]): Shown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return displayedValue((value.result ?? null) as Cell["value"]);
  if ("text" in value) return typeof value.text === "string" ? value.text : "";
  return null;
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
  const month = MONTHS[date.getUTCMonth()];
  const year = date.getUTCFullYear();
  if (/d/i.test(numFmt))
    return `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${year}`;
  if (/yyyy/i.test(numFmt)) return `${month} ${year}`;
  return `${month}-${String(year % 100).padStart(2, "0")}`;
}

function fillColour(fill: Fill | undefined): string | undefined {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return undefined;
  return argbToHex(fill.fgColor?.argb) ?? argbToHex(fill.bgColor?.argb);
}

function argbToHex(argb: string | undefined): string | undefined {
  return argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : undefined;
}

interface PaintRule {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
  readonly test: (row: number, col: number) => boolean;
  readonly fill?: string;
  readonly font?: string;
  readonly priority: number;
}

/** `$H5="Red"` (either part may be absolute) as a test on the cell it points to from each cell of the range. */
const EQUALS_TEXT = /^=?(\$?)([A-Z]{1,3})(\$?)(\d+)\s*=\s*"([^"]*)"$/i;

function conditionalPainter(ws: Worksheet): (row: number, col: number) => Partial<PreviewCell> {
  const rules: PaintRule[] = [];
  for (const cf of conditionalFormattings(ws)) {
    for (const ref of cf.ref.split(/\s+/)) {
      const range = parseRangeRef(ref);
      if (!range) continue;
      for (const rule of cf.rules) {
        const paint = paintRule(ws, rule, range.row + 1, range.col + 1);
        if (paint) rules.push({ ...paint, rows: range.rows, cols: range.cols });
      }
    }
  }
  rules.sort((a, b) => a.priority - b.priority);
  return (row, col) => {
    const hit = rules.find(
      (r) => row >= r.top && row < r.top + r.rows && col >= r.left && col < r.left + r.cols && r.test(row, col),
    );
    return hit ? { ...(hit.fill && { fill: hit.fill }), ...(hit.font && { font: hit.font }) } : {};
  };
}

function paintRule(
  ws: Worksheet,
  rule: ConditionalFormattingRule,
  top: number,
  left: number,
): Omit<PaintRule, "rows" | "cols"> | null {
  if (rule.type !== "expression" || !rule.formulae?.[0]) return null;
  const match = EQUALS_TEXT.exec(String(rule.formulae[0]).trim());
  if (!match) return null;
  const [, colFixed, letters, rowFixed, rowText, expected] = match;
  const refCol = parseRangeRef(`${letters}1`)?.col ?? 0;
  const refRow = Number(rowText);
  const test = (row: number, col: number) => {
    const r = rowFixed ? refRow : refRow + (row - top);
    const c = colFixed ? refCol + 1 : refCol + 1 + (col - left);
    const cell = ws.findCell(r, c);
    const shown = cell ? displayedValue(cell.value) : null;
    return String(shown ?? "").toLowerCase() === expected.toLowerCase();
  };
  const fill = rule.style?.fill;
  return {
    top,
    left,
    test,
    fill: fill?.type === "pattern" ? (argbToHex(fill.bgColor?.argb) ?? argbToHex(fill.fgColor?.argb)) : undefined,
    font: argbToHex(rule.style?.font?.color?.argb),
    priority: rule.priority ?? 0,
  };
}
