// The KPI.* functions as Excel calls them: every argument a 2-D range (a single cell is 1×1), results spilled.
// Expected values are SPEC.md's examples, not whatever the code happens to return.
import { evaluateKpi, isInvalid, KPI_NAMES, resultShape } from "../src/functions/kpi";
import type { KpiArg, KpiName, KpiResult } from "../src/functions/kpi";

const cell = (v: unknown): unknown[][] => [[v]];
const column = (...vs: unknown[]): unknown[][] => vs.map((v) => [v]);

/** One call with single cells: its one result. */
function one(name: KpiName, ...args: unknown[]): unknown {
  const result = evaluateKpi(
    name,
    args.map((a) => (a === undefined ? undefined : cell(a))),
  );
  if (isInvalid(result)) return result;
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return result[0][0];
}

const call = (name: KpiName, ...args: KpiArg[]): KpiResult => evaluateKpi(name, args);

describe("KPI.RAG on single cells (SPEC §3 examples, band 5%)", () => {
  test.each([
    [96, 100, "Maximise", "Amber"],
    [95, 100, "Maximise", "Red"], // exactly 5%: Red
    [100, 100, "Max", "Green"],
    [120, 100, "Higher is better", "Green"],
    [10.4, 10, "Minimise", "Amber"],
    [10.6, 10, "Lower is better", "Red"],
    [28, 30, "Maximise", "Red"], // relative, not percentage points
    ["22.4%", "22%", "Max", "Green"],
  ])("%p against %p, %p -> %p", (value, target, aim, status) => {
    expect(one("RAG", value, target, aim)).toBe(status);
  });

  test("floor replaces the band: Max target 80 floor 70, Min target 5.4 floor 6.0", () => {
    expect(one("RAG", 75, 80, "Max", undefined, 70)).toBe("Amber");
    expect(one("RAG", 69, 80, "Max", undefined, 70)).toBe("Red");
    expect(one("RAG", 5.8, 5.4, "Min", undefined, 6.0)).toBe("Amber");
    expect(one("RAG", 6.1, 5.4, "Min", undefined, 6.0)).toBe("Red");
  });

  test('amber off (band 0 or "off") makes anything short of target Red; a wider band widens Amber', () => {
    expect(one("RAG", 99, 100, "Max", 0)).toBe("Red");
    expect(one("RAG", 99, 100, "Max", "off")).toBe("Red");
    expect(one("RAG", 92, 100, "Max", "10%")).toBe("Amber");
    expect(one("RAG", 92, 100, "Max", "")).toBe("Red"); // blank band: the default 5%
  });

  test("zero target: Max value >= 0 Green else Red", () => {
    expect(one("RAG", 0, 0, "Max")).toBe("Green");
    expect(one("RAG", -1, 0, "Max")).toBe("Red");
    expect(one("RAG", 1, 0, "Min")).toBe("Red");
  });

  test("Goldilocks [60,70]: text range, or two cells side by side (lower, upper)", () => {
    expect(one("RAG", 72, "Between 60 and 70", "Goldilocks")).toBe("Amber");
    expect(one("RAG", 74, "60-70", "Goldilocks")).toBe("Red");
    expect(one("RAG", 57.5, "60 to 70", "Goldilocks")).toBe("Amber");
    expect(call("RAG", cell(65), [[60, 70]], cell("Goldilocks"))).toEqual([["Green"]]);
    expect(call("RAG", cell(72), [[60, 70]], cell("Range"))).toEqual([["Amber"]]);
    expect(call("RAG", cell(60), [[70, 60]], cell("Between"))).toEqual([["Green"]]); // bounds in either order
  });

  test("blank, NA words and error values give NA, never an error", () => {
    for (const value of [null, "", "  ", "NA", "n/a", "-", "redacted", "tbc", { error: "#N/A" }, "abc"]) {
      expect([value, one("RAG", value, 100, "Max")]).toEqual([value, "NA"]);
    }
    expect(one("RAG", 96, "", "Max")).toBe("NA");
    expect(one("RAG", 96, 100, "")).toBe("NA"); // no aim given: nothing to rate against
    expect(one("RAG", 96, 100, "TBC")).toBe("NA"); // "to be confirmed" is no aim yet, not a malformed one
  });

  test("an unknown aim, a malformed target, band or floor is invalid (#VALUE!) with a message naming it", () => {
    expect(one("RAG", 96, 100, "Sideways")).toEqual({ invalid: 'unknown aim "Sideways"' });
    expect(one("RAG", 96, "lots", "Max")).toEqual({ invalid: expect.stringMatching(/^target "lots" is not a number/) });
    expect(one("RAG", 96, 100, "Max", "plenty")).toEqual({ invalid: expect.stringMatching(/amber band "plenty"/) });
    expect(one("RAG", 96, 100, "Max", undefined, "low")).toEqual({ invalid: 'floor "low" is not a number' });
    expect(call("RAG", cell(65), [[60, "x"]], cell("Goldilocks"))).toEqual([
      [{ invalid: expect.stringMatching(/target range 60 to "x" needs two numbers/) }],
    ]);
  });
});

describe("ranges: one result per row, single cells broadcast", () => {
  test("a column of values with one target and one aim spills a column", () => {
    expect(call("RAG", column(96, 95, 101, "NA"), cell(100), cell("Max"))).toEqual([
      ["Amber"],
      ["Red"],
      ["Green"],
      ["NA"],
    ]);
  });

  test("columns of values, targets and aims are read row by row", () => {
    const result = call("RAG", column(96, 10.6, 65), column(100, 10, "60-70"), column("Max", "Min", "Goldilocks"));
    expect(result).toEqual([["Amber"], ["Red"], ["Green"]]);
  });

  test("a two-column target range gives each row its own Goldilocks range", () => {
    const result = call(
      "RAG",
      column(65, 72, 74),
      [
        [60, 70],
        [60, 70],
        [80, 90],
      ],
      cell("Goldilocks"),
    );
    expect(result).toEqual([["Green"], ["Amber"], ["Red"]]);
  });

  test("a bad row is #VALUE! in its own cell; the other rows still compute", () => {
    const result = call("RAG", column(96, 96, 96), cell(100), column("Max", "Sideways", "Min"));
    expect(result).toEqual([["Amber"], [{ invalid: 'unknown aim "Sideways"' }], ["Green"]]);
  });

  test("a row of values (wide layout) rated against one target spills a row", () => {
    expect(call("RAG", [[90, 96, 100]], cell(100), cell("Max"))).toEqual([["Red", "Amber", "Green"]]);
    expect(call("TREND", [[2, 3, 3]], [[1, 4, 3]], cell("Max"))).toEqual([["IMP", "DET", "STATIC"]]);
  });

  test("ranges that do not line up make the whole call invalid, saying which argument", () => {
    expect(call("RAG", column(1, 2, 3), column(1, 2), cell("Max"))).toEqual({
      invalid: "target has 2 rows but 3 are needed (or a single cell)",
    });
    expect(call("RAG", column(1, 2), [[1, 2, 3]], cell("Max"))).toEqual({
      invalid: "target has 3 columns: give one, or two (lower, upper) for a Goldilocks range",
    });
    expect(call("RAG", [[1, 2, 3]], cell(1), [["Max", "Min"]])).toEqual({
      invalid: "aim has 2 columns but value has 3",
    });
    expect(call("GAP", cell(1), cell(1), cell("Max"), cell(1))).toEqual({
      invalid: "KPI.GAP takes at most 3 arguments",
    });
  });

  const size = (rows: number, cols: number) => ({ rows, cols });
  test.each<[KpiName, ReturnType<typeof size>[], ReturnType<typeof resultShape>]>([
    ["RAG", [size(1, 1), size(5, 2), size(1, 1)], { rows: 5, cols: 1, historyWhole: false }],
    ["LONGTREND", [size(1, 1), size(4, 1), size(1, 1)], { rows: 1, cols: 1, historyWhole: true }],
  ])("result shape of KPI.%s: tallest argument's rows, first argument's columns", (name, sizes, shape) => {
    expect(resultShape(name, sizes)).toEqual(shape);
  });
});

describe("KPI.TREND and KPI.LONGTREND (SPEC §4)", () => {
  test.each([
    [101, 100, "Max", "IMP"],
    [99, 100, "Max", "DET"],
    [99, 100, "Min", "IMP"],
    [0.1 + 0.2, 0.3, "Max", "STATIC"], // float noise is not a change
    ["NA", 100, "Max", "NA"],
    [100, "", "Max", "NA"],
  ])("TREND(%p, %p, %p) -> %p", (current, previous, aim, expected) => {
    expect(one("TREND", current, previous, aim)).toBe(expected);
  });

  test("Goldilocks: closer to the mid-point improves; needs the target", () => {
    expect(one("TREND", 66, 72, "Goldilocks", "60-70")).toBe("IMP");
    expect(one("TREND", 62, 66, "Goldilocks", "60-70")).toBe("DET");
    expect(call("TREND", cell(64), cell(66), cell("Goldilocks"), [[60, 70]])).toEqual([["STATIC"]]);
    expect(one("TREND", 66, 72, "Goldilocks")).toBe("NA");
  });

  test("LONGTREND with one current cell reads the whole history range (a long layout's column)", () => {
    expect(call("LONGTREND", cell(80), column(70, 75, 90, "NA"), cell("Max"))).toEqual([["IMP"]]); // mean 78.3
    expect(call("LONGTREND", cell(78), [[70, 75, 90]], cell("Max"))).toEqual([["DET"]]);
    expect(call("LONGTREND", cell(80), column("NA", ""), cell("Max"))).toEqual([["NA"]]); // no previous numbers
  });

  test("LONGTREND with a column of current values reads one history row per measure", () => {
    const history = [
      [70, 72, 74, 76], // mean 73
      [10, 12, null, "n/a"], // mean 11
      [5, 5, 5, 5],
    ];
    const result = call("LONGTREND", column(80, 12, 5), history, column("Max", "Min", "Max"));
    expect(result).toEqual([["IMP"], ["DET"], ["STATIC"]]);
  });
});

describe("KPI.GAP and KPI.REASON", () => {
  test("GAP is signed: positive = better than target, 0 inside a Goldilocks range", () => {
    expect(one("GAP", 96, 100, "Max")).toBeCloseTo(-0.04, 12);
    expect(one("GAP", 110, 100, "Max")).toBeCloseTo(0.1, 12);
    expect(one("GAP", 10.4, 10, "Min")).toBeCloseTo(-0.04, 12);
    expect(one("GAP", 65, "60-70", "Goldilocks")).toBe(0);
    expect(one("GAP", 5, 0, "Max")).toBe("NA"); // no relative gap to a zero target
    expect(one("GAP", "redacted", 100, "Max")).toBe("NA");
  });

  test("REASON gives the status and why, in one line", () => {
    expect(one("REASON", 28, 30, "Maximise")).toBe("Red: 6.7% below target 30 (Maximise, amber band 5%)");
    expect(one("REASON", 72, "60-70", "Goldilocks")).toMatch(/^Amber: 2\.9% above range 60.70 \(Goldilocks/);
    expect(one("REASON", "abc", 30, "Max")).toBe('NA: value "abc" is not a number');
    expect(one("REASON", 28, 30, "")).toBe("NA: no aim given");
    expect(one("REASON", 28, 30, "Sideways")).toEqual({ invalid: 'unknown aim "Sideways"' });
  });

  test("every function is described", () => {
    expect(KPI_NAMES).toEqual(["RAG", "REASON", "GAP", "TREND", "LONGTREND"]);
  });
});
