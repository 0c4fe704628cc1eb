/**
 * Statistical process control, NHS "Making Data Count" style (SPEC §7): XmR limits from the mean moving range, the
 * four special-cause rules, the variation of the latest point and the assurance against the target. One pass per
 * rule over the points, no allocation beyond one byte of marks per point, so a board pack of thousands of measures
 * is instant. Every comparison is made as the figures read to 10 significant digits (compare10), so float noise
 * never marks a point or breaks a run.
 */
import type { Aim, Target } from "./types";
import { compare10, round10 } from "./numbers";
import { figure, stylesOf, type FigureStyle, type FigureStyles } from "./rag";
import { withCurrency } from "./figureFormat";

/** Fewer numeric points than this give no limits: both results are NA. */
export const SPC_MIN_POINTS = 12;
/** Process limits sit 2.66 mean moving ranges from the centre line (3σ of an XmR chart). */
const LIMIT_FACTOR = 2.66;
/** Points in a run that make a trend or a shift. */
const RUN_LENGTH = 7;

export type SpcSide = "High" | "Low";
/** The special-cause rules in precedence order (SPEC §7): the first that marks the latest point decides. */
const SPC_RULES = ["astronomical", "trend", "twoOfThree", "shift"] as const;
export type SpcRule = (typeof SPC_RULES)[number];

export const VARIATIONS = [
  "Common cause",
  "Improvement (high)",
  "Improvement (low)",
  "Concern (high)",
  "Concern (low)",
  "Neutral (high)",
  "Neutral (low)",
  "NA",
] as const;
export type Variation = (typeof VARIATIONS)[number];

export const ASSURANCES = ["Pass", "Fail", "Hit and miss", "NA"] as const;
export type Assurance = (typeof ASSURANCES)[number];

interface SpcLimits {
  /** Centre line: the mean of the points. */
  readonly mean: number;
  /** Mean of the moving ranges |x_i − x_(i−1)|. */
  readonly movingRange: number;
  readonly lowerProcessLimit: number;
  readonly upperProcessLimit: number;
  readonly lowerTwoSigma: number;
  readonly upperTwoSigma: number;
}

/**
 * The marks of point i are bits of marks[i]: rule r on the High side is bit 2r, on the Low side bit 2r + 1
 * (r in SPC_RULES order). A byte per point keeps the rules allocation-free; marksAt reads it.
 */
export interface SpcAnalysis {
  readonly points: ArrayLike<number>;
  readonly limits: SpcLimits;
  readonly marks: Uint8Array;
}

export interface SpcMark {
  readonly index: number;
  readonly rule: SpcRule;
  readonly side: SpcSide;
}

const HIGH = 1;
const LOW = 2;
const ASTRONOMICAL = 0;
const TREND = 2;
const TWO_OF_THREE = 4;
const SHIFT = 6;

/** CL, mR̄, the process limits and the 2σ lines of at least two points. */
function spcLimits(points: ArrayLike<number>): SpcLimits {
  const n = points.length;
  let sum = points[0];
  let ranges = 0;
  for (let i = 1; i < n; i++) {
    sum += points[i];
    ranges += Math.abs(points[i] - points[i - 1]);
  }
  return limitsFrom(sum, ranges, n);
}

/**
 * The limits of n points from the sum of the points and of their moving ranges. The one formula for a whole series
 * (spcLimits) and for a series growing point by point (SpcSeries): the same sums, added in the same order, give
 * the same figures to the last bit.
 */
function limitsFrom(sum: number, ranges: number, n: number): SpcLimits {
  const mean = sum / n;
  const movingRange = ranges / (n - 1);
  const width = LIMIT_FACTOR * movingRange;
  return {
    mean,
    movingRange,
    lowerProcessLimit: mean - width,
    upperProcessLimit: mean + width,
    lowerTwoSigma: mean - (2 / 3) * width,
    upperTwoSigma: mean + (2 / 3) * width,
  };
}

/** Whether a point on `side` of the centre line (1 above, -1 below, 0 on it) is strictly beyond that side's 2σ line. */
function beyondTwoSigma(x: number, side: number, limits: SpcLimits): boolean {
  if (side > 0) return compare10(x, limits.upperTwoSigma) > 0;
  return side < 0 && compare10(x, limits.lowerTwoSigma) < 0;
}

/** Marks a run [from, to] with `bit` when it holds at least RUN_LENGTH points. */
function markRun(marks: Uint8Array, from: number, to: number, bit: number): void {
  if (to - from + 1 < RUN_LENGTH) return;
  for (let i = from; i <= to; i++) marks[i] |= bit;
}

/** Rule 2: 7 or more points, each strictly higher (or lower) than the one before; a tie ends both runs. */
function markTrends(points: ArrayLike<number>, marks: Uint8Array): void {
  const n = points.length;
  let upFrom = 0;
  let downFrom = 0;
  for (let i = 1; i < n; i++) {
    const step = compare10(points[i], points[i - 1]);
    if (step <= 0) {
      markRun(marks, upFrom, i - 1, HIGH << TREND);
      upFrom = i;
    }
    if (step >= 0) {
      markRun(marks, downFrom, i - 1, LOW << TREND);
      downFrom = i;
    }
  }
  markRun(marks, upFrom, n - 1, HIGH << TREND);
  markRun(marks, downFrom, n - 1, LOW << TREND);
}

/**
 * Rules 1, 3 and 4 from each point's side of the centre line and of the 2σ and process limits: one pass with a
 * window of the last three points for two-of-three and the start of the current run for the shift.
 */
function markByLevel(points: ArrayLike<number>, limits: SpcLimits, marks: Uint8Array): void {
  const n = points.length;
  const { mean, lowerProcessLimit, upperProcessLimit } = limits;
  // side: 1 above the centre line, -1 below, 0 on it; beyond: the point is strictly beyond its side's 2σ line.
  let side1 = 0;
  let side2 = 0;
  let beyond1 = false;
  let beyond2 = false;
  let runFrom = 0;
  for (let i = 0; i < n; i++) {
    const x = points[i];
    const side = compare10(x, mean);
    if (side > 0 && compare10(x, upperProcessLimit) > 0) marks[i] |= HIGH << ASTRONOMICAL;
    if (side < 0 && compare10(x, lowerProcessLimit) < 0) marks[i] |= LOW << ASTRONOMICAL;
    const beyond = beyondTwoSigma(x, side, limits);
    if (side !== 0 && side === side1 && side === side2 && Number(beyond) + Number(beyond1) + Number(beyond2) >= 2) {
      const bit = (side > 0 ? HIGH : LOW) << TWO_OF_THREE;
      if (beyond) marks[i] |= bit;
      if (beyond1) marks[i - 1] |= bit;
      if (beyond2) marks[i - 2] |= bit;
    }
    if (side !== side1) {
      if (side1 !== 0) markRun(marks, runFrom, i - 1, (side1 > 0 ? HIGH : LOW) << SHIFT);
      runFrom = i;
    }
    side2 = side1;
    beyond2 = beyond1;
    side1 = side;
    beyond1 = beyond;
  }
  if (side1 !== 0) markRun(marks, runFrom, n - 1, (side1 > 0 ? HIGH : LOW) << SHIFT);
}

/** Limits and special-cause marks of a series (numbers only, oldest first), or null with fewer than 12 points. */
export function analyseSpc(points: ArrayLike<number>): SpcAnalysis | null {
  if (points.length < SPC_MIN_POINTS) return null;
  const limits = spcLimits(points);
  const marks = new Uint8Array(points.length);
  markByLevel(points, limits, marks);
  markTrends(points, marks);
  return { points, limits, marks };
}

/**
 * The marks analyseSpc gives the last point of a series of at least RUN_LENGTH points, looking back no further than
 * RUN_LENGTH points: every run or window that marks the last point ends at it. Shift and trend mark it when the
 * last 7 points make the run (a longer run holds them too); two-of-three only from the window of the last three.
 */
function latestMarks(points: ArrayLike<number>, limits: SpcLimits): number {
  const last = points.length - 1;
  const x = points[last];
  let bits = 0;
  let up = true;
  let down = true;
  for (let k = last - RUN_LENGTH + 2; k <= last; k++) {
    const step = compare10(points[k], points[k - 1]);
    up &&= step > 0;
    down &&= step < 0;
  }
  if (up) bits |= HIGH << TREND;
  if (down) bits |= LOW << TREND;
  const { mean } = limits;
  const side = compare10(x, mean);
  if (side === 0) return bits;
  const bit = side > 0 ? HIGH : LOW;
  if (side > 0 ? compare10(x, limits.upperProcessLimit) > 0 : compare10(x, limits.lowerProcessLimit) < 0) {
    bits |= bit << ASTRONOMICAL;
  }
  const [x1, x2] = [points[last - 1], points[last - 2]];
  if (
    beyondTwoSigma(x, side, limits) &&
    compare10(x1, mean) === side &&
    compare10(x2, mean) === side &&
    (beyondTwoSigma(x1, side, limits) || beyondTwoSigma(x2, side, limits))
  ) {
    bits |= bit << TWO_OF_THREE;
  }
  let run = 1;
  while (run < RUN_LENGTH && compare10(points[last - run], mean) === side) run++;
  if (run === RUN_LENGTH) bits |= bit << SHIFT;
  return bits;
}

/** The marks of one point, in rule precedence order. */
export function marksAt(analysis: SpcAnalysis, index: number): SpcMark[] {
  const found: SpcMark[] = [];
  const bits = analysis.marks[index];
  SPC_RULES.forEach((rule, r) => {
    if (bits & (HIGH << (2 * r))) found.push({ index, rule, side: "High" });
    if (bits & (LOW << (2 * r))) found.push({ index, rule, side: "Low" });
  });
  return found;
}

/** Every marked point, oldest first: what a chart draws as special cause. */
export function spcMarks(analysis: SpcAnalysis): SpcMark[] {
  const found: SpcMark[] = [];
  for (let i = 0; i < analysis.marks.length; i++) if (analysis.marks[i] !== 0) found.push(...marksAt(analysis, i));
  return found;
}

/** The numbers of a history in time order: NA periods (null) are gaps, not points. */
export function spcPoints(series: readonly (number | null)[]): number[] {
  const points: number[] = [];
  for (const x of series) if (x !== null && Number.isFinite(x)) points.push(x);
  return points;
}

interface SpcResult {
  readonly variation: Variation;
  /** One line, e.g. `Concern (low): the latest point 61 is below the lower process limit 64.2 (Maximise)`. */
  readonly variationReason: string;
  /** The rule and side behind a special-cause variation; null for common cause and NA. */
  readonly rule: SpcRule | null;
  readonly side: SpcSide | null;
  readonly assurance: Assurance;
  readonly assuranceReason: string;
  /** Limits and marks for a chart; null with fewer than 12 points. */
  readonly analysis: SpcAnalysis | null;
}

/**
 * The mean, limits and 2σ lines printed for reading, not to 10 digits: 3 significant figures (never fewer than the
 * whole number), a percentage to 1 decimal (2 significant figures under 1%). A reason states how they compare with
 * the figures printed as the cells show them (the latest point, the target), so a derived figure gets more decimals
 * until it reads on the same side of each of those as it is: "76.95% is above 76.9%", never "76.9% is above 76.9%".
 */
const MAX_DECIMALS = 12;

function roundTo(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  return round10(Math.round(round10(x) * scale) / scale);
}

/** Decimals that show `x` (already scaled to what is printed: a percentage for percent) for reading. */
function readingDecimals(x: number, style: FigureStyle): number {
  const magnitude = x === 0 ? 0 : Math.floor(Math.log10(Math.abs(x)));
  if (style === "percent") return magnitude >= 0 ? 1 : 1 - magnitude;
  return Math.max(0, 2 - magnitude);
}

/** A derived figure for reading that compares with each of `against` (raw figures the reason prints) as it truly does. */
function derived(x: number, style: FigureStyle, against: readonly number[] = []): string {
  const scale = style === "percent" ? 100 : 1;
  const shown = round10(x * scale);
  const others = against.map((a) => ({ at: round10(a * scale), order: compare10(x, a) }));
  let decimals = readingDecimals(shown, style);
  const readsTrue = (d: number) => others.every(({ at, order }) => Math.sign(roundTo(shown, d) - at) === order);
  while (decimals < MAX_DECIMALS && !readsTrue(decimals)) decimals += 1;
  const text = String(decimals < MAX_DECIMALS ? roundTo(shown, decimals) : shown);
  if (typeof style === "object") return withCurrency(text, style.money);
  return style === "percent" ? `${text}%` : text;
}

/** How a rule marks the latest point `x`, its limit or line printed to read on the right side of `x`. */
const RULE_WORDS: Record<SpcRule, (side: SpcSide, limits: SpcLimits, x: number, style: FigureStyle) => string> = {
  astronomical: (side, l, x, style) =>
    side === "High"
      ? `is above the upper process limit ${derived(l.upperProcessLimit, style, [x])}`
      : `is below the lower process limit ${derived(l.lowerProcessLimit, style, [x])}`,
  trend: (side) => `ends a run of 7 or more points each ${side === "High" ? "higher" : "lower"} than the one before`,
  twoOfThree: (side, l, x, style) =>
    `is one of 2 of 3 points ${side === "High" ? `above ${derived(l.upperTwoSigma, style, [x])}` : `below ${derived(l.lowerTwoSigma, style, [x])}`} (2σ)`,
  shift: (side, l, x, style) =>
    `ends a run of 7 or more points ${side === "High" ? "above" : "below"} the mean ${derived(l.mean, style, [x])}`,
};

function meaning(side: SpcSide, aim: Aim): Variation {
  const high = side === "High";
  if (aim === "Goldilocks") return high ? "Neutral (high)" : "Neutral (low)";
  const better = high === (aim === "Maximise");
  if (better) return high ? "Improvement (high)" : "Improvement (low)";
  return high ? "Concern (high)" : "Concern (low)";
}

/** A result word now, its reason only when someone reads it: formatting figures costs more than the rules. */
interface Decided<T> {
  readonly word: T;
  readonly reason: () => string;
  readonly rule?: SpcRule;
  readonly side?: SpcSide;
}

/**
 * Variation of the latest point, whose marks are `bits`: common cause, or the first rule (in precedence order) that
 * marks it.
 */
function decideVariation(
  points: ArrayLike<number>,
  limits: SpcLimits,
  bits: number,
  aim: Aim | null,
  style: FigureStyle = "plain",
): Decided<Variation> {
  if (aim === null) return { word: "NA", reason: () => "NA: no aim given" };
  const x = points[points.length - 1];
  const latest = () => figure(x, style);
  for (let r = 0; r < SPC_RULES.length; r++) {
    const side: SpcSide | null = bits & (HIGH << (2 * r)) ? "High" : bits & (LOW << (2 * r)) ? "Low" : null;
    if (side === null) continue;
    const rule = SPC_RULES[r];
    const word = meaning(side, aim);
    return {
      word,
      reason: () => `${word}: the latest point ${latest()} ${RULE_WORDS[rule](side, limits, x, style)} (${aim})`,
      rule,
      side,
    };
  }
  const reason = () =>
    `Common cause: no special-cause rule marks the latest point ${latest()} ` +
    `(mean ${derived(limits.mean, style)}, process limits ${derived(limits.lowerProcessLimit, style, [x])} to ` +
    `${derived(limits.upperProcessLimit, style, [x])})`;
  return { word: "Common cause", reason };
}

const assured = (word: Assurance, reason: () => string): Decided<Assurance> => ({
  word,
  reason: () => `${word}: ${reason()}`,
});

/** Words only, no reason printed: the styles never matter, one object for every row. */
const PLAIN: FigureStyles = { value: "plain", target: "plain" };

/** Whether the process limits say the target will be met consistently, never, or some months only (SPEC §7). */
function decideAssurance(
  limits: SpcLimits,
  aim: Aim | null,
  target: Target | null,
  styles: FigureStyles,
): Decided<Assurance> {
  // Limits are of the values, so read as the values are; the target is printed as its own cell shows it.
  const { value: style, target: targetStyle } = styles;
  if (aim === null) return assured("NA", () => "no aim given");
  if (target === null) return assured("NA", () => "no target");
  const lpl = limits.lowerProcessLimit;
  const upl = limits.upperProcessLimit;
  const targets = target.kind === "range" ? [target.lo, target.hi] : [target.value];
  const range = () => `process limits ${derived(lpl, style, targets)} to ${derived(upl, style, targets)}`;
  if (aim === "Goldilocks") {
    const [lo, hi] = target.kind === "range" ? [target.lo, target.hi] : [target.value, target.value];
    const t = () =>
      lo === hi
        ? `target ${figure(lo, targetStyle)}`
        : `target range ${figure(lo, targetStyle)}–${figure(hi, targetStyle)}`;
    if (compare10(lo, lpl) <= 0 && compare10(upl, hi) <= 0)
      return assured("Pass", () => `${range()} lie within ${t()} (Goldilocks)`);
    if (compare10(hi, lpl) < 0 || compare10(lo, upl) > 0)
      return assured("Fail", () => `${range()} lie outside ${t()} (Goldilocks)`);
    return assured("Hit and miss", () => `${range()} straddle ${t()} (Goldilocks)`);
  }
  if (target.kind === "range") return assured("NA", () => `target is a range but aim is ${aim} (use Goldilocks)`);
  const value = target.value;
  const t = () => `target ${figure(value, targetStyle)}`;
  const below = () => `${t()} is below the lower process limit ${derived(lpl, style, targets)} (${aim})`;
  const above = () => `${t()} is above the upper process limit ${derived(upl, style, targets)} (${aim})`;
  const belowLower = compare10(value, lpl) < 0;
  const aboveUpper = compare10(value, upl) > 0;
  if (aim === "Maximise") {
    if (belowLower) return assured("Pass", below);
    if (aboveUpper) return assured("Fail", above);
  } else {
    if (aboveUpper) return assured("Pass", above);
    if (belowLower) return assured("Fail", below);
  }
  return assured("Hit and miss", () => `${t()} is within the ${range()} (${aim})`);
}

/**
 * Variation and assurance of one measure's history (oldest first; null periods are skipped), with reasons and the
 * analysis a chart needs. Fewer than 12 numbers: both NA, "fewer than 12 points". The reasons print the figures as
 * `style` says (percent: as percentage cells show them; the target's own when it is shown otherwise), the mean and
 * limits rounded for reading.
 */
export function spc(
  series: readonly (number | null)[],
  aim: Aim | null,
  target: Target | null,
  style: FigureStyle | FigureStyles = "plain",
): SpcResult {
  const styles = stylesOf(style);
  const points = spcPoints(series);
  const analysis = analyseSpc(points);
  if (analysis === null) {
    const why = `NA: fewer than ${SPC_MIN_POINTS} points (${points.length})`;
    return {
      variation: "NA",
      variationReason: why,
      rule: null,
      side: null,
      assurance: "NA",
      assuranceReason: why,
      analysis: null,
    };
  }
  const variation = decideVariation(points, analysis.limits, analysis.marks[points.length - 1], aim, styles.value);
  const assurance = decideAssurance(analysis.limits, aim, target, styles);
  return {
    variation: variation.word,
    get variationReason() {
      return variation.reason();
    },
    rule: variation.rule ?? null,
    side: variation.side ?? null,
    assurance: assurance.word,
    get assuranceReason() {
      return assurance.reason();
    },
    analysis,
  };
}

/**
 * The variation and assurance words of a series growing one period at a time, each in O(1): a long table gives
 * every row the words of the series up to its own period (SPEC §7), and analysing each prefix afresh would cost n²
 * points for n rows. Always the words `spc` gives for the same series: the limits come from the same sums added in
 * the same order (limitsFrom), and the latest point's marks need only the last RUN_LENGTH points (latestMarks).
 */
export class SpcSeries {
  private readonly points: number[] = [];
  private sum = 0;
  private ranges = 0;

  /** The next period's figure; null (NA) and non-finite figures are gaps, not points, as in spcPoints. */
  add(x: number | null): void {
    if (x === null || !Number.isFinite(x)) return;
    const n = this.points.length;
    if (n === 0) {
      this.sum = x;
    } else {
      this.sum += x;
      this.ranges += Math.abs(x - this.points[n - 1]);
    }
    this.points.push(x);
  }

  /** `spc(series so far, aim, target)`'s variation and assurance. */
  words(aim: Aim | null, target: Target | null): { variation: Variation; assurance: Assurance } {
    const n = this.points.length;
    if (n < SPC_MIN_POINTS) return { variation: "NA", assurance: "NA" };
    const limits = limitsFrom(this.sum, this.ranges, n);
    return {
      variation: decideVariation(this.points, limits, latestMarks(this.points, limits), aim).word,
      assurance: decideAssurance(limits, aim, target, PLAIN).word,
    };
  }
}
