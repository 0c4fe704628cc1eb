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
import { escapeXml, nextTag, unescapeXml, withAttribute, type Tag } from "../xml/scan";
import { cellXml } from "./cellXml";
import type { CellWrite, RowWalker } from "./cellWrites";
import type { StringTable } from "./stringTable";
import type { StyleWriter } from "./styleWriter";

export interface SpliceContext {
  readonly styles: StyleWriter;
  readonly strings: StringTable;
  readonly merges: readonly CellRange[];
}

export interface SpliceResult {
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

/** A row's spans with the white space before it (in double quotes, as `attr` reads it). */
const SPANS = /(\s)spans\s*=\s*"([^"]*)"/;

/** Attribute patterns, compiled once: rows and cells are many. */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();
const attr = (tagText: string, name: string): string | undefined => {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`)));
  const m = pattern.exec(tagText);
  return m ? unescapeXml(m[1]) : undefined;
};

/**
 * Splices the writes into a sheetData element whose content comes in pieces (`push`), handing the result on in
 * pieces (`out`): rows are copied or rewritten as soon as they are whole, so neither the sheet nor the result is
 * ever held as one text. `openTag` is the element's opening (or empty) tag as written; `end` closes it.
 */
export function sheetDataSplice(
  openTag: string,
  prefix: string,
  writes: RowWalker,
  ctx: SpliceContext,
  out: (text: string) => void,
): { push(text: string): void; end(): SpliceResult } {
  const covered = coveredCells(ctx.merges);
  const noMerges = ctx.merges.length === 0;
  const orphans = new Map<string, Orphan>();
  let formulasChanged = false;
  /** The next row the write may touch that is not written yet. */
  let cursor = 0;
  const rowOpen = `<${prefix}row`;
  const rowClose = `</${prefix}row>`;
  const cellClose = `</${prefix}c>`;
  const cellTag = `<${prefix}c`;
  const empty = openTag.endsWith("/>");
  const name = /^<([^\s/>]+)/.exec(openTag)![1];

  out(empty ? `${openTag.slice(0, -2).replace(/\s+$/, "")}>` : openTag);
  /** Unhandled text: from copyFrom on, nothing has been passed on yet; rows are searched for from `at`. */
  let buf = "";
  let copyFrom = 0;
  let at = 0;
  let lastRow = -1;
  let renumber = false;

  const emitNewRow = (row: number) => {
    const text = writes
      .cells(row)
      .filter((w) => !covered(row, w.col))
      .map((w) => newCell(row, w.col, 0, w))
      .join("");
    if (text) out(`${rowOpen} r="${row + 1}">${text}${rowClose}`);
  };

  const newCell = (row: number, col: number, baseXf: number, w: CellWrite): string => {
    let xf = baseXf;
    for (const style of w.styles) xf = ctx.styles.cellXf(xf, style);
    if (w.out?.formula !== undefined) formulasChanged = true;
    return cellXml(prefix, toA1(row, col), xf, w.out ?? { value: null }, ctx.strings);
  };

  /** Handles every whole row in `buf`; with `final`, what is left must be whole. */
  const scan = (final: boolean) => {
    let wait = -1;
    for (;;) {
      const start = buf.indexOf(rowOpen, at);
      if (start < 0) {
        // A row's start may be cut at the end of this piece: keep that much back.
        wait = final ? buf.length : Math.max(at, buf.length - rowOpen.length + 1);
        break;
      }
      const nameEnd = start + rowOpen.length;
      if (nameEnd < buf.length && !isNameEnd(buf.charCodeAt(nameEnd))) {
        at = nameEnd; // another element whose name begins with "row"
        continue;
      }
      const openEnd = tagEnd(buf, nameEnd);
      if (openEnd < 0) {
        if (wholeTag(buf, start, final) === null) {
          wait = start;
          break;
        }
        throw new Error(`a row of the sheet is not closed`);
      }
      const emptyRow = buf.charCodeAt(openEnd - 2) === 47; /* "/>" */
      let end = openEnd;
      if (!emptyRow) {
        const close = indexOfRowClose(buf, rowClose, openEnd);
        if (close < 0) {
          if (final) throw new Error(`a row of the sheet is not closed`);
          wait = start;
          break;
        }
        end = close + rowClose.length;
      }
      const rText = rowNumberText(buf, start, nameEnd, openEnd);
      const row = rText === undefined ? lastRow + 1 : Number(rText) - 1;
      lastRow = row;
      let next = writes.nextRow(cursor);
      if (next < row) {
        out(buf.slice(copyFrom, start));
        copyFrom = start;
        for (; next < row; next = writes.nextRow(next + 1)) emitNewRow(next);
        renumber = true;
      }
      const rowWrites = next === row ? writes.cells(row) : undefined;
      cursor = Math.max(cursor, row + 1);
      const needsOrphans =
        orphans.size > 0 && [...orphans.values()].some((o) => row >= o.range.row && row < o.range.row + o.range.rows);
      if (rowWrites || needsOrphans || (renumber && rText === undefined)) {
        const appended =
          rowWrites !== undefined &&
          orphans.size === 0 &&
          !emptyRow &&
          appendInPlace(start, openEnd, end - rowClose.length, row, rowWrites, rText !== undefined);
        if (!appended) {
          out(buf.slice(copyFrom, start));
          out(rewriteRow(buf.slice(start, end), openEnd - start, row, rowWrites));
          copyFrom = end;
        }
      }
      at = end;
    }
    if (wait > copyFrom) {
      out(buf.slice(copyFrom, wait));
      copyFrom = wait;
    }
    if (at < copyFrom) at = copyFrom;
  };

  return {
    push(text) {
      if (text.length === 0) return;
      buf = copyFrom < buf.length ? buf.slice(copyFrom) + text : text;
      at -= copyFrom;
      copyFrom = 0;
      scan(false);
    },
    end() {
      scan(true);
      out(buf.slice(copyFrom));
      buf = "";
      for (let next = writes.nextRow(cursor); next < Infinity; next = writes.nextRow(next + 1)) emitNewRow(next);
      out(`</${name}>`);
      return { formulasChanged };
    },
  };

  function rewriteRow(
    rowText: string,
    openEnd: number,
    row: number,
    rowWrites: readonly CellWrite[] | undefined,
  ): string {
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
    const written = (rowWrites ?? []).filter((w) => !covered(row, w.col));
    for (const w of written) {
      const { col } = w;
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
   * the row is passed on as it is in the text read (only its spans widened) and the new cells go before its end,
   * with no text of its own made for the row. False, having passed on nothing, when that does not hold.
   * [start, openEnd) is the row's opening tag (`numbered`: it has an r); `close` is where its closing tag starts.
   */
  function appendInPlace(
    start: number,
    openEnd: number,
    close: number,
    row: number,
    rowWrites: readonly CellWrite[],
    numbered: boolean,
  ): boolean {
    // The row's last cell element (`<c` then white space, `>` or `/`); one without r (`<c>`) is at an implicit column.
    let last = close;
    while (last > start && !(buf.charCodeAt(last) === 60 /* < */ && isCellStart(buf, last, cellTag))) last--;
    if (last <= start) last = -1;
    const lastCol = last < 0 ? -1 : lastCellColumn(buf, last, cellTag.length);
    if (lastCol === null) return false;
    // Sorted by column: the first is the leftmost.
    if (rowWrites.length > 0 && rowWrites[0].col <= lastCol) return false;
    const cells = noMerges ? rowWrites : rowWrites.filter((w) => !covered(row, w.col));
    if (cells.length === 0) return true;
    if (!numbered) return false;
    let added = "";
    for (const w of cells) added += newCell(row, w.col, 0, w);
    // spans="lo:hi" widened to the last new cell, replaced where it is written (as withAttribute would).
    const spans = spansOf(buf, start, start + rowOpen.length, openEnd);
    if (spans !== null) {
      const text = spans.value;
      const colon = text.indexOf(":");
      const next = colon < 0 ? -1 : text.indexOf(":", colon + 1);
      const hi = colon < 0 ? NaN : Number(text.slice(colon + 1, next < 0 ? undefined : next));
      const end = cells[cells.length - 1].col + 1;
      if (end > hi) {
        const lo = Number(colon < 0 ? text : text.slice(0, colon));
        out(buf.slice(copyFrom, spans.at));
        out(`${spans.space}spans="${lo}:${end}"`);
        copyFrom = spans.end;
      }
    }
    out(buf.slice(copyFrom, close));
    out(added);
    copyFrom = close;
    return true;
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

/** White space, "/" or ">": where a tag's name ends. */
function isNameEnd(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62;
}

/** Just past the ">" of the tag whose name ends at `from` (attribute values may hold ">"), or -1 when it is cut. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let p = from; p < text.length; p++) {
    const code = text.charCodeAt(p);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 34 || code === 39) quote = code;
    else if (code === 62) return p + 1;
  }
  return -1;
}

/**
 * The first `rowClose` (`</row>`) at or after `from`, as indexOf finds it, looked for by its "w": in cell XML "<"
 * comes every few characters and a "w" rarely, so this makes a few calls per row where indexOf tries every "<".
 */
function indexOfRowClose(text: string, rowClose: string, from: number): number {
  const pivot = rowClose.length - 2;
  for (let w = text.indexOf("w", from + pivot); w >= 0; w = text.indexOf("w", w + 1)) {
    if (text.startsWith(rowClose, w - pivot)) return w - pivot;
  }
  return -1;
}

/** Whether a cell element starts at `at`: `cellTag` (`<c`) then white space (as \s reads it), ">" or "/". */
function isCellStart(text: string, at: number, cellTag: string): boolean {
  return text.startsWith(cellTag, at) && isCellNameEnd(text, at + cellTag.length);
}

interface Spans {
  /** Where the attribute starts (its white space before) and ends, in the text. */
  readonly at: number;
  readonly end: number;
  readonly space: string;
  readonly value: string;
}

/**
 * The row tag's spans (double-quoted, as `attr` reads it) and where it is written, or null. Written as Excel
 * writes it (` spans="…"` right after ` r="12"`) it is read without the pattern: no match of the pattern can
 * come before it there. The tag is [start, openEnd), its name ends at `nameEnd`.
 */
function spansOf(text: string, start: number, nameEnd: number, openEnd: number): Spans | null {
  const i = excelRowNumberEnd(text, nameEnd, openEnd);
  if (i >= 0 && text.startsWith(' spans="', i + 1)) {
    const close = text.indexOf('"', i + 9);
    if (close >= 0 && close < openEnd)
      return { at: i + 1, end: close + 1, space: " ", value: text.slice(i + 9, close) };
  }
  const m = SPANS.exec(text.slice(start, openEnd));
  return m === null ? null : { at: start + m.index, end: start + m.index + m[0].length, space: m[1], value: m[2] };
}

/** Whether the character at `at` may follow a cell element's name: white space (as \s reads it), ">" or "/". */
function isCellNameEnd(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 128) return (code >= 9 && code <= 13) || code === 32 || code === 62 || code === 47;
  return /\s/.test(text[at] ?? "");
}

/**
 * The row tag's r as the `attr` pattern reads it, taken straight from the text when it is written as Excel writes
 * it (` r="12"` right after the name); otherwise read with the pattern. The tag is [start, openEnd), its name ends at
 * `nameEnd`.
 */
function rowNumberText(text: string, start: number, nameEnd: number, openEnd: number): string | undefined {
  const i = excelRowNumberEnd(text, nameEnd, openEnd);
  return i >= 0 ? text.slice(nameEnd + 4, i) : attr(text.slice(start, openEnd), "r");
}

/**
 * Where the closing quote of ` r="12"` is when a row tag writes it as Excel does, right after its name (which ends at
 * `nameEnd`) with digits only, inside the tag (which ends at `openEnd`); -1 otherwise (then the pattern reads it).
 */
function excelRowNumberEnd(text: string, nameEnd: number, openEnd: number): number {
  if (!text.startsWith(' r="', nameEnd)) return -1;
  let i = nameEnd + 4;
  while (i < openEnd && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i > nameEnd + 4 && text.charCodeAt(i) === 34 ? i : -1;
}

/**
 * The column of the cell whose tag starts at `at`, from its r in the first 40 characters (as LAST_CELL_REF reads
 * it; ` r="AB12"` right after the name is read without the pattern), or null when no r is there.
 */
function lastCellColumn(text: string, at: number, nameLength: number): number | null {
  const from = at + nameLength + 4;
  if (text.startsWith(' r="', at + nameLength)) {
    let col = 0;
    let i = from;
    for (let code = text.charCodeAt(i); code >= 65 && code <= 90; code = text.charCodeAt(++i))
      col = col * 26 + code - 64;
    const digits = i;
    while (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i > from && digits > from && i > digits && text.charCodeAt(i) === 34 && i < at + 40) return col - 1;
  }
  const ref = LAST_CELL_REF.exec(text.slice(at, at + 40))?.[1];
  return ref === undefined ? null : refColumn(ref);
}

/** The tag at `start`, or null when this piece ends inside it (and more is to come). */
function wholeTag(text: string, start: number, final: boolean): Tag | null {
  try {
    return nextTag(text, start);
  } catch (error) {
    if (final) throw error;
    return null;
  }
}
