/** RAG status (SPEC §3): band, floor, amber off, zero target, Goldilocks, with a one-line reason. */
import type { Aim, NaKind, RagInput, RagResult, Status, Target } from "./types";
import { compare10, formatNumber, round10 } from "./numbers";
import { withCurrency, type FigureFormat } from "./figureFormat";

export const DEFAULT_BAND = 0.05;

/** Why a status was given; the reason text is only built when someone asks for it. */
type Why =
  | "noValue"
  | "noTarget"
  | "floorWrongSide"
  | "rangeNeedsGoldilocks"
  | "met"
  | "equalStrict"
  | "better"
  | "withinFloor"
  | "beyondFloor"
  | "zeroTarget"
  | "band"
  | "inRange"
  | "outOfRange"
  | "zeroBound";

interface Assessment {
  readonly status: Status;
  readonly why: Why;
  /** Relative shortfall (positive = worse); null where undefined. */
  readonly gap: number | null;
}

const assessment = (status: Status, why: Why, gap: number | null = null): Assessment => ({ status, why, gap });

/** Relative shortfall from a single target: positive = worse than target. */
function shortfall(value: number, target: number, aim: "Maximise" | "Minimise"): number | null {
  if (target === 0) return null;
  return (aim === "Maximise" ? target - value : value - target) / Math.abs(target);
}

function bandStatus(gap: number, band: number): Status {
  return compare10(gap, band) < 0 ? "Amber" : "Red";
}

function assessSingle(
  value: number,
  target: Extract<Target, { kind: "single" }>,
  aim: "Maximise" | "Minimise",
  band: number,
  floor: number | null,
): Assessment {
  const gap = shortfall(value, target.value, aim);
  const better = aim === "Maximise" ? compare10(value, target.value) : compare10(target.value, value);
  // A strict target ("> 95%") is not met by a value equal to it: short by a gap of 0, so Amber (Red with Amber off).
  if (better === 0)
    return target.strict ? assessment(band === 0 ? "Red" : "Amber", "equalStrict", 0) : assessment("Green", "met", 0);
  if (better > 0) return assessment("Green", "better", gap);
  if (floor !== null && band !== 0) {
    const withinFloor = aim === "Maximise" ? compare10(value, floor) >= 0 : compare10(value, floor) <= 0;
    return withinFloor ? assessment("Amber", "withinFloor", gap) : assessment("Red", "beyondFloor", gap);
  }
  if (gap === null) return assessment("Red", "zeroTarget");
  return assessment(bandStatus(gap, band), "band", gap);
}

/** Distance outside [lo, hi] relative to the nearer bound: 0 inside (bounds included), null beyond a zero bound. */
function rangeShortfall(value: number, lo: number, hi: number): number | null {
  if (compare10(value, lo) >= 0 && compare10(value, hi) <= 0) return 0;
  const bound = value > hi ? hi : lo;
  return bound === 0 ? null : Math.abs(value - bound) / Math.abs(bound);
}

function assessRange(value: number, lo: number, hi: number, band: number): Assessment {
  const gap = rangeShortfall(value, lo, hi);
  if (gap === 0) return assessment("Green", "inRange", 0);
  if (gap === null) return assessment("Red", "zeroBound");
  return assessment(bandStatus(gap, band), "outOfRange", gap);
}

function floorOnWrongSide(aim: Aim, target: Target, floor: number | null): boolean {
  if (floor === null || target.kind !== "single" || aim === "Goldilocks") return false;
  return aim === "Maximise" ? floor > target.value : floor < target.value;
}

function assess({ value, target, aim, band, floor }: RagInput): Assessment {
  if (value === null) return assessment("NA", "noValue");
  if (target === null) return assessment("NA", "noTarget");
  if (floorOnWrongSide(aim, target, floor)) return assessment("NA", "floorWrongSide");
  if (target.kind === "range") {
    return aim === "Goldilocks"
      ? assessRange(value, target.lo, target.hi, band)
      : assessment("NA", "rangeNeedsGoldilocks");
  }
  if (aim === "Goldilocks") return assessRange(value, target.value, target.value, band);
  return assessSingle(value, target, aim, band, floor);
}

/**
 * How a reason prints its figures: as the cells show them. "percent": the cells are formatted as percentages (or the
 * target was typed as one), so 0.95 reads "95%", as a committee paper prints it, not "0.95". `money`: the cells show
 * a currency ("£"#,##0), so 1290000 reads "£1,290,000" (the SPC chart's reasons, F20).
 */
export type FigureStyle = "plain" | "percent" | { readonly money: FigureFormat };

/**
 * The value's style and the target's (the floor is printed like the target), when their cells show them differently:
 * a percentage value beside a target typed as a plain number (new-user finding N13) prints each as its cell shows it,
 * "96% is 99% below target 95", never "target 9500%"; a target typed "£1,200,000" prints so (N15).
 */
export interface FigureStyles {
  readonly value: FigureStyle;
  readonly target: FigureStyle;
}

export const stylesOf = (style: FigureStyle | FigureStyles): FigureStyles =>
  typeof style === "object" && "target" in style ? style : { value: style, target: style };

/** A figure as its cell shows it: 0.95 -> "95%" for a percentage cell (10 significant digits, no float noise). */
export function figure(x: number, style: FigureStyle): string {
  if (typeof style === "object") return withCurrency(formatNumber(x), style.money);
  return style === "percent" ? `${round10(x * 100)}%` : formatNumber(x);
}

function formatTarget(target: Target, style: FigureStyle): string {
  return target.kind === "single"
    ? figure(target.value, style)
    : `${figure(target.lo, style)}–${figure(target.hi, style)}`;
}

function bandNote(band: number, decimals = 1): string {
  return band === 0 ? "amber off" : `amber band ${percentTo(band, decimals)}`;
}

const MAX_DECIMALS = 12;

/** A fraction as a percentage with at most `decimals` decimals, no trailing zeros: (0.0497, 2) -> "4.97%". */
function percentTo(fraction: number, decimals: number): string {
  const scale = 10 ** decimals;
  return `${round10(Math.round(round10(fraction * 100) * scale) / scale)}%`;
}

/**
 * Decimals that keep an Amber gap visibly under its band: 4.97% against a 5% band must not read "5%", which by the
 * rule's own words would be Red. One decimal unless rounding would reach the band; rounding both figures the same
 * way keeps their order, so a smaller gap never prints above the band, and a Red gap (≥ band) never below it.
 */
function amberDecimals(gap: number, band: number): number {
  let decimals = 1;
  while (decimals < MAX_DECIMALS && percentTo(gap, decimals) === percentTo(band, decimals)) decimals += 1;
  return decimals;
}

/**
 * The one-line reason, e.g. `Red: 6.7% below target 30 (Maximise, amber band 5%)`. With percentage figures the value
 * leads: `Red: 80.3% is 5.5% below target 85% (…)`. The gap is relative to the target (SPEC §3), so "5.5% below 85%"
 * alone would read as 79.5%; printing the value beside it shows the committee both.
 */
function describe(
  { status, why, gap }: Assessment,
  { value, target, aim, band, floor }: RagInput,
  styles: FigureStyles,
): string {
  const t = target ? formatTarget(target, styles.target) : "";
  const worseSide = aim === "Minimise" ? "above" : "below";
  const outside = value !== null && target?.kind === "range" && value > target.hi ? "above" : "below";
  const f = floor === null ? "" : figure(floor, styles.target);
  const percent = styles.value === "percent" || styles.target === "percent";
  const is = percent && value !== null ? `${figure(value, styles.value)} is ` : "";
  // Against the band, gap and band are printed to the same precision, enough to tell an Amber gap from the band.
  const decimals = status === "Amber" && gap !== null && gap > 0 ? amberDecimals(gap, band) : 1;
  const pct = gap === null ? "" : percentTo(Math.abs(gap), decimals);
  // Joined, not concatenated: one flat string, not a rope of a dozen pieces (~300 bytes a reason, ~100 joined); a
  // report of a 1,048,576-row sheet keeps 262,144 of them.
  return [status, ": ", reasonText(why)].join("");

  // A switch, not a table of closures: this runs for every reason written (40,000 on a big scorecard).
  function reasonText(reason: Why): string {
    switch (reason) {
      case "noValue":
        return "no value";
      case "noTarget":
        return "no target";
      case "floorWrongSide":
        return `floor ${f} is ${aim === "Maximise" ? "above" : "below"} target ${t} (${aim})`;
      case "rangeNeedsGoldilocks":
        return `target ${t} is a range but aim is ${aim} (use Goldilocks)`;
      case "met":
        return `met target ${t} (${aim})`;
      case "equalStrict":
        return `at target ${t}, which must be ${aim === "Minimise" ? "undercut" : "exceeded"} (${aim}, ${bandNote(band)})`;
      case "better":
        return gap === null ? `better than target ${t} (${aim})` : `${is}${pct} better than target ${t} (${aim})`;
      case "withinFloor":
        return `${worseSide} target ${t} but not worse than floor ${f} (${aim})`;
      case "beyondFloor":
        return `worse than floor ${f} (target ${t}, ${aim})`;
      case "zeroTarget":
        return `${worseSide} target 0 (${aim}; a zero target has no relative gap, so no amber)`;
      case "band":
        return `${is}${pct} ${worseSide} target ${t} (${aim}, ${bandNote(band, decimals)})`;
      case "inRange":
        return `within range ${t} (Goldilocks)`;
      case "outOfRange":
        return `${is}${pct} ${outside} range ${t} (Goldilocks, ${bandNote(band, decimals)})`;
      case "zeroBound":
        return `${outside} range ${t} (Goldilocks; a zero bound has no relative gap, so no amber)`;
    }
  }
}

/** The status alone: the hot path for bulk evaluation and KPI.RAG. */
export function ragStatus(input: RagInput): Status {
  return assess(input).status;
}

/** An NA status is "no data" when the period has no value, otherwise "not rated" (no usable target or aim). */
export function naKindOf(status: Status, value: number | null): NaKind | null {
  return status !== "NA" ? null : value === null ? "noData" : "notRated";
}

/** The RAG rule on parsed inputs, with its reason (figures printed as `style` says). Never throws. */
export function rag(input: RagInput, style: FigureStyle | FigureStyles = "plain"): RagResult {
  const assessed = assess(input);
  const gap = assessed.gap === null ? null : round10(assessed.gap);
  return {
    status: assessed.status,
    naKind: naKindOf(assessed.status, input.value),
    gap,
    reason: describe(assessed, input, stylesOf(style)),
  };
}

/**
 * Signed relative gap, positive = better than target (0 inside a Goldilocks range); null where undefined, which
 * includes a range target whose aim is not Goldilocks (the status is NA there too).
 */
export function relativeGap(value: number, target: Target, aim: Aim): number | null {
  const gap =
    aim === "Goldilocks"
      ? target.kind === "range"
        ? rangeShortfall(value, target.lo, target.hi)
        : rangeShortfall(value, target.value, target.value)
      : target.kind === "range"
        ? null
        : shortfall(value, target.value, aim);
  // The shortfall with its sign turned; `0 - gap` rather than `-gap` so that a met target is 0, not -0.
  return gap === null ? null : round10(0 - gap);
}
