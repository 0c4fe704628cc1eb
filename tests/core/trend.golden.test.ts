import { formatTrend, longTrend, parseTrend, trend } from "../../src/core";
import type { Target } from "../../src/core";

const range: Target = { kind: "range", lo: 60, hi: 70 };

describe("short trend (SPEC §4)", () => {
  test.each([
    [97, 96, "Maximise", undefined, "IMP"],
    [95, 96, "Maximise", undefined, "DET"],
    [96, 96, "Maximise", undefined, "STATIC"],
    [507, 511, "Minimise", undefined, "IMP"],
    [73.5, 70.6, "Minimise", undefined, "DET"],
    [0.1 + 0.2, 0.3, "Minimise", undefined, "STATIC"],
    [66, 72, "Goldilocks", range, "IMP"],
    [72, 66, "Goldilocks", range, "DET"],
    [63, 67, "Goldilocks", range, "STATIC"],
    [null, 5, "Maximise", undefined, "NA"],
    [5, null, "Maximise", undefined, "NA"],
    [66, 72, "Goldilocks", null, "NA"],
  ] as const)("%p after %p (%s) -> %s", (now, before, aim, target, expected) => {
    expect(trend(now, before, aim, target)).toBe(expected);
  });
});

describe("long trend: against the mean of the previous values that are numbers", () => {
  test("Medway: average of previous 4 quarters", () => {
    expect(longTrend(10, [8, 9, 11, 12], "Maximise")).toBe("STATIC");
    expect(longTrend(10.5, [8, 9, 11, 12], "Maximise")).toBe("IMP");
    expect(longTrend(10.5, [8, 9, 11, 12], "Minimise")).toBe("DET");
  });
  test("NA values are left out of the mean; none at all gives NA", () => {
    expect(longTrend(10, [null, 12, null], "Maximise")).toBe("DET");
    expect(longTrend(10, [null, null], "Maximise")).toBe("NA");
    expect(longTrend(10, [], "Maximise")).toBe("NA");
    expect(longTrend(null, [1, 2], "Maximise")).toBe("NA");
  });
  test("Goldilocks compares distances to the mid-point", () => {
    expect(longTrend(65, [50, 80], "Goldilocks", range)).toBe("STATIC");
    expect(longTrend(64, [50, 72], "Goldilocks", range)).toBe("IMP");
  });
});

describe("display", () => {
  test("arrows are a display choice over the same rule", () => {
    expect(["IMP", "DET", "STATIC", "NA"].map((t) => formatTrend(t as never, "arrows"))).toEqual(["↑", "↓", "→", "NA"]);
    expect(formatTrend("IMP", "words")).toBe("IMP");
  });
  test("trend cells read back whichever display they use", () => {
    expect(["Imp", "det", "Static", "↑", "↓", "→", "NA", "up"].map(parseTrend)).toEqual([
      "IMP",
      "DET",
      "STATIC",
      "IMP",
      "DET",
      "STATIC",
      "NA",
      null,
    ]);
  });
});
