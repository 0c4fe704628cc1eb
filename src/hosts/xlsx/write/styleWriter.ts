/**
 * New cell styles and differential formats, appended at the end of their lists in styles.xml so that every style
 * index already used in the workbook keeps its meaning. A style that is already there (same XML) is reused, so a
 * second run adds nothing. A cell's new style starts from the style it had: its border, alignment and protection
 * stay, and only what the plan sets (fill, font colour, bold, italic, number format, wrap) changes.
 */
import type { CellStyle } from "../../../workbook/port";
import { styleKey } from "../../../workbook/styleRuns";
import { BUILTIN_FORMATS } from "../read/styles";
import { attribute, childrenOf, escapeXml, rootOf, withAttribute, type Element } from "../xml/scan";

/** Where each list sits in CT_Stylesheet's sequence (ECMA-376 Part 1, 18.8.39), to insert a missing one in order. */
const SECTION_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];
type Section = "numFmts" | "fonts" | "fills" | "cellXfs" | "dxfs";
const ITEM: Record<Section, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", cellXfs: "xf", dxfs: "dxf" };

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** "#c6efce" -> "FFC6EFCE" */
export function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

class ItemList {
  readonly added: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(readonly existing: readonly string[]) {
    existing.forEach((text, i) => {
      if (!this.index.has(text)) this.index.set(text, i);
    });
  }

  get length(): number {
    return this.existing.length + this.added.length;
  }

  item(i: number): string | undefined {
    return i < this.existing.length ? this.existing[i] : this.added[i - this.existing.length];
  }

  /** The index of this exact item, appended when new. */
  intern(text: string): number {
    const found = this.index.get(text);
    if (found !== undefined) return found;
    const i = this.length;
    this.added.push(text);
    this.index.set(text, i);
    return i;
  }
}

export class StyleWriter {
  private readonly xml: string;
  private readonly sections = new Map<string, Element>();
  private readonly lists: Record<Section, ItemList>;
  private readonly formats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly xfCache = new Map<string, number>();
  private readonly xfByStyle = new WeakMap<CellStyle, Map<number, number>>();

  constructor(stylesXml: string | null) {
    this.xml = stylesXml ?? MINIMAL_STYLES;
    const root = rootOf(this.xml);
    for (const child of childrenOf(this.xml, root)) this.sections.set(child.tag.local, child);
    const items = (section: Section) => {
      const element = this.sections.get(section);
      if (!element) return [];
      return childrenOf(this.xml, element)
        .filter((c) => c.tag.local === ITEM[section])
        .map((c) => this.xml.slice(c.tag.start, c.end));
    };
    this.lists = {
      numFmts: new ItemList(items("numFmts")),
      fonts: new ItemList(items("fonts")),
      fills: new ItemList(items("fills")),
      cellXfs: new ItemList(items("cellXfs")),
      dxfs: new ItemList(items("dxfs")),
    };
    for (const [id, code] of Object.entries(BUILTIN_FORMATS))
      if (!this.formats.has(code)) this.formats.set(code, Number(id));
    const numFmts = this.sections.get("numFmts");
    if (numFmts) {
      for (const c of childrenOf(this.xml, numFmts)) {
        const id = Number(attribute(this.xml, c.tag, "numFmtId"));
        const code = attribute(this.xml, c.tag, "formatCode") ?? "";
        this.formats.set(code, id);
        this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      }
    }
    if (this.lists.fonts.length === 0) this.lists.fonts.intern('<font><sz val="11"/><name val="Calibri"/></font>');
    if (this.lists.cellXfs.length === 0)
      this.lists.cellXfs.intern('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>');
  }

  private numberFormatId(code: string): number {
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.lists.numFmts.intern(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    this.formats.set(code, id);
    return id;
  }

  /** The cell style (xf index) a cell with style `base` gets when `style` is applied to it. */
  cellXf(base: number, style: CellStyle): number {
    // A plan hands one style object to a whole range: look it up by identity before serialising it.
    let byBase = this.xfByStyle.get(style);
    if (!byBase) this.xfByStyle.set(style, (byBase = new Map()));
    const known = byBase.get(base);
    if (known !== undefined) return known;
    const xf = this.newCellXf(base, style);
    byBase.set(base, xf);
    return xf;
  }

  private newCellXf(base: number, style: CellStyle): number {
    const key = `${base}|${styleKey(style)}`;
    const cached = this.xfCache.get(key);
    if (cached !== undefined) return cached;
    const baseText = this.lists.cellXfs.item(base) ?? (this.lists.cellXfs.item(0) as string);
    const baseTag = rootOf(baseText);
    let open = baseText.slice(0, baseTag.tag.end);
    if (open.endsWith("/>")) open = `${open.slice(0, -2).replace(/\s+$/, "")}>`;
    let children = baseTag.tag.kind === "empty" ? "" : baseText.slice(baseTag.innerStart, baseTag.innerEnd);
    // No colour: fill 0 (none) and font 0 (the workbook's default font, automatic colour).
    if (style.plain) open = withAttribute(withAttribute(open, "fillId", "0"), "fontId", "0");
    if (style.fill !== undefined) {
      const fill = this.lists.fills.intern(
        `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`,
      );
      open = withAttribute(withAttribute(open, "fillId", String(fill)), "applyFill", "1");
    }
    if (style.font !== undefined || style.bold !== undefined || style.italic !== undefined) {
      const fontId = Number(/\sfontId="(\d+)"/.exec(open)?.[1] ?? 0);
      const font = this.lists.fonts.intern(
        changedFont(this.lists.fonts.item(fontId) ?? (this.lists.fonts.item(0) as string), style),
      );
      open = withAttribute(withAttribute(open, "fontId", String(font)), "applyFont", "1");
    }
    if (style.numberFormat !== undefined) {
      open = withAttribute(
        withAttribute(open, "numFmtId", String(this.numberFormatId(style.numberFormat))),
        "applyNumberFormat",
        "1",
      );
    }
    if (style.wrap !== undefined) {
      const wrap = style.wrap ? "1" : "0";
      const alignment = /<(\w+:)?alignment\b[^>]*?\/?>/.exec(children);
      if (alignment) children = children.replace(alignment[0], withAttribute(alignment[0], "wrapText", wrap));
      else children = `<alignment wrapText="${wrap}"/>${children}`;
      open = withAttribute(open, "applyAlignment", "1");
    }
    const name = baseTag.tag.name;
    const index = this.lists.cellXfs.intern(`${open}${children}</${name}>`);
    this.xfCache.set(key, index);
    return index;
  }

  /** A differential format (conditional format colours); Excel reads a dxf's solid fill from bgColor. */
  dxf(style: CellStyle): number {
    let font = "";
    if (style.bold !== undefined) font += style.bold ? "<b/>" : '<b val="0"/>';
    if (style.italic !== undefined) font += style.italic ? "<i/>" : '<i val="0"/>';
    if (style.font !== undefined) font += `<color rgb="${argb(style.font)}"/>`;
    let dxf = font ? `<font>${font}</font>` : "";
    if (style.numberFormat !== undefined) {
      dxf += `<numFmt numFmtId="${this.numberFormatId(style.numberFormat)}" formatCode="${escapeXml(style.numberFormat)}"/>`;
    }
    if (style.fill !== undefined) {
      const colour = argb(style.fill);
      dxf += `<fill><patternFill patternType="solid"><fgColor rgb="${colour}"/><bgColor rgb="${colour}"/></patternFill></fill>`;
    }
    return this.lists.dxfs.intern(`<dxf>${dxf}</dxf>`);
  }

  /** styles.xml with the new items appended, or null when nothing was added. */
  result(): string | null {
    const sections: Section[] = ["numFmts", "fonts", "fills", "cellXfs", "dxfs"];
    if (sections.every((s) => this.lists[s].added.length === 0)) return null;
    const edits: { at: number; end: number; text: string }[] = [];
    const root = rootOf(this.xml);
    for (const section of sections) {
      const list = this.lists[section];
      if (list.added.length === 0) continue;
      const element = this.sections.get(section);
      const items = list.added.join("");
      if (element) {
        let open = this.xml.slice(element.tag.start, element.tag.end);
        const empty = element.tag.kind === "empty";
        if (empty) open = `${open.slice(0, -2).replace(/\s+$/, "")}>`;
        open = withAttribute(open, "count", String(list.length));
        const inner = empty ? "" : this.xml.slice(element.innerStart, element.innerEnd);
        edits.push({ at: element.tag.start, end: element.end, text: `${open}${inner}${items}</${element.tag.name}>` });
      } else {
        const prefix = root.tag.name.includes(":") ? root.tag.name.slice(0, root.tag.name.indexOf(":") + 1) : "";
        const text = `<${prefix}${section} count="${list.length}">${items}</${prefix}${section}>`;
        edits.push({ at: this.insertionPoint(section, root), end: -1, text });
      }
    }
    edits.sort((a, b) => a.at - b.at);
    let out = "";
    let from = 0;
    for (const edit of edits) {
      out += this.xml.slice(from, edit.at) + edit.text;
      from = edit.end < 0 ? edit.at : edit.end;
    }
    return out + this.xml.slice(from);
  }

  /** Before the first existing section that comes after `section` in schema order, else at the end. */
  private insertionPoint(section: Section, root: Element): number {
    const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(section) + 1);
    for (const child of childrenOf(this.xml, root)) if (later.includes(child.tag.local)) return child.tag.start;
    return root.innerEnd;
  }
}

/** A font element with the plan's colour, bold and italic, everything else (size, name, family…) kept. */
function changedFont(font: string, style: CellStyle): string {
  const root = rootOf(font);
  let inner = root.tag.kind === "empty" ? "" : font.slice(root.innerStart, root.innerEnd);
  const drop = (local: string) => {
    inner = inner.replace(new RegExp(`<(\\w+:)?${local}\\b[^>]*?(/>|>[^<]*</(\\w+:)?${local}>)`, "g"), "");
  };
  const prefix = root.tag.name.includes(":") ? root.tag.name.slice(0, root.tag.name.indexOf(":") + 1) : "";
  let head = "";
  if (style.bold !== undefined) {
    drop("b");
    if (style.bold) head += `<${prefix}b/>`;
  }
  if (style.italic !== undefined) {
    drop("i");
    if (style.italic) head += `<${prefix}i/>`;
  }
  if (style.font !== undefined) {
    drop("color");
    const color = `<${prefix}color rgb="${argb(style.font)}"/>`;
    const sz = /<(\w+:)?sz\b[^>]*\/>/.exec(inner);
    inner = sz ? inner.replace(sz[0], sz[0] + color) : color + inner;
  }
  const open = root.tag.kind === "empty" ? `${font.slice(0, -2).replace(/\s+$/, "")}>` : font.slice(0, root.tag.end);
  return `${open}${head}${inner}</${root.tag.name}>`;
}
