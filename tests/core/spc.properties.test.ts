/**
 * The optimised SPC rules (one pass per rule, bit marks) against a plain reference written straight from SPEC §7's
 * words: every window of 7 for trends and shifts, every window of 3 for two-of-three, every point for the limits.
 * Series come from small integer steps (ties, runs and points on the mean are common) and from doubles.
 */
import fc from "fast-check";
import { analyseSpc, spc, spcMarks, SpcSeries } from "../../src/core/spc";
import type { SpcRule, SpcSide, Variation } from "../../src/core/spc";
import type { Aim, Target } from "../../src/core";

/** Rounded to 10 significant digits, as SPEC §7 compares. */
const r10 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(10)));
const cmp = (a: number, b: number) => Math.sign(r10(a) - r10(b));

interface Reference {
  readonly marks: Set<string>;
  readonly lpl: number;
  readonly upl: number;
}

function reference(xs: readonly number[]): Reference {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  let ranges = 0;
  for (let i = 1; i < n; i++) ranges += Math.abs(xs[i] - xs[i - 1]);
  const sigma3 = 2.66 * (ranges / (n - 1));
  const [lpl, upl, low2, high2] = [mean - sigma3, mean + sigma3, mean - (2 / 3) * sigma3, mean + (2 / 3) * sigma3];
  const marks = new Set<string>();
  const mark = (i: number, rule: SpcRule, side: SpcSide) => marks.add(`${i} ${rule} ${side}`);
  const window = (from: number, length: number) => Array.from({ length }, (_, k) => from + k);

  xs.forEach((x, i) => {
    if (cmp(x, upl) > 0) mark(i, "astronomical", "High");
    if (cmp(x, lpl) < 0) mark(i, "astronomical", "Low");
  });
  for (let s = 0; s + 7 <= n; s++) {
    const w = window(s, 7);
    const steps = w.slice(1).map((i) => cmp(xs[i], xs[i - 1]));
    if (steps.every((d) => d > 0)) w.forEach((i) => mark(i, "trend", "High"));
    if (steps.every((d) => d < 0)) w.forEach((i) => mark(i, "trend", "Low"));
    if (w.every((i) => cmp(xs[i], mean) > 0)) w.forEach((i) => mark(i, "shift", "High"));
    if (w.every((i) => cmp(xs[i], mean) < 0)) w.forEach((i) => mark(i, "shift", "Low"));
  }
  for (let s = 0; s + 3 <= n; s++) {
    const w = window(s, 3);
    const high = w.filter((i) => cmp(xs[i], high2) > 0);
    const low = w.filter((i) => cmp(xs[i], low2) < 0);
    if (w.every((i) => cmp(xs[i], mean) > 0) && high.length >= 2) high.forEach((i) => mark(i, "twoOfThree", "High"));
    if (w.every((i) => cmp(xs[i], mean) < 0) && low.length >= 2) low.forEach((i) => mark(i, "twoOfThree", "Low"));
  }
  return { marks, lpl, upl };
}

function referenceVariation(xs: readonly number[], aim: Aim): Variation {
  const { marks } = reference(xs);
  const last = xs.length - 1;
  for (const rule of ["astronomical", "trend", "twoOfThree", "shift"] as const) {
    for (const side of ["High", "Low"] as const) {
      if (!marks.has(`${last} ${rule} ${side}`)) continue;
      if (aim === "Goldilocks") return side === "High" ? "Neutral (high)" : "Neutral (low)";
      const better = (side === "High") === (aim === "Maximise");
      return `${better ? "Improvement" : "Concern"} (${side === "High" ? "high" : "low"})`;
    }
  }
  return "Common cause";
}

function referenceAssurance(xs: readonly number[], aim: Aim, target: Target): string {
  const { lpl, upl } = reference(xs);
  if (aim === "Goldilocks") {
    const [lo, hi] = target.kind === "range" ? [target.lo, target.hi] : [target.value, target.value];
    if (cmp(lo, lpl) <= 0 && cmp(upl, hi) <= 0) return "Pass";
    if (cmp(hi, lpl) < 0 || cmp(lo, upl) > 0) return "Fail";
    return "Hit and miss";
  }
  if (target.kind === "range") return "NA";
  const t = target.value;
  if (aim === "Maximise") return cmp(t, lpl) < 0 ? "Pass" : cmp(t, upl) > 0 ? "Fail" : "Hit and miss";
  return cmp(t, upl) > 0 ? "Pass" : cmp(t, lpl) < 0 ? "Fail" : "Hit and miss";
}

/** A random walk of small integer steps (0 is common: ties), scaled and shifted so rounding matters sometimes. */
const walk = fc
  .tuple(
    fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 12, maxLength: 60 }),
    fc.constantFrom(1, 0.1, 0.01, 7.3),
    fc.integer({ min: -50, max: 50 }),
  )
  .map(([steps, scale, start]) => {
    let x = start;
    return steps.map((d) => {
      x += d;
      return x * scale;
    });
  });
/** Values from a small set: many points exactly on the mean, flat stretches, runs broken by ties. */
const levels = fc.array(fc.constantFrom(1, 2, 3, 4, 5, 9), { minLength: 12, maxLength: 40 });
const doubles = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), {
  minLength: 12,
  maxLength: 40,
});
const series = fc.oneof(walk, levels, doubles);
const aim = fc.constantFrom<Aim>("Maximise", "Minimise", "Goldilocks");
const target = fc.oneof(
  fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((value): Target => ({ kind: "single", value })),
  fc
    .tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }))
    .map(([lo, width]): Target => ({ kind: "range", lo, hi: lo + width })),
);

describe("optimised SPC = the plain reference", () => {
  test("the same points are marked, by the same rules, on the same sides", () => {
    fc.assert(
      fc.property(series, (xs) => {
        const analysis = analyseSpc(xs);
        expect(analysis).not.toBeNull();
        // Compared as one string: a cheap failure message keeps fast-check's shrinking quick.
        const fast = spcMarks(analysis!).map((m) => `${m.index} ${m.rule} ${m.side}`);
        expect(fast.sort().join(", ")).toBe([...reference(xs).marks].sort().join(", "));
      }),
      { numRuns: 2000 },
    );
  });

  test("the same variation and assurance", () => {
    fc.assert(
      fc.property(series, aim, target, (xs, a, t) => {
        const result = spc(xs, a, t);
        expect(result.variation).toBe(referenceVariation(xs, a));
        expect(result.assurance).toBe(referenceAssurance(xs, a, t));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("SpcSeries (a long table's per-row SPC) = spc of the series up to each row", () => {
  // Rows of a long table: each with its own figure (null = NA, a gap), aim and target, as long.ts feeds them.
  const row = fc.record({ aim: fc.option(aim, { freq: 8 }), target: fc.option(target, { freq: 8 }) });
  const rows = fc.tuple(series, fc.array(fc.nat(), { maxLength: 8 })).chain(([xs, holes]) => {
    const figures: (number | null)[] = [...xs];
    for (const h of holes) figures.splice(h % (figures.length + 1), 0, h % 3 === 0 ? Number.NaN : null);
    return fc.tuple(fc.constant(figures), fc.array(row, { minLength: figures.length, maxLength: figures.length }));
  });

  test("after every row, the same variation and assurance as analysing that prefix afresh", () => {
    fc.assert(
      fc.property(rows, ([figures, meta]) => {
        const running = new SpcSeries();
        const got: string[] = [];
        const want: string[] = [];
        figures.forEach((x, i) => {
          running.add(x);
          const { aim: a, target: t } = meta[i];
          const words = running.words(a, t);
          const afresh = spc(figures.slice(0, i + 1), a, t);
          got.push(`${i} ${words.variation} ${words.assurance}`);
          want.push(`${i} ${afresh.variation} ${afresh.assurance}`);
        });
        // Compared as one string: a cheap failure message keeps fast-check's shrinking quick.
        expect(got.join("; ")).toBe(want.join("; "));
      }),
      { numRuns: 1500 },
    );
  });

  test("every aim on every prefix: the latest point's side and rule agree with the full analysis", () => {
    fc.assert(
      fc.property(series, (xs) => {
        const running = new SpcSeries();
        xs.forEach((x, i) => {
          running.add(x);
          for (const a of ["Maximise", "Minimise", "Goldilocks"] as const) {
            expect([i, a, running.words(a, null).variation]).toEqual([
              i,
              a,
              spc(xs.slice(0, i + 1), a, null).variation,
            ]);
          }
        });
      }),
      { numRuns: 500 },
    );
  });
});

describe("invariants", () => {
  test("mirroring a series (x → −x) swaps High and Low and keeps every mark's rule and point", () => {
    fc.assert(
      fc.property(series, (xs) => {
        const flip = (side: SpcSide) => (side === "High" ? "Low" : "High");
        const marks = spcMarks(analyseSpc(xs)!).map((m) => `${m.index} ${m.rule} ${flip(m.side)}`);
        const mirrored = spcMarks(analyseSpc(xs.map((x) => -x))!).map((m) => `${m.index} ${m.rule} ${m.side}`);
        expect(mirrored.sort().join(", ")).toBe(marks.sort().join(", "));
      }),
      { numRuns: 500 },
    );
  });

  test("Maximise and Minimise read the same special cause in opposite ways; Goldilocks is neutral on that side", () => {
    fc.assert(
      fc.property(series, (xs) => {
        const max = spc(xs, "Maximise", null).variation;
        const min = spc(xs, "Minimise", null).variation;
        const gold = spc(xs, "Goldilocks", null).variation;
        const swap: Record<string, string> = {
          "Common cause": "Common cause",
          "Improvement (high)": "Concern (high)",
          "Improvement (low)": "Concern (low)",
          "Concern (high)": "Improvement (high)",
          "Concern (low)": "Improvement (low)",
        };
        expect(min).toBe(swap[max]);
        expect(gold).toBe(max.replace(/Improvement|Concern/, "Neutral"));
      }),
      { numRuns: 500 },
    );
  });

  test("gaps do not matter: nulls anywhere give the result of the numbers alone", () => {
    fc.assert(
      fc.property(series, fc.array(fc.nat(), { maxLength: 6 }), aim, target, (xs, holes, a, t) => {
        const gappy: (number | null)[] = [...xs];
        for (const h of holes) gappy.splice(h % (gappy.length + 1), 0, null);
        const plain = spc(xs, a, t);
        const withGaps = spc(gappy, a, t);
        expect([withGaps.variationReason, withGaps.assuranceReason]).toEqual([
          plain.variationReason,
          plain.assuranceReason,
        ]);
      }),
      { numRuns: 300 },
    );
  });

  test("fewer than 12 numbers are always NA with the count in the reason", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 11 }), aim, (xs, a) => {
        const result = spc(xs, a, { kind: "single", value: 0 });
        expect([result.variation, result.assurance, result.variationReason]).toEqual([
          "NA",
          "NA",
          `NA: fewer than 12 points (${xs.length})`,
        ]);
      }),
    );
  });
});
