/**
 * What an SPC chart of one measure shows (issue 12, SPEC §7): its points with their periods, the centre line, the
 * process limits, the special-cause points marked as the Making Data Count charts mark them, and the variation and
 * assurance words. Pure: it reads the series the scan kept (the one parse of the rows, src/workbook/evaluate/**)
 * and runs the core's analysis on it; the pane's preview and both hosts' Excel chart draw from the same data.
 */
import { SPC_MIN_POINTS, marksAt, spc } from "../core/spc";
import type { Assurance, SpcRule, SpcSide, Variation } from "../core/spc";
import type { Aim, Target } from "../core/types";
import { readRow } from "../core/row";
import { parseRangeRef } from "./a1";
import type { EvaluatedTable } from "./evaluate";
import { lastFigureIndex, olderFigureNote } from "./evaluate/tableContext";
import type { MeasureSeries } from "./evaluate/tableContext";
import type { MeasureReport } from "./model";
import { figureStyles, scalesDiffer } from "./numberFormats";
import { cellReader } from "./scan";
import { sameSheetName } from "./sheetNames";
import type { ScanContext } from "./operations/scan";

/** A measure with a history (long or wide table), as the pane's picker lists it. */
export interface SpcChartMeasure {
  /** Opaque; pass it back to spcChartData / drawSpcChart. */
  readonly key: string;
  readonly sheet: string;
  /** A1 of the measure's latest row (its status cell), as the report names it. */
  readonly cell: string;
  /** As the report names the measure: code (or the name when there is no code) and name (or the code). */
  readonly code: string;
  readonly name: string;
  readonly group: string | null;
  /** Numbers in the history (gaps and NA periods are not points). */
  readonly points: number;
  /** points ≥ SPC_MIN_POINTS: a chart can be drawn. */
  readonly ready: boolean;
}

/** How a special-cause point reads for this measure's aim: the colour a Making Data Count chart gives it. */
export type SpcPointMark = "improvement" | "concern" | "neutral";

export interface SpcChartPoint {
  readonly period: string;
  readonly value: number;
  /** null: common cause. */
  readonly mark: SpcPointMark | null;
  /** The first rule (precedence order, SPEC §7) that marks the point, and its side; null when unmarked. */
  readonly rule: SpcRule | null;
  readonly side: SpcSide | null;
}

export interface SpcChartData {
  readonly key: string;
  /** The measure as a chart names it: "ASC1 Personal budgets" (the code alone when the name is the code). */
  readonly title: string;
  readonly sheet: string;
  readonly cell: string;
  readonly aim: Aim | null;
  /** A single target; a Goldilocks range is in targetRange instead. */
  readonly target: number | null;
  readonly targetRange: readonly [number, number] | null;
  /**
   * The number format of the measure's latest value cell ("0.0%"…), when it is not General and the scan read formats
   * (readSpcChart and drawSpcChart do): a chart labels 73% rather than 0.73.
   */
  readonly valueFormat?: string;
  /** Oldest first. */
  readonly points: readonly SpcChartPoint[];
  readonly mean: number;
  readonly upper: number;
  readonly lower: number;
  readonly variation: Variation;
  readonly assurance: Assurance;
  /**
   * "SPC of figures to Aug 2025: Sep 2025 has none" when the measure's latest period has no figure, so the variation
   * is about an older point (finding F24; olderFigureNote, the measure's reason says the same): the pane shows it
   * beside the word; the variation reason ends with it too.
   */
  readonly latestFigureNote?: string;
  /** One line each, from the core (e.g. "Fail: target 0.8 is above the upper process limit 0.79 (Maximise)"). */
  readonly variationReason: string;
  readonly assuranceReason: string;
}

export type SpcChartResult =
  { readonly ok: true; readonly chart: SpcChartData } | { readonly ok: false; readonly problem: string };

/** Sheet and code cannot collide in JSON, whatever characters either holds. */
export function spcMeasureKey(sheet: string, code: string): string {
  return JSON.stringify([sheet, code]);
}

interface Found {
  readonly measure: MeasureReport;
  readonly series: MeasureSeries;
  readonly table: EvaluatedTable;
}

/** Every measure with a kept series, in report order (sheets as the workbook orders them, then tables, then rows). */
function withSeries(scan: ScanContext): Found[] {
  const found: Found[] = [];
  for (const sheet of scan.snapshot.sheets) {
    for (const table of scan.tables.get(sheet.name) ?? []) {
      for (const measure of table.measures) {
        const series = table.series.get(measure);
        if (series !== undefined) found.push({ measure, series, table });
      }
    }
  }
  return found;
}

/** The measure's latest figure (its latest period may have none); null when it has none at all. */
function latestFigure(series: MeasureSeries): number | null {
  const i = lastFigureIndex(series.values);
  return i < 0 ? null : series.values[i];
}

const countPoints = (series: MeasureSeries): number =>
  series.values.reduce<number>((n, x) => (x !== null && Number.isFinite(x) ? n + 1 : n), 0);

/**
 * The measures a chart can be asked for: every measure of a long or wide table (a single-period table has no
 * history), with the number of points it has. Needs a scan made with SPC on (the series are kept only then).
 */
export function spcChartMeasures(scan: ScanContext): SpcChartMeasure[] {
  const seen = new Set<string>();
  const measures: SpcChartMeasure[] = [];
  for (const { measure, series } of withSeries(scan)) {
    const key = spcMeasureKey(measure.sheet, measure.code);
    // A code twice on one sheet is a problem the scan already names; the first is the one a key finds.
    if (seen.has(key)) continue;
    seen.add(key);
    const points = countPoints(series);
    measures.push({
      key,
      sheet: measure.sheet,
      cell: measure.cell,
      code: measure.code,
      name: measure.name,
      group: measure.group,
      points,
      ready: points >= SPC_MIN_POINTS,
    });
  }
  return measures;
}

const MARKS: Record<Aim, Record<SpcSide, SpcPointMark>> = {
  Maximise: { High: "improvement", Low: "concern" },
  Minimise: { High: "concern", Low: "improvement" },
  Goldilocks: { High: "neutral", Low: "neutral" },
};

function targetOf(target: MeasureReport["target"]): Target | null {
  if (target === null) return null;
  return typeof target === "number"
    ? { kind: "single", value: target }
    : { kind: "range", lo: target[0], hi: target[1] };
}

export function measureTitle(measure: Pick<MeasureReport, "code" | "name">): string {
  return measure.name === measure.code ? measure.code : `${measure.code} ${measure.name}`;
}

/**
 * Why a measure has no aim, as its own row's reading says it (`unknown aim "High"`, `aim is the error #N/A`, an aim
 * that contradicts the target), for the chart's NA words: not "no aim given" beside a cell that gives one (new-user
 * finding N6), so the chart says what the apply run and the measure's data problem say.
 */
function whyNoAim(scan: ScanContext, table: EvaluatedTable, measure: MeasureReport): string {
  const sheet = scan.snapshot.sheets.find((s) => s.name === measure.sheet);
  const row = parseRangeRef(measure.cell)?.row;
  if (sheet === undefined || row === undefined) return "no aim given";
  const read = cellReader(sheet);
  const { aim, target, targetUpper } = table.table.header.fields;
  const at = (col: number | undefined) => (col === undefined ? undefined : read(row, col));
  const reading = readRow({ value: null, target: at(target), targetUpper: at(targetUpper), aim: at(aim) });
  return reading.problems.find((p) => p.field === "aim")?.reason ?? "no aim given";
}

function notFound(key: string): string {
  let parts: unknown;
  try {
    parts = JSON.parse(key);
  } catch {
    parts = null;
  }
  if (Array.isArray(parts) && parts.length === 2 && parts.every((p) => typeof p === "string")) {
    return `${parts[1]} on ${parts[0]} is not a measure with a history (a long or wide table) any more.`;
  }
  return `"${key}" does not name a measure.`;
}

/** The chart of one measure, or why there is none (unknown key, fewer than 12 points). */
export function spcChartData(scan: ScanContext, key: string): SpcChartResult {
  const found = withSeries(scan).find(({ measure }) => spcMeasureKey(measure.sheet, measure.code) === key);
  if (found === undefined) return { ok: false, problem: notFound(key) };
  const { measure, series, table } = found;
  // The report's copy of the measure carries the formats the scan read (numberFormats.ts); the cell names it.
  const shown = scan.report.measures.find((m) => m.sheet === measure.sheet && m.cell === measure.cell);
  const valueFormat = shown?.valueFormat;
  const targetFormat = shown?.targetFormat;
  // The reasons print each figure as its cell shows it, as the RAG reasons do: percentages, money with its symbol and
  // thousands separators (F20, "£1,290,000 is above … £1,288,116"), and a target on another scale than the values
  // (95 beside 96%, N13) as typed, never "9500%".
  const differ = scalesDiffer(latestFigure(series), measure.target, valueFormat, targetFormat);
  const styles = figureStyles(valueFormat, targetFormat, differ);
  const result = spc(series.values, measure.aim, targetOf(measure.target), styles);
  const analysis = result.analysis;
  if (analysis === null) {
    const n = countPoints(series);
    return {
      ok: false,
      problem: `${measure.code} on ${measure.sheet} has ${n} point${n === 1 ? "" : "s"}; an SPC chart needs at least ${SPC_MIN_POINTS}.`,
    };
  }
  const points: SpcChartPoint[] = [];
  series.values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) return;
    const first = marksAt(analysis, points.length)[0];
    points.push({
      period: series.periods[i],
      value,
      mark: first === undefined ? null : measure.aim === null ? "neutral" : MARKS[measure.aim][first.side],
      rule: first?.rule ?? null,
      side: first?.side ?? null,
    });
  });
  const { limits } = analysis;
  const target = measure.target;
  const note = olderFigureNote(series);
  const noAim = measure.aim === null ? `NA: ${whyNoAim(scan, table, measure)}` : null;
  return {
    ok: true,
    chart: {
      key,
      title: measureTitle(measure),
      sheet: measure.sheet,
      cell: measure.cell,
      aim: measure.aim,
      target: typeof target === "number" ? target : null,
      targetRange: target !== null && typeof target !== "number" ? [target[0], target[1]] : null,
      ...(valueFormat === undefined ? {} : { valueFormat }),
      points,
      mean: limits.mean,
      upper: limits.upperProcessLimit,
      lower: limits.lowerProcessLimit,
      variation: result.variation,
      assurance: result.assurance,
      ...(note === null ? {} : { latestFigureNote: note }),
      variationReason: noAim ?? (note === null ? result.variationReason : `${result.variationReason} (${note})`),
      assuranceReason: noAim ?? result.assuranceReason,
    },
  };
}

/** Up to 20 names, then how many more: a one-line message stays readable on a board pack of hundreds. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 20).join(", ");
  return names.length > 20 ? `${shown} and ${names.length - 20} more` : shown;
}

/**
 * The measures what a person types names, in tiers best first: its exact code, then its exact name (both case-blind),
 * then every measure whose code, name and sheet hold each typed word ("personal budget" finds "Adults with a personal
 * budget (%)"), those with a word that is their whole code first ("asc1 north" is ASC1 on the sheet North before
 * ASC10 there). A measure stands in its best tier only; nothing typed names every measure. The pane's picker lists
 * every tier; the CLI's --measure takes the best and wants it unique.
 */
export function measureTiers(measures: readonly SpcChartMeasure[], query: string): SpcChartMeasure[][] {
  const wanted = query.trim().toLowerCase();
  const words = wanted.split(/\s+/).filter(Boolean);
  if (words.length === 0) return [[...measures]];
  const [byCode, byName, byCodeAndWords, byWords]: SpcChartMeasure[][] = [[], [], [], []];
  for (const m of measures) {
    const code = m.code.toLowerCase();
    if (code === wanted) byCode.push(m);
    else if (m.name.toLowerCase() === wanted) byName.push(m);
    else {
      const text = `${measureTitle(m)} ${m.sheet}`.toLowerCase();
      if (words.every((w) => text.includes(w))) (words.includes(code) ? byCodeAndWords : byWords).push(m);
    }
  }
  return [byCode, byName, byCodeAndWords, byWords].filter((tier) => tier.length > 0);
}

/** Every measure what a person types names, best first (measureTiers): the pane picker's list. */
export function matchingMeasures(measures: readonly SpcChartMeasure[], query: string): SpcChartMeasure[] {
  return measureTiers(measures, query).flat();
}

/**
 * The measure a person names (measureTiers: an exact code, else an exact name, else the only measure holding every
 * word typed), on `sheet` when given: for the CLI's --measure. A miss or an ambiguity in the best tier is a one-line
 * problem naming what there is to choose from.
 */
export function findSpcMeasure(
  measures: readonly SpcChartMeasure[],
  query: string,
  sheet: string | null,
): { ok: true; measure: SpcChartMeasure } | { ok: false; problem: string } {
  const onSheet = sheet === null ? measures : measures.filter((m) => sameSheetName(m.sheet, sheet));
  if (sheet !== null && onSheet.length === 0) {
    const sheets = [...new Set(measures.map((m) => m.sheet))];
    return {
      ok: false,
      problem: `No sheet "${sheet}" has a measure with a history; ${sheets.length === 0 ? "no sheet has one" : `sheets with one: ${listed(sheets)}`}.`,
    };
  }
  // Nothing typed names every measure in the pane's list, but no one measure for the CLI.
  const found = query.trim() === "" ? [] : (measureTiers(onSheet, query)[0] ?? []);
  if (found.length === 1) return { ok: true, measure: found[0] };
  if (found.length > 1 && new Set(found.map((m) => m.code.toLowerCase())).size === 1) {
    return {
      ok: false,
      problem: `"${query}" is a measure on ${found.length} sheets (${found.map((m) => m.sheet).join(", ")}); name one with --sheet.`,
    };
  }
  if (found.length > 1) {
    return {
      ok: false,
      problem: `"${query}" matches ${found.length} measures: ${listed(found.map((m) => `${m.code} ${m.name} (${m.sheet})`))}; give more of the code, name or sheet.`,
    };
  }
  const ready = onSheet.filter((m) => m.ready);
  const where = sheet === null ? "" : ` on ${sheet}`;
  if (ready.length === 0) {
    return {
      ok: false,
      problem: `No measure "${query}"${where}, and none has the ${SPC_MIN_POINTS} points an SPC chart needs${onSheet.length > 0 ? ` (measures with a history: ${listed(onSheet.map((m) => `${m.code} (${m.points} points)`))})` : ""}.`,
    };
  }
  return {
    ok: false,
    problem: `No measure "${query}"${where}. Measures with ${SPC_MIN_POINTS} or more points: ${listed(ready.map((m) => (sheet === null ? `${m.code} (${m.sheet})` : m.code)))}.`,
  };
}
