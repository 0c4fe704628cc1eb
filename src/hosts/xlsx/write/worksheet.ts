/**
 * A user's worksheet with a plan's writes spliced in: sheetData (see sheetData.ts), the dimension, the widths of
 * the written columns, and the add-in's conditional formats, which replace the ones it wrote before and come after
 * the user's. Every other element (views, protection, validations, hyperlinks, drawing, tableParts, extLst with its
 * sparklines and x14 rules…) is copied as it is, and new elements go where the schema's order puts them
 * (CT_Worksheet, ECMA-376 Part 1, 18.3.1.99).
 */
import type { CellRange, ConditionalRule, SheetWrite } from "../../../workbook/port";
import { parseRangeRef, rangesOverlap, rangeToA1 } from "../../../workbook/a1";
import {
  childrenOf,
  escapeXml,
  nextTag,
  shallowRootOf,
  unescapeXml,
  withAttribute,
  type Element,
  type Tag,
} from "../xml/scan";
import { Utf8Pieces } from "../package/utf8";
import { RowWalker } from "./cellWrites";
import { sheetDataSplice, type SpliceContext } from "./sheetData";
import { widenedAutoFilter, type FilterGrowth } from "./autoFilter";
import { concatBytes } from "../package/bytes";

const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export function applyEdits(xml: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let from = 0;
  for (const edit of sorted) {
    out.push(xml.slice(from, edit.start), edit.text);
    from = edit.end;
  }
  out.push(xml.slice(from));
  return out.join("");
}

export function prefixOf(name: string): string {
  return name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
}

/** Where a new child `local` goes: before the first existing child that the schema puts after it. */
export function insertionPoint(children: readonly Element[], local: string, root: Element): number {
  const later = new Set(WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(local) + 1));
  return children.find((child) => later.has(child.tag.local))?.tag.start ?? root.innerEnd;
}

export interface SheetEditContext extends Omit<SpliceContext, "merges"> {
  readonly dxf: (rule: ConditionalRule) => number;
}

/** A status-word rule as the add-in writes them: `$H5="Red"`. */
const OWN_RULE_FORMULA = /^\$?[A-Z]{1,3}\$?\d+="[^"]*"$/;

/** Stands for the sheetData element in the edited skeleton (NUL never occurs in XML). */
const SHEET_DATA_MARK = "\u0000";

/**
 * A user's worksheet with the write spliced in, streamed: `source` streams the part's bytes (it is called twice: once
 * for everything around sheetData, once for its rows), and the result goes to `out` piece by piece. Only the text
 * around sheetData and one row at a time are held.
 */
export function spliceWorksheet(
  source: ByteSource,
  write: SheetWrite,
  ctx: SheetEditContext,
  out: (text: string) => void,
): { formulasChanged: boolean; filter: FilterGrowth | null } {
  const skeleton = skeletonOf(source);
  const xml = skeleton.xml;
  const root = shallowRootOf(xml);
  const prefix = prefixOf(root.tag.name);
  const children = childrenOf(xml, root, new Set(["sheetData"]));
  const find = (local: string) => children.find((c) => c.tag.local === local);
  const edits: Edit[] = [];

  const merges = find("mergeCells");
  const mergeRanges = merges
    ? childrenOf(xml, merges).flatMap(
        (m) => parseRangeRef(/\sref="([^"]*)"/.exec(xml.slice(m.tag.start, m.tag.end))?.[1] ?? "") ?? [],
      )
    : [];
  const sheetData = find("sheetData");
  const writes = new RowWalker(write);
  if (!writes.empty) {
    if (!sheetData || skeleton.innerStart < 0) throw new Error("the sheet has no sheetData");
    const dimension = find("dimension");
    if (dimension) {
      const tag = xml.slice(dimension.tag.start, dimension.tag.end);
      const grown = grownDimension(/\sref="([^"]*)"/.exec(tag)?.[1], writes);
      if (grown)
        edits.push({ start: dimension.tag.start, end: dimension.tag.end, text: withAttribute(tag, "ref", grown) });
    }
  }
  if (sheetData) edits.push({ start: sheetData.tag.start, end: sheetData.end, text: SHEET_DATA_MARK });

  const widths = write.columnWidths ?? [];
  if (widths.length > 0) {
    const cols = find("cols");
    const text = colsWithWidths(xml, cols, prefix, widths);
    if (text !== null) {
      if (cols) edits.push({ start: cols.tag.start, end: cols.end, text });
      else
        edits.push({
          start: insertionPoint(children, "cols", root),
          end: insertionPoint(children, "cols", root),
          text,
        });
    }
  }

  if (write.conditionalRules.length > 0) {
    const targets = write.conditionalRules.map((rule) => rule.range);
    const formats = children.filter((c) => c.tag.local === "conditionalFormatting");
    const ours = formats.filter((cf) => isOwnFormat(xml, cf, targets));
    const kept = formats.filter((cf) => !ours.includes(cf));
    for (const cf of ours) edits.push({ start: cf.tag.start, end: cf.end, text: "" });
    let priority = maxPriority(xml, kept, find("extLst"));
    const byRef = new Map<string, string[]>();
    for (const rule of write.conditionalRules) {
      const ref = rangeToA1(rule.range);
      const formula = escapeXml(rule.formula.replace(/^=/, ""));
      const rules = byRef.get(ref) ?? [];
      rules.push(
        `<${prefix}cfRule type="expression" dxfId="${ctx.dxf(rule)}" priority="${++priority}"><${prefix}formula>${formula}</${prefix}formula></${prefix}cfRule>`,
      );
      byRef.set(ref, rules);
    }
    const text = [...byRef]
      .map(
        ([ref, rules]) =>
          `<${prefix}conditionalFormatting sqref="${ref}">${rules.join("")}</${prefix}conditionalFormatting>`,
      )
      .join("");
    const last = kept.at(-1);
    const at = last ? last.end : (ours[0]?.tag.start ?? insertionPoint(children, "conditionalFormatting", root));
    edits.push({ start: at, end: at, text });
  }
  const autoFilter = find("autoFilter");
  const widened =
    autoFilter && write.widenFilters
      ? widenedAutoFilter(xml.slice(autoFilter.tag.start, autoFilter.tag.end), write.widenFilters)
      : null;
  if (autoFilter && widened) edits.push({ start: autoFilter.tag.start, end: autoFilter.tag.end, text: widened.text });
  const [before, after] = applyEdits(xml, edits).split(SHEET_DATA_MARK);
  out(before);
  let formulasChanged = false;
  if (sheetData) {
    const open = xml.slice(sheetData.tag.start, sheetData.tag.end);
    const close = xml.slice(sheetData.innerEnd, sheetData.end);
    const splice = writes.empty
      ? { push: out, end: () => (out(close), { formulasChanged: false }) }
      : sheetDataSplice(open, prefix, writes, { ...ctx, merges: mergeRanges }, out);
    if (writes.empty) out(open);
    streamRange(source, skeleton.innerStart, skeleton.innerEnd, splice.push);
    formulasChanged = splice.end().formulasChanged;
  }
  if (after !== undefined) out(after);
  return { formulasChanged, filter: widened?.growth ?? null };
}

interface Skeleton {
  /** The part with the content of sheetData left out (the element itself kept, empty). */
  readonly xml: string;
  /** Where that content starts and ends in the part, in bytes; -1 when the part has no sheetData. */
  readonly innerStart: number;
  readonly innerEnd: number;
}

const utf8Length = (text: string): number => encoder.encode(text).length;

/**
 * Reads the part once, keeping all but the rows: the text up to sheetData's opening tag and from its closing tag
 * on (sheetData ends at its first closing tag, as childrenOf's skip reads it). The rows are not even decoded: the
 * closing tag is found in the bytes (ASCII never occurs inside a multi-byte UTF-8 character).
 */
function skeletonOf(source: ByteSource): Skeleton {
  const decoder = new Utf8Pieces();
  let head = "";
  let headBytes = 0;
  const lead = new Uint8Array(3);
  /** The decoder drops a UTF-8 byte order mark: offsets in bytes count it. */
  let bom = 0;
  let scanned = 0;
  let mark: Uint8Array | null = null;
  let pivot = 0;
  let innerStart = -1;
  let innerEnd = -1;
  /** Bytes of the part before `carry`. */
  let passed = 0;
  let carry = new Uint8Array(0);
  const tail: Uint8Array[] = [];
  const inside = (bytes: Uint8Array) => {
    const m = mark!;
    // A closing tag that starts in the bytes kept from the last piece.
    if (carry.length > 0) {
      const at = indexOfBytes(concatBytes([carry, bytes.subarray(0, m.length - 1)]), m, pivot);
      if (at >= 0 && at < carry.length) {
        innerEnd = passed + at;
        tail.push(carry.slice(at), bytes.slice());
        return;
      }
    }
    const close = indexOfBytes(bytes, m, pivot);
    if (close >= 0) {
      innerEnd = passed + carry.length + close;
      tail.push(bytes.slice(close));
      return;
    }
    const keep = m.length - 1;
    const recent = bytes.length >= keep ? bytes : concatBytes([carry, bytes]);
    const kept = recent.slice(Math.max(0, recent.length - keep));
    passed += carry.length + bytes.length - kept.length;
    carry = kept;
  };
  source((bytes) => {
    if (innerEnd >= 0) tail.push(bytes.slice());
    else if (mark !== null) inside(bytes);
    else {
      for (let i = 0; headBytes + i < 3 && i < bytes.length; i++) lead[headBytes + i] = bytes[i];
      if (lead[0] === 0xef && lead[1] === 0xbb && lead[2] === 0xbf) bom = 3;
      const before = headBytes;
      headBytes += bytes.length;
      head += decoder.decode(bytes);
      for (;;) {
        let tag: Tag | null;
        try {
          tag = nextTag(head, scanned);
        } catch {
          return; // a tag cut at the end of this piece: wait for the next
        }
        if (tag === null) return;
        if (tag.kind === "close" || tag.local !== "sheetData") {
          scanned = tag.end;
          continue;
        }
        head = head.slice(0, tag.end);
        innerStart = bom + utf8Length(head);
        // The rest of this piece, from the content's first byte (decoding may hold back a character's first bytes:
        // the byte offset is exact whatever was decoded).
        const rest = bytes.subarray(innerStart - before);
        if (tag.kind === "empty") {
          innerEnd = innerStart;
          tail.push(rest.slice());
        } else {
          mark = encoder.encode(`</${tag.name}`);
          pivot = mark.lastIndexOf(0x68 /* h */);
          passed = innerStart;
          inside(rest);
        }
        return;
      }
    }
  });
  if (innerStart >= 0 && innerEnd < 0) throw new Error("the sheet's sheetData is not closed");
  const rest = innerStart < 0 ? head + decoder.end() : head + new TextDecoder("utf-8").decode(concatBytes(tail));
  return { xml: rest, innerStart, innerEnd };
}

/** Streams the bytes [from, to) of the part to `sink` as text. */
function streamRange(source: ByteSource, from: number, to: number, sink: (text: string) => void): void {
  const decoder = new Utf8Pieces(from === 0);
  let at = 0;
  source((bytes) => {
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, bytes.length);
    if (start < end) sink(decoder.decode(bytes.subarray(start, end)));
    at += bytes.length;
  });
  const last = decoder.end();
  if (last) sink(last);
}

/** The part's bytes, streamed in pieces. */
export type ByteSource = (sink: (bytes: Uint8Array) => void) => void;

const encoder = new TextEncoder();

/**
 * The first `needle` in `hay`, or -1. Candidates are found by the needle's byte at `pivot`, chosen rare in sheet
 * XML (the "h" of "</sheetData": "<" and "/" occur in every cell), so the search makes few calls per row.
 */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array, pivot: number): number {
  const last = hay.length - needle.length;
  for (let p = hay.indexOf(needle[pivot], pivot); p >= 0; p = hay.indexOf(needle[pivot], p + 1)) {
    const i = p - pivot;
    if (i > last) return -1;
    let k = 0;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/**
 * A format is the add-in's when all its rules are status-word expression rules (`$H5="Red"`) and every range it
 * covers lies in the columns of a new rule's range and overlaps its rows (the output column, grown or shrunk).
 * Anything else, including a user's own rule on a reused Status column, is the user's and is kept.
 */
function isOwnFormat(xml: string, cf: Element, targets: readonly CellRange[]): boolean {
  const sqref = /\ssqref="([^"]*)"/.exec(xml.slice(cf.tag.start, cf.tag.end))?.[1] ?? "";
  const rules = childrenOf(xml, cf).filter((c) => c.tag.local === "cfRule");
  if (rules.length === 0) return false;
  const allOwn = rules.every((rule) => {
    const tag = xml.slice(rule.tag.start, rule.tag.end);
    if (!/\stype="expression"/.test(tag)) return false;
    const formulas = childrenOf(xml, rule).filter((c) => c.tag.local === "formula");
    return (
      formulas.length === 1 &&
      OWN_RULE_FORMULA.test(unescapeXml(xml.slice(formulas[0].innerStart, formulas[0].innerEnd)).trim())
    );
  });
  if (!allOwn) return false;
  const ranges = sqref.trim().split(/\s+/).map(parseRangeRef);
  return ranges.every(
    (range) =>
      range !== null &&
      targets.some((t) => range.col >= t.col && range.col + range.cols <= t.col + t.cols && rangesOverlap(range, t)),
  );
}

function maxPriority(xml: string, kept: readonly Element[], extLst: Element | undefined): number {
  let max = 0;
  for (const element of [...kept, ...(extLst ? [extLst] : [])]) {
    for (const m of xml.slice(element.tag.start, element.end).matchAll(/\spriority="(\d+)"/g))
      max = Math.max(max, Number(m[1]));
  }
  return max;
}

function grownDimension(ref: string | undefined, writes: RowWalker): string | null {
  const { top, bottom, left, right } = writes.extent()!;
  const current = ref ? parseRangeRef(ref) : null;
  if (!current) return null;
  const r0 = Math.min(current.row, top);
  const c0 = Math.min(current.col, left);
  const r1 = Math.max(current.row + current.rows - 1, bottom);
  const c1 = Math.max(current.col + current.cols - 1, right);
  if (
    r0 === current.row &&
    c0 === current.col &&
    r1 === current.row + current.rows - 1 &&
    c1 === current.col + current.cols - 1
  )
    return null;
  return rangeToA1({ row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
}

interface ColSpec {
  min: number;
  max: number;
  tag: string;
}

/** The cols element with these widths set (a <col> spanning several columns is split around a changed one), or null. */
function colsWithWidths(
  xml: string,
  cols: Element | undefined,
  prefix: string,
  widths: readonly { col: number; width: number }[],
): string | null {
  let specs: ColSpec[] = cols
    ? childrenOf(xml, cols)
        .filter((c) => c.tag.local === "col")
        .map((c) => {
          const tag = xml.slice(c.tag.start, c.end);
          return { min: Number(/\smin="(\d+)"/.exec(tag)?.[1]), max: Number(/\smax="(\d+)"/.exec(tag)?.[1]), tag };
        })
    : [];
  let changed = false;
  for (const { col, width } of widths) {
    const n = col + 1;
    const covering = specs.find((s) => s.min <= n && n <= s.max);
    const withWidth = (tag: string) => withAttribute(withAttribute(tag, "width", String(width)), "customWidth", "1");
    if (covering) {
      if (
        /\swidth="([^"]*)"/.exec(covering.tag)?.[1] === String(width) &&
        /\scustomWidth="(1|true)"/.test(covering.tag) &&
        covering.min === covering.max
      )
        continue;
      const span = (min: number, max: number, tag: string): ColSpec => ({
        min,
        max,
        tag: withAttribute(withAttribute(tag, "min", String(min)), "max", String(max)),
      });
      const parts: ColSpec[] = [];
      if (covering.min < n) parts.push(span(covering.min, n - 1, covering.tag));
      parts.push(span(n, n, withWidth(covering.tag)));
      if (n < covering.max) parts.push(span(n + 1, covering.max, covering.tag));
      specs = specs.flatMap((s) => (s === covering ? parts : [s]));
    } else {
      specs.push({ min: n, max: n, tag: `<${prefix}col min="${n}" max="${n}" width="${width}" customWidth="1"/>` });
    }
    changed = true;
  }
  if (!changed) return null;
  specs.sort((a, b) => a.min - b.min);
  const open = cols ? xml.slice(cols.tag.start, cols.tag.end).replace(/\s*\/>$/, ">") : `<${prefix}cols>`;
  return `${open}${specs.map((s) => s.tag).join("")}</${prefix}cols>`;
}
