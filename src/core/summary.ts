/** Summaries (SPEC §5): counts, half-up percentages and the report-style narrative. */
import type { Status, Trend } from "./types";
import { percentHalfUp } from "./numbers";
import { plural } from "./text";

/** One measure at its latest period, as the summary sees it. */
export interface MeasureOutcome {
  readonly sheet: string;
  readonly group: string | null;
  readonly code: string;
  readonly name: string;
  readonly status: Status;
  readonly shortTrend: Trend;
  readonly longTrend: Trend;
}

export interface Counts {
  readonly total: number;
  /** Measures with a status other than NA. */
  readonly reporting: number;
  readonly na: number;
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
  let improvedShort = 0;
  let improvedLong = 0;
  let withShortTrend = 0;
  let withLongTrend = 0;
  for (const m of measures) {
    codes[m.status].push(m.code);
    if (m.status === "NA") continue;
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

const list = (codes: readonly string[]): string => (codes.length ? ` (${codes.join(", ")})` : "");

/** Report-style sentences for a directorate or an outcome, as Medway's reports word them. */
export function narrative(counts: Counts, scope: "directorate" | "outcome"): string[] {
  const { total, reporting, na, green, amber, red, codes } = counts;
  const sentences = [`The total number of measures for this ${scope} is ${total}.`];
  if (total === 0) return sentences;
  if (na > 0) {
    sentences.push(
      `We are reporting on ${reporting} as data for ${na} ${plural(na, "measure is", "measures are")} not available${list(codes.NA)}.`,
    );
  }
  sentences.push(
    green === 0
      ? "No measures met their target."
      : `${green} ${plural(green, "measure met its", "measures met their")} target${list(codes.Green)}.`,
  );
  const slipping = counts.greenDeterioratingLong;
  if (slipping.length > 0) {
    sentences.push(
      `${slipping.length} of the ${green} green ${plural(green, "measure", "measures")} ${plural(slipping.length, "is", "are")} deteriorating long term${list(slipping)}.`,
    );
  }
  if (amber > 0) {
    sentences.push(
      `${amber} ${plural(amber, "measure is", "measures are")} slightly below target (amber)${list(codes.Amber)}.`,
    );
  }
  if (red > 0) {
    sentences.push(
      `${red} ${plural(red, "measure is", "measures are")} significantly below target (red)${list(codes.Red)}.`,
    );
  }
  // Percentages are of the reporting measures, as the reports print them; a term no measure has a trend for is left out.
  const improved = improvedParts(counts, "over the short term");
  if (improved.length > 0) sentences.push(`${improved.join(" and ")}.`);
  return sentences;
}
