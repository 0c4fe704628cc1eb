/**
 * Edits of workbook.xml for the add-in's own sheets: add one at the end of the tab order, rename one, and set a
 * print-titles name local to one; and the calculation chain dropped when formulas changed (Excel rebuilds it).
 * Every other element and attribute of the workbook part stays as it was.
 */
import type { OoxmlPackage } from "../package/OoxmlPackage";
import { CONTENT_TYPE } from "../package/contentTypes";
import { relativeTarget, relType } from "../package/opc";
import type { WorkbookInfo } from "../read/workbookPart";
import {
  attribute,
  childrenOf,
  escapeXml,
  findElement,
  nextTag,
  shallowRootOf,
  withAttribute,
  type Element,
} from "../xml/scan";
import { applyEdits, prefixOf } from "./worksheet";

/** CT_Workbook's children in order (ECMA-376 Part 1, 18.2.27), for placing a new definedNames. */
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function sheetsElement(xml: string): { root: Element; sheets: Element } {
  const root = shallowRootOf(xml);
  const sheets = findElement(xml, "sheets", root.innerStart, root.innerEnd);
  if (!sheets) throw new Error("the workbook part has no sheets element");
  return { root, sheets };
}

/** The prefix workbook.xml binds to the relationships namespace (adding `r` when it binds none). */
function relPrefix(xml: string, relNamespace: string): { xml: string; prefix: string } {
  const root = shallowRootOf(xml);
  const open = xml.slice(root.tag.start, root.tag.end);
  const bound = new RegExp(`xmlns:(\\w+)="${relNamespace.replace(/[./]/g, "\\$&")}"`).exec(open);
  if (bound) return { xml, prefix: bound[1] };
  return {
    xml: xml.slice(0, root.tag.start) + withAttribute(open, "xmlns:r", relNamespace) + xml.slice(root.tag.end),
    prefix: "r",
  };
}

/** Adds a worksheet part and its sheet entry at the end of the tab order; returns the part name. */
export function addSheet(
  pkg: OoxmlPackage,
  info: WorkbookInfo,
  name: string,
  state: "visible" | "veryHidden",
  content: string,
  relNamespace: string,
): string {
  const folder = info.part.slice(0, info.part.lastIndexOf("/") + 1);
  const part = pkg.freePartName(`${folder}worksheets/sheet`, ".xml");
  pkg.setText(part, content);
  pkg.setContentType(part, CONTENT_TYPE.worksheet);
  const rId = pkg.addRelationship(info.part, relType(info.strict, "worksheet"), relativeTarget(info.part, part));
  const withPrefix = relPrefix(pkg.text(info.part) ?? "", relNamespace);
  const xml = withPrefix.xml;
  const { sheets } = sheetsElement(xml);
  const sheetId = Math.max(0, ...info.sheets.map((s) => s.sheetId)) + 1;
  const prefix = prefixOf(sheets.tag.name);
  const entry = `<${prefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${state === "visible" ? "" : ` state="${state}"`} ${withPrefix.prefix}:id="${rId}"/>`;
  if (sheets.tag.kind === "empty") {
    const open = xml.slice(sheets.tag.start, sheets.tag.end).slice(0, -2).replace(/\s+$/, "") + ">";
    pkg.setText(
      info.part,
      xml.slice(0, sheets.tag.start) + open + entry + `</${sheets.tag.name}>` + xml.slice(sheets.end),
    );
  } else pkg.setText(info.part, xml.slice(0, sheets.innerEnd) + entry + xml.slice(sheets.innerEnd));
  return part;
}

/** Sets attributes of a sheet's entry (by its current name): a new name, its visibility. */
export function setSheetAttributes(
  pkg: OoxmlPackage,
  info: WorkbookInfo,
  current: string,
  changes: { name?: string; state?: "visible" | "veryHidden" },
): void {
  const xml = pkg.text(info.part) ?? "";
  const { sheets } = sheetsElement(xml);
  for (const child of childrenOf(xml, sheets)) {
    if (child.tag.local !== "sheet" || attribute(xml, child.tag, "name") !== current) continue;
    let tag = xml.slice(child.tag.start, child.tag.end);
    if (changes.name !== undefined) tag = withAttribute(tag, "name", changes.name);
    if (changes.state !== undefined)
      tag = withAttribute(tag, "state", changes.state === "visible" ? null : changes.state);
    pkg.setText(info.part, xml.slice(0, child.tag.start) + tag + xml.slice(child.tag.end));
    return;
  }
}

/** `'Scorecard Summary'!$1:$2` for repeated title rows; quotes doubled inside the name as Excel writes them. */
export function quotedSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Sets (or with null removes) a defined name local to the sheet at tab index `sheetIndex`, such as
 * `_xlnm.Print_Titles`; other names, global or local, are left exactly as they are.
 */
export function setLocalName(
  pkg: OoxmlPackage,
  info: WorkbookInfo,
  name: string,
  sheetIndex: number,
  formula: string | null,
): void {
  const xml = pkg.text(info.part) ?? "";
  const root = shallowRootOf(xml);
  const prefix = prefixOf(root.tag.name);
  const names = findElement(xml, "definedNames", root.innerStart, root.innerEnd);
  const element =
    formula === null
      ? ""
      : `<${prefix}definedName name="${name}" localSheetId="${sheetIndex}">${escapeXml(formula)}</${prefix}definedName>`;
  if (names) {
    const existing = childrenOf(xml, names).find(
      (c) =>
        c.tag.local === "definedName" &&
        attribute(xml, c.tag, "name") === name &&
        attribute(xml, c.tag, "localSheetId") === String(sheetIndex),
    );
    if (existing) {
      pkg.setText(info.part, applyEdits(xml, [{ start: existing.tag.start, end: existing.end, text: element }]));
      return;
    }
    if (!element) return;
    pkg.setText(info.part, applyEdits(xml, [{ start: names.innerEnd, end: names.innerEnd, text: element }]));
    return;
  }
  if (!element) return;
  const later = new Set(WORKBOOK_ORDER.slice(WORKBOOK_ORDER.indexOf("definedNames") + 1));
  let at = root.innerEnd;
  for (let tag = nextTag(xml, root.innerStart, root.innerEnd); tag;) {
    if (tag.kind === "close") {
      tag = nextTag(xml, tag.end, root.innerEnd);
      continue;
    }
    if (later.has(tag.local)) {
      at = tag.start;
      break;
    }
    const child = tag.kind === "empty" ? tag.end : findElement(xml, tag.local, tag.start)!.end;
    tag = nextTag(xml, child, root.innerEnd);
  }
  pkg.setText(
    info.part,
    applyEdits(xml, [{ start: at, end: at, text: `<${prefix}definedNames>${element}</${prefix}definedNames>` }]),
  );
}

/** Drops calcChain.xml, its relationship and content type: Excel rebuilds the chain when formulas changed. */
export function dropCalcChain(pkg: OoxmlPackage, info: WorkbookInfo): void {
  if (!info.calcChain) return;
  const rel = pkg.related(info.part, "calcChain")[0];
  pkg.remove(info.calcChain);
  pkg.removeContentType(info.calcChain);
  if (rel) pkg.removeRelationship(info.part, rel.rel.id);
}
