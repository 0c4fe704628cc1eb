/** Every narrative sentence reads right for 0, 1, 2 and many (SPEC §5: "1 of the 1 green measure" was wrong). */
import { count, narrative, periodLine, periodsCovered, statedPeriod } from "../../src/core";
import type { MeasureOutcome, Status, Trend } from "../../src/core";

let n = 0;
const m = (status: Status, longTrend: Trend = "NA", value: number | null = 1): MeasureOutcome => ({
  sheet: "S",
  group: null,
  code: `M${++n}`,
  name: "x",
  status,
  longTrend,
  shortTrend: "NA",
  naKind: status === "NA" ? (value === null ? "noData" : "notRated") : null,
});
const times = (k: number, make: () => MeasureOutcome) => Array.from({ length: k }, make);
const say = (measures: MeasureOutcome[]) =>
  narrative(count(measures), "outcome")
    .join(" ")
    .replace(/ \(M\d[^)]*\)/g, "");

beforeEach(() => {
  n = 0;
});

describe("green measures deteriorating long term", () => {
  test.each([
    [1, 1, "The green measure is deteriorating long term."],
    [2, 2, "Both green measures are deteriorating long term."],
    [3, 3, "All 3 green measures are deteriorating long term."],
    [1, 2, "1 of the 2 green measures is deteriorating long term."],
    [2, 5, "2 of the 5 green measures are deteriorating long term."],
  ])("%i of %i", (slipping, green, sentence) => {
    const measures = [...times(slipping, () => m("Green", "DET")), ...times(green - slipping, () => m("Green", "IMP"))];
    expect(say(measures)).toContain(sentence);
  });
  test("none: no sentence", () => {
    expect(say(times(2, () => m("Green", "IMP")))).not.toContain("deteriorating");
  });
});

describe("met, amber, red", () => {
  test.each([
    [0, "No measures met their target."],
    [1, "1 measure met its target."],
    [2, "2 measures met their target."],
    [12, "12 measures met their target."],
  ])("%i green", (k, sentence) => {
    expect(say([...times(k, () => m("Green")), m("Red")])).toContain(sentence);
  });
  test.each([
    [1, "1 measure is slightly below target (amber)."],
    [2, "2 measures are slightly below target (amber)."],
    [7, "7 measures are slightly below target (amber)."],
  ])("%i amber", (k, sentence) => {
    expect(say(times(k, () => m("Amber")))).toContain(sentence);
  });
  test.each([
    [1, "1 measure is significantly below target (red)."],
    [2, "2 measures are significantly below target (red)."],
    [9, "9 measures are significantly below target (red)."],
  ])("%i red", (k, sentence) => {
    expect(say(times(k, () => m("Red")))).toContain(sentence);
  });
  test("0 amber and 0 red: no sentence", () => {
    expect(say([m("Green")])).not.toMatch(/amber|red/);
  });
});

describe("NA, split by why", () => {
  test.each([
    [1, 1, "We are reporting on 1 as data for 1 measure is not available."],
    [2, 2, "We are reporting on 2 as data for 2 measures are not available."],
    [5, 0, "We are reporting on none as data for 5 measures are not available."],
  ])("%i without data, %i reporting", (k, reporting, sentence) => {
    expect(say([...times(k, () => m("NA", "NA", null)), ...times(reporting, () => m("Red"))])).toContain(sentence);
  });
  test.each([
    [1, "1 measure is not rated: no usable target or aim."],
    [2, "2 measures are not rated: no usable target or aim."],
    [4, "4 measures are not rated: no usable target or aim."],
  ])("%i not rated", (k, sentence) => {
    expect(say([...times(k, () => m("NA", "NA", 5)), m("Green")])).toContain(sentence);
  });
  test("nothing reporting: no sentence about targets at all", () => {
    expect(say(times(2, () => m("NA", "NA", null)))).toBe(
      "The total number of measures for this outcome is 2. We are reporting on none as data for 2 measures are not available.",
    );
  });
  test("an NA outcome that does not say why counts as data not available", () => {
    const { noData, notRated } = count([{ ...m("NA"), naKind: undefined }, m("NA", "NA", 3)]);
    expect([noData, notRated]).toEqual([["M1"], ["M2"]]);
  });
});

describe("the period a summary covers", () => {
  test.each([
    [[], "Period: none (no measures found)."],
    [["Q2 2020/21"], "Period: Q2 2020/21."],
    [["Q2 2020/21", "Q2 2020/21"], "Period: Q2 2020/21."],
    [["Q1 2020/21", "Q2 2020/21", "Q2 2020/21"], "Periods: Q2 2020/21 (2 measures), Q1 2020/21 (1 measure)."],
    [
      [null, "Sep 2013", "whenever"],
      "Periods: Sep 2013 (1 measure), whenever (1 measure), period not stated (1 measure).",
    ],
    [[null], "Period: not stated."],
  ])("%j", (periods, line) => {
    expect(periodLine(periods.map((period) => ({ period })))).toBe(line);
  });
  // F16: a Data Period kind (12M, Month) says how long a figure covers, not when: no period to list.
  test.each([
    ["12M", null],
    ["Month", null],
    [" Quarter ", null],
    ["Rolling 12 months", null],
    ["Q2 2020/21", "Q2 2020/21"],
    ["whenever", "whenever"],
    [null, null],
  ])("the period %j states %j", (label, stated) => expect(statedPeriod(label)).toBe(stated));

  test("latest first, in time and not by text", () => {
    const periods = ["Mar 2021", "Q4 2020/21", "2019/20", "Apr 2021"].map((period) => ({ period }));
    expect(periodsCovered(periods).map((p) => p.period)).toEqual(["Apr 2021", "Q4 2020/21", "Mar 2021", "2019/20"]);
  });
});
