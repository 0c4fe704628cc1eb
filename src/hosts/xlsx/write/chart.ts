/** The summary's chart: keeps whatever drawing the sheet already has (the DrawingML chart itself comes next). */
import type { OoxmlPackage } from "../package/OoxmlPackage";

export function writeChart(pkg: OoxmlPackage, sheetPart: string): string | null {
  return pkg.related(sheetPart, "drawing")[0]?.rel.id ?? null;
}
