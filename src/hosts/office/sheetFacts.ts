/** What the host knows about each sheet before it reads or writes: one request, whatever the sheet count. */
import type { XlContext } from "./excelApi";
import { findByName } from "../../workbook/sheetNames";

export interface SheetFacts {
  readonly name: string;
  /** "Visible" | "Hidden" | "VeryHidden" */
  readonly visibility: string;
  readonly protected: boolean;
  readonly tables: readonly string[];
  readonly charts: readonly string[];
  /** 0-based place in the tab order. */
  readonly position: number;
}

/** One sync: every sheet's name, visibility, protection, table and chart names. */
export async function loadSheetFacts(context: XlContext): Promise<SheetFacts[]> {
  const sheets = context.workbook.worksheets;
  sheets.load({
    name: true,
    visibility: true,
    protection: { protected: true },
    tables: { name: true },
    charts: { name: true },
  });
  await context.sync();
  return sheets.items.map((sheet, position) => ({
    name: sheet.name,
    visibility: sheet.visibility,
    protected: sheet.protection.protected,
    tables: sheet.tables.items.map((table) => table.name),
    charts: sheet.charts.items.map((chart) => chart.name),
    position,
  }));
}

export function findSheet(facts: readonly SheetFacts[], name: string): SheetFacts | undefined {
  return findByName(facts, name);
}
