import fc from "fast-check";
import {
  parseAim,
  parsePeriod,
  parseTarget,
  parseValue,
  rag,
  rate,
  trend,
  longTrend,
  count,
  percentHalfUp,
  compare10,
} from "../../src/core";
import type { Aim, Status, Target } from "../../src/core";

const RANK: Record<Status, number> = { Red: 0, Amber: 1, Green: 2, NA: -1 };
const figure = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const positive = fc.double({ min: 0.001, max: 1e6, noNaN: true, noDefaultInfinity: true });
const band = fc.constantFrom(0, 0.05, 0.1, 0.2);
const status = (value: number, target: Target, aim: Aim, b: number, floor: number | null = null) =>
  rag({ value, target, aim, band: b, floor }).status;

describe("RAG invariants", () => {
  test("Maximise: a better value never gets a worse status", () => {
    fc.assert(
      fc.property(figure, figure, positive, band, (a, b, t, bd) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const target: Target = { kind: "single", value: t };
        expect(RANK[status(hi, target, "Maximise", bd)]).toBeGreaterThanOrEqual(
          RANK[status(lo, target, "Maximise", bd)],
        );
      }),
    );
  });

  test("Minimise mirrors Maximise", () => {
    fc.assert(
      fc.property(figure, figure, band, (v, t, bd) => {
        expect(status(-v, { kind: "single", value: -t }, "Minimise", bd)).toBe(
          status(v, { kind: "single", value: t }, "Maximise", bd),
        );
      }),
    );
  });

  test("inside a Goldilocks range is always Green", () => {
    fc.assert(
      fc.property(figure, figure, fc.double({ min: 0, max: 1, noNaN: true }), band, (a, b, f, bd) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const inside = Math.min(hi, Math.max(lo, lo + (hi - lo) * f));
        expect(status(inside, { kind: "range", lo, hi }, "Goldilocks", bd)).toBe("Green");
      }),
    );
  });

  test("amber off: never Amber", () => {
    fc.assert(
      fc.property(figure, figure, fc.constantFrom<Aim>("Maximise", "Minimise", "Goldilocks"), (v, t, aim) => {
        expect(status(v, { kind: "single", value: t }, aim, 0)).not.toBe("Amber");
      }),
    );
  });

  test("a floor on the right side of the target: Amber exactly between target and floor", () => {
    fc.assert(
      fc.property(positive, positive, figure, (t, depth, v) => {
        const floor = t - depth;
        const s = status(v, { kind: "single", value: t }, "Maximise", 0.05, floor);
        // Figures equal to 10 significant digits are equal (SPEC §3, float noise).
        if (compare10(v, t) >= 0) expect(s).toBe("Green");
        else if (compare10(v, floor) >= 0) expect(s).toBe("Amber");
        else expect(s).toBe("Red");
      }),
    );
  });

  test("every status carries a reason that starts with it", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (value, target, aim) => {
        const result = rate({ value: value as never, target: target as never, aim: aim as never });
        expect(result.reason.startsWith(`${result.status}: `)).toBe(true);
        expect(result.reason).not.toContain("\n");
      }),
    );
  });
});

describe("trend invariants", () => {
  const aim = fc.constantFrom<Aim>("Maximise", "Minimise", "Goldilocks");
  const target: Target = { kind: "range", lo: 40, hi: 60 };
  const opposite = { IMP: "DET", DET: "IMP", STATIC: "STATIC", NA: "NA" } as const;

  test("trend(a, b) is the opposite of trend(b, a)", () => {
    fc.assert(
      fc.property(figure, figure, aim, (a, b, x) => {
        expect(trend(a, b, x, target)).toBe(opposite[trend(b, a, x, target)]);
      }),
    );
  });

  test("Minimise mirrors Maximise", () => {
    fc.assert(
      fc.property(figure, figure, (a, b) => {
        expect(trend(a, b, "Minimise")).toBe(opposite[trend(a, b, "Maximise")]);
      }),
    );
  });

  test("a long trend over one previous value is the short trend", () => {
    fc.assert(
      fc.property(figure, figure, aim, (a, b, x) => {
        expect(longTrend(a, [b, null], x, target)).toBe(trend(a, b, x, target));
      }),
    );
  });
});

describe("parsers never throw, whatever a cell holds", () => {
  const cell = fc.oneof(
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.record({ error: fc.string() }),
    fc.stringMatching(/^(Q[1-5] )?\d{2,4}[/-]\d{2,4}$/),
    fc.stringMatching(/^-?\d{1,4}(\.\d+)?%?( ?(-|to|and) ?-?\d{1,4}%?)?$/),
  );
  test("value, aim, target, period", () => {
    fc.assert(
      fc.property(cell, cell, (a, b) => {
        for (const parsed of [parseValue(a), parseAim(a), parseTarget(a), parseTarget(a, b), parsePeriod(a)]) {
          expect(typeof parsed.ok).toBe("boolean");
          if (!parsed.ok) expect(parsed.reason.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe("summary invariants", () => {
  const outcome = fc.record({
    sheet: fc.constant("S"),
    group: fc.constantFrom("G1", "G2", null),
    code: fc.string({ minLength: 1, maxLength: 4 }),
    name: fc.string(),
    status: fc.constantFrom<Status>("Green", "Amber", "Red", "NA"),
    shortTrend: fc.constantFrom("IMP", "DET", "STATIC", "NA" as const),
    longTrend: fc.constantFrom("IMP", "DET", "STATIC", "NA" as const),
  });
  test("counts add up and percentages stay within 0–100", () => {
    fc.assert(
      fc.property(fc.array(outcome), (measures) => {
        const c = count(measures);
        expect(c.green + c.amber + c.red + c.na).toBe(c.total);
        expect(c.reporting).toBe(c.total - c.na);
        expect(c.improvedLong).toBeLessThanOrEqual(c.reporting);
        const pct = percentHalfUp(c.improvedLong, c.reporting);
        expect(pct).toBeGreaterThanOrEqual(0);
        expect(pct).toBeLessThanOrEqual(100);
      }),
    );
  });
});
