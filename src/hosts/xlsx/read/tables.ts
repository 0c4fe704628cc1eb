/** The Excel Tables (ListObjects) of a sheet, found through its relationships. */
import type { CellRange } from "../../../workbook/port";
import { parseRangeRef } from "../../../workbook/a1";
import type { OoxmlPackage } from "../package/OoxmlPackage";
import { attributes, rootOf } from "../xml/scan";

export interface TablePart {
  /** The name Excel shows and formulas use (displayName; name when there is none). */
  readonly name: string;
  readonly range: CellRange;
  /** Rows at the bottom that are the totals row (0 or 1), not data. */
  readonly totalsRows: number;
  readonly part: string;
}

export function readTables(pkg: OoxmlPackage, sheetPart: string): TablePart[] {
  return pkg.related(sheetPart, "table").flatMap(({ part }) => {
    const xml = pkg.text(part);
    if (xml === null) return [];
    const attrs = attributes(xml, rootOf(xml).tag);
    const range = parseRangeRef(attrs.get("ref") ?? "");
    const name = attrs.get("displayName") ?? attrs.get("name");
    const totalsRows = Number(attrs.get("totalsRowCount") ?? 0);
    return range && name ? [{ name, range, totalsRows, part }] : [];
  });
}
