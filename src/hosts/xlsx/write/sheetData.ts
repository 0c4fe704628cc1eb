/**
 * Splices the cells a plan writes into a worksheet's sheetData. Rows the plan does not touch are copied as they
 * are, byte for byte; in a touched row only the written cells change (a cell that only gets a style keeps its
 * content and every other attribute), and new cells and rows go in column and row order. A cell inside a merge
 * (not its top-left) is never written: Excel would show the write in the user's merged cell.
 * Shared formulas (one formula filled over many cells, stored at the first): when that first cell is overwritten,
 * the cells that shared it get the formula of their own, so they keep working.
 */
import type { CellRange } from "../../../workbook/port";
import { parseRangeRef, toA1 } from "../../../workbook/a1";
import { refColumn, refRow } from "../read/cellRef";
import { coveredCells } from "../read/snapshot";
import { shiftFormula } from "../read/shiftFormula";
import { escapeXml, nextTag, unescapeXml, withAttribute, type Element } from "../xml/scan";
import { cellXml } from "./cellXml";
import type { CellWrite, SheetCellWrites } from "./cellWrites";
import type { StringTable } from "./stringTable";
import type { StyleWriter } from "./styleWriter";

export interface SpliceContext {
  readonly styles: StyleWriter;
  readonly strings: StringTable;
  readonly merges: readonly CellRange[];
}

export interface SpliceResult {
  /** The new sheetData element. */
  readonly text: string;
  /** A formula was written or overwritten: Excel's calculation chain no longer matches. */
  readonly formulasChanged: boolean;
}

interface Orphan {
  readonly formula: string;
  readonly row: number;
  readonly col: number;
  readonly range: CellRange;
}

const F = /<((?:\w+:)?f)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/;
/** The r attribute of a row's last cell, read from its first characters. */
const LAST_CELL_REF = /^<(?:\w+:)?c\s[^>]*?\br="([A-Z]+\d+)"/;

/** Attribute patterns, compiled once: rows and cells are many. */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();
const attr = (tagText: string, name: string): string | undefined => {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`)));
  const m = pattern.exec(tagText);
  return m ? unescapeXml(m[1]) : undefined;
};

export function spliceSheetData(
  xml: string,
  sheetData: Element,
  prefix: string,
  writes: SheetCellWrites,
  ctx: SpliceContext,
): SpliceResult {
  const covered = coveredCells(ctx.merges);
  const pending = [...writes.keys()].sort((a, b) => a - b);
  const orphans = new Map<string, Orphan>();
  let formulasChanged = false;
  let pendingAt = 0;
  const out: string[] = [];
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const cellClose = `</${prefix}c>`;

  const open = xml.slice(sheetData.tag.start, sheetData.tag.end);
  out.push(sheetData.tag.kind === "empty" ? `${open.slice(0, -2).replace(/\s+$/, "")}>` : open);
  let copyFrom = sheetData.innerStart;
  let lastRow = -1;
  let renumber = false;

  const emitNewRow = (row: number) => {
    const cells = [...(writes.get(row) ?? new Map<number, CellWrite>())].sort((a, b) => a[0] - b[0]);
    const text = cells
      .filter(([col]) => !covered(row, col))
      .map(([col, w]) => newCell(row, col, 0, w))
      .join("");
    if (text) out.push(`${rowOpen} r="${row + 1}">${text}${rowClose}`);
  };

  const newCell = (row: number, col: number, baseXf: number, w: CellWrite): string => {
    let xf = baseXf;
    for (const style of w.styles) xf = ctx.styles.cellXf(xf, style);
    if (w.out?.formula !== undefined) formulasChanged = true;
    return cellXml(prefix, toA1(row, col), xf, w.out ?? { value: null }, ctx.strings);
  };

  let at = sheetData.innerStart;
  for (;;) {
    const start = xml.indexOf(rowOpen, at);
    if (start < 0 || start >= sheetData.innerEnd) break;
    const tag = nextTag(xml, start, sheetData.innerEnd);
    if (!tag || tag.local !== "row") {
      at = start + rowOpen.length;
      continue;
    }
    const end = tag.kind === "empty" ? tag.end : xml.indexOf(rowClose, tag.end) + rowClose.length;
    const rText = attr(xml.slice(tag.start, tag.end), "r");
    const row = rText === undefined ? lastRow + 1 : Number(rText) - 1;
    lastRow = row;
    const before: number[] = [];
    while (pendingAt < pending.length && pending[pendingAt] < row) before.push(pending[pendingAt++]);
    if (before.length > 0) {
      out.push(xml.slice(copyFrom, start));
      copyFrom = start;
      before.forEach(emitNewRow);
      renumber = true;
    }
    const rowWrites = pending[pendingAt] === row ? writes.get(pending[pendingAt++]) : undefined;
    const needsOrphans =
      orphans.size > 0 && [...orphans.values()].some((o) => row >= o.range.row && row < o.range.row + o.range.rows);
    if (rowWrites || needsOrphans || (renumber && rText === undefined)) {
      out.push(xml.slice(copyFrom, start));
      out.push(rewriteRow(xml.slice(start, end), tag.end - start, row, rowWrites));
      copyFrom = end;
    }
    at = end;
  }
  out.push(xml.slice(copyFrom, sheetData.innerEnd));
  while (pendingAt < pending.length) emitNewRow(pending[pendingAt++]);
  out.push(`</${sheetData.tag.name}>`);
  return { text: out.join(""), formulasChanged };

  function rewriteRow(
    rowText: string,
    openEnd: number,
    row: number,
    rowWrites: Map<number, CellWrite> | undefined,
  ): string {
    const appended = rowWrites && orphans.size === 0 ? appendedRow(rowText, openEnd, row, rowWrites) : null;
    if (appended !== null) return appended;
    let open = rowText.slice(0, openEnd);
    if (attr(open, "r") === undefined) open = withAttribute(open, "r", String(row + 1));
    const empty = open.endsWith("/>");
    const cells: { col: number; text: string }[] = [];
    let p = openEnd;
    let lastCol = -1;
    const body = empty ? "" : rowText;
    const bodyEnd = empty ? 0 : rowText.length - rowClose.length;
    let implicit = false;
    while (!empty) {
      const c = body.indexOf(`<${prefix}c`, p);
      if (c < 0 || c >= bodyEnd) break;
      const tag = nextTag(body, c, bodyEnd);
      if (!tag || tag.local !== "c") {
        p = c + 2;
        continue;
      }
      const cellEnd = tag.kind === "empty" ? tag.end : body.indexOf(cellClose, tag.end) + cellClose.length;
      const tagText = body.slice(tag.start, tag.end);
      const ref = attr(tagText, "r");
      const col = ref === undefined ? lastCol + 1 : refColumn(ref);
      if (ref === undefined) implicit = true;
      if (ref !== undefined && refRow(ref) !== row) throw new Error(`cell ${ref} is filed under row ${row + 1}`);
      lastCol = col;
      cells.push({ col, text: body.slice(tag.start, cellEnd) });
      p = cellEnd;
    }
    const byCol = new Map(cells.map((cell) => [cell.col, cell]));
    const written = [...(rowWrites ?? new Map<number, CellWrite>())].filter(([col]) => !covered(row, col));
    for (const [col, w] of written) {
      const existing = byCol.get(col);
      byCol.set(col, { col, text: existing ? changedCell(existing.text, row, col, w) : newCell(row, col, 0, w) });
    }
    const ordered = [...byCol.values()].sort((a, b) => a.col - b.col);
    const texts = ordered.map((cell) => {
      let text = cell.text;
      if (implicit && attr(text.slice(0, text.indexOf(">") + 1), "r") === undefined) {
        const tagEnd = nextTag(text, 0)!.end;
        text = withAttribute(text.slice(0, tagEnd), "r", toA1(row, cell.col)) + text.slice(tagEnd);
      }
      return orphans.size > 0 ? withOwnFormula(text, row, cell.col) : text;
    });
    const spans = attr(open, "spans");
    if (spans !== undefined && ordered.length > 0) {
      const [lo, hi] = spans.split(":").map(Number);
      const first = ordered[0].col + 1;
      const last = ordered[ordered.length - 1].col + 1;
      if (first < lo || last > hi) open = withAttribute(open, "spans", `${Math.min(lo, first)}:${Math.max(hi, last)}`);
    }
    if (texts.length === 0) return open + (empty ? "" : rowText.slice(openEnd));
    const head = empty ? `${open.slice(0, -2).replace(/\s+$/, "")}>` : open;
    return `${head}${texts.join("")}${rowClose}`;
  }

  /**
   * The common case, written fast: every written cell lies right of the row's last cell (added output columns), so
   * the row's cells are copied as one piece and the new ones go before its end. Null when that does not hold.
   */
  function appendedRow(
    rowText: string,
    openEnd: number,
    row: number,
    rowWrites: Map<number, CellWrite>,
  ): string | null {
    if (rowText.charCodeAt(openEnd - 2) === 47 /* "/>" */) return null;
    const last = rowText.lastIndexOf(`<${prefix}c `);
    const ref = last < 0 ? undefined : LAST_CELL_REF.exec(rowText.slice(last, last + 40))?.[1];
    if (last >= 0 && ref === undefined) return null;
    const lastCol = ref === undefined ? -1 : refColumn(ref);
    let first = Infinity;
    for (const col of rowWrites.keys()) first = Math.min(first, col);
    if (first <= lastCol) return null;
    const cols = [...rowWrites.keys()].filter((col) => !covered(row, col)).sort((a, b) => a - b);
    if (cols.length === 0) return rowText;
    let open = rowText.slice(0, openEnd);
    if (attr(open, "r") === undefined) return null;
    const spans = attr(open, "spans");
    if (spans !== undefined) {
      const [lo, hi] = spans.split(":").map(Number);
      const end = cols[cols.length - 1] + 1;
      if (end > hi) open = withAttribute(open, "spans", `${lo}:${end}`);
    }
    const added = cols.map((col) => newCell(row, col, 0, rowWrites.get(col)!)).join("");
    const close = rowText.length - rowClose.length;
    return `${open}${rowText.slice(openEnd, close)}${added}${rowClose}`;
  }

  /** An existing cell with the write applied: new content in its style (plus the plan's), or only a new style. */
  function changedCell(text: string, row: number, col: number, w: CellWrite): string {
    const tagEnd = nextTag(text, 0)!.end;
    const tagText = text.slice(0, tagEnd);
    const base = Number(attr(tagText, "s") ?? 0);
    if (w.out === undefined) {
      let xf = base;
      for (const style of w.styles) xf = ctx.styles.cellXf(xf, style);
      return xf === base ? text : withAttribute(tagText, "s", String(xf)) + text.slice(tagEnd);
    }
    const f = F.exec(text);
    if (f) {
      formulasChanged = true;
      const fAttrs = f[2];
      const si = attr(fAttrs, "si");
      const ref = attr(fAttrs, "ref");
      if (attr(fAttrs, "t") === "shared" && si !== undefined && ref !== undefined && f[3] !== undefined) {
        const range = parseRangeRef(ref);
        if (range) orphans.set(si, { formula: unescapeXml(f[3]), row, col, range });
      }
    }
    return newCell(row, col, base, w);
  }

  /** A cell that shared an overwritten cell's formula gets that formula, moved to it, as its own. */
  function withOwnFormula(text: string, row: number, col: number): string {
    const f = F.exec(text);
    if (!f || (f[3] ?? "") !== "") return text;
    const si = attr(f[2], "si");
    const orphan = si === undefined ? undefined : orphans.get(si);
    if (!orphan || attr(f[2], "t") !== "shared") return text;
    const own = shiftFormula(orphan.formula, row - orphan.row, col - orphan.col);
    return text.replace(f[0], `<${f[1]}>${escapeXml(own)}</${f[1]}>`);
  }
}
