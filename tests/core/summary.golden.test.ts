import { count, improvedLine, improvementLines, narrative, percentHalfUp, summarise } from "../../src/core";
import type { MeasureOutcome, Status, Trend } from "../../src/core";

const m = (
  code: string,
  status: Status,
  longTrend: Trend = "NA",
  shortTrend: Trend = "NA",
  group: string | null = null,
) =>
  ({ sheet: "People", group, code, name: `Measure ${code}`, status, longTrend, shortTrend }) satisfies MeasureOutcome;

describe("half-up percentages", () => {
  test.each([
    [14, 22, 64],
    [12, 22, 55],
    [1, 8, 13],
    [29, 200, 15],
    [1, 3, 33],
    [2, 3, 67],
    [0, 0, 0],
    [5, 5, 100],
  ])("%i of %i is %i%", (n, total, pct) => {
    expect(percentHalfUp(n, total)).toBe(pct);
  });
  test("the report line", () => {
    expect(improvedLine(14, 22)).toBe("64% (14 out of 22)");
    expect(improvedLine(12, 22)).toBe("55% (12 out of 22)");
  });
});

describe("Medway People Q2 2020/21 summary (seed page 1)", () => {
  // 31 measures, 22 reporting (15 green, 1 amber, 6 red), 9 NA; 14 improved long term, 12 short term.
  const measures: MeasureOutcome[] = [
    ...Array.from({ length: 15 }, (_, i) => m(`G${i + 1}`, "Green", i < 11 ? "IMP" : "DET", i < 9 ? "IMP" : "DET")),
    m("A1", "Amber", "IMP", "DET"),
    ...Array.from({ length: 6 }, (_, i) => m(`R${i + 1}`, "Red", i < 2 ? "IMP" : "DET", i < 3 ? "IMP" : "DET")),
    ...Array.from({ length: 9 }, (_, i) => m(`N${i + 1}`, "NA", "NA", "NA")),
  ];
  const counts = count(measures);

  test("counts", () => {
    expect(counts).toMatchObject({
      total: 31,
      reporting: 22,
      na: 9,
      green: 15,
      amber: 1,
      red: 6,
      improvedLong: 14,
      improvedShort: 12,
    });
    expect(improvedLine(counts.improvedLong, counts.reporting)).toBe("64% (14 out of 22)");
    expect(improvedLine(counts.improvedShort, counts.reporting)).toBe("55% (12 out of 22)");
  });

  test("NA measures are listed, never dropped", () => {
    expect(counts.codes.NA).toHaveLength(9);
  });
});

describe("narrative", () => {
  test("the SPEC example: 9 measures, 4 green, 1 green deteriorating long term", () => {
    const measures = [
      m("AB1", "Green", "IMP"),
      m("AB2", "Green", "IMP"),
      m("CD3", "Green", "DET"),
      m("CD7", "Green", "STATIC"),
      m("EF1", "Amber", "IMP", "IMP"),
      m("EF2", "Red", "DET", "DET"),
      m("EF3", "Red", "DET", "IMP"),
      m("EF4", "NA"),
      m("EF5", "NA"),
    ];
    expect(narrative(count(measures), "outcome")).toEqual([
      "The total number of measures for this outcome is 9.",
      "We are reporting on 7 as data for 2 measures are not available (EF4, EF5).",
      "4 measures met their target (AB1, AB2, CD3, CD7).",
      "1 of the 4 green measures is deteriorating long term (CD3).",
      "1 measure is slightly below target (amber) (EF1).",
      "2 measures are significantly below target (red) (EF2, EF3).",
      "43% (3 out of 7) improved long term and 29% (2 out of 7) improved over the short term.",
    ]);
  });

  test("singular and empty cases read naturally", () => {
    expect(narrative(count([m("X1", "Green", "DET")]), "directorate")).toEqual([
      "The total number of measures for this directorate is 1.",
      "1 measure met its target (X1).",
      "The green measure is deteriorating long term (X1).",
      "0% (0 out of 1) improved long term.",
    ]);
    expect(narrative(count([]), "outcome")).toEqual(["The total number of measures for this outcome is 0."]);
    expect(narrative(count([m("S1", "Green", "NA", "IMP"), m("S2", "Red", "NA", "DET")]), "outcome").at(-1)).toBe(
      "50% (1 out of 2) improved over the short term.",
    );
    expect(narrative(count([m("N1", "NA"), m("G1", "Green")]), "outcome")[2]).toBe("1 measure met its target (G1).");
  });
});

describe("summarise groups by sheet and outcome, in order of appearance", () => {
  test("sheets and groups", () => {
    const result = summarise([
      m("A", "Green", "IMP", "IMP", "Healthy"),
      m("B", "Red", "DET", "DET", "Safe"),
      { ...m("C", "Amber"), sheet: "Place" },
      m("D", "NA", "NA", "NA", "Healthy"),
    ]);
    expect(result.map((s) => s.sheet)).toEqual(["People", "Place"]);
    expect(result[0]).toMatchObject({ total: 3, green: 1, red: 1, na: 1, improvedLong: 1 });
    expect(result[0].groups.map((g) => [g.group, g.total])).toEqual([
      ["Healthy", 2],
      ["Safe", 1],
    ]);
    expect(result[1].groups).toEqual([]);
  });
});

describe("improvement lines", () => {
  test("as the report prints them, of the reporting measures", () => {
    const measures = [
      m("A", "Green", "IMP", "DET"),
      m("B", "Red", "DET", "IMP"),
      m("C", "Red", "IMP", "IMP"),
      m("D", "NA"),
    ];
    expect(improvementLines(count(measures))).toEqual([
      "67% (2 out of 3) improved long term",
      "67% (2 out of 3) improved short term",
    ]);
  });
  test("a term no measure has a trend for is left out, not shown as 0%", () => {
    expect(improvementLines(count([m("A", "Green", "NA", "IMP"), m("B", "Red", "NA", "DET")]))).toEqual([
      "50% (1 out of 2) improved short term",
    ]);
    expect(improvementLines(count([m("N", "NA")]))).toEqual([]);
  });
});
