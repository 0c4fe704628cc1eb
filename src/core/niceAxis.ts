/**
 * One value axis for an SPC chart, shared by the Excel chart (its bounds and major unit) and the pane's preview (its
 * ticks), so both show one measure on the same scale.
 */

/** Bounds and the step between gridlines: min and max are whole steps. */
export interface NiceAxis {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** About this many steps across the figures: the step is the next round figure at or above span / 5. */
const STEPS = 5;
/** Room above and below the figures, as a share of their span, so no point sits on the plot's edge. */
const PADDING = 0.05;

/** 12 significant digits: 0.1 * 3 as 0.3, not 0.30000000000000004. */
const round = (x: number): number => Number(x.toPrecision(12));

/**
 * Bounds holding every figure (points, mean, limits, targets), padded a little and on a step of 1, 2 or 5 times a
 * power of ten, as a chart's own axis would be. Figures all at or above zero (counts, rates) keep the axis at or above
 * zero: the padding must not invent a negative axis for them. A flat series (every figure the same) is valid SPC and
 * gets an axis around its value.
 */
export function niceAxis(figures: readonly number[]): NiceAxis {
  if (figures.length === 0 || !figures.every(Number.isFinite)) {
    throw new RangeError(`no axis for the figures [${figures.join(", ")}]`);
  }
  const lo = Math.min(...figures);
  const hi = Math.max(...figures);
  const span = hi - lo || Math.abs(hi) || 1;
  const rough = span / STEPS;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = round(([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power);
  const min = round(Math.floor((lo - span * PADDING) / step) * step);
  const max = round(Math.ceil((hi + span * PADDING) / step) * step);
  return { min: lo >= 0 ? Math.max(0, min) : min, max, step };
}

/** The axis's gridline values from min to max. Multiplying the step, not adding it up, keeps float noise out. */
export function axisTicks({ min, max, step }: NiceAxis): number[] {
  const first = Math.round(min / step);
  const last = Math.round(max / step);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(round(i * step));
  return ticks;
}
