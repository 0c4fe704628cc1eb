import fc from "fast-check";
import { rag } from "../../src/core";
import type { Aim, Target } from "../../src/core";

/** The gap and band a reason prints, e.g. "Amber: 4.97% above target 0.175 (Minimise, amber band 5%)". */
function printed(reason: string): { gap: number; band: number } | null {
  const m = /^\w+: ([\d.]+)% (?:above|below) (?:target|range) .*amber band ([\d.]+)%\)$/.exec(reason);
  return m ? { gap: Number(m[1]), band: Number(m[2]) } : null;
}

describe("a reason's printed gap agrees with its status (new-user finding F15)", () => {
  test("PH16 in the sample: 4.97% above a 5% band is Amber and says so", () => {
    const r = rag({
      value: 0.1837,
      target: { kind: "single", value: 0.175 },
      aim: "Minimise",
      band: 0.05,
      floor: null,
    });
    expect(r.status).toBe("Amber");
    expect(r.reason).toBe("Amber: 4.97% above target 0.175 (Minimise, amber band 5%)");
  });

  test("one decimal stays the rule when rounding does not reach the band", () => {
    expect(
      rag({ value: 28, target: { kind: "single", value: 30 }, aim: "Maximise", band: 0.05, floor: null }).reason,
    ).toBe("Red: 6.7% below target 30 (Maximise, amber band 5%)");
    expect(
      rag({ value: 97, target: { kind: "single", value: 100 }, aim: "Maximise", band: 0.05, floor: null }).reason,
    ).toBe("Amber: 3% below target 100 (Maximise, amber band 5%)");
  });

  test("an Amber's printed gap is below its printed band, a Red's at or above it", () => {
    const target = fc.oneof(
      fc.double({ min: 0.01, max: 1e4, noNaN: true }).map((value): Target => ({ kind: "single", value })),
      fc
        .tuple(fc.double({ min: 0.01, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }))
        .map(([lo, width]): Target => ({ kind: "range", lo, hi: lo + width })),
    );
    const aim = fc.constantFrom<Aim>("Maximise", "Minimise", "Goldilocks");
    const band = fc.oneof(
      fc.constantFrom(0.05, 0.1, 0.025, 0.0254, 1 / 3),
      fc.double({ min: 0.0001, max: 0.5, noNaN: true }),
    );
    // Gaps near the band are where rounding bites, so the value is placed at a relative distance close to it.
    const nudge = fc.double({ min: -0.02, max: 0.02, noNaN: true });
    fc.assert(
      fc.property(target, aim, band, nudge, fc.boolean(), (t, a, b, n, up) => {
        const bound = t.kind === "single" ? t.value : up ? t.hi : t.lo;
        const away = (up ? 1 : -1) * (b + n * b) * Math.abs(bound);
        const aimFor: Aim = t.kind === "range" ? "Goldilocks" : a;
        const r = rag({ value: bound + away, target: t, aim: aimFor, band: b, floor: null });
        const p = printed(r.reason);
        if (p === null) return;
        if (r.status === "Amber") expect(p.gap).toBeLessThan(p.band);
        if (r.status === "Red") expect(p.gap).toBeGreaterThanOrEqual(p.band);
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * Percentage figures (new-user finding F4): the reason prints the cells' percentages and puts the value first, since
 * "5.5% below target 85%" alone reads as 79.5% when the gap is relative to the target (SPEC §3). New wording: this is
 * what a committee reads, "80.3% against 85%"; plain figures keep the wording above.
 */
describe("a reason with percentage figures", () => {
  const single = (value: number, target: number, aim: Aim, floor: number | null = null) =>
    rag({ value, target: { kind: "single", value: target }, aim, band: 0.05, floor }, "percent").reason;

  test.each([
    [0.803, 0.85, "Maximise", null, "Red: 80.3% is 5.5% below target 85% (Maximise, amber band 5%)"],
    [0.1837, 0.175, "Minimise", null, "Amber: 18.37% is 4.97% above target 17.5% (Minimise, amber band 5%)"],
    [0.97, 0.95, "Maximise", null, "Green: 97% is 2.1% better than target 95% (Maximise)"],
    [0.95, 0.95, "Maximise", null, "Green: met target 95% (Maximise)"],
    [0.75, 0.8, "Maximise", 0.7, "Amber: below target 80% but not worse than floor 70% (Maximise)"],
    [0.69, 0.8, "Maximise", 0.7, "Red: worse than floor 70% (target 80%, Maximise)"],
  ] as const)("%s against %s (%s, floor %s)", (value, target, aim, floor, reason) =>
    expect(single(value, target, aim, floor)).toBe(reason),
  );

  test("a range prints both bounds as percentages", () => {
    expect(
      rag(
        { value: 0.575, target: { kind: "range", lo: 0.6, hi: 0.7 }, aim: "Goldilocks", band: 0.05, floor: null },
        "percent",
      ).reason,
    ).toBe("Amber: 57.5% is 4.2% below range 60%–70% (Goldilocks, amber band 5%)");
  });

  test("the status and the gap are the plain reason's; only the figures read differently", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom<Aim>("Maximise", "Minimise"),
        (value, target, aim) => {
          const input = { value, target: { kind: "single", value: target } as Target, aim, band: 0.05, floor: null };
          const plain = rag(input);
          const percent = rag(input, "percent");
          expect(percent.status).toBe(plain.status);
          expect(percent.gap).toBe(plain.gap);
          const gapOf = (r: string) => /(\d[\d.]*% (?:below|above|better))/.exec(r)?.[1];
          expect(gapOf(percent.reason.replace(/^\w+: [\d.e-]+% is /, ""))).toBe(gapOf(plain.reason));
        },
      ),
    );
  });
});
