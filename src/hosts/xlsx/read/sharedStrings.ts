/** The shared string table: each <si> as the text Excel shows (rich-text runs joined, phonetic runs left out). */
import { unescapeExcel, unescapeXml } from "../xml/scan";

export interface SharedStrings {
  readonly texts: string[];
  /** Items that are one plain run (no rich-text formatting): a new cell of that text can share them. */
  readonly plain: boolean[];
}

const RICH_RUN = /<(?:\w+:)?r[\s>]/;

export function parseSharedStrings(xml: string): SharedStrings {
  const strings: string[] = [];
  const plain: boolean[] = [];
  let at = 0;
  for (;;) {
    const open = nextSi(xml, at);
    if (!open) return { texts: strings, plain };
    if (open.empty) {
      strings.push("");
      plain.push(false);
      at = open.end;
      continue;
    }
    const close = xml.indexOf(`</${open.name}>`, open.end);
    if (close < 0) throw new Error("unterminated <si>");
    const inner = xml.slice(open.end, close);
    const alone = loneT(inner);
    if (alone !== null) {
      strings.push(unescapeExcel(unescapeXml(alone)));
      plain.push(!inner.includes("rPh"));
    } else {
      strings.push(itemText(inner));
      plain.push(!RICH_RUN.test(inner) && !inner.includes("rPh"));
    }
    at = close;
  }
}

/**
 * The raw text of an item that is one `<t>` and nothing else, as most are (`<si><t>Measure 12</t></si>`), or null:
 * read without the item patterns (a table of 20,000 items took ~28 ms with them). Its text holds no "<", so the
 * patterns would give the same.
 */
function loneT(inner: string): string | null {
  const end = inner.length - 4;
  return inner.startsWith("<t>") && inner.endsWith("</t>") && inner.indexOf("<", 3) === end
    ? inner.slice(3, end)
    : null;
}

const SI = /<((?:\w+:)?si)(\s[^>]*)?(\/?)>/g;

function nextSi(xml: string, from: number): { name: string; end: number; empty: boolean } | null {
  // Right after an item's end, as most are: the pattern would find this one.
  if (xml.startsWith("</si><si>", from)) return { name: "si", end: from + 9, empty: false };
  SI.lastIndex = from;
  const m = SI.exec(xml);
  return m ? { name: m[1], end: m.index + m[0].length, empty: m[3] === "/" } : null;
}

const PHONETIC = /<((?:\w+:)?rPh)[\s>][\s\S]*?<\/\1>/g;
const T = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g;

/** The text of an <si> or <is>: its <t> elements, leaving out phonetic guides. */
export function itemText(inner: string): string {
  const body = inner.includes("rPh") ? inner.replace(PHONETIC, "") : inner;
  let text = "";
  for (const m of body.matchAll(T)) text += m[1];
  return unescapeExcel(unescapeXml(text));
}
