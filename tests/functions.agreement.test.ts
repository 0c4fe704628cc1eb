/**
 * One parse of a row: the workbook's report and KPI.REASON / KPI.RAG give the same reason and status for the same
 * cells. (They used to disagree: a value "NA" with a blank aim gave "NA: no aim given" in one and the value's
 * reason in the other.) Where the function is #VALUE!, the workbook's status is NA with that same reason.
 */
import type { CellValue } from "../src/core";
import { evaluateKpi, isInvalid } from "../src/functions/kpi";
import { scanWorkbook } from "../src/workbook";
import { MemoryPort } from "./support/memoryPort";

type Cells = [value: CellValue, target: CellValue, aim: CellValue, band?: CellValue, floor?: CellValue];

const ROWS: readonly Cells[] = [
  [96, 100, "Max"],
  [95, 100, "Maximise"],
  ["NA", 100, null],
  ["NA", 100, "Max"],
  [null, null, null],
  [96, 100, null],
  [96, null, "Max"],
  [96, "TBC", "Max"],
  ["lots", 100, "Max"],
  [96, 100, "Sideways"],
  [96, "sixty", "Max"],
  [96, "95% by 2025", null],
  [0.96, "≥ 95%", null],
  [0.95, "> 95%", null],
  [0.95, "> 95%", null, 0],
  [11, "No more than 10", null],
  [0.96, "At least 95%", "Minimise"],
  [0.96, "At least 95%", "Maximise"],
  [5, "Increase", null],
  [5, "Maintain", null],
  [70, "Between 65 and 73 Mid-point 68", "Goldilocks"],
  [72, "60–70 (national average 65)", "Goldilocks"],
  [72, "60-70", "Max"],
  [75, 80, "Max", null, 70],
  [69, 80, "Max", null, 70],
  [75, 80, "Max", null, "low"],
  [96, 100, "Max", "wide"],
  [96, 100, "Max", "off"],
  [{ error: "#DIV/0!" }, 100, "Max"],
  [96, { error: "#REF!" }, "Max"],
  [96, 100, { error: "#N/A" }],
  [96, 100, "Max", { error: "#VALUE!" }],
  [96, 100, "Max", null, { error: "#NUM!" }],
  [{ error: "#N/A" }, "≥ 95%", "Minimise"],
  [0, 0, "Max"],
  [-1, 0, "Max"],
];

test("KPI.REASON and KPI.RAG say what the workbook's report says, row by row", async () => {
  const rows = ROWS.map(([value, target, aim, band = null, floor = null], i) => [
    `M${i + 1}`,
    `Measure ${i + 1}`,
    "Q1 2020/21",
    value,
    target,
    aim,
    band,
    floor,
  ]);
  const header = ["Code", "Measure", "Period", "Value", "Target", "Aim", "Amber band", "Floor"];
  const report = await scanWorkbook(new MemoryPort({ sheets: [{ name: "Data", rows: [header, ...rows] }] }));
  expect(report.measures).toHaveLength(ROWS.length);
  ROWS.forEach(([value, target, aim, band = null, floor = null], i) => {
    const args = [value, target, aim, band, floor].map((cell) => [[cell]]);
    const reason = evaluateKpi("REASON", args);
    const status = evaluateKpi("RAG", args);
    const measure = report.measures[i];
    if (isInvalid(reason) || isInvalid(status)) throw new Error("a one-cell call is always well shaped");
    const [[functionReason]] = reason;
    const [[functionStatus]] = status;
    if (isInvalid(functionReason)) {
      expect([i, measure.reason]).toEqual([i, `NA: ${functionReason.invalid}`]);
      expect(isInvalid(functionStatus) && functionStatus.invalid).toBe(functionReason.invalid);
      expect(measure.status).toBe("NA");
    } else {
      expect([i, measure.reason]).toEqual([i, functionReason]);
      expect([i, measure.status]).toEqual([i, functionStatus]);
    }
  });
});
