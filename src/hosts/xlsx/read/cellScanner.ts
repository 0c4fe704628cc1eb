/**
 * The content of a worksheet's sheetData, scanned by hand over the inflated bytes: rows of cells are the one place a
 * sheet part is big, and their XML is regular, so a scanner that knows the few elements a cell has (row, c, v, f,
 * is, t, rPh) reads them several times faster than a general SAX parser over decoded text, and allocates little
 * besides the values it hands on: references, style indexes, shared-string indexes and plain numbers are read from
 * the bytes; only text (strings, formulas) is decoded. It takes the bytes in pieces as they inflate and keeps only
 * an unfinished tag between pieces.
 *
 * It reads what saxes read before it, event for event: a self-closing element opens and closes; text is taken with
 * its entities and character references decoded and line ends normalised (XML 1.0 §2.11); CDATA as it is; comments
 * and processing instructions skipped; prefixed names (`x:c`) by their local name, attributes by their name as
 * written. What it does not check is the nesting of sheetData's content; the elements around sheetData still go
 * through saxes, which checks that sheetData is closed.
 */
import type { CellValue } from "../../../core/types";
import { fromExcelSerial } from "../../../core/periods";
import { fromFileFormula } from "../../../workbook/fileFormulas";
import { unescapeExcel, unescapeXml } from "../xml/scan";
import { shiftFormula } from "./shiftFormula";
import type { StyleBook } from "./styles";

export interface ScanContext {
  readonly strings: readonly string[];
  readonly styles: StyleBook;
  readonly date1904: boolean;
}

export type CellSink = (row: number, col: number, value: CellValue, formula: string | null, xf: number) => void;

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** A cell the file describes in a way Excel never writes: the package is damaged (the caller names the part). */
export class DamagedCell extends Error {}

/** What the text between tags is collected into. */
const enum Capture {
  None,
  Value,
  Formula,
  Text,
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const COLON = 58;
const QUOTE = 34;
const APOS = 39;
const EQUALS = 61;
const BANG = 33;
const QUESTION = 63;

/** Attributes recorded per tag (name start/end, value start/end); a tag with more is read past the rest. */
const MAX_ATTRIBUTES = 32;
/** Text longer than this with no tag after it yet is taken as it comes, not kept for the next piece. */
const LONG_TEXT = 1 << 16;

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13;

/** Made on first use: a module that merely imports the reader (the pane's preview under jsdom) needs no decoder. */
let utf8: TextDecoder | null = null;

/** The bytes buf[from, to) as text, decoded as UTF-8 (short ASCII runs without a decoder call). */
function decode(buf: Uint8Array, from: number, to: number): string {
  if (to - from <= 64) {
    let ascii = true;
    for (let i = from; i < to; i++) if (buf[i] >= 0x80) ascii = false;
    if (ascii) return String.fromCharCode.apply(null, buf.subarray(from, to) as unknown as number[]);
  }
  utf8 ??= new TextDecoder("utf-8");
  return utf8.decode(buf.subarray(from, to));
}

/**
 * References decoded; one to no character (&#x110000;, past Unicode) is damage, as saxes takes it around sheetData,
 * where String.fromCodePoint would throw a RangeError that reads as a fault of ours.
 */
function unescaped(text: string): string {
  try {
    return unescapeXml(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new DamagedCell(`"${shown.split("\n")[0]}" refers to a character that does not exist`);
  }
}

/** Text as an XML parser reports it: line ends normalised, then references decoded. */
function xmlText(raw: string): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw;
  return unescaped(text);
}

/** Whether buf holds `word` (ASCII) at `at`. */
function bytesAre(buf: Uint8Array, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (buf[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** A reference's row and column as row * REF_ROW + col. */
const REF_ROW = 16_384;

/**
 * "AB12" in buf[from, to) -> row * REF_ROW + col (0-based), or -1 when it is not a cell on Excel's grid: letters
 * then digits, nothing else (as the /^[A-Za-z]+\d+$/ the reader asked before), within XFD1048576.
 */
function parseRef(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  let col = 0;
  for (; i < to; i++) {
    const code = buf[i];
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
    if (col > MAX_COL + 1) return -1;
  }
  if (i === from || i === to) return -1;
  let row = 0;
  for (; i < to; i++) {
    const code = buf[i];
    if (code < 48 || code > 57) return -1;
    row = row * 10 + code - 48;
    if (row > MAX_ROW + 1) return -1;
  }
  if (row === 0) return -1;
  return (row - 1) * REF_ROW + col - 1;
}

/**
 * A plain decimal in buf[from, to) ("-12.5", "3", ".25") as Number() reads it, or NaN when it is anything else
 * (exponent, spaces, entities, more than 15 digits: Number() on the text decides those). Exact: an integer below
 * 2^53 divided by a power of ten up to 10^22 is correctly rounded, as Number() is (Clinger's fast path).
 */
function plainNumber(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = i < to && buf[i] === 45; /* - */
  if (negative) i++;
  let digits = 0;
  let scale = -1;
  let mantissa = 0;
  for (; i < to; i++) {
    const code = buf[i];
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + code - 48;
      digits++;
      if (scale >= 0) scale++;
    } else if (code === 46 /* . */ && scale < 0) scale = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = scale > 0 ? mantissa / POWERS_OF_TEN[scale] : mantissa;
  return negative ? -value : value;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** A style index written as digits, as Number() reads it; anything else is read by Number() itself. */
function styleIndex(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = buf[i];
    if (code < 48 || code > 57 || i - from > 9) return Number(unescaped(decode(buf, from, to)));
    n = n * 10 + code - 48;
  }
  return n;
}

/** Reads sheetData's content; `scan` is called with each piece of bytes, `closedAt` tells where sheetData ended. */
export class CellScanner {
  /** Offset of sheetData's closing tag in the last bytes scanned, once it has been seen. */
  closedAt = -1;

  private row = -1;
  private col = -1;
  private type = "n";
  private xf = 0;
  /** The <v> text, or null without one; vParsed: it was a plain number, read from the bytes into vNumber. */
  private v: string | null = null;
  private vParsed = false;
  private vNumber = 0;
  private f: string | null = null;
  private fShared: { si: string; master: boolean } | null = null;
  private inlineText: string | null = null;
  private capture = Capture.None;
  private inPhonetic = false;
  /** The captured text so far; a first run of it not decoded yet is at [runFrom, runTo) of the current bytes. */
  private text = "";
  private runFrom = -1;
  private runTo = -1;
  /** Whether the current row element gave its number (a cell's reference must then agree with it). */
  private rowGiven = false;
  /** Where the current cell's reference is written (refFrom -1: it has none), decoded only for a message. */
  private refBuf: Uint8Array = new Uint8Array(0);
  private refFrom = -1;
  private refTo = -1;
  /** The tag readTag read last: its local name and its attributes (MAX_ATTRIBUTES × start/end of name/value). */
  private nameStart = 0;
  private nameEnd = 0;
  private readonly attrs = new Int32Array(MAX_ATTRIBUTES * 4);
  private attrCount = 0;
  private readonly shared = new Map<string, { formula: string; row: number; col: number }>();

  constructor(
    private readonly ctx: ScanContext,
    private readonly sink: CellSink,
  ) {}

  /**
   * Scans buf from its start; returns where the unread rest begins (an unfinished tag or text, to be scanned again
   * with the next piece after it). Stops at sheetData's closing tag (closedAt).
   */
  scan(buf: Uint8Array): number {
    let p = 0;
    const end = buf.length;
    try {
      while (p < end) {
        let lt = p;
        while (lt < end && buf[lt] !== LT) lt++;
        if (lt >= end) return this.unfinishedText(buf, p, end);
        if (lt > p && this.capture !== Capture.None) this.run(buf, p, lt);
        if (lt + 1 >= end) return lt;
        const next = buf[lt + 1];
        if (next === BANG || next === QUESTION) {
          const after = this.special(buf, lt);
          if (after < 0) return lt;
          p = after;
          continue;
        }
        if (next === SLASH) {
          let gt = lt + 2;
          while (gt < end && buf[gt] !== GT) gt++;
          if (gt >= end) return lt;
          let nameStart = lt + 2;
          let nameEnd = nameStart;
          for (; nameEnd < gt; nameEnd++) {
            const code = buf[nameEnd];
            if (isSpace(code)) break;
            if (code === COLON) nameStart = nameEnd + 1;
          }
          if (this.close(buf, nameStart, nameEnd)) {
            this.closedAt = lt;
            return lt;
          }
          p = gt + 1;
          continue;
        }
        const gt = this.readTag(buf, lt);
        if (gt < 0) return lt;
        this.open(buf, this.nameStart, this.nameEnd);
        // A self-closing element opens and closes, as saxes reports it (<f/> closes its formula).
        if (buf[gt - 1] === SLASH) this.close(buf, this.nameStart, this.nameEnd);
        p = gt + 1;
      }
      return p;
    } finally {
      // The next piece comes in other bytes: text not decoded yet is decoded now.
      this.settleRun(buf);
    }
  }

  /**
   * Text at [p, end) with no tag after it in this piece. Not captured: skipped. Captured: kept for the next piece,
   * unless it is long (then taken up to a point where no character or reference is cut, so a huge text costs
   * linear time).
   */
  private unfinishedText(buf: Uint8Array, p: number, end: number): number {
    if (this.capture === Capture.None) return end;
    if (end - p <= LONG_TEXT) return p;
    let cut = end;
    while (cut > p && (buf[cut - 1] >= 0x80 || buf[cut - 1] === 13)) cut--;
    for (let i = cut - 1; i >= Math.max(p, cut - 12); i--) {
      if (buf[i] === 59 /* ; */) break;
      if (buf[i] === 38 /* & */) {
        cut = i;
        break;
      }
    }
    this.run(buf, p, cut);
    return cut;
  }

  /** A run of captured text at [from, to): the first is kept as bytes (a number needs no string). */
  private run(buf: Uint8Array, from: number, to: number): void {
    if (this.text === "" && this.runFrom < 0) {
      this.runFrom = from;
      this.runTo = to;
      return;
    }
    this.settleRun(buf);
    this.append(xmlText(decode(buf, from, to)));
  }

  /** Decodes the kept run into text. */
  private settleRun(buf: Uint8Array): void {
    if (this.runFrom < 0) return;
    const raw = xmlText(decode(buf, this.runFrom, this.runTo));
    this.runFrom = -1;
    this.append(raw);
  }

  /** The captured text, decoded, and the capture reset. */
  private takeText(buf: Uint8Array): string {
    this.settleRun(buf);
    const text = this.text;
    this.text = "";
    return text;
  }

  private append(text: string): void {
    this.text = this.text === "" ? text : this.text + text;
  }

  /** A comment, processing instruction or CDATA section at lt: where it ends, or -1 when it is not finished yet. */
  private special(buf: Uint8Array, lt: number): number {
    if (bytesAre(buf, lt, "<![CDATA[")) {
      const close = find(buf, "]]>", lt + 9);
      if (close < 0) return -1;
      if (this.capture !== Capture.None) {
        this.settleRun(buf);
        this.append(decode(buf, lt + 9, close));
      }
      return close + 3;
    }
    if (bytesAre(buf, lt, "<!--")) {
      const close = find(buf, "-->", lt + 4);
      return close < 0 ? -1 : close + 3;
    }
    if (lt + 9 > buf.length) return -1;
    const marker = buf[lt + 1] === QUESTION ? "?>" : ">";
    const close = find(buf, marker, lt + 2);
    return close < 0 ? -1 : close + marker.length;
  }

  /**
   * Reads the opening tag at lt in one pass: its local name (nameStart, nameEnd) and its attributes (attrs). Returns
   * the offset of its ">", or -1 when the tag is not finished in buf. Attribute values may hold ">".
   */
  private readTag(buf: Uint8Array, lt: number): number {
    const end = buf.length;
    let i = lt + 1;
    let nameStart = i;
    for (; i < end; i++) {
      const code = buf[i];
      if (isSpace(code) || code === SLASH || code === GT) break;
      if (code === COLON) nameStart = i + 1;
    }
    this.nameStart = nameStart;
    this.nameEnd = i;
    const attrs = this.attrs;
    let count = 0;
    for (;;) {
      while (i < end && isSpace(buf[i])) i++;
      if (i >= end) return -1;
      const code = buf[i];
      if (code === GT) break;
      if (code === SLASH) {
        i++;
        continue;
      }
      const attrStart = i;
      for (; i < end; i++) {
        const c = buf[i];
        if (c === EQUALS || c === GT || c === SLASH || isSpace(c)) break;
      }
      const attrEnd = i;
      while (i < end && isSpace(buf[i])) i++;
      if (i >= end) return -1;
      if (buf[i] !== EQUALS) continue;
      i++;
      while (i < end && isSpace(buf[i])) i++;
      if (i >= end) return -1;
      const quote = buf[i];
      if (quote !== QUOTE && quote !== APOS) continue;
      let valueEnd = i + 1;
      while (valueEnd < end && buf[valueEnd] !== quote) valueEnd++;
      if (valueEnd >= end) return -1;
      if (count < MAX_ATTRIBUTES) {
        const at = count * 4;
        attrs[at] = attrStart;
        attrs[at + 1] = attrEnd;
        attrs[at + 2] = i + 1;
        attrs[at + 3] = valueEnd;
        count++;
      }
      i = valueEnd + 1;
    }
    this.attrCount = count;
    return i;
  }

  /** Where the last tag's attribute `name` (as written, prefix included) is in attrs, or -1. */
  private attributeAt(buf: Uint8Array, name: string): number {
    const attrs = this.attrs;
    for (let k = 0; k < this.attrCount; k++) {
      const at = k * 4;
      if (attrs[at + 1] - attrs[at] === name.length && bytesAre(buf, attrs[at], name)) return at;
    }
    return -1;
  }

  /** The value of the last tag's attribute `name`, or undefined. */
  private attribute(buf: Uint8Array, name: string): string | undefined {
    const at = this.attributeAt(buf, name);
    return at < 0 ? undefined : this.valueAt(buf, at);
  }

  private valueAt(buf: Uint8Array, at: number): string {
    const raw = decode(buf, this.attrs[at + 2], this.attrs[at + 3]);
    return raw.includes("&") ? unescaped(raw) : raw;
  }

  /** An opening tag, its local name at buf[nameStart, nameEnd), its attributes read (readTag). */
  private open(buf: Uint8Array, nameStart: number, nameEnd: number): void {
    const length = nameEnd - nameStart;
    const first = buf[nameStart];
    if (length === 1) {
      if (first === 99 /* c */) this.openCell(buf);
      else if (first === 118 /* v */) this.startCapture(buf, Capture.Value);
      else if (first === 102 /* f */) {
        this.startCapture(buf, Capture.Formula);
        if (this.attribute(buf, "t") === "shared") {
          const si = this.attribute(buf, "si");
          if (si !== undefined) this.fShared = { si, master: this.attributeAt(buf, "ref") >= 0 };
        }
      } else if (first === 116 /* t */ && !this.inPhonetic) this.startCapture(buf, Capture.Text);
      return;
    }
    if (length === 3 && bytesAre(buf, nameStart, "row")) this.openRow(buf);
    else if (length === 2 && bytesAre(buf, nameStart, "is")) this.inlineText = "";
    else if (length === 3 && bytesAre(buf, nameStart, "rPh")) this.inPhonetic = true;
  }

  private startCapture(buf: Uint8Array, capture: Capture): void {
    this.capture = capture;
    this.takeText(buf);
  }

  private openRow(buf: Uint8Array): void {
    const at = this.attributeAt(buf, "r");
    let r = this.row + 1;
    if (at >= 0) {
      const n = plainNumber(buf, this.attrs[at + 2], this.attrs[at + 3]);
      r = (Number.isNaN(n) ? Number(this.valueAt(buf, at)) : n) - 1;
    }
    if (!Number.isInteger(r) || r < 0 || r > MAX_ROW)
      throw new DamagedCell(`row number "${at >= 0 ? this.valueAt(buf, at) : undefined}" is not a row`);
    this.row = r;
    this.rowGiven = at >= 0;
    this.col = -1;
  }

  /** A cell's r, t and s, read from the bytes: a cell costs no string unless its type is a word. */
  private openCell(buf: Uint8Array): void {
    const attrs = this.attrs;
    let ref = -1;
    let type = "n";
    let xf = 0;
    for (let k = 0; k < this.attrCount; k++) {
      const at = k * 4;
      if (attrs[at + 1] - attrs[at] !== 1) continue;
      const name = buf[attrs[at]];
      if (name === 114 /* r */) ref = at;
      else if (name === 116 /* t */) type = this.cellType(buf, at);
      else if (name === 115 /* s */) xf = styleIndex(buf, attrs[at + 2], attrs[at + 3]);
    }
    if (ref >= 0) {
      const at = parseRef(buf, attrs[ref + 2], attrs[ref + 3]);
      if (at < 0) throw new DamagedCell(`cell reference "${this.valueAt(buf, ref)}" is not a cell`);
      const r = Math.floor(at / REF_ROW);
      // The writer keeps cells under their rows: one filed under another row has no place there.
      if (this.rowGiven && r !== this.row)
        throw new DamagedCell(`cell ${this.valueAt(buf, ref)} is filed under row ${this.row + 1}`);
      this.col = at - r * REF_ROW;
      this.row = r;
      this.refBuf = buf;
      this.refFrom = attrs[ref + 2];
      this.refTo = attrs[ref + 3];
    } else {
      this.col += 1;
      this.refFrom = -1;
    }
    this.type = type;
    this.xf = xf;
    this.v = null;
    this.vParsed = false;
    this.f = null;
    this.fShared = null;
    this.inlineText = null;
  }

  /** The current cell's reference as written, or null. */
  private refText(): string | null {
    if (this.refFrom < 0) return null;
    const raw = decode(this.refBuf, this.refFrom, this.refTo);
    return raw.includes("&") ? unescaped(raw) : raw;
  }

  /** The cell type: the common one-letter types without decoding. */
  private cellType(buf: Uint8Array, at: number): string {
    const from = this.attrs[at + 2];
    if (this.attrs[at + 3] - from === 1) {
      const code = buf[from];
      if (code === 115) return "s";
      if (code === 110) return "n";
      if (code === 98) return "b";
      if (code === 101) return "e";
      if (code === 100) return "d";
    }
    return this.valueAt(buf, at);
  }

  /** A closing tag (or the end of a self-closing one); true when it closes sheetData. */
  private close(buf: Uint8Array, nameStart: number, nameEnd: number): boolean {
    const length = nameEnd - nameStart;
    const first = buf[nameStart];
    if (length === 1) {
      if (first === 99 /* c */) this.closeCell();
      else if (first === 118 /* v */) this.closeValue(buf);
      else if (first === 102 /* f */) {
        if (this.capture === Capture.Formula) this.closeFormula(buf);
      } else if (first === 116 /* t */ && this.capture === Capture.Text) {
        this.inlineText = (this.inlineText ?? "") + this.takeText(buf);
        this.capture = Capture.None;
      }
      return false;
    }
    if (length === 3 && bytesAre(buf, nameStart, "rPh")) this.inPhonetic = false;
    else if (length === 9 && bytesAre(buf, nameStart, "sheetData")) return true;
    return false;
  }

  /** </v>: a number or a shared string's index is read from the bytes when it is plain, else the text is kept. */
  private closeValue(buf: Uint8Array): void {
    this.capture = Capture.None;
    if (this.runFrom >= 0 && this.text === "" && (this.type === "n" || this.type === "s")) {
      const n = plainNumber(buf, this.runFrom, this.runTo);
      if (!Number.isNaN(n)) {
        this.runFrom = -1;
        this.vParsed = true;
        this.vNumber = n;
        this.v = "";
        return;
      }
    }
    this.vParsed = false;
    this.v = this.takeText(buf);
  }

  private closeFormula(buf: Uint8Array): void {
    this.capture = Capture.None;
    const text = this.takeText(buf);
    const { fShared, row, col } = this;
    if (fShared) {
      if (fShared.master) {
        this.shared.set(fShared.si, { formula: text, row, col });
        this.f = text;
      } else {
        const master = this.shared.get(fShared.si);
        this.f = master ? shiftFormula(master.formula, row - master.row, col - master.col) : null;
      }
    } else this.f = text;
  }

  private closeCell(): void {
    const value = this.cellValue();
    const f = this.f;
    if (value !== null || f !== null)
      this.sink(this.row, this.col, value, f === null || f === "" ? null : fromFileFormula(`=${f}`), this.xf);
  }

  private cellValue(): CellValue {
    if (this.vParsed) {
      const n = this.vNumber;
      if (this.type === "s") return this.ctx.strings[n] ?? null;
      return this.ctx.styles.look(this.xf).date ? fromExcelSerial(n, this.ctx.date1904) : n;
    }
    const v = this.v;
    switch (this.type) {
      case "s": {
        const s = v === null ? undefined : this.ctx.strings[Number(v)];
        return s ?? null;
      }
      case "inlineStr":
        return this.inlineText === null ? null : unescapeExcel(this.inlineText);
      case "str":
        return v === null ? null : unescapeExcel(v);
      case "b":
        return v === null ? null : v === "1" || v === "true";
      case "e":
        return v === null ? null : { error: v };
      case "d":
        return v === null ? null : new Date(v.endsWith("Z") || /[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);
      default: {
        if (v === null || v === "") return null;
        const n = Number(v);
        if (!Number.isFinite(n))
          throw new DamagedCell(`cell ${this.refText() ?? "?"} holds "${v}" where a number belongs`);
        return this.ctx.styles.look(this.xf).date ? fromExcelSerial(n, this.ctx.date1904) : n;
      }
    }
  }
}

/** Where `marker` (ASCII) is in buf from `from`, or -1. */
function find(buf: Uint8Array, marker: string, from: number): number {
  const first = marker.charCodeAt(0);
  for (let i = from; i + marker.length <= buf.length; i++) if (buf[i] === first && bytesAre(buf, i, marker)) return i;
  return -1;
}
