/**
 * New-user finding N6: the SPC chart of a measure with no usable aim gives the measure's own reason (an unknown aim,
 * an error in the aim cell), as the apply run and its data problem do, not "no aim given" beside a cell that gives one.
 */
import { scanWorkbook } from "../../src/workbook";
import { readSpcChart } from "../../src/workbook/operations/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import type { CellValue } from "../../src/core";
import { MemoryPort } from "../support/memoryPort";

const MONTHS = Array.from(
  { length: 14 },
  (_, i) =>
    `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][i % 12]} ${2024 + Math.floor(i / 12)}`,
);

function port(aim: CellValue, target: CellValue = 400): MemoryPort {
  const rows = MONTHS.map((period, i) => ["PH01", "Health checks", period, 400 + (i % 4) * 5, target, aim]);
  return new MemoryPort({
    sheets: [{ name: "Public Health", rows: [["Code", "Measure", "Period", "Value", "Target", "Aim"], ...rows] }],
  });
}

async function chartReasons(p: MemoryPort) {
  const result = await readSpcChart(p, spcMeasureKey("Public Health", "PH01"));
  if (!result.ok) throw new Error(result.problem);
  const { variation, assurance, variationReason, assuranceReason } = result.chart;
  return { variation, assurance, variationReason, assuranceReason };
}

describe("the SPC chart's words for a measure with no usable aim (N6)", () => {
  test('an unknown aim ("High") is named, as the measure\'s reason names it', async () => {
    const reasons = await chartReasons(port("High"));
    expect(reasons).toEqual({
      variation: "NA",
      assurance: "NA",
      variationReason: 'NA: unknown aim "High"',
      assuranceReason: 'NA: unknown aim "High"',
    });
    const report = await scanWorkbook(port("High"));
    expect(report.measures[0].reason).toBe(reasons.variationReason);
  });

  test("an error in the aim cell is named", async () => {
    const reasons = await chartReasons(port({ error: "#N/A" }));
    expect(reasons.variationReason).toBe("NA: aim is the error #N/A");
    expect(reasons.assuranceReason).toBe("NA: aim is the error #N/A");
  });

  test("an aim that contradicts the target's words is named", async () => {
    const reasons = await chartReasons(port("Maximise", "≤ 400"));
    expect(reasons.variationReason).toBe('NA: aim "Maximise" contradicts target "≤ 400", which means Minimise');
  });

  test("a blank aim still says no aim was given; a good aim gives the SPC words", async () => {
    expect((await chartReasons(port(null))).variationReason).toBe("NA: no aim given");
    const good = await chartReasons(port("Maximise"));
    expect(good.variation).toBe("Common cause");
    expect(good.variationReason).toMatch(/^Common cause: no special-cause rule marks the latest point 405 /);
  });
});
