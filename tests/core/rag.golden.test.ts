import { rate, rag, relativeGap, parseTarget } from "../../src/core";
import type { Status } from "../../src/core";

/** [value, target, aim, band, floor, status, reason] — every example of SPEC §3, then the rules real scorecards need. */
const GOLDEN: [unknown, unknown, string, unknown, unknown, Status, string][] = [
  // SPEC §3 examples, band 5%
  [96, 100, "Max", undefined, undefined, "Amber", "Amber: 4% below target 100 (Maximise, amber band 5%)"],
  [95, 100, "Max", undefined, undefined, "Red", "Red: 5% below target 100 (Maximise, amber band 5%)"],
  [10.4, 10, "Min", undefined, undefined, "Amber", "Amber: 4% above target 10 (Minimise, amber band 5%)"],
  [10.6, 10, "Min", undefined, undefined, "Red", "Red: 6% above target 10 (Minimise, amber band 5%)"],
  [28, 30, "Max", undefined, undefined, "Red", "Red: 6.7% below target 30 (Maximise, amber band 5%)"],
  [100, 100, "Maximise", undefined, undefined, "Green", "Green: met target 100 (Maximise)"],
  [31, 30, "Maximise", undefined, undefined, "Green", "Green: 3.3% better than target 30 (Maximise)"],
  [9, 10, "Minimise", undefined, undefined, "Green", "Green: 10% better than target 10 (Minimise)"],
  // Floor: Max target 80 floor 70; Min target 5.4 floor 6.0
  [75, 80, "Maximise", undefined, 70, "Amber", "Amber: below target 80 but not worse than floor 70 (Maximise)"],
  [69, 80, "Maximise", undefined, 70, "Red", "Red: worse than floor 70 (target 80, Maximise)"],
  [70, 80, "Maximise", undefined, 70, "Amber", "Amber: below target 80 but not worse than floor 70 (Maximise)"],
  [5.8, 5.4, "Minimise", undefined, 6.0, "Amber", "Amber: above target 5.4 but not worse than floor 6 (Minimise)"],
  [6.1, 5.4, "Minimise", undefined, 6.0, "Red", "Red: worse than floor 6 (target 5.4, Minimise)"],
  [50, 80, "Maximise", undefined, 40, "Amber", "Amber: below target 80 but not worse than floor 40 (Maximise)"],
  // No amber
  [99, 100, "Maximise", 0, undefined, "Red", "Red: 1% below target 100 (Maximise, amber off)"],
  [99, 100, "Maximise", "off", undefined, "Red", "Red: 1% below target 100 (Maximise, amber off)"],
  [75, 80, "Maximise", 0, 70, "Red", "Red: 6.3% below target 80 (Maximise, amber off)"],
  // Other bands
  [91, 100, "Maximise", "10%", undefined, "Amber", "Amber: 9% below target 100 (Maximise, amber band 10%)"],
  [90, 100, "Maximise", 10, undefined, "Red", "Red: 10% below target 100 (Maximise, amber band 10%)"],
  // Zero target
  [0, 0, "Maximise", undefined, undefined, "Green", "Green: met target 0 (Maximise)"],
  [1, 0, "Maximise", undefined, undefined, "Green", "Green: better than target 0 (Maximise)"],
  [
    -1,
    0,
    "Maximise",
    undefined,
    undefined,
    "Red",
    "Red: below target 0 (Maximise; a zero target has no relative gap, so no amber)",
  ],
  [0, 0, "Minimise", undefined, undefined, "Green", "Green: met target 0 (Minimise)"],
  [
    2,
    0,
    "Minimise",
    undefined,
    undefined,
    "Red",
    "Red: above target 0 (Minimise; a zero target has no relative gap, so no amber)",
  ],
  // Goldilocks [60,70]
  [
    72,
    "Between 60 and 70",
    "Goldilocks",
    undefined,
    undefined,
    "Amber",
    "Amber: 2.9% above range 60–70 (Goldilocks, amber band 5%)",
  ],
  [74, "60-70", "Goldilocks", undefined, undefined, "Red", "Red: 5.7% above range 60–70 (Goldilocks, amber band 5%)"],
  [
    57.5,
    "60 to 70",
    "Goldilocks",
    undefined,
    undefined,
    "Amber",
    "Amber: 4.2% below range 60–70 (Goldilocks, amber band 5%)",
  ],
  [60, "60-70", "Goldilocks", undefined, undefined, "Green", "Green: within range 60–70 (Goldilocks)"],
  [70, "60-70", "Goldilocks", undefined, undefined, "Green", "Green: within range 60–70 (Goldilocks)"],
  [65, "60–70", "Target range", undefined, undefined, "Green", "Green: within range 60–70 (Goldilocks)"],
  [71, "60-70", "Goldilocks", 0, undefined, "Red", "Red: 1.4% above range 60–70 (Goldilocks, amber off)"],
  [0.62, "60%-70%", "Goldilocks", undefined, undefined, "Green", "Green: within range 0.6–0.7 (Goldilocks)"],
  // Percentages as text and as fractions
  ["22.4%", 0.224, "Minimise", undefined, undefined, "Green", "Green: met target 0.224 (Minimise)"],
  ["24%", "21.5%", "Minimise", undefined, undefined, "Red", "Red: 11.6% above target 0.215 (Minimise, amber band 5%)"],
  // Float noise never flips a status
  [0.1 + 0.2, 0.3, "Maximise", undefined, undefined, "Green", "Green: met target 0.3 (Maximise)"],
  [0.3, 0.1 + 0.2, "Maximise", undefined, undefined, "Green", "Green: met target 0.3 (Maximise)"],
  [0.57, 0.6, "Maximise", undefined, undefined, "Red", "Red: 5% below target 0.6 (Maximise, amber band 5%)"],
  [1.05 * 3, 3, "Minimise", undefined, undefined, "Red", "Red: 5% above target 3 (Minimise, amber band 5%)"],
  // Not available and bad input: NA with the reason
  ["NA", 50, "Maximise", undefined, undefined, "NA", 'NA: value "NA" is not available'],
  ["redacted", 50, "Maximise", undefined, undefined, "NA", 'NA: value "redacted" is not available'],
  [null, 50, "Maximise", undefined, undefined, "NA", "NA: no value"],
  [{ error: "#DIV/0!" }, 50, "Maximise", undefined, undefined, "NA", "NA: value is the error #DIV/0!"],
  ["lots", 50, "Maximise", undefined, undefined, "NA", 'NA: value "lots" is not a number'],
  [50, null, "Maximise", undefined, undefined, "NA", "NA: no target"],
  [50, "tbc", "Maximise", undefined, undefined, "NA", "NA: no target"],
  [
    50,
    "soon",
    "Maximise",
    undefined,
    undefined,
    "NA",
    'NA: target "soon" is not a number, a range such as 60-70 or a comparison such as ≥ 95%',
  ],
  [50, 60, "Sideways", undefined, undefined, "NA", 'NA: unknown aim "Sideways"'],
  [50, 60, "", undefined, undefined, "NA", "NA: no aim given"],
  [50, 60, "TBC", undefined, undefined, "NA", "NA: no aim given"],
  [
    50,
    "60-70",
    "Maximise",
    undefined,
    undefined,
    "NA",
    "NA: target 60–70 is a range but aim is Maximise (use Goldilocks)",
  ],
  [75, 80, "Maximise", undefined, 90, "NA", "NA: floor 90 is above target 80 (Maximise)"],
  [75, 80, "Maximise", "huge", undefined, "NA", 'NA: amber band "huge" is not a percentage between 0% and 100%'],
];

describe("RAG golden table (SPEC §3)", () => {
  test.each(GOLDEN)("%p vs %p, %s, band %p, floor %p -> %s", (value, target, aim, band, floor, status, reason) => {
    const result = rate({
      value: value as never,
      target: target as never,
      aim,
      band: band as never,
      floor: floor as never,
    });
    expect(result.status).toBe(status);
    expect(result.reason).toBe(reason);
  });

  test("a Goldilocks range can come from two cells", () => {
    expect(rate({ value: 72, target: 60, targetUpper: 70, aim: "Goldilocks" }).status).toBe("Amber");
    expect(rate({ value: 72, target: 70, targetUpper: 60, aim: "Goldilocks" }).status).toBe("Amber");
    expect(rate({ value: 65, target: 60, targetUpper: "x", aim: "Goldilocks" }).reason).toBe(
      'NA: target range 60 to "x" needs two numbers',
    );
  });

  test("the gap is returned rounded to 10 significant digits", () => {
    expect(
      rag({ value: 28, target: { kind: "single", value: 30 }, aim: "Maximise", band: 0.05, floor: null }).gap,
    ).toBe(0.06666666667);
  });
});

describe("relativeGap (KPI.GAP)", () => {
  const target = (raw: string | number) => {
    const parsed = parseTarget(raw);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.value;
  };
  test.each([
    [96, 100, "Maximise", -0.04],
    [104, 100, "Maximise", 0.04],
    [10.4, 10, "Minimise", -0.04],
    [9, 10, "Minimise", 0.1],
    [65, "60-70", "Goldilocks", 0],
    [72, "60-70", "Goldilocks", -0.02857142857],
    [57, "60-70", "Goldilocks", -0.05],
    [5, 0, "Maximise", null],
    // A range needs Goldilocks, as for the status (NA): 72 is above 60-70, better for Maximise, not 2.9% short.
    [72, "60-70", "Maximise", null],
    [57, "60-70", "Minimise", null],
  ] as const)("%p vs %p (%s) -> %p", (value, raw, aim, expected) => {
    expect(relativeGap(value, target(raw), aim)).toBe(expected);
  });
});
