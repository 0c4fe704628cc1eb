/**
 * What the reader and the preview need from styles.xml, per cell style (xf) index: the number format (dates are
 * numbers with a date format), bold (group titles), and the colours a preview paints. Differential formats (dxfs)
 * give conditional formats their colours.
 */
import { attribute, attributes, childrenOf, findElement, rootOf, type Element } from "../xml/scan";

/** Excel's built-in number formats by id (ECMA-376 Part 1, 18.8.30). */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** A format that shows a date or time (what is inside quotes or brackets does not count). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhsb]/i.test(bare) && !/^general$/i.test(bare.trim());
}

export interface CellLook {
  readonly numberFormat: string;
  readonly date: boolean;
  readonly bold: boolean;
  readonly italic: boolean;
  /** "#RRGGBB" of a solid fill, when the file gives it as RGB. */
  readonly fill?: string;
  readonly font?: string;
}

export interface DxfLook {
  readonly fill?: string;
  readonly font?: string;
}

const PLAIN: CellLook = { numberFormat: "General", date: false, bold: false, italic: false };

export class StyleBook {
  constructor(
    readonly cellLooks: readonly CellLook[],
    readonly dxfLooks: readonly DxfLook[],
  ) {}

  static empty(): StyleBook {
    return new StyleBook([], []);
  }

  look(xf: number): CellLook {
    return this.cellLooks[xf] ?? PLAIN;
  }
}

/** "FF9C0006" -> "#9C0006" */
export function rgbHex(rgb: string | undefined): string | undefined {
  return rgb && /^[0-9a-f]{8}$/i.test(rgb) ? `#${rgb.slice(2).toUpperCase()}` : undefined;
}

const on = (value: string | undefined): boolean => value === undefined || value === "1" || value === "true";

function childrenNamed(xml: string, parent: Element | null, local: string): Element[] {
  return parent ? childrenOf(xml, parent).filter((c) => c.tag.local === local) : [];
}

interface FontLook {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly colour?: string;
}

function fontLook(xml: string, font: Element): FontLook {
  let bold = false;
  let italic = false;
  let colour: string | undefined;
  for (const child of childrenOf(xml, font)) {
    if (child.tag.local === "b") bold = on(attribute(xml, child.tag, "val"));
    else if (child.tag.local === "i") italic = on(attribute(xml, child.tag, "val"));
    else if (child.tag.local === "color") colour = rgbHex(attribute(xml, child.tag, "rgb"));
  }
  return { bold, italic, colour };
}

/** The colour a solid pattern fill paints: fgColor for cell styles; dxfs use bgColor (Excel's quirk), fgColor else. */
function fillColour(xml: string, fill: Element, differential: boolean): string | undefined {
  const pattern = childrenOf(xml, fill).find((c) => c.tag.local === "patternFill");
  if (!pattern) return undefined;
  const type = attribute(xml, pattern.tag, "patternType");
  if (!differential && type !== "solid") return undefined;
  if (differential && type !== undefined && type !== "solid") return undefined;
  const colours = new Map(childrenOf(xml, pattern).map((c) => [c.tag.local, rgbHex(attribute(xml, c.tag, "rgb"))]));
  return differential
    ? (colours.get("bgColor") ?? colours.get("fgColor"))
    : (colours.get("fgColor") ?? colours.get("bgColor"));
}

export function parseStyles(xml: string): StyleBook {
  const root = rootOf(xml);
  const section = (local: string) => findElement(xml, local, root.innerStart, root.innerEnd);
  const formats = new Map<number, string>();
  for (const numFmt of childrenNamed(xml, section("numFmts"), "numFmt")) {
    const attrs = attributes(xml, numFmt.tag);
    formats.set(Number(attrs.get("numFmtId")), attrs.get("formatCode") ?? "General");
  }
  const fonts = childrenNamed(xml, section("fonts"), "font").map((font) => fontLook(xml, font));
  const fills = childrenNamed(xml, section("fills"), "fill").map((fill) => fillColour(xml, fill, false));
  const cellLooks = childrenNamed(xml, section("cellXfs"), "xf").map((xf): CellLook => {
    const attrs = attributes(xml, xf.tag);
    const id = Number(attrs.get("numFmtId") ?? 0);
    const numberFormat = formats.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
    const font = fonts[Number(attrs.get("fontId") ?? 0)];
    return {
      numberFormat,
      date: isDateFormat(numberFormat),
      bold: font?.bold ?? false,
      italic: font?.italic ?? false,
      fill: fills[Number(attrs.get("fillId") ?? 0)],
      font: font?.colour,
    };
  });
  const dxfLooks = childrenNamed(xml, section("dxfs"), "dxf").map((dxf): DxfLook => {
    const parts = new Map(childrenOf(xml, dxf).map((c) => [c.tag.local, c]));
    const font = parts.get("font");
    const fill = parts.get("fill");
    return {
      font: font ? fontLook(xml, font).colour : undefined,
      fill: fill ? fillColour(xml, fill, true) : undefined,
    };
  });
  return new StyleBook(cellLooks, dxfLooks);
}
