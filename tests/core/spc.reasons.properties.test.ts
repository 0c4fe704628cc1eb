/**
 * The SPC reasons round the mean, limits and 2σ lines for reading (issue 12), yet every comparison a reason states
 * must read true from the printed figures themselves: "60.1 is above 60.05", never "60.1 is above 60.1". Series come
 * from a coarse grid, so limits land near the points and the target and rounding would often tie them.
 */
import fc from "fast-check";
import { spc } from "../../src/core/spc";
import type { Aim, FigureStyle, Target } from "../../src/core";

const F = String.raw`(-?\d+(?:\.\d+)?%?)`;
const num = (text: string): number => Number(text.replace("%", ""));

/** The figures a pattern finds in a reason, or null when the reason is not of that form. */
function figures(reason: string, pattern: string): number[] | null {
  const found = new RegExp(pattern).exec(reason);
  return found === null ? null : found.slice(1).map((t) => (t === undefined ? NaN : num(t)));
}

/** Whether the comparison the variation reason states holds between the figures it prints (null: it states none). */
function variationReadsTrue(reason: string): boolean | null {
  const checks: [string, (a: number, b: number, c?: number, d?: number) => boolean][] = [
    [`latest point ${F} is above the upper process limit ${F}`, (a, b) => a > b],
    [`latest point ${F} is below the lower process limit ${F}`, (a, b) => a < b],
    [`latest point ${F} is one of 2 of 3 points above ${F} \\(2σ\\)`, (a, b) => a > b],
    [`latest point ${F} is one of 2 of 3 points below ${F} \\(2σ\\)`, (a, b) => a < b],
    [`latest point ${F} ends a run of 7 or more points above the mean ${F}`, (a, b) => a > b],
    [`latest point ${F} ends a run of 7 or more points below the mean ${F}`, (a, b) => a < b],
    [`latest point ${F} \\(mean ${F}, process limits ${F} to ${F}\\)`, (a, _m, l, u) => l! <= a && a <= u!],
  ];
  for (const [pattern, holds] of checks) {
    const f = figures(reason, pattern);
    if (f !== null) return holds(f[0], f[1], f[2], f[3]);
  }
  return null;
}

/** The assurance word the printed figures give by SPEC §7's rule (null: the reason prints no limits). */
function assuranceFromFigures(reason: string, aim: Aim): string | null {
  const goldilocks = figures(reason, `process limits ${F} to ${F} \\w+(?: \\w+)? target(?: range)? ${F}(?:–${F})?`);
  if (goldilocks !== null) {
    const [l, u, lo, hiOrNaN] = goldilocks;
    const hi = Number.isNaN(hiOrNaN) ? lo : hiOrNaN;
    if (lo <= l && u <= hi) return "Pass";
    return hi < l || lo > u ? "Fail" : "Hit and miss";
  }
  const below = figures(reason, `target ${F} is below the lower process limit ${F}`);
  if (below !== null) return below[0] < below[1] ? (aim === "Maximise" ? "Pass" : "Fail") : "misread";
  const above = figures(reason, `target ${F} is above the upper process limit ${F}`);
  if (above !== null) return above[0] > above[1] ? (aim === "Maximise" ? "Fail" : "Pass") : "misread";
  const within = figures(reason, `target ${F} is within the process limits ${F} to ${F}`);
  if (within !== null) return within[1] <= within[0] && within[0] <= within[2] ? "Hit and miss" : "misread";
  return null;
}

const style = fc.constantFrom<FigureStyle>("plain", "percent");
const aim = fc.constantFrom<Aim>("Maximise", "Minimise", "Goldilocks");
/**
 * Points a decimal finer than the rounding keeps, within one unit (20–21; 70%–71%), so limits, mean and target often
 * fall within a rounding of each other; the last point sometimes jumps half a unit, to cross a limit.
 */
const unit = (s: FigureStyle) => (s === "percent" ? 0.01 : 1);
const gridPoint = (s: FigureStyle) =>
  fc.integer({ min: 0, max: 100 }).map((k) => (s === "percent" ? 0.7 + k / 10000 : 20 + k / 100));
const series = (s: FigureStyle) =>
  fc
    .tuple(fc.array(gridPoint(s), { minLength: 11, maxLength: 29 }), gridPoint(s), fc.constantFrom(-0.5, 0, 0.5))
    .map(([head, last, jump]) => [...head, Number((last + jump * unit(s)).toFixed(4))]);

/** A target out to the limits' reach: a grid point moved up to a unit either way. */
const targetFigure = (s: FigureStyle) =>
  fc
    .tuple(gridPoint(s), fc.integer({ min: -12, max: 12 }))
    .map(([x, tenths]) => Number((x + (tenths / 10) * unit(s)).toFixed(4)));

const cases = style.chain((s) =>
  fc.record({
    style: fc.constant(s),
    points: series(s),
    aim,
    target: fc.oneof(
      targetFigure(s).map((value): Target => ({ kind: "single", value })),
      fc
        .tuple(targetFigure(s), targetFigure(s))
        .map(([a, b]): Target => ({ kind: "range", lo: Math.min(a, b), hi: Math.max(a, b) })),
    ),
  }),
);

test("every comparison a variation reason states reads true from the figures it prints", () => {
  fc.assert(
    fc.property(cases, ({ style: s, points, aim: a, target }) => {
      const result = spc(points, a, target, s);
      const reads = variationReadsTrue(result.variationReason);
      if (result.rule === "trend") expect(reads).toBeNull();
      else expect([reads, result.variationReason]).toEqual([true, result.variationReason]);
    }),
    { numRuns: 500 },
  );
});

test("the printed limits and target give the assurance the reason states", () => {
  fc.assert(
    fc.property(cases, ({ style: s, points, aim: a, target }) => {
      const result = spc(points, a, target, s);
      if (a !== "Goldilocks" && target.kind === "range") return;
      expect([assuranceFromFigures(result.assuranceReason, a), result.assuranceReason]).toEqual([
        result.assurance,
        result.assuranceReason,
      ]);
    }),
    { numRuns: 500 },
  );
});
