/**
 * The arithmetic of the pane's SPC chart preview, apart from React so it can be tested as plain numbers: the value
 * scale's ticks (the Excel chart's own scale, core niceAxis), the x positions, which periods get a label, and the
 * values line as an SVG path.
 */
import { formatFigure as formatFigureAs, type FigureFormat } from "../../core/figureFormat";
import { axisTicks, niceAxis } from "../../core/niceAxis";

/** What the preview draws, in figures. `percent`: the values are fractions shown as percentages (0.73 -> 73%). */
export interface SpcChartFigures {
  readonly periods: readonly string[];
  readonly values: readonly number[];
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  /** None, one target, or the two ends of a Goldilocks range. */
  readonly targets: readonly number[];
  readonly percent: boolean;
  /** The value cells' format when it shows money ("£"#,##0): ticks and figures carry its symbol (F22). */
  readonly money?: FigureFormat | null;
}

/** The SVG's own coordinate box: its size and the margins the axis labels sit in. */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface Tick {
  readonly value: number;
  readonly y: number;
  readonly label: string;
}

export interface PeriodLabel {
  readonly index: number;
  readonly x: number;
  readonly label: string;
}

export interface SpcChartLayout {
  /** The plot area inside the margins. */
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  /** Each point's position, in the order of the values. */
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** The values line through every point, "M x y L x y …". */
  readonly valuesPath: string;
  readonly yTicks: readonly Tick[];
  readonly periodLabels: readonly PeriodLabel[];
  /** Heights of the horizontal lines. */
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly targets: readonly number[];
}

/** Roughly how wide a period label is per character at the preview's axis font size (11 px). */
const LABEL_CHAR_WIDTH = 6.2;
/** Space kept between two period labels. */
const LABEL_GAP = 8;

/** Decimals a tick step needs: a step of 0.05 needs 2, of 20 none. */
function decimalsFor(step: number): number {
  if (!(step > 0)) return 0;
  return Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
}

/**
 * A tick's label: as a percentage when the measure is one, with the decimals the step needs and no more. Money
 * carries its symbol and thousands separators, in thousands or millions once figures pass 100,000 ("£1.25m"), so a
 * label stays short enough for the narrow pane.
 */
export function formatTick(value: number, step: number, percent: boolean, money: FigureFormat | null = null): string {
  if (money !== null) {
    // One unit for the whole axis, from its step: £1.15m, £1.20m … rather than a mix of units.
    const [scale, unit] = step >= 5e4 ? [1e6, "m"] : step >= 500 ? [1e3, "k"] : [1, ""];
    const bare = { ...money, prefix: "", suffix: "", decimals: decimalsFor(step / scale) };
    const text = formatFigureAs(Math.abs(value) / scale, bare);
    return `${value < 0 && /[1-9]/.test(text) ? "-" : ""}${money.prefix}${text}${unit}${money.suffix}`;
  }
  const shown = percent ? value * 100 : value;
  const text = shown.toFixed(decimalsFor(percent ? step * 100 : step));
  return (text === "-0" ? "0" : text) + (percent ? "%" : "");
}

/**
 * A figure as the text beside the chart reads it: 3 significant digits (0.7412 -> "74.1%", 1263.4 -> "1263"), money
 * in its own format ("£1,220,833").
 */
export function formatFigure(value: number, percent: boolean, money: FigureFormat | null = null): string {
  const shown = percent ? value * 100 : value;
  const rounded = Math.abs(shown) >= 100 ? Math.round(shown) : Number(shown.toPrecision(3));
  if (money !== null) {
    const decimals = String(rounded).split(".")[1]?.length ?? 0;
    return formatFigureAs(rounded, { ...money, decimals: Math.max(decimals, money.decimals) });
  }
  return `${Object.is(rounded, -0) ? 0 : rounded}${percent ? "%" : ""}`;
}

/**
 * Which of `count` points spread over `plotWidth` get a period label about `labelWidth` wide: every k-th one, the
 * fewest k that keeps labels apart, counted back from the latest so the newest period (the one the variation is
 * about) is always named.
 */
export function periodLabelIndices(count: number, plotWidth: number, labelWidth: number): number[] {
  if (count <= 1) return count === 1 ? [0] : [];
  const pitch = plotWidth / (count - 1);
  const every = Math.max(1, Math.ceil((labelWidth + LABEL_GAP) / pitch));
  const indices: number[] = [];
  for (let i = count - 1; i >= 0; i -= every) indices.unshift(i);
  return indices;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Positions of everything the preview draws, in the SVG's coordinates. */
export function layoutSpcChart(figures: SpcChartFigures, box: ChartBox): SpcChartLayout {
  const { values, periods } = figures;
  if (values.length === 0) throw new RangeError("an SPC chart needs at least one point");
  // The latest period's label is centred on the plot's right edge: the margin leaves room for half of it.
  const labelWidth = Math.max(...periods.map((p) => p.length), 1) * LABEL_CHAR_WIDTH;
  const right = box.width - Math.max(box.right, Math.ceil(labelWidth / 2) + 2);
  const top = box.top;
  const bottom = box.height - box.bottom;
  const plotHeight = bottom - top;
  // The Excel chart's own scale (spcAxis reads the same figures), so the preview shows what the workbook will.
  const axis = niceAxis([figures.mean, figures.lower, figures.upper, ...values, ...figures.targets]);
  const ticks = axisTicks(axis);
  const tickLabels = ticks.map((value) => formatTick(value, axis.step, figures.percent, figures.money ?? null));
  // The left margin fits the widest tick label (drawn right-aligned 4 px left of the axis), so none leaves the SVG.
  const widest = Math.max(...tickLabels.map((l) => l.length));
  const plot = { left: Math.max(box.left, Math.ceil(widest * LABEL_CHAR_WIDTH) + 6), top, right, bottom };
  const y = (v: number) => round1(plot.bottom - ((v - axis.min) / (axis.max - axis.min)) * plotHeight);
  const plotWidth = plot.right - plot.left;
  // One point alone sits in the middle; otherwise the first and last points touch the plot's edges.
  const x = (i: number) =>
    round1(values.length === 1 ? plot.left + plotWidth / 2 : plot.left + (i / (values.length - 1)) * plotWidth);
  const points = values.map((v, i) => ({ x: x(i), y: y(v) }));
  const labelled = periodLabelIndices(values.length, plotWidth, labelWidth);
  return {
    plot,
    points,
    valuesPath: points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x} ${p.y}`).join(" "),
    yTicks: ticks.map((value, i) => ({ value, y: y(value), label: tickLabels[i] })),
    periodLabels: labelled.map((index) => ({ index, x: x(index), label: periods[index] ?? "" })),
    mean: y(figures.mean),
    lower: y(figures.lower),
    upper: y(figures.upper),
    targets: figures.targets.map(y),
  };
}
