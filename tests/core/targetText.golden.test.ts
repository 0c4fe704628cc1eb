/**
 * SPEC §3 "Target text as real reports write it": every phrase the spec names, and the variants seen in the seeds,
 * with the outcome of a whole row — status, aim (given or implied), target and whether it is a data problem.
 */
import { rateReading, readRow } from "../../src/core";
import type { Aim, CellValue, Target } from "../../src/core";

interface Outcome {
  readonly status: string;
  readonly aim: Aim | null;
  readonly target: Target | null;
  /** The problem's reason, or null for none. */
  readonly problem: string | RegExp | null;
}

const single = (value: number): Target => ({ kind: "single", value });
const strict = (value: number): Target => ({ kind: "single", value, strict: true });
const range = (lo: number, hi: number): Target => ({ kind: "range", lo, hi });

function outcome(value: CellValue, target: CellValue, aim: CellValue = null, band?: CellValue): Outcome {
  const row = readRow({ value, target, aim, band });
  const problem = row.problems[0];
  return {
    status: rateReading(row).status,
    aim: row.aim,
    target: row.target,
    problem: problem ? problem.reason : null,
  };
}

describe("a range with a note: the range is the target, the note is ignored", () => {
  test.each<[string, number, Target, string]>([
    ["Between 65 and 73 Mid-point 69.0", 70, range(65, 73), "Green"],
    ["Between 65 and 73 Mid-point 69.0", 75, range(65, 73), "Amber"],
    ["Between 65 and 73 Mid-point 69", 63, range(65, 73), "Amber"],
    ["Between 65 and 73 mid point 69.0", 80, range(65, 73), "Red"],
    ["Between 65 and 73 midpoint: 69", 70, range(65, 73), "Green"],
    ["60–70 (national average 65)", 65, range(60, 70), "Green"],
    ["60 – 70 (national average 65)", 72, range(60, 70), "Amber"],
    ["60 to 70 midpoint 65", 74, range(60, 70), "Red"],
    ["60 to 70 (stretch) midpoint 65", 60, range(60, 70), "Green"],
    ["60-70", 60, range(60, 70), "Green"],
    ["60 - 70", 70, range(60, 70), "Green"],
    ["60—70", 57.5, range(60, 70), "Amber"],
    ["60 — 70", 57, range(60, 70), "Red"],
    ["60–70", 65, range(60, 70), "Green"],
    ["between 60% and 70%", 0.65, range(0.6, 0.7), "Green"],
    ["17.5%-22.5%", 0.205, range(0.175, 0.225), "Green"],
    ["17.5% – 22.5%", 0.235, range(0.175, 0.225), "Amber"],
    ["60-70%", 0.65, range(0.6, 0.7), "Green"],
    ["£1,200 to £1,500", 1300, range(1200, 1500), "Green"],
    ["1,200–1,500", 1600, range(1200, 1500), "Red"],
    ["Between -5 and 5", 0, range(-5, 5), "Green"],
    ["70-60", 65, range(60, 70), "Green"],
  ])("%p, value %p", (text, value, target, status) => {
    expect(outcome(value, text, "Goldilocks")).toEqual({ status, aim: "Goldilocks", target, problem: null });
  });

  test.each([
    ["Between 65 and 73 Mid-point 68", "68", "69"],
    ["60 to 70 midpoint 66", "66", "65"],
    ["Between 65 and 74 Mid-point 69.6", "69.6", "69.5"],
  ])(
    "%p: a stated mid-point that is not the range's is a data problem, and the range applies",
    (text, stated, real) => {
      const row = readRow({ value: 70, target: text, aim: "Goldilocks" });
      expect(rateReading(row).status).toBe("Green");
      expect(row.problems).toEqual([
        {
          field: "target",
          invalid: false,
          reason: `target "${text}" states mid-point ${stated} but the range's mid-point is ${real}`,
          effect: "the range applies",
        },
      ]);
    },
  );

  test("a mid-point equal to the range's to one decimal place is no problem", () => {
    expect(outcome(70, "Between 65 and 74 Mid-point 69.5", "Goldilocks").problem).toBeNull();
    expect(outcome(70, "Between 65 and 74 Mid-point 69.50", "Goldilocks").problem).toBeNull();
  });
});

describe("a figure with a comparison gives the target and implies the aim", () => {
  test.each<[string, number, Target, Aim, string]>([
    ["≥ 95%", 0.96, single(0.95), "Maximise", "Green"],
    ["≥95%", 0.95, single(0.95), "Maximise", "Green"],
    [">= 95%", 0.93, single(0.95), "Maximise", "Amber"],
    ["=> 95%", 0.9, single(0.95), "Maximise", "Red"],
    ["At least 95%", 0.95, single(0.95), "Maximise", "Green"],
    ["at least 95 %", 0.94, single(0.95), "Maximise", "Amber"],
    ["Minimum 95%", 0.96, single(0.95), "Maximise", "Green"],
    ["Minimum of 95%", 0.96, single(0.95), "Maximise", "Green"],
    ["No less than 95%", 0.96, single(0.95), "Maximise", "Green"],
    ["95% or above", 0.95, single(0.95), "Maximise", "Green"],
    ["95% or more", 0.9, single(0.95), "Maximise", "Red"],
    ["95% or higher", 0.96, single(0.95), "Maximise", "Green"],
    ["95% and above", 0.96, single(0.95), "Maximise", "Green"],
    ["95%+", 0.96, single(0.95), "Maximise", "Green"],
    ["95% minimum", 0.94, single(0.95), "Maximise", "Amber"],
    ["≤ 10", 10, single(10), "Minimise", "Green"],
    ["<= 10", 10.4, single(10), "Minimise", "Amber"],
    ["=< 10", 10.6, single(10), "Minimise", "Red"],
    ["No more than 10", 9, single(10), "Minimise", "Green"],
    ["no more than 10", 10.6, single(10), "Minimise", "Red"],
    ["Maximum 10", 10, single(10), "Minimise", "Green"],
    ["Maximum of 10", 10, single(10), "Minimise", "Green"],
    ["At most 10", 10.4, single(10), "Minimise", "Amber"],
    ["10 or below", 10, single(10), "Minimise", "Green"],
    ["10 or fewer", 11, single(10), "Minimise", "Red"],
    ["10 or less", 9, single(10), "Minimise", "Green"],
    ["10 or lower", 10.4, single(10), "Minimise", "Amber"],
    ["10 maximum", 10.4, single(10), "Minimise", "Amber"],
    ["£1,200 or less", 1000, single(1200), "Minimise", "Green"],
    ["At least 1,750", 2276, single(1750), "Maximise", "Green"],
  ])("%p, value %p", (text, value, target, aim, status) => {
    expect(outcome(value, text)).toEqual({ status, aim, target, problem: null });
  });

  test.each<[string, number, Target, Aim, string]>([
    ["> 95%", 0.95, strict(0.95), "Maximise", "Amber"],
    [">95%", 0.96, strict(0.95), "Maximise", "Green"],
    ["Above 95%", 0.95, strict(0.95), "Maximise", "Amber"],
    ["More than 95%", 0.9, strict(0.95), "Maximise", "Red"],
    ["Greater than 95%", 0.95, strict(0.95), "Maximise", "Amber"],
    ["< 10", 10, strict(10), "Minimise", "Amber"],
    ["<10", 9.9, strict(10), "Minimise", "Green"],
    ["Below 10", 10, strict(10), "Minimise", "Amber"],
    ["Fewer than 10", 10, strict(10), "Minimise", "Amber"],
    ["Less than 10", 10.6, strict(10), "Minimise", "Red"],
    ["Under 10", 10, strict(10), "Minimise", "Amber"],
  ])("strict %p, value %p: equal falls short with gap 0", (text, value, target, aim, status) => {
    expect(outcome(value, text)).toEqual({ status, aim, target, problem: null });
  });

  test("a value equal to a strict figure is Red when Amber is off", () => {
    expect(outcome(0.95, "> 95%", null, "off").status).toBe("Red");
    expect(outcome(10, "< 10", null, 0).status).toBe("Red");
    expect(outcome(0.95, "≥ 95%", null, 0).status).toBe("Green");
  });

  test("the reason of a value equal to a strict figure says it must be beaten", () => {
    expect(rateReading(readRow({ value: 0.95, target: "> 95%", aim: null })).reason).toBe(
      "Amber: at target 0.95, which must be exceeded (Maximise, amber band 5%)",
    );
    expect(rateReading(readRow({ value: 10, target: "< 10", aim: null, band: 0 })).reason).toBe(
      "Red: at target 10, which must be undercut (Minimise, amber off)",
    );
  });

  test.each([
    ["At least 95%", "Maximise"],
    ["At least 95%", "Higher is better"],
    ["No more than 10", "Minimise"],
    ["< 10", "Lower"],
  ])("%p with an aim cell that agrees (%p) rates as usual", (text, aim) => {
    expect(outcome(text.includes("95") ? 0.96 : 9, text, aim)).toMatchObject({ status: "Green", problem: null });
  });

  test.each([
    ["At least 95%", "Minimise", "Maximise"],
    ["≥ 95%", "Goldilocks", "Maximise"],
    ["No more than 10", "Maximise", "Minimise"],
    ["Below 10", "Higher is better", "Minimise"],
    ["Increase", "Minimise", "Maximise"],
  ])("%p with aim %p contradicts it: NA and a problem naming both", (text, aim, implied) => {
    const row = readRow({ value: 0.96, target: text, aim });
    expect(rateReading(row)).toMatchObject({ status: "NA", naKind: "notRated" });
    expect(row.problems).toEqual([
      {
        field: "aim",
        other: "target",
        invalid: true,
        reason: `aim "${aim}" contradicts target "${text}", which means ${implied}`,
        effect: "the status is NA",
      },
    ]);
  });
});

describe("a direction word alone is no figure, no problem, and fills a blank aim", () => {
  test.each<[string, Aim | null]>([
    ["Increase", "Maximise"],
    ["increase", "Maximise"],
    ["Improve", "Maximise"],
    ["Reduce", "Minimise"],
    ["Decrease", "Minimise"],
    ["Maintain", null],
    [" Reduce. ", "Minimise"],
  ])("%p", (text, aim) => {
    const row = readRow({ value: 5, target: text, aim: null });
    expect(rateReading(row)).toMatchObject({ status: "NA", naKind: "notRated", reason: "NA: no numeric target" });
    expect(row.aim).toBe(aim);
    expect(row.problems.filter((p) => p.field === "target")).toEqual([]);
  });

  test("Maintain leaves a blank aim blank (no aim given is said of the aim cell)", () => {
    expect(readRow({ value: 5, target: "Maintain", aim: null }).problems.map((p) => p.reason)).toEqual([
      "no aim given",
    ]);
  });

  test("a direction word with an aim that agrees keeps the aim cell's", () => {
    const row = readRow({ value: 5, target: "Reduce", aim: "Lower is better" });
    expect(row).toMatchObject({ aim: "Minimise", aimImplied: false, problems: [] });
  });
});

describe("anything else with more than one figure, or unknown words before the figure, is a data problem", () => {
  test.each<[string, string | RegExp]>([
    ["95% by 2025", 'target "95% by 2025" has more than one figure'],
    ["95% (national 90%)", 'target "95% (national 90%)" has more than one figure'],
    ["17.5% 22.5%", 'target "17.5% 22.5%" has more than one figure'],
    ["60, 70", 'target "60, 70" has more than one figure'],
    ["Target 95%", /^target "Target 95%" is not a number, a range such as 60-70 or a comparison such as ≥ 95%$/],
    ["About 95%", /^target "About 95%" is not/],
    ["Increase by 5%", /^target "Increase by 5%" is not/],
    ["Maintain 95%", /^target "Maintain 95%" is not/],
    ["60-", /^target "60-" is not/],
    ["60 to 70 next year", /^target "60 to 70 next year" is not/],
    ["Between 60 and", /^target "Between 60 and" is not/],
    ["(60-70", /^target "\(60-70" is not/],
    ["sixty", /^target "sixty" is not/],
    ["Increase steadily", /^target "Increase steadily" is not/],
    ["= 95", /^target "= 95" is not/],
    ["£1.2m", /^target "£1.2m" is not/],
    ["1.5 million", /^target "1.5 million" is not/],
    ["250k", /^target "250k" is not/],
  ])("%p", (text, reason) => {
    const row = readRow({ value: 0.96, target: text, aim: "Maximise" });
    expect(rateReading(row).status).toBe("NA");
    expect(row.problems).toHaveLength(1);
    expect(row.problems[0]).toMatchObject({
      field: "target",
      invalid: true,
      reason: typeof reason === "string" ? reason : expect.stringMatching(reason),
    });
  });

  test.each([
    ["426 days", 426],
    ["95% of cases", 0.95],
    ["15.0 children", 15],
    ["95% (stretch)", 0.95],
  ])("words after a single figure are left alone: %p is %p", (text, figure) => {
    expect(outcome(figure, text, "Max")).toEqual({
      status: "Green",
      aim: "Maximise",
      target: single(figure),
      problem: null,
    });
  });

  test.each(["NA", "n/a", "TBC", "-", "", "   ", null])("%p is no target: NA without a problem", (text) => {
    const row = readRow({ value: 5, target: text, aim: "Max" });
    expect(rateReading(row)).toMatchObject({ status: "NA", reason: "NA: no target" });
    expect(row.problems).toEqual([]);
  });
});
