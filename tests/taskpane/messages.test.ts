import {
  applyOutcome,
  errorOutcome,
  errorText,
  spcChartOutcome,
  summaryOutcome,
  whereLines,
} from "../../src/shared/messages";
import type { SpcChartData } from "../../src/workbook/spcChart";
import { applyReport, summaryResult } from "./fixtures";

describe("outcome messages", () => {
  it("says how many rows were rated on how many sheets, and where the columns went", () => {
    const outcome = applyOutcome(applyReport(), "pane");
    expect(outcome).toMatchObject({ intent: "success", title: "Rules applied" });
    expect(outcome.lines).toEqual([
      "27 rows rated on 2 sheets.",
      "Status, Short Trend, Long Trend added in columns I–K of People.",
      "Status, Short Trend, Long Trend added in columns S–U of Place.",
    ]);
  });

  it.each([
    [[{ header: "Status", col: 17, added: true }], "Status added in column R of S."],
    [
      [
        { header: "Status", col: 7, added: false },
        { header: "Short Trend", col: 26, added: true },
        { header: "Long Trend", col: 27, added: true },
      ],
      "Short Trend, Long Trend added in columns AA–AB and Status reused in column H of S.",
    ],
    [
      [
        { header: "Status", col: 1, added: false },
        { header: "Short Trend", col: 3, added: false },
        { header: "Long Trend", col: 5, added: false },
      ],
      "Status, Short Trend, Long Trend reused in columns B, D and F of S.",
    ],
  ])("where: %j", (columns, line) => {
    expect(whereLines([{ sheet: "S", columns }])).toEqual([line]);
  });

  it("counts only the sheets written, not every sheet with measures", () => {
    const report = applyReport();
    const outcome = applyOutcome({ ...report, rowsRated: 2, outputColumns: report.outputColumns.slice(1) }, "pane");
    expect(outcome.lines[0]).toBe("2 rows rated on 1 sheet.");
  });

  it("a protected sheet left alone is a warning, and is not counted as rated", () => {
    const report = applyReport();
    const notice = 'Sheet "People" is protected, so its statuses were not written. Unprotect it and run again.';
    const outcome = applyOutcome(
      {
        ...report,
        rowsRated: 3,
        outputColumns: report.outputColumns.slice(1),
        protectedSheets: ["People"],
        notices: [notice],
      },
      "pane",
    );
    expect(outcome).toMatchObject({ intent: "warning", title: "Rules applied, with sheets left unchanged" });
    expect(outcome.lines).toEqual([
      "3 rows rated on 1 sheet.",
      "Status, Short Trend, Long Trend added in columns S–U of Place.",
      notice,
    ]);
  });

  it("says it once for tables of one sheet whose columns went to the same place", () => {
    const at = (cols: number[], added = false) =>
      ["Status", "Short Trend"].map((header, i) => ({ header, col: cols[i], added }));
    expect(
      whereLines([
        { sheet: "People", columns: at([7, 8]) },
        { sheet: "People", columns: at([7, 8]) },
        { sheet: "People", columns: at([10, 11], true) },
        { sheet: "Place", columns: at([7, 8]) },
      ]),
    ).toEqual([
      "Status, Short Trend reused in columns H–I of People (2 tables).",
      "Status, Short Trend added in columns K–L of People.",
      "Status, Short Trend reused in columns H–I of Place.",
    ]);
  });

  it("names sheets that could not be written", () => {
    const report = {
      ...applyReport(),
      outputColumns: applyReport().outputColumns.slice(0, 1),
      rowsRated: 1,
      writeProblems: [{ sheet: "People", message: "The sheet is protected." }],
    };
    const outcome = applyOutcome(report, "pane");
    expect(outcome).toMatchObject({ intent: "warning", title: "Rules applied, with sheets left unchanged" });
    expect(outcome.lines).toEqual([
      "1 row rated on 0 sheets.",
      "Status, Short Trend, Long Trend added in columns I–K of People.",
      "People: The sheet is protected.",
    ]);
  });

  it("names the summary sheet and what it covers", () => {
    expect(summaryOutcome(summaryResult(), "ribbon")).toEqual({
      source: "ribbon",
      intent: "success",
      title: "Summary sheet generated",
      lines: ['"Scorecard Summary" summarises 7 measures on 2 sheets.'],
    });
  });

  it("says on which sheet the SPC chart went, with the chart's words, and what stopped it otherwise", () => {
    const chart = {
      title: "ASC1 Personal budgets",
      variation: "Common cause",
      assurance: "Hit and miss",
    } as SpcChartData;
    const drawn = { ok: true as const, sheet: "Scorecard SPC", chart, notices: [], writeProblems: [] };
    expect(spcChartOutcome(drawn, "pane")).toEqual({
      source: "pane",
      intent: "success",
      title: "SPC chart added",
      lines: [
        'The chart of ASC1 Personal budgets is on the sheet "Scorecard SPC" (Common cause; assurance Hit and miss).',
      ],
    });
    const chartless = { ...drawn, writeProblems: [{ sheet: "Scorecard SPC", message: "no chart", optional: true }] };
    expect(spcChartOutcome(chartless, "pane")).toMatchObject({ intent: "warning", title: "SPC chart added" });
    const unwritten = { ...drawn, writeProblems: [{ sheet: "Scorecard SPC", message: "The sheet is protected." }] };
    expect(spcChartOutcome(unwritten, "pane")).toMatchObject({
      intent: "warning",
      title: "SPC chart not fully written",
      lines: [expect.any(String), "Scorecard SPC: The sheet is protected."],
    });
    expect(spcChartOutcome({ ok: false, problem: "ASC4 on Long has 10 points." }, "pane")).toEqual({
      source: "pane",
      intent: "warning",
      title: "No SPC chart added",
      lines: ["ASC4 on Long has 10 points."],
    });
  });

  it("turns anything thrown into one readable line", () => {
    expect(errorText(new Error("Sheet People is protected."))).toBe("Sheet People is protected.");
    expect(errorText("plain text")).toBe("plain text");
    expect(errorText({ weird: true })).toBe("An unexpected error occurred.");
    expect(errorOutcome("apply the rules", new Error("x"), "pane")).toMatchObject({
      intent: "error",
      title: "Could not apply the rules",
    });
  });
});
