/**
 * A user's sheet that took the add-in's sheet name between the read and the write is never written over, and the
 * message names what was not done: the summary, or the SPC chart (issue 12).
 */
import { ownedSheetOps } from "../../src/hosts/office/ownedSheets";
import type { SheetFacts } from "../../src/hosts/office/sheetFacts";
import type { OwnedSheetWrite } from "../../src/workbook/port";

const users = (name: string): SheetFacts => ({
  name,
  visibility: "Visible",
  protected: false,
  tables: [],
  charts: [],
  position: 0,
});

const owned = (sheet: string, chart: OwnedSheetWrite["chart"]): OwnedSheetWrite => ({
  sheet,
  replaces: null,
  blocks: [],
  styles: [],
  conditionalRules: [],
  ...(chart ? { chart } : {}),
});

const place = { anchor: { row: 5, col: 0 }, range: { row: 30, col: 0, rows: 13, cols: 8 } };

test("the SPC chart's sheet: the message says the chart was not drawn", () => {
  const chart = {
    ...place,
    kind: "line" as const,
    name: "Scorecard SPC chart",
    title: "ASC1",
    series: [],
    axis: { min: 0, max: 1, step: 0.2, numberFormat: "0%" },
  };
  expect(ownedSheetOps(owned("Scorecard SPC", chart), [users("Scorecard SPC")])).toEqual({
    problem: {
      sheet: "Scorecard SPC",
      message:
        `A sheet named "Scorecard SPC" already exists and is not Scorecard's own, so the SPC chart was not drawn. ` +
        "Rename it and draw the chart again.",
    },
  });
});

test("the summary's sheet, with its bar chart or none: the message says the summary was not written", () => {
  const bars = { ...place, kind: "stackedBar" as const, name: "Scorecard chart", title: "RAG", seriesColours: [] };
  const message =
    `A sheet named "Scorecard Summary" already exists and is not Scorecard's own, so the summary was not written. ` +
    "Rename it and generate the summary again.";
  for (const chart of [bars, undefined]) {
    expect(ownedSheetOps(owned("Scorecard Summary", chart), [users("Scorecard Summary")])).toEqual({
      problem: { sheet: "Scorecard Summary", message },
    });
  }
});
