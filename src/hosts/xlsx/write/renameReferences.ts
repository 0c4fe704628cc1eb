/**
 * When the add-in's summary sheet is renamed (the summary name in the settings changed), what refers to it follows,
 * as Excel rewrites references when a user renames a sheet: formulas in the other sheets (cells, conditional formats,
 * data validations, x14 formulas), defined names, and chart series. Only the elements whose formula names the old
 * sheet change; every other byte of every part stays as it was. Text inside string literals ("Old Summary") and
 * references into other workbooks (`[1]Old Summary!A1`) are not references to this sheet and are left alone.
 */
import { concatBytes } from "../package/bytes";
import type { OoxmlPackage } from "../package/OoxmlPackage";
import type { WorkbookInfo } from "../read/workbookPart";
import { sameSheetName } from "../../../workbook/sheetNames";
import { escapeXml, unescapeXml } from "../xml/scan";
import { quotedSheet } from "./workbookEdit";

/** A sheet name in a formula, `'Old Summary'` or `Summary`, when it is followed by `!`; its end and its name. */
function sheetPrefixAt(formula: string, at: number): { end: number; name: string } | null {
  if (formula[at] === "'") {
    let name = "";
    let i = at + 1;
    while (i < formula.length) {
      if (formula[i] === "'") {
        if (formula[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += formula[i++];
    }
    return formula[i + 1] === "!" ? { end: i + 2, name } : null;
  }
  const m = /^[A-Za-z_\\\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*!/.exec(formula.slice(at));
  return m ? { end: at + m[0].length, name: m[0].slice(0, -1) } : null;
}

/**
 * A sheet prefix with `from` renamed to `to`, or null when it does not name `from`. Sheet names cannot hold ':', so a
 * ':' inside one is a 3-D span (`'Adults:Old Summary'!B7`, over every sheet from the first to the last): either end
 * may be the renamed sheet, and the span is quoted as one (`'Adults:New Summary'!B7`), as Excel writes it.
 */
function renamedSpan(name: string, from: string, to: string): string | null {
  const ends = name.split(":");
  if (ends.length > 2 || !ends.some((end) => sameSheetName(end, from))) return null;
  return ends.map((end) => (sameSheetName(end, from) ? to : end)).join(":");
}

/** A cell, column or row reference (`$A$1`, `AB`, `12`): before ':' it makes a range (`A1:Old!B2`), not a 3-D span. */
const CELL_LIKE = /^\$?(?:[A-Za-z]{1,3}\$?\d*|\d+)$/;

/**
 * The unquoted sheet name ending just before the ':' at `colon` (`Adults` in `Adults:Old!B7`), if there is one;
 * "external" when it belongs to another workbook's span (`[1]Adults:Old!B7`), which is no reference to this sheet.
 */
function spanStartBefore(formula: string, colon: number): { start: number; name: string } | "external" | null {
  let start = colon;
  while (start > 0 && /[\w.$\u00C0-\uFFFF]/.test(formula[start - 1])) start--;
  const name = formula.slice(start, colon);
  if (name === "" || CELL_LIKE.test(name) || !/^[A-Za-z_\\\u00C0-\uFFFF]/.test(name)) return null;
  const outside = start === 0 ? "" : formula[start - 1];
  if (outside === "]") return "external";
  return /['!\\]/.test(outside) ? null : { start, name };
}

/**
 * The formula with every reference to sheet `from` pointing at `to` instead. A name is only a sheet reference where a
 * token can start (not inside a longer name, a string literal or a `[1]` external-workbook prefix).
 */
export function renamedInFormula(formula: string, from: string, to: string): string {
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const close = formula.indexOf('"', i + 1);
      // "" inside a literal is an escaped quote: the scan resumes after it as if a new literal began, same result.
      i = close < 0 ? formula.length : close + 1;
      continue;
    }
    const before = i === 0 ? "" : formula[i - 1];
    if (/[\w.\]'\\]/.test(before)) {
      i++;
      continue;
    }
    const prefix = sheetPrefixAt(formula, i);
    if (prefix && !prefix.name.startsWith("[")) {
      // An unquoted 3-D span `First:Last!A1` is scanned from its last sheet: its first sheet is the token before ':'.
      const first = before === ":" ? spanStartBefore(formula, i - 1) : null;
      const start = first === null || first === "external" ? i : first.start;
      const span =
        first === "external"
          ? null
          : renamedSpan(first === null ? prefix.name : `${first.name}:${prefix.name}`, from, to);
      if (span !== null && start >= copied) {
        out.push(formula.slice(copied, start), `${quotedSheet(span)}!`);
        copied = prefix.end;
      }
    }
    i = prefix ? prefix.end : i + 1;
  }
  if (copied === 0) return formula;
  out.push(formula.slice(copied));
  return out.join("");
}

/** Elements that hold a formula: cell and shared formulas, rules, validations, x14 `xm:f`, names, chart series. */
const FORMULA_ELEMENT = /<((?:\w+:)?(?:f|formula|formula1|formula2|definedName))(\s[^>]*)?>([^<]*)<\/\1>/g;

/** The part's XML with the formulas that name `from` rewritten, or null when none does. */
export function renamedInPart(xml: string, from: string, to: string): string | null {
  let changed = false;
  const result = xml.replace(FORMULA_ELEMENT, (whole, name: string, attrs: string | undefined, text: string) => {
    const formula = unescapeXml(text);
    const renamed = renamedInFormula(formula, from, to);
    if (renamed === formula) return whole;
    changed = true;
    return `<${name}${attrs ?? ""}>${escapeXml(renamed)}</${name}>`;
  });
  return changed ? result : null;
}

/** Whether the part's bytes contain a needle (ASCII letters in any case), read streaming: a big sheet is never whole. */
function mentions(pkg: OoxmlPackage, part: string, needles: readonly Uint8Array[]): boolean {
  const longest = Math.max(...needles.map((n) => n.length));
  let tail = new Uint8Array(0);
  let found = false;
  pkg.streamUtf8(part, (chunk) => {
    if (found) return;
    const window = concatBytes([tail, chunk]);
    for (let i = 0; i < window.length && !found; i++) {
      for (const needle of needles) {
        let j = 0;
        while (j < needle.length && i + j < window.length && lower(window[i + j]) === needle[j]) j++;
        if (j === needle.length) found = true;
      }
    }
    tail = window.slice(Math.max(0, window.length - longest + 1));
  });
  return found;
}

const lower = (byte: number): number => (byte >= 65 && byte <= 90 ? byte + 32 : byte);

/**
 * What a part that refers to sheet `name` surely contains, as bytes `mentions` looks for: the longest run of the name
 * that every spelling of a reference to it shares, in lower case. Apostrophes (doubled when quoted, `&apos;` to some
 * writers), XML's escaped characters and non-ASCII letters (whose other case `mentions` cannot fold) are left out. A
 * name with no such run is looked for as it is, in lower and in upper case.
 */
function namePieces(name: string): Uint8Array[] {
  const encoder = new TextEncoder();
  const longest = name.split(/['"&<>]|[^\x20-\x7e]/).reduce((a, b) => (b.length > a.length ? b : a), "");
  if (longest !== "") return [encoder.encode(longest.toLowerCase())];
  return [...new Set([name, name.toLowerCase(), name.toUpperCase()])].map((n) => encoder.encode(escapeXml(n)));
}

/**
 * Rewrites every reference to sheet `from` as `to` in the workbook's other sheets, their charts and the defined
 * names. `skip`: the renamed sheet's own part, which its writer rebuilds.
 */
export function renameReferences(pkg: OoxmlPackage, info: WorkbookInfo, from: string, to: string, skip: string): void {
  const needles = namePieces(from);
  const edit = (part: string) => {
    if (!pkg.has(part) || !mentions(pkg, part, needles)) return;
    const renamed = renamedInPart(pkg.text(part) ?? "", from, to);
    if (renamed !== null) pkg.setText(part, renamed);
  };
  edit(info.part);
  for (const sheet of info.sheets) {
    if (sheet.part === null || sheet.part === skip) continue;
    edit(sheet.part);
    for (const drawing of pkg.related(sheet.part, "drawing")) {
      for (const chart of pkg.related(drawing.part, "chart")) edit(chart.part);
    }
  }
}
