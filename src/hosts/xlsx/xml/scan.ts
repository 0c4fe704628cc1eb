/**
 * An offset-exact XML tag scanner for editing parts in place: every tag comes with where it starts and ends in the
 * text, so an edit replaces exactly the bytes it means to and copies the rest. Iterative (no recursion), and it
 * never builds a tree, so a part's size costs no more than its text. Prefixed names (`x:row`, Strict or otherwise)
 * are matched by local name.
 */

export interface Tag {
  readonly kind: "open" | "close" | "empty";
  /** Qualified name as written, e.g. "x:row". */
  readonly name: string;
  /** Name without its prefix, e.g. "row". */
  readonly local: string;
  /** Offset of "<" and just past ">". */
  readonly start: number;
  readonly end: number;
}

export interface Element {
  readonly tag: Tag;
  /** Just past the element's end: its closing tag, or the tag itself when empty. */
  readonly end: number;
  /** Between the opening and the closing tag (empty elements: start = end = tag.end). */
  readonly innerStart: number;
  readonly innerEnd: number;
}

const localOf = (name: string): string => name.slice(name.indexOf(":") + 1);

function isNameEnd(code: number): boolean {
  // whitespace, "/", ">"
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62;
}

/** The next tag at or after `from` (comments, processing instructions, CDATA and doctype are skipped), or null. */
export function nextTag(xml: string, from: number, to = xml.length): Tag | null {
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= to) return null;
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      i = skipPast(xml, "?>", lt);
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) i = skipPast(xml, "-->", lt);
      else if (xml.startsWith("<![CDATA[", lt)) i = skipPast(xml, "]]>", lt);
      else i = skipPast(xml, ">", lt);
      continue;
    }
    if (c === 47 /* / */) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) throw new Error("unterminated closing tag");
      const name = xml.slice(lt + 2, gt).trim();
      return { kind: "close", name, local: localOf(name), start: lt, end: gt + 1 };
    }
    let n = lt + 1;
    while (n < xml.length && !isNameEnd(xml.charCodeAt(n))) n++;
    const name = xml.slice(lt + 1, n);
    // Attribute values may hold ">": walk the quotes.
    let quote = 0;
    let p = n;
    for (; p < xml.length; p++) {
      const code = xml.charCodeAt(p);
      if (quote) {
        if (code === quote) quote = 0;
      } else if (code === 34 || code === 39) quote = code;
      else if (code === 62) break;
    }
    if (p >= xml.length) throw new Error(`unterminated tag <${name}`);
    const empty = xml.charCodeAt(p - 1) === 47;
    return { kind: empty ? "empty" : "open", name, local: localOf(name), start: lt, end: p + 1 };
  }
}

function skipPast(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  if (at < 0) throw new Error(`unterminated ${marker}`);
  return at + marker.length;
}

/** The element an opening (or empty) tag starts, with where its content and its end are. */
export function elementAt(xml: string, tag: Tag): Element {
  if (tag.kind === "empty") return { tag, end: tag.end, innerStart: tag.end, innerEnd: tag.end };
  let depth = 1;
  let at = tag.end;
  for (;;) {
    const next = nextTag(xml, at);
    if (!next) throw new Error(`<${tag.name}> is not closed`);
    if (next.kind === "open") depth++;
    else if (next.kind === "close" && --depth === 0) {
      return { tag, end: next.end, innerStart: tag.end, innerEnd: next.start };
    }
    at = next.end;
  }
}

/** An element whose content cannot hold another element of its own name ends at the first closing tag of it. */
export function elementEndingAtFirstClose(xml: string, tag: Tag): Element {
  if (tag.kind === "empty") return { tag, end: tag.end, innerStart: tag.end, innerEnd: tag.end };
  const close = xml.indexOf(`</${tag.name}`, tag.end);
  if (close < 0) throw new Error(`<${tag.name}> is not closed`);
  const gt = xml.indexOf(">", close);
  return { tag, end: gt + 1, innerStart: tag.end, innerEnd: close };
}

/** The first element (at any depth) with this local name in [from, to), or null. */
export function findElement(xml: string, local: string, from = 0, to = xml.length): Element | null {
  let at = from;
  for (;;) {
    const tag = nextTag(xml, at, to);
    if (!tag) return null;
    if (tag.kind !== "close" && tag.local === local) return elementAt(xml, tag);
    at = tag.end;
  }
}

/** The child elements of an element, in order. `skip` names children whose content is not walked (huge ones). */
export function childrenOf(xml: string, parent: Element, skip: ReadonlySet<string> = new Set()): Element[] {
  const children: Element[] = [];
  let at = parent.innerStart;
  for (;;) {
    const tag = nextTag(xml, at, parent.innerEnd);
    if (!tag) return children;
    if (tag.kind === "close") throw new Error(`stray </${tag.name}>`);
    const child = skip.has(tag.local) ? elementEndingAtFirstClose(xml, tag) : elementAt(xml, tag);
    children.push(child);
    at = child.end;
  }
}

/** The document's root element. */
export function rootOf(xml: string): Element {
  const tag = nextTag(xml, 0);
  if (!tag || tag.kind === "close") throw new Error("no root element");
  return elementAt(xml, tag);
}

/** The root element without walking its content: its end is its closing tag, found from the back. */
export function shallowRootOf(xml: string): Element {
  const tag = nextTag(xml, 0);
  if (!tag || tag.kind === "close") throw new Error("no root element");
  if (tag.kind === "empty") return { tag, end: tag.end, innerStart: tag.end, innerEnd: tag.end };
  const close = xml.lastIndexOf(`</${tag.name}`);
  if (close < tag.end) throw new Error(`<${tag.name}> is not closed`);
  return { tag, end: xml.indexOf(">", close) + 1, innerStart: tag.end, innerEnd: close };
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A tag's attributes by qualified name, values unescaped. */
export function attributes(xml: string, tag: Tag): Map<string, string> {
  const text = xml.slice(tag.start + 1 + tag.name.length, tag.end - 1);
  const map = new Map<string, string>();
  for (const m of text.matchAll(ATTR)) map.set(m[1], unescapeXml(m[2] ?? m[3]));
  return map;
}

/** One attribute's value by local name (any prefix), or undefined. */
export function attribute(xml: string, tag: Tag, local: string): string | undefined {
  for (const [name, value] of attributes(xml, tag)) if (localOf(name) === local) return value;
  return undefined;
}

/** Compiled once per attribute name (the writer widens a row's `spans` per row); no `g` flag, so exec keeps no state. */
const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

function attributePattern(name: string): RegExp {
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  return pattern;
}

/**
 * The tag text with attribute `name` set to `value` (replaced where it is, or added at the end), or removed when
 * value is null. Every other byte of the tag is kept.
 */
export function withAttribute(tagText: string, name: string, value: string | null): string {
  const match = attributePattern(name).exec(tagText);
  if (match) {
    const replacement = value === null ? "" : `${match[1]}${name}="${escapeXml(value)}"`;
    return tagText.slice(0, match.index) + replacement + tagText.slice(match.index + match[0].length);
  }
  if (value === null) return tagText;
  const close = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, close).replace(/\s+$/, "")} ${name}="${escapeXml(value)}"${tagText.slice(close)}`;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/** The control characters XML 1.0 cannot hold: Excel writes them as _xHHHH_. */
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Any character escapeXml rewrites (no `g` flag: test keeps no state). */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Escapes text and attribute values; characters XML 1.0 cannot hold are written as Excel does (_xHHHH_). */
export function escapeXml(text: string): string {
  // Most texts (numbers, names, reasons) need nothing: one test instead of five replace passes.
  if (!NEEDS_ESCAPE.test(text)) return text;
  // One pass for the markup (a formula's "" is &quot;&quot;), where four replace passes each made a string.
  let marked = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 62) continue;
    const entity = code === 34 ? "&quot;" : code === 38 ? "&amp;" : code === 60 ? "&lt;" : code === 62 ? "&gt;" : null;
    if (entity === null) continue;
    marked += text.slice(from, i) + entity;
    from = i + 1;
  }
  marked = from === 0 ? text : marked + text.slice(from);
  return marked.replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

/** Excel's escape for characters XML cannot carry, undone: "_x000D_" -> "\r" ("_x005F_" escapes a literal "_"). */
export function unescapeExcel(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text content of an element (unescaped), elements inside it contributing their text. */
export function textOf(xml: string, element: Element): string {
  return unescapeXml(xml.slice(element.innerStart, element.innerEnd).replace(/<[^>]*>/g, ""));
}
