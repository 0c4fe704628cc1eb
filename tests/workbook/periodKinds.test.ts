/**
 * New-user finding F16: `12M`, `Month`, `Quarter` in a Data Period column describe the figure, not when it is for
 * (SPEC §4), so the summary's period line counts them as "period not stated" instead of listing them as periods,
 * and the report's `period` is null for them.
 */
import { applyRules } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";

const KENT = {
  name: "Children",
  rows: [
    ["Code", "Measure", "Data Period", "Value", "Target", "Aim"],
    ["CS1", "Referrals", "12M", 20, 25, "Minimise"],
    ["CS2", "Plans", "Month", 40, 35, "Maximise"],
    ["CS3", "Visits", "Quarter", 0.93, 0.95, "Maximise"],
    ["CS4", "Adoptions", "Q2 2020/21", 12, 10, "Maximise"],
  ],
};

describe("Data Period kinds are no periods (F16)", () => {
  test("the summary's period line and the report's period", async () => {
    const port = new MemoryPort({ sheets: [KENT] });
    const report = await applyRules(port);
    expect(report.measures.map((m) => [m.code, m.period])).toEqual([
      ["CS1", null],
      ["CS2", null],
      ["CS3", null],
      ["CS4", "Q2 2020/21"],
    ]);
    expect(port.grid("Scorecard Summary")[1][0]).toBe(
      "Periods: Q2 2020/21 (1 measure), period not stated (3 measures).",
    );
    // Still rated: the kind says nothing about the figure's status.
    expect(report.measures.map((m) => m.status)).toEqual(["Green", "Green", "Amber", "Green"]);
  });
});
