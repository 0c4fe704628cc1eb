// The SPC chart's data (issue 12): which measures a chart can be drawn for, and one measure's points, limits and
// marks, golden on Kent's ASC1 (limits worked by hand below), the same through a wide and a long table.
import { listSpcMeasures, readSpcChart } from "../../src/workbook/operations/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import type { SpcChartData } from "../../src/workbook/spcChart";
import type { CellValue } from "../../src/core/types";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import { KENT_MONTHS as MONTHS, KENT_SERIES as KENT } from "../support/kent";

const wide: MemorySheetInit = {
  name: "Wide",
  rows: [
    ["Code", "Measure", "Aim", "Target", ...MONTHS],
    ...KENT.map(([code, aim, target, months]) => [code, `${code} name`, aim, target, ...months]),
  ],
};

const long: MemorySheetInit = {
  name: "Long",
  rows: [
    ["Code", "Period", "Value", "Target", "Aim"],
    // Newest first, as many reports list them: the chart is in time order all the same.
    ...KENT.flatMap(([code, aim, target, months]) =>
      months.map((v, i): CellValue[] => [code, MONTHS[i], v, target, aim]).reverse(),
    ),
  ],
};

const single: MemorySheetInit = {
  name: "Single",
  rows: [
    ["Code", "Value", "Target", "Aim"],
    ["S1", 5, 6, "Max"],
  ],
};

async function chartOf(port: MemoryPort, sheet: string, code: string): Promise<SpcChartData> {
  const result = await readSpcChart(port, spcMeasureKey(sheet, code));
  if (!result.ok) throw new Error(result.problem);
  return result.chart;
}

// ASC1: mean 9.48 / 13; moving ranges sum to 0.18 over 12, mR̄ 0.015; limits mean ± 2.66 × 0.015 = ± 0.0399;
// 2σ lines mean ± 0.0266 (0.70263…, 0.75583…).
const ASC1_MEAN = 9.48 / 13;
const ASC1_MARKS: [string | null, string | null][] = [
  ["concern", "astronomical"], // 0.65 below the lower limit 0.6893…
  ["concern", "astronomical"], // 0.67
  ["concern", "twoOfThree"], // 0.70: 0.65, 0.67, 0.70 all below the lower 2σ line
  [null, null], // 0.71: below the mean, a run of 4 only, above 2σ
  ["improvement", "shift"], // 0.74…0.73: 9 points above the mean
  ["improvement", "shift"],
  ["improvement", "twoOfThree"], // 0.76, 0.76, 0.77, 0.76, 0.76 above the upper 2σ line
  ["improvement", "twoOfThree"],
  ["improvement", "astronomical"], // 0.77 above the upper limit 0.7691…
  ["improvement", "twoOfThree"],
  ["improvement", "twoOfThree"],
  ["improvement", "shift"],
  ["improvement", "shift"],
];

describe("spcChartData on Kent's ASC1", () => {
  test.each(["Wide", "Long"])("%s table: limits, points in time order and marks", async (sheet) => {
    const port = new MemoryPort({ sheets: [wide, long] });
    const chart = await chartOf(port, sheet, "ASC1");
    expect(chart.mean).toBeCloseTo(ASC1_MEAN, 12);
    expect(chart.upper).toBeCloseTo(ASC1_MEAN + 0.0399, 12);
    expect(chart.lower).toBeCloseTo(ASC1_MEAN - 0.0399, 12);
    expect(chart.points.map((p) => p.value)).toEqual(KENT[0][3]);
    expect(chart.points.map((p) => [p.mark, p.rule])).toEqual(ASC1_MARKS);
    expect(chart.points[0].side).toBe("Low");
    expect(chart.points[12].side).toBe("High");
    expect(chart).toMatchObject({
      sheet,
      aim: "Maximise",
      target: 0.8,
      targetRange: null,
      variation: "Improvement (high)",
      assurance: "Fail",
    });
    expect(chart.assuranceReason).toMatch(/^Fail: target 0\.8 is above the upper process limit/);
  });

  test("periods as the table labels them, the same in both layouts; title names code and name", async () => {
    const port = new MemoryPort({ sheets: [wide, long] });
    const [w, l] = [await chartOf(port, "Wide", "ASC1"), await chartOf(port, "Long", "ASC1")];
    expect(w.points.map((p) => p.period)).toEqual(l.points.map((p) => p.period));
    expect(w.points).toHaveLength(13);
    expect(new Set(w.points.map((p) => p.period)).size).toBe(13);
    expect(w.title).toBe("ASC1 ASC1 name");
    expect(l.title).toBe("ASC1");
  });

  test("Minimise: a low special cause is an improvement (ASC9), a Goldilocks one neutral", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    const asc9 = await chartOf(port, "Wide", "ASC9");
    expect(asc9.variation).toBe("Improvement (low)");
    expect(asc9.points[12]).toMatchObject({ mark: "improvement", side: "Low" });
    expect(asc9.points.some((p) => p.mark === "concern" && p.side === "High")).toBe(true);
    const band: MemorySheetInit = {
      name: "Band",
      rows: [
        ["Code", "Aim", "Target", ...MONTHS],
        ["G1", "Goldilocks", "1260-1280", ...KENT[3][3]],
      ],
    };
    const g1 = await chartOf(new MemoryPort({ sheets: [band] }), "Band", "G1");
    expect(g1).toMatchObject({ target: null, targetRange: [1260, 1280], variation: "Neutral (low)" });
    expect(g1.points.filter((p) => p.mark !== null).every((p) => p.mark === "neutral")).toBe(true);
  });
});

describe("the measures a chart can be drawn for", () => {
  test("long and wide measures with their numbers of points; a single-period table has none", async () => {
    const port = new MemoryPort({ sheets: [wide, single] });
    const measures = await listSpcMeasures(port);
    expect(measures.map((m) => [m.sheet, m.code, m.name, m.points, m.ready])).toEqual([
      ["Wide", "ASC1", "ASC1 name", 13, true],
      ["Wide", "ASC3", "ASC3 name", 13, true],
      ["Wide", "ASC4", "ASC4 name", 10, false],
      ["Wide", "ASC9", "ASC9 name", 13, true],
      ["Wide", "ASC10", "ASC10 name", 13, true],
    ]);
    // As the report names it: the status cell, where the rules put it (right of the table) when it has none yet.
    expect(measures[0].cell).toBe("R2");
    expect(measures[0].key).toBe(spcMeasureKey("Wide", "ASC1"));
  });

  test("works with the SPC setting off (the chart is asked for on demand) and writes nothing", async () => {
    const port = new MemoryPort({ sheets: [long] });
    expect((await listSpcMeasures(port)).map((m) => m.code)).toEqual(["ASC1", "ASC3", "ASC4", "ASC9", "ASC10"]);
    expect(port.calls.write).toBe(0);
  });

  test("a measure with too few points, or one that is not there, is a plain problem", async () => {
    const port = new MemoryPort({ sheets: [wide, long] });
    expect(await readSpcChart(port, spcMeasureKey("Long", "ASC4"))).toEqual({
      ok: false,
      problem: "ASC4 on Long has 10 points; an SPC chart needs at least 12.",
    });
    expect(await readSpcChart(port, spcMeasureKey("Long", "ASC99"))).toEqual({
      ok: false,
      problem: "ASC99 on Long is not a measure with a history (a long or wide table) any more.",
    });
  });
});

describe("a latest period with no figure (F24)", () => {
  test("the variation reason names the figure it is about and the period that has none", async () => {
    const [code, aim, target, months] = KENT[0];
    const next = "Oct-13";
    const rows: CellValue[][] = [
      ["Code", "Period", "Value", "Target", "Aim"],
      ...months.map((v, i): CellValue[] => [code, MONTHS[i], v, target, aim]),
      [code, next, "#DIV/0!", target, aim],
    ];
    const port = new MemoryPort({ sheets: [{ name: "Long", rows }] });
    const chart = await chartOf(port, "Long", code);
    expect(chart.points).toHaveLength(13);
    const latest = chart.points[12].period;
    expect(chart.variationReason).toMatch(
      new RegExp(`^Improvement \\(high\\): the latest point 0\\.73 .* \\(SPC of figures to ${latest}: .+ has none\\)$`),
    );
    // With the latest period's figure present, no note.
    expect((await chartOf(new MemoryPort({ sheets: [long] }), "Long", code)).variationReason).not.toContain(
      "latest figure",
    );
  });
});
