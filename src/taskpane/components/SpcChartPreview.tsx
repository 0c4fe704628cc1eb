import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { capitalise, counted } from "../../core";
import {
  formatFigure as formatAs,
  isCurrencyFormat,
  readFigureFormat,
  type FigureFormat,
} from "../../core/figureFormat";
import { formatNumber, formatPercent } from "../../core/numbers";
import type { SpcChartData, SpcChartPoint, SpcPointMark } from "../../workbook/spcChart";
import { specialCauseWords } from "../../workbook/spcChartSheet";
import { formatFigure, layoutSpcChart, type ChartBox, type SpcChartFigures } from "./spcChartGeometry";

/** The SVG's own units; it scales to the pane's width (about 1:1 in a 350 px pane). */
const BOX: ChartBox = { width: 320, height: 210, top: 12, right: 22, bottom: 26, left: 44 };
/** Marked points are drawn bigger than common-cause ones, each kind in its own shape. */
const MARK_SIZE = 4.5;
const POINT_RADIUS = 2.5;
/** Dense series (years of weekly figures) get smaller dots, down to this, so the line still shows between them. */
const MIN_POINT_RADIUS = 1;

const MARK_ORDER: readonly SpcPointMark[] = ["improvement", "concern", "neutral"];

/**
 * Making Data Count's colours (improvement blue, concern orange, neutral purple) as Fluent palette tokens, which each
 * theme sets to a shade that stands out on its background. The shapes differ too: in high contrast every palette
 * colour is the same, and colour must never be the only sign.
 */
const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  words: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  axisText: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  // Faint, so no grid line reads as the mean (high contrast themes make every stroke token white).
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeOpacity: 0.45 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  mean: { stroke: tokens.colorNeutralForeground2, strokeWidth: 2 },
  limit: { stroke: tokens.colorNeutralForeground3, strokeWidth: 1.5, strokeDasharray: "6 4" },
  target: { stroke: tokens.colorPaletteRedBorderActive, strokeWidth: 1.5, strokeDasharray: "2 3" },
  values: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1.5, fill: "none" },
  point: { fill: tokens.colorNeutralForeground1 },
  improvement: { fill: tokens.colorPaletteBlueBorderActive, stroke: tokens.colorNeutralBackground1, strokeWidth: 1 },
  concern: { fill: tokens.colorPaletteDarkOrangeBorderActive, stroke: tokens.colorNeutralBackground1, strokeWidth: 1 },
  neutral: { fill: tokens.colorPalettePurpleBorderActive, stroke: tokens.colorNeutralBackground1, strokeWidth: 1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { textAlign: "left", padding: `0 ${tokens.spacingHorizontalS} 0 0` },
    "& td:nth-child(2)": { textAlign: "right" },
  },
});

/** The marked kind's shape centred on (x, y): improvement a circle, concern a square, neutral a diamond. */
function MarkShape({ mark, x, y, className }: { mark: SpcPointMark; x: number; y: number; className: string }) {
  const s = MARK_SIZE;
  if (mark === "improvement") return <circle cx={x} cy={y} r={s} className={className} data-mark={mark} />;
  if (mark === "concern")
    return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} className={className} data-mark={mark} />;
  const d = s * 1.3;
  return (
    <polygon
      points={`${x},${y - d} ${x + d},${y} ${x},${y + d} ${x - d},${y}`}
      className={className}
      data-mark={mark}
    />
  );
}

/** The targets as the chart draws them: one line, two for a Goldilocks range, none. */
export function chartTargets(chart: Pick<SpcChartData, "target" | "targetRange">): number[] {
  if (chart.targetRange) return [...chart.targetRange];
  return chart.target === null ? [] : [chart.target];
}

/** The value cells' format when it shows money ("£"#,##0), so figures carry the symbol; else null. */
function moneyOf(chart: SpcChartData): FigureFormat | null {
  const format = readFigureFormat(chart.valueFormat);
  return isCurrencyFormat(format) ? format : null;
}

/** What the preview draws of a measure's chart data: the figures the Excel chart's sheet is built from. */
export function previewFigures(chart: SpcChartData, percent: boolean): SpcChartFigures {
  return {
    periods: chart.points.map((p) => p.period),
    values: chart.points.map((p) => p.value),
    mean: chart.mean,
    lower: chart.lower,
    upper: chart.upper,
    targets: chartTargets(chart),
    percent,
    money: moneyOf(chart),
  };
}

function markedPeriods(points: readonly SpcChartPoint[], mark: SpcPointMark): string[] {
  return points.filter((p) => p.mark === mark).map((p) => p.period);
}

/** What the chart shows, in one paragraph: the SVG's accessible name, so a screen reader hears the picture. */
export function describeSpcChart(chart: SpcChartData, percent = false): string {
  const { points } = chart;
  const f = (v: number) => formatFigure(v, percent, moneyOf(chart));
  const targets = chartTargets(chart);
  const target =
    targets.length === 0
      ? "no target"
      : targets.length === 1
        ? `target ${f(targets[0])}`
        : `target range ${targets.map(f).join(" to ")}`;
  const marked = MARK_ORDER.map((mark) => ({ mark, periods: markedPeriods(points, mark) }))
    .filter(({ periods }) => periods.length > 0)
    .map(({ mark, periods }) => `${counted(periods.length, `${mark} point`)} (${periods.join(", ")})`);
  return [
    `SPC chart of ${chart.title}: ${counted(points.length, "point")} from ${points[0].period} to ${points[points.length - 1].period}.`,
    `Mean ${f(chart.mean)}, process limits ${f(chart.lower)} to ${f(chart.upper)}, ${target}.`,
    marked.length > 0 ? `Special cause: ${marked.join("; ")}.` : "No special-cause points.",
    `Variation: ${chart.variation}${chart.latestFigureNote ? ` (${chart.latestFigureNote})` : ""}. Assurance: ${chart.assurance}.`,
  ].join(" ");
}

export interface SpcChartPreviewProps {
  readonly chart: SpcChartData;
  /** The measure's figures are fractions shown as percentages. */
  readonly percent?: boolean;
}

/** One measure's SPC chart, drawn in the pane: what "Add chart to workbook" will put in the workbook. */
export function SpcChartPreview({ chart, percent = false }: SpcChartPreviewProps) {
  const styles = useStyles();
  const targets = chartTargets(chart);
  const layout = layoutSpcChart(previewFigures(chart, percent), BOX);
  const { plot } = layout;
  const pitch = (plot.right - plot.left) / Math.max(1, chart.points.length - 1);
  const radius = Math.max(MIN_POINT_RADIUS, Math.min(POINT_RADIUS, pitch / 3));
  // The table of figures is built only once opened: a long history would otherwise add thousands of rows unseen.
  const [figuresOpen, setFiguresOpen] = useState(false);
  const money = moneyOf(chart);
  const f = (v: number) => formatFigure(v, percent, money);
  // The table's figures as the sheet shows them: 73.0% as 73%, £1,290,000 with its pound sign.
  const cellText = (v: number) => (percent ? formatPercent(v) : money ? formatAs(v, money) : formatNumber(v));
  const hLine = (y: number, className: string, key?: string) => (
    <line key={key} x1={plot.left} x2={plot.right} y1={y} y2={y} className={className} />
  );
  const counts = MARK_ORDER.map((mark) => ({ mark, n: markedPeriods(chart.points, mark).length })).filter((c) => c.n);
  return (
    <figure className={styles.figure} data-testid="spc-chart">
      <Subtitle2 as="h3">{chart.title}</Subtitle2>
      <div className={styles.words}>
        <Caption1>
          Variation: <strong>{chart.variation}</strong>
          {/* The word is about an older figure when the latest period has none (finding F24): said beside it. */}
          {chart.latestFigureNote && ` (${chart.latestFigureNote})`}
        </Caption1>
        <Caption1>
          Assurance: <strong>{chart.assurance}</strong>
        </Caption1>
      </div>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        role="img"
        aria-label={describeSpcChart(chart, percent)}
      >
        {layout.yTicks.map((t) => (
          <g key={t.value}>
            {hLine(t.y, styles.grid)}
            <text x={plot.left - 4} y={t.y} dy="0.32em" textAnchor="end" className={styles.axisText}>
              {t.label}
            </text>
          </g>
        ))}
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} className={styles.axis} />
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} className={styles.axis} />
        {layout.periodLabels.map((l) => (
          <text key={l.index} x={l.x} y={plot.bottom + 16} textAnchor="middle" className={styles.axisText}>
            {l.label}
          </text>
        ))}
        {hLine(layout.lower, styles.limit)}
        {hLine(layout.upper, styles.limit)}
        {hLine(layout.mean, styles.mean)}
        {layout.targets.map((y, i) => hLine(y, styles.target, `target-${i}`))}
        <path d={layout.valuesPath} className={styles.values} data-testid="spc-values" />
        {chart.points.map((p, i) => {
          const { x, y } = layout.points[i];
          return p.mark === null ? (
            <circle key={i} cx={x} cy={y} r={radius} className={styles.point} data-point={p.period} />
          ) : (
            <g key={i} data-point={p.period}>
              <MarkShape mark={p.mark} x={x} y={y} className={styles[p.mark]} />
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-label="Chart key">
        <li className={styles.key}>
          <LegendLine className={styles.mean} /> Mean {f(chart.mean)}
        </li>
        <li className={styles.key}>
          <LegendLine className={styles.limit} /> Process limits {f(chart.lower)} to {f(chart.upper)}
        </li>
        {targets.length > 0 && (
          <li className={styles.key}>
            <LegendLine className={styles.target} /> {targets.length === 1 ? "Target" : "Target range"}{" "}
            {targets.map(f).join(" to ")}
          </li>
        )}
        {counts.map(({ mark, n }) => (
          <li key={mark} className={styles.key}>
            <svg width="12" height="12" viewBox="-6 -6 12 12" aria-hidden="true">
              <MarkShape mark={mark} x={0} y={0} className={styles[mark]} />
            </svg>
            {capitalise(mark)} ({n})
          </li>
        ))}
      </ul>
      <details onToggle={(e) => setFiguresOpen(e.currentTarget.open)}>
        <summary>
          <Caption1>The figures</Caption1>
        </summary>
        {figuresOpen && (
          <table className={styles.table} aria-label={`Figures of ${chart.title}`}>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Value</th>
                <th scope="col">Special cause</th>
              </tr>
            </thead>
            <tbody>
              {chart.points.map((p, i) => (
                <tr key={i}>
                  <td>{p.period}</td>
                  <td>{cellText(p.value)}</td>
                  <td>{specialCauseWords(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </figure>
  );
}

function LegendLine({ className }: { className: string }) {
  return (
    <svg width="20" height="8" aria-hidden="true">
      <line x1="0" x2="20" y1="4" y2="4" className={className} />
    </svg>
  );
}
