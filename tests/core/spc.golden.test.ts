/**
 * SPC golden series (SPEC §7): each rule and its edges on series small enough to check by hand, then Kent's monthly
 * series from the adult social care dashboard (../shared/seeds), whose limits were worked out separately.
 */
import { readFileSync } from "fs";
import path from "path";
import { analyseSpc, spc, spcMarks, spcPoints } from "../../src/core/spc";
import type { SpcAnalysis, SpcMark } from "../../src/core/spc";
import { parseValue } from "../../src/core";
import type { Aim, Target } from "../../src/core";

const single = (value: number): Target => ({ kind: "single", value });
const range = (lo: number, hi: number): Target => ({ kind: "range", lo, hi });

function analysed(points: number[]): SpcAnalysis {
  const analysis = analyseSpc(points);
  if (analysis === null) throw new Error("expected at least 12 points");
  return analysis;
}

/** Marks as "index rule side" strings, so a failing test shows which point got which mark. */
const marked = (points: number[]) => spcMarks(analysed(points)).map((m: SpcMark) => `${m.index} ${m.rule} ${m.side}`);
const variation = (points: (number | null)[], aim: Aim = "Maximise") => spc(points, aim, null).variation;

/** A steady process around 50: sides + - + - 0 …, moving ranges sum 28, nothing special. */
const STEADY = [50, 52, 48, 51, 49, 50, 53, 47, 50, 51, 49, 50];

describe("limits", () => {
  test("CL is the mean, mR̄ the mean moving range, limits CL ± 2.66 mR̄ and the 2σ lines two thirds of that", () => {
    const { limits } = analysed(STEADY);
    expect(limits.mean).toBe(50);
    expect(limits.movingRange).toBeCloseTo(28 / 11, 12);
    expect(limits.upperProcessLimit).toBeCloseTo(50 + (2.66 * 28) / 11, 12);
    expect(limits.lowerProcessLimit).toBeCloseTo(50 - (2.66 * 28) / 11, 12);
    expect(limits.upperTwoSigma).toBeCloseTo(50 + (2 / 3) * ((2.66 * 28) / 11), 12);
    expect(limits.lowerTwoSigma).toBeCloseTo(50 - (2 / 3) * ((2.66 * 28) / 11), 12);
  });

  test("a steady process is common cause with no marks at all", () => {
    expect(marked(STEADY)).toEqual([]);
    expect(spc(STEADY, "Maximise", null)).toMatchObject({
      variation: "Common cause",
      variationReason:
        "Common cause: no special-cause rule marks the latest point 50 (mean 50, process limits 43.2 to 56.8)",
      rule: null,
      side: null,
    });
  });
});

describe("how many points", () => {
  test("11 points: both NA, fewer than 12 points; 12 points: computed", () => {
    const eleven = spc(STEADY.slice(0, 11), "Maximise", single(40));
    expect(eleven).toMatchObject({
      variation: "NA",
      assurance: "NA",
      variationReason: "NA: fewer than 12 points (11)",
      assuranceReason: "NA: fewer than 12 points (11)",
      analysis: null,
    });
    const twelve = spc(STEADY, "Maximise", single(40));
    expect([twelve.variation, twelve.assurance]).toEqual(["Common cause", "Pass"]);
  });

  test("gaps (NA periods) are skipped: the series is its numbers in order, moving ranges bridge the gap", () => {
    const gappy = [null, 50, 52, null, 48, 51, 49, 50, null, 53, 47, 50, 51, 49, 50, null];
    expect(spcPoints(gappy)).toEqual(STEADY);
    expect(spc(gappy, "Maximise", null).analysis?.limits).toEqual(analysed(STEADY).limits);
    expect(spc([null, ...STEADY.slice(0, 11), null, null], "Maximise", null).variationReason).toBe(
      "NA: fewer than 12 points (11)",
    );
  });
});

describe("rule 1, astronomical: strictly beyond a process limit", () => {
  // Mean 620/12 = 51.667, mR̄ 48/11 = 4.364, UPL 51.667 + 11.607 = 63.274: 70 is beyond it.
  const HIGH_LAST = [...STEADY.slice(0, 11), 70];

  test("the latest point above the upper limit: improvement for Maximise, concern for Minimise, neutral otherwise", () => {
    expect(marked(HIGH_LAST)).toEqual(["11 astronomical High"]);
    expect(variation(HIGH_LAST, "Maximise")).toBe("Improvement (high)");
    expect(variation(HIGH_LAST, "Minimise")).toBe("Concern (high)");
    expect(variation(HIGH_LAST, "Goldilocks")).toBe("Neutral (high)");
    expect(spc(HIGH_LAST, "Minimise", null).variationReason).toBe(
      "Concern (high): the latest point 70 is above the upper process limit 63.3 (Minimise)",
    );
  });

  test("mirrored below the lower limit", () => {
    const low = [...STEADY.slice(0, 11), 30];
    expect(marked(low)).toEqual(["11 astronomical Low"]);
    expect(variation(low, "Maximise")).toBe("Concern (low)");
    expect(variation(low, "Minimise")).toBe("Improvement (low)");
    expect(variation(low, "Goldilocks")).toBe("Neutral (low)");
  });

  test("a point on the process limit (to 10 significant digits) is not beyond it; a little more is", () => {
    // 0 1 0 1 … 0 then x: x lies on its own upper limit when x = (5 + x)/12 + 2.66 (10 + x)/11.
    const prefix = Array.from({ length: 11 }, (_, i) => i % 2);
    const onLimit = (5 / 12 + 26.6 / 11) / (1 - 1 / 12 - 2.66 / 11);
    const on = analysed([...prefix, onLimit]);
    expect(on.limits.upperProcessLimit).toBeCloseTo(onLimit, 12);
    expect(spcMarks(on)).toEqual([]);
    expect(marked([...prefix, onLimit + 0.001])).toEqual(["11 astronomical High"]);
  });
});

describe("rule 2, trend: 7 or more points each strictly higher (lower) than the one before", () => {
  test("exactly 7 points rising at the end: a trend, all 7 marked", () => {
    const points = [50, 52, 48, 51, 49, 44, 45, 46, 47, 48, 49, 50];
    expect(marked(points).filter((m) => m.includes("trend"))).toEqual(
      [5, 6, 7, 8, 9, 10, 11].map((i) => `${i} trend High`),
    );
    expect(spc(points, "Maximise", null)).toMatchObject({
      variation: "Improvement (high)",
      rule: "trend",
      side: "High",
    });
    expect(variation(points, "Minimise")).toBe("Concern (high)");
  });

  test("exactly 6 points rising: no trend, common cause", () => {
    const points = [50, 52, 48, 51, 49, 50, 45, 46, 47, 48, 49, 50];
    expect(marked(points)).toEqual([]);
    expect(variation(points)).toBe("Common cause");
  });

  test("7 points falling: a trend on the Low side", () => {
    const points = [50, 48, 52, 49, 51, 56, 55, 54, 53, 52, 51, 50];
    expect(marked(points).filter((m) => m.includes("trend"))).toEqual(
      [5, 6, 7, 8, 9, 10, 11].map((i) => `${i} trend Low`),
    );
    expect(variation(points, "Minimise")).toBe("Improvement (low)");
  });

  test("a tie breaks the run: 44 45 46 46 47 48 49 50 is two runs (3 and 5), not 8", () => {
    const tied = [50, 52, 48, 51, 44, 45, 46, 46, 47, 48, 49, 50];
    expect(marked(tied)).toEqual([]);
    expect(variation(tied)).toBe("Common cause");
    const unbroken = tied.map((x, i) => (i === 7 ? 46.5 : x));
    expect(spc(unbroken, "Maximise", null)).toMatchObject({ variation: "Improvement (high)", rule: "trend" });
  });

  test("a tie is judged to 10 significant digits: 46 then 46.00000000001 is still a tie", () => {
    const noisy = [50, 52, 48, 51, 44, 45, 46, 46.00000000001, 47, 48, 49, 50];
    expect(marked(noisy)).toEqual([]);
  });

  test("a peak ends a rising run and starts a falling one: both marked on the shared point", () => {
    const points = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1];
    const trends = marked(points).filter((m) => m.includes("trend"));
    expect(trends).toContain("6 trend High");
    expect(trends).toContain("6 trend Low");
    expect(trends.filter((m) => m.endsWith("High"))).toHaveLength(7);
    expect(trends.filter((m) => m.endsWith("Low"))).toHaveLength(7);
  });
});

describe("rule 3, two of three beyond the 2σ line", () => {
  // 17 points alternating 50/52, then 53, 62, 57: mean 51.9, mR̄ 49/19, 2σ line 56.47, UPL 58.76.
  const BASE = Array.from({ length: 17 }, (_, i) => (i % 2 === 0 ? 50 : 52));
  const POINTS = [...BASE, 53, 62, 57];

  test("a point beyond the process limit counts: 62 (astronomical) and 57 are two of three, and both are marked", () => {
    expect(marked(POINTS)).toEqual(["18 astronomical High", "18 twoOfThree High", "19 twoOfThree High"]);
    expect(spc(POINTS, "Maximise", null)).toMatchObject({
      variation: "Improvement (high)",
      rule: "twoOfThree",
      side: "High",
      variationReason: "Improvement (high): the latest point 57 is one of 2 of 3 points above 56.5 (2σ) (Maximise)",
    });
  });

  test("mirrored on the Low side", () => {
    const low = POINTS.map((x) => 100 - x);
    expect(marked(low)).toEqual(["18 astronomical Low", "18 twoOfThree Low", "19 twoOfThree Low"]);
    expect(spc(low, "Maximise", null)).toMatchObject({ variation: "Concern (low)", rule: "twoOfThree", side: "Low" });
  });

  test("the third point must be on the same side of the centre line", () => {
    const points = [...BASE, 50, 62, 57];
    const { limits } = analysed(points);
    expect(points[17]).toBeLessThan(limits.mean);
    expect(points[19]).toBeGreaterThan(limits.upperTwoSigma);
    expect(marked(points)).toEqual(["18 astronomical High"]);
  });

  test("one point of three beyond the 2σ line is not enough", () => {
    const points = [...BASE, 53, 53, 58];
    const { limits } = analysed(points);
    expect(points[18]).toBeLessThan(limits.upperTwoSigma);
    expect(marked(points)).toEqual(["19 astronomical High"]);
  });
});

describe("rule 4, shift: 7 or more points strictly on one side of the mean", () => {
  test("7 points above the mean at the end", () => {
    const points = [45, 55, 45, 55, 45, 51, 52, 51, 52, 51, 52, 51];
    expect(marked(points)).toEqual([5, 6, 7, 8, 9, 10, 11].map((i) => `${i} shift High`));
    expect(spc(points, "Minimise", null)).toMatchObject({ variation: "Concern (high)", rule: "shift", side: "High" });
  });

  test("6 points above the mean: no shift", () => {
    const points = [55, 45, 55, 45, 55, 45, 51, 52, 51, 52, 51, 52];
    expect(analysed(points).limits.mean).toBeLessThan(51);
    expect(marked(points)).toEqual([]);
  });

  test("a point on the mean breaks the run: 51 51 51 50 51 51 51 51 with mean exactly 50", () => {
    const broken = [44, 56, 44, 49, 51, 51, 51, 50, 51, 51, 51, 51];
    expect(analysed(broken).limits.mean).toBe(50);
    expect(marked(broken)).toEqual([]);
    const unbroken = [44, 56, 44, 48, 51, 51, 51, 51, 51, 51, 51, 51];
    expect(analysed(unbroken).limits.mean).toBe(50);
    expect(marked(unbroken)).toEqual([4, 5, 6, 7, 8, 9, 10, 11].map((i) => `${i} shift High`));
  });

  test("on the mean to 10 significant digits: the same series in tenths (mean 5.000000000000001) is still broken", () => {
    const tenths = [4.4, 5.6, 4.4, 4.9, 5.1, 5.1, 5.1, 5.0, 5.1, 5.1, 5.1, 5.1];
    expect(marked(tenths)).toEqual([]);
  });
});

describe("precedence: astronomical > trend > two of three > shift", () => {
  test("a latest point marked by every rule takes the astronomical side", () => {
    // Kent's telecare numbers: rising all year, the last point beyond the upper limit.
    const telecare = [1240, 1321, 1407, 1460, 1497, 1534, 1596, 1638, 1784, 1937, 2051, 2130, 2276];
    const last = spcMarks(analysed(telecare)).filter((m) => m.index === 12);
    expect(last.map((m) => m.rule)).toEqual(["astronomical", "trend", "twoOfThree"]);
    expect(spc(telecare, "Maximise", null).rule).toBe("astronomical");
  });

  test("trend before shift, even on opposite sides: the last of 50…56 rises but sits below the mean 56.08", () => {
    const points = [60, 61, 60, 61, 60, 50, 51, 52, 53, 54, 55, 56];
    const last = spcMarks(analysed(points)).filter((m) => m.index === 11);
    expect(last.map((m) => `${m.rule} ${m.side}`)).toEqual(["trend High", "shift Low"]);
    expect(spc(points, "Maximise", null)).toMatchObject({ rule: "trend", variation: "Improvement (high)" });
  });

  test("two of three before shift: seven points above the mean, the last two beyond the 2σ line", () => {
    const points = [...Array.from({ length: 11 }, (_, i) => (i % 2 === 0 ? 49 : 52)), 53, 53, 54, 53, 54, 56, 56];
    const last = spcMarks(analysed(points)).filter((m) => m.index === 17);
    expect(last.map((m) => `${m.rule} ${m.side}`)).toEqual(["twoOfThree High", "shift High"]);
    expect(spc(points, "Minimise", null)).toMatchObject({ rule: "twoOfThree", variation: "Concern (high)" });
  });
});

describe("mR̄ = 0: a flat series", () => {
  const FLAT = Array<number>(12).fill(5);

  test("limits equal the centre line, nothing is beyond them, common cause", () => {
    const { limits } = analysed(FLAT);
    expect(limits).toEqual({
      mean: 5,
      movingRange: 0,
      lowerProcessLimit: 5,
      upperProcessLimit: 5,
      lowerTwoSigma: 5,
      upperTwoSigma: 5,
    });
    expect(spcMarks(analysed(FLAT))).toEqual([]);
    expect(variation(FLAT)).toBe("Common cause");
  });

  test("assurance against limits that are one figure: below Pass, equal Hit and miss, above Fail (Maximise)", () => {
    expect(spc(FLAT, "Maximise", single(4)).assurance).toBe("Pass");
    expect(spc(FLAT, "Maximise", single(5)).assurance).toBe("Hit and miss");
    expect(spc(FLAT, "Maximise", single(6)).assurance).toBe("Fail");
    expect(spc(FLAT, "Goldilocks", range(5, 6)).assurance).toBe("Pass");
  });

  test("flat in tenths (0.1 summed twelve times is not exactly 1.2) is still flat", () => {
    const tenths = Array<number>(12).fill(0.1);
    expect(analysed(tenths).limits.mean).not.toBe(0.1);
    expect(spcMarks(analysed(tenths))).toEqual([]);
    expect(spc(tenths, "Minimise", single(0.1)).assurance).toBe("Hit and miss");
  });
});

describe("assurance: the target against the process limits (STEADY: 43.229 to 56.771)", () => {
  const assurance = (aim: Aim | null, target: Target | null) => spc(STEADY, aim, target);

  test.each([
    ["Maximise", single(40), "Pass", "Pass: target 40 is below the lower process limit 43.2 (Maximise)"],
    ["Maximise", single(60), "Fail", "Fail: target 60 is above the upper process limit 56.8 (Maximise)"],
    [
      "Maximise",
      single(50),
      "Hit and miss",
      "Hit and miss: target 50 is within the process limits 43.2 to 56.8 (Maximise)",
    ],
    ["Minimise", single(60), "Pass", "Pass: target 60 is above the upper process limit 56.8 (Minimise)"],
    ["Minimise", single(40), "Fail", "Fail: target 40 is below the lower process limit 43.2 (Minimise)"],
    [
      "Minimise",
      single(56),
      "Hit and miss",
      "Hit and miss: target 56 is within the process limits 43.2 to 56.8 (Minimise)",
    ],
    [
      "Goldilocks",
      range(40, 60),
      "Pass",
      "Pass: process limits 43.2 to 56.8 lie within target range 40–60 (Goldilocks)",
    ],
    [
      "Goldilocks",
      range(60, 70),
      "Fail",
      "Fail: process limits 43.2 to 56.8 lie outside target range 60–70 (Goldilocks)",
    ],
    [
      "Goldilocks",
      range(30, 40),
      "Fail",
      "Fail: process limits 43.2 to 56.8 lie outside target range 30–40 (Goldilocks)",
    ],
    [
      "Goldilocks",
      range(45, 70),
      "Hit and miss",
      "Hit and miss: process limits 43.2 to 56.8 straddle target range 45–70 (Goldilocks)",
    ],
    [
      "Goldilocks",
      single(50),
      "Hit and miss",
      "Hit and miss: process limits 43.2 to 56.8 straddle target 50 (Goldilocks)",
    ],
    ["Maximise", range(40, 60), "NA", "NA: target is a range but aim is Maximise (use Goldilocks)"],
    ["Maximise", null, "NA", "NA: no target"],
    [null, single(40), "NA", "NA: no aim given"],
  ] as [Aim | null, Target | null, string, string][])("%s %j → %s", (aim, target, expected, reason) => {
    const result = assurance(aim, target);
    expect([result.assurance, result.assuranceReason]).toEqual([expected, reason]);
  });

  test("a target on a limit is not beyond it (Hit and miss); a range touching the limits is Pass, touching from outside Hit and miss", () => {
    const { lowerProcessLimit: lpl, upperProcessLimit: upl } = analysed(STEADY).limits;
    expect(assurance("Maximise", single(lpl)).assurance).toBe("Hit and miss");
    expect(assurance("Minimise", single(upl)).assurance).toBe("Hit and miss");
    expect(assurance("Goldilocks", range(lpl, upl)).assurance).toBe("Pass");
    expect(assurance("Goldilocks", range(upl, upl + 10)).assurance).toBe("Hit and miss");
    expect(assurance("Goldilocks", range(lpl - 10, lpl)).assurance).toBe("Hit and miss");
  });

  test("no aim: variation NA too", () => {
    expect(spc(STEADY, null, null)).toMatchObject({ variation: "NA", variationReason: "NA: no aim given" });
  });
});

describe("Kent adult social care dashboard 2013: the monthly trend tables", () => {
  const seed = readFileSync(
    path.resolve(__dirname, "../../../shared/seeds/kent-adult-social-care-dashboard-2013.txt"),
    "utf8",
  );
  const lines = seed.split(/\r?\n/);

  /** The figures of the row labelled `label` under the `n`th "Trend Data" header (1-based), blanks as gaps. */
  function trendRow(n: number, label: string): (number | null)[] {
    const header = lines.map((line, i) => (line.startsWith("Trend Data\t") ? i : -1)).filter((i) => i >= 0)[n - 1];
    const row = lines.slice(header + 1, header + 6).find((line) => line.startsWith(`${label}\t`));
    if (row === undefined) throw new Error(`no ${label} row under trend table ${n}`);
    return row
      .split("\t")
      .slice(1)
      .map((cell) => {
        const parsed = parseValue(cell);
        return parsed.ok ? parsed.value : null;
      });
  }

  /** [table, row label, measure, aim, latest target, variation, assurance]; aims from the report's tolerance and RAG. */
  const CASES: [number, string, string, Aim, Target, string, string][] = [
    [1, "Percentage", "ASC1 personal budgets", "Maximise", single(0.8), "Improvement (high)", "Fail"],
    [2, "Telecare", "ASC3 telecare clients", "Maximise", single(1750), "Improvement (high)", "Hit and miss"],
    [4, "Achieved", "ASC5 satisfied at first review", "Maximise", single(0.75), "Common cause", "Hit and miss"],
    [5, "Percentage", "ASC6 at home 91 days after discharge", "Maximise", single(0.85), "Common cause", "Hit and miss"],
    [6, "People", "ASC7 delayed transfers of care", "Minimise", single(5.4), "Common cause", "Hit and miss"],
    [7, "Admissions", "ASC8 admissions to residential care", "Minimise", single(130), "Common cause", "Hit and miss"],
    [
      8,
      "Placements",
      "ASC9 learning disability residential",
      "Minimise",
      single(1260),
      "Improvement (low)",
      "Hit and miss",
    ],
    [9, "Percentage", "ASC10 mental health settled", "Maximise", single(0.75), "Common cause", "Pass"],
    [
      10,
      "Percentage",
      "ASC11 contacts resolved at source",
      "Maximise",
      single(0.28),
      "Improvement (high)",
      "Hit and miss",
    ],
  ];

  test.each(CASES)("table %i %s (%s)", (table, label, _measure, aim, target, expectedVariation, expectedAssurance) => {
    const series = trendRow(table, label);
    expect(series).toHaveLength(13);
    const result = spc(series, aim, target);
    expect([result.variation, result.assurance]).toEqual([expectedVariation, expectedAssurance]);
  });

  test("ASC1: a shift above the mean ends the year, yet the 80% target is beyond the upper limit", () => {
    const result = spc(trendRow(1, "Percentage"), "Maximise", single(0.8));
    expect(result.analysis?.limits.mean).toBeCloseTo(0.729231, 6);
    expect(result.analysis?.limits.movingRange).toBeCloseTo(0.015, 12);
    expect(result.variationReason).toBe(
      "Improvement (high): the latest point 0.73 ends a run of 7 or more points above the mean 0.729 (Maximise)",
    );
    expect(result.assuranceReason).toBe("Fail: target 0.8 is above the upper process limit 0.769 (Maximise)");
  });

  test("ASC9: the latest placements are below the lower process limit, an improvement for a Minimise measure", () => {
    const result = spc(trendRow(8, "Placements"), "Minimise", single(1260));
    expect(result.rule).toBe("astronomical");
    expect(result.variationReason).toBe(
      "Improvement (low): the latest point 1249 is below the lower process limit 1254 (Minimise)",
    );
  });

  test("ASC4 started in December: 10 figures and 3 blanks are fewer than 12 points", () => {
    const series = trendRow(3, "Percentage");
    expect(series.filter((x) => x === null)).toHaveLength(3);
    expect(spc(series, "Maximise", single(0.46)).variationReason).toBe("NA: fewer than 12 points (10)");
  });

  describe("reasons print figures for reading (issue 12)", () => {
    /** Kent's ASC1 percentages, as the dashboard's 0% cells show them. */
    const ASC1 = () => trendRow(1, "Percentage");

    test("percent style: the figures as the cells show them, the mean and limits to 1 decimal of a percent", () => {
      const result = spc(ASC1(), "Maximise", single(0.8), "percent");
      expect(result.variationReason).toBe(
        "Improvement (high): the latest point 73% ends a run of 7 or more points above the mean 72.9% (Maximise)",
      );
      expect(result.assuranceReason).toBe("Fail: target 80% is above the upper process limit 76.9% (Maximise)");
    });

    test("common cause and Goldilocks: mean and both limits rounded, in plain and percent style", () => {
      expect(spc(STEADY, "Maximise", null, "plain").variationReason).toBe(
        "Common cause: no special-cause rule marks the latest point 50 (mean 50, process limits 43.2 to 56.8)",
      );
      expect(spc(ASC1(), "Goldilocks", range(0.6, 0.8), "percent").assuranceReason).toBe(
        "Pass: process limits 68.9% to 76.9% lie within target range 60%–80% (Goldilocks)",
      );
    });

    test("a limit that would round to the latest point it is beaten by gets decimals until the two differ", () => {
      // Upper process limit 60.05494: 3 significant figures read "60.1", the latest point itself.
      const base = STEADY.slice(0, 11);
      expect(spc([...base, 60.1], "Maximise", null).variationReason).toBe(
        "Improvement (high): the latest point 60.1 is above the upper process limit 60.05 (Maximise)",
      );
      // Upper process limit 60.0317: "60" would put the latest point 60.03 above it, yet no rule marks it.
      expect(spc([...base, 60.03], "Maximise", null).variationReason).toBe(
        "Common cause: no special-cause rule marks the latest point 60.03 (mean 50.8, process limits 41.6 to 60.032)",
      );
    });

    test("percent: a limit that would read as the target (77%) keeps the decimals that tell them apart", () => {
      const points = [0.7, 0.72, 0.71, 0.73, 0.72, 0.74, 0.73, 0.72, 0.73, 0.74, 0.73, 0.7702];
      expect(spc(points, "Maximise", single(0.77), "percent").assuranceReason).toBe(
        "Fail: target 77% is above the upper process limit 76.95% (Maximise)",
      );
      expect(spc(points, "Maximise", single(0.77), "plain").assuranceReason).toBe(
        "Fail: target 0.77 is above the upper process limit 0.7695 (Maximise)",
      );
    });
  });
});
