/**
 * A sheet AutoFilter over exactly a measure table grows with the output columns (new-user finding F20), as an Excel
 * Table does: the `<autoFilter ref>` of the worksheet and, when the file has it, the hidden `_xlnm._FilterDatabase`
 * name Excel keeps beside it (local to the sheet, ECMA-376 Part 1, 18.2.5 and 18.3.1.2). Filter columns and their
 * criteria are by column offset from the filter's first column, so they stay right. Any other filter is left alone.
 */
import type { CellRange } from "../../../workbook/port";
import { absoluteRangeA1, parseRangeRef, rangeToA1, sameRange } from "../../../workbook/a1";
import type { OoxmlPackage } from "../package/OoxmlPackage";
import type { WorkbookInfo } from "../read/workbookPart";
import { attribute, childrenOf, escapeXml, findElement, shallowRootOf, textOf, withAttribute } from "../xml/scan";

export type FilterGrowth = { readonly from: CellRange; readonly to: CellRange };

const same = (a: CellRange | null, b: CellRange): boolean => a !== null && sameRange(a, b);

/** The `<autoFilter …>` tag text grown to a table's new range, or null when its ref is not exactly a table's. */
export function widenedAutoFilter(
  tagText: string,
  widen: readonly FilterGrowth[],
): { text: string; growth: FilterGrowth } | null {
  const ref = /\sref="([^"]*)"/.exec(tagText)?.[1];
  const range = ref ? parseRangeRef(ref) : null;
  const growth = widen.find((w) => same(range, w.from));
  return growth ? { text: withAttribute(tagText, "ref", rangeToA1(growth.to)), growth } : null;
}

/** The sheet's `_xlnm._FilterDatabase` moved to the grown range, when it names exactly the old one. */
export function widenFilterDatabase(
  pkg: OoxmlPackage,
  info: WorkbookInfo,
  sheetIndex: number,
  growth: FilterGrowth,
): void {
  const xml = pkg.text(info.part) ?? "";
  const root = shallowRootOf(xml);
  const names = findElement(xml, "definedNames", root.innerStart, root.innerEnd);
  if (!names) return;
  const name = childrenOf(xml, names).find(
    (c) =>
      c.tag.local === "definedName" &&
      attribute(xml, c.tag, "name") === "_xlnm._FilterDatabase" &&
      attribute(xml, c.tag, "localSheetId") === String(sheetIndex),
  );
  if (!name) return;
  const formula = textOf(xml, name);
  const bang = formula.lastIndexOf("!");
  if (bang < 0 || !same(parseRangeRef(formula.slice(bang + 1).replace(/\$/g, "")), growth.from)) return;
  const text = escapeXml(`${formula.slice(0, bang)}!${absoluteRangeA1(growth.to)}`);
  pkg.setText(info.part, xml.slice(0, name.innerStart) + text + xml.slice(name.innerEnd));
}
