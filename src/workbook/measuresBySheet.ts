import type { MeasureReport } from "./model";

/** A sheet's measures in report order, and the same measures by group (null: no group). */
export interface SheetMeasures {
  readonly all: readonly MeasureReport[];
  readonly groups: ReadonlyMap<string | null, readonly MeasureReport[]>;
}

const NO_MEASURES: SheetMeasures = { all: [], groups: new Map() };

/**
 * Measures by sheet, and by group within it, in one pass: summaries per sheet and group would otherwise filter every
 * measure once per sheet and once per group. Each list keeps the report's order (the SPC sentences list codes in it).
 */
export function measuresBySheet(measures: readonly MeasureReport[]): (sheet: string) => SheetMeasures {
  const sheets = new Map<string, { all: MeasureReport[]; groups: Map<string | null, MeasureReport[]> }>();
  for (const m of measures) {
    let sheet = sheets.get(m.sheet);
    if (sheet === undefined) sheets.set(m.sheet, (sheet = { all: [], groups: new Map() }));
    sheet.all.push(m);
    let list = sheet.groups.get(m.group);
    if (list === undefined) sheet.groups.set(m.group, (list = []));
    list.push(m);
  }
  return (sheet) => sheets.get(sheet) ?? NO_MEASURES;
}
