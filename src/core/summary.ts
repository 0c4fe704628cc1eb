/** Summaries (SPEC §5): counts, half-up percentages and the report-style narrative. */
import type { NaKind, Status, Trend } from "./types";
import { percentHalfUp } from "./numbers";
import { parsePeriod } from "./periods";
import { codesInBrackets, counted, listUpTo, plural } from "./text";
import type { ListCut } from "./text";

/** One measure at its latest period, as the summary sees it. */
export interface MeasureOutcome {
  readonly sheet: string;
  readonly group: string | null;
  readonly code: string;
  readonly name: string;
  readonly status: Status;
  readonly shortTrend: Trend;
  readonly longTrend: Trend;
  /** Why an NA measure is NA (SPEC §5); left out, an NA measure counts as data not available. */
  readonly naKind?: NaKind | null;
}

/** Why a measure is NA, or null when it is rated. */
export function whyNa(m: Pick<MeasureOutcome, "status" | "naKind">): NaKind | null {
  if (m.status !== "NA") return null;
  return m.naKind ?? "noData";
}

export interface Counts {
  readonly total: number;
  /** Measures with a status other than NA. */
  readonly reporting: number;
  readonly na: number;
  /** The NA measures split by why: no value for the latest period, or a value with no usable target or aim. */
  readonly noData: readonly string[];
  readonly notRated: readonly string[];
  readonly green: number;
  readonly amber: number;
  readonly red: number;
  readonly improvedShort: number;
  readonly improvedLong: number;
  /** Reporting measures that have a short / long trend at all (a single-layout table has no long trend). */
  readonly withShortTrend: number;
  readonly withLongTrend: number;
  readonly codes: Readonly<Record<Status, readonly string[]>>;
  /** Green measures whose long trend is DET: the report calls them out. */
  readonly greenDeterioratingLong: readonly string[];
}

export interface GroupSummary extends Counts {
  readonly group: string;
}

export interface SheetSummary extends Counts {
  readonly sheet: string;
  readonly groups: readonly GroupSummary[];
}

/** Counts over a set of measures. Improvement counts only measures that report a status (the reports' "*where data available"). */
export function count(measures: readonly MeasureOutcome[]): Counts {
  const codes: Record<Status, string[]> = { Green: [], Amber: [], Red: [], NA: [] };
  const greenDeterioratingLong: string[] = [];
  const noData: string[] = [];
  const notRated: string[] = [];
  let improvedShort = 0;
  let improvedLong = 0;
  let withShortTrend = 0;
  let withLongTrend = 0;
  for (const m of measures) {
    codes[m.status].push(m.code);
    const why = whyNa(m);
    if (why === "noData") noData.push(m.code);
    if (why === "notRated") notRated.push(m.code);
    if (why !== null) continue;
    if (m.shortTrend === "IMP") improvedShort++;
    if (m.longTrend === "IMP") improvedLong++;
    if (m.shortTrend !== "NA") withShortTrend++;
    if (m.longTrend !== "NA") withLongTrend++;
    if (m.status === "Green" && m.longTrend === "DET") greenDeterioratingLong.push(m.code);
  }
  return {
    total: measures.length,
    reporting: measures.length - codes.NA.length,
    na: codes.NA.length,
    noData,
    notRated,
    green: codes.Green.length,
    amber: codes.Amber.length,
    red: codes.Red.length,
    improvedShort,
    improvedLong,
    withShortTrend,
    withLongTrend,
    codes,
    greenDeterioratingLong,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Per sheet (directorate) and, inside it, per group (outcome), in the order they first appear. */
export function summarise(measures: readonly MeasureOutcome[]): SheetSummary[] {
  return [...groupBy(measures, (m) => m.sheet)].map(([sheet, inSheet]) => ({
    sheet,
    ...count(inSheet),
    groups: [
      ...groupBy(
        inSheet.filter((m) => m.group !== null),
        (m) => m.group ?? "",
      ),
    ].map(([group, inGroup]) => ({
      group,
      ...count(inGroup),
    })),
  }));
}

/** "64% (14 out of 22)": a count as a half-up percentage of the reporting measures. */
export function improvedLine(improved: number, reporting: number): string {
  return `${percentHalfUp(improved, reporting)}% (${improved} out of ${reporting})`;
}

/** "… improved long term" and "… improved <shortTerm>" for the terms that some reporting measure has a trend for. */
function improvedParts(counts: Counts, shortTerm: string): string[] {
  const parts: string[] = [];
  if (counts.withLongTrend > 0) parts.push(`${improvedLine(counts.improvedLong, counts.reporting)} improved long term`);
  if (counts.withShortTrend > 0)
    parts.push(`${improvedLine(counts.improvedShort, counts.reporting)} improved ${shortTerm}`);
  return parts;
}

/**
 * The report's headline lines, e.g. "64% (14 out of 22) improved long term", as percentages of the reporting
 * measures; a term no measure has a trend for (a single-layout sheet has no long trend) is left out, not shown as 0%.
 */
export function improvementLines(counts: Counts): string[] {
  return improvedParts(counts, "short term");
}

/** "is" or "are", agreeing with a count. */
const verb = (n: number): string => plural(n, "is", "are");

/** "1 of the 15 green measures is", "Both green measures are", "The green measure is", "All 3 green measures are". */
function someOfTheGreen(some: number, green: number): string {
  if (some === green) {
    if (green === 1) return "The green measure is";
    if (green === 2) return "Both green measures are";
    return `All ${green} green measures are`;
  }
  return `${some} of the ${counted(green, "green measure")} ${verb(some)}`;
}

/**
 * Report-style sentences for a directorate or an outcome, as Medway's reports word them; every sentence agrees with
 * its counts (0, 1, 2 or many). `cut`: where each list of codes in brackets is cut (a sheet's cell limit).
 */
export function narrative(counts: Counts, scope: "directorate" | "outcome", cut?: ListCut): string[] {
  const { total, reporting, green, amber, red, codes, noData, notRated } = counts;
  const sentences = [`The total number of measures for this ${scope} is ${total}.`];
  if (total === 0) return sentences;
  if (noData.length > 0) {
    sentences.push(
      `We are reporting on ${reporting === 0 ? "none" : reporting} as data for ${counted(noData.length, "measure")} ${verb(noData.length)} not available${codesInBrackets(noData, cut)}.`,
    );
  }
  if (notRated.length > 0) {
    sentences.push(
      `${counted(notRated.length, "measure")} ${verb(notRated.length)} not rated: no usable target or aim${codesInBrackets(notRated, cut)}.`,
    );
  }
  // With nothing reporting there is nothing to say about targets ("No measures met their target" would mislead).
  if (reporting === 0) return sentences;
  sentences.push(
    green === 0
      ? "No measures met their target."
      : `${counted(green, "measure")} ${plural(green, "met its", "met their")} target${codesInBrackets(codes.Green, cut)}.`,
  );
  const slipping = counts.greenDeterioratingLong;
  if (slipping.length > 0) {
    sentences.push(
      `${someOfTheGreen(slipping.length, green)} deteriorating long term${codesInBrackets(slipping, cut)}.`,
    );
  }
  if (amber > 0) {
    sentences.push(
      `${counted(amber, "measure")} ${verb(amber)} slightly below target (amber)${codesInBrackets(codes.Amber, cut)}.`,
    );
  }
  if (red > 0) {
    sentences.push(
      `${counted(red, "measure")} ${verb(red)} significantly below target (red)${codesInBrackets(codes.Red, cut)}.`,
    );
  }
  // Percentages are of the reporting measures, as the reports print them; a term no measure has a trend for is left out.
  const improved = improvedParts(counts, "over the short term");
  if (improved.length > 0) sentences.push(`${improved.join(" and ")}.`);
  return sentences;
}

export interface PeriodCount {
  /** The period's label as the measures give it; null for measures without a period. */
  readonly period: string | null;
  readonly count: number;
}

/** The order key of a period label: later periods first, then labels that are not periods, then no period. */
function periodRank(label: string | null): [number, number] {
  if (label === null) return [2, 0];
  const parsed = parsePeriod(label);
  return parsed.ok ? [0, -parsed.value.order] : [1, 0];
}

/** The latest periods the measures report, latest first, with how many measures report each. */
export function periodsCovered(measures: readonly { readonly period: string | null }[]): PeriodCount[] {
  const counts = new Map<string | null, number>();
  for (const m of measures) counts.set(m.period, (counts.get(m.period) ?? 0) + 1);
  return [...counts]
    .map(([period, n]) => ({ period, count: n, rank: periodRank(period) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || (a.period ?? "").localeCompare(b.period ?? ""))
    .map(({ period, count: n }) => ({ period, count: n }));
}

/**
 * The period a summary covers (SPEC §5): "Period: Q2 2020/21" when every measure reports the same one, otherwise each
 * period with its count, "Periods: Q2 2020/21 (28 measures), Q1 2020/21 (3 measures), period not stated (1 measure)".
 * A measure states no period when its period cell is blank or names only the kind of figure (`12M`: statedPeriod).
 * `cut`: where the list of periods is cut (a sheet's cell limit), at a period.
 */
export function periodLine(measures: readonly { readonly period: string | null }[], cut?: ListCut): string {
  const periods = periodsCovered(measures);
  if (periods.length === 0) return "Period: none (no measures found).";
  if (periods.length === 1) return `Period: ${periods[0].period ?? "not stated"}.`;
  const parts = periods.map((p) => `${p.period ?? "period not stated"} (${counted(p.count, "measure")})`);
  return `Periods: ${listUpTo(parts, cut)}.`;
}
