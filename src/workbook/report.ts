/** The JSON report the CLI prints with --json (issue 4): measures at their latest period, summary, problems. */
import type { Counts } from "../core";
import { countSpc } from "../core/spcSummary";
import type { MeasureReport, Problem, ScanReport } from "./model";

type JsonCounts = Pick<
  Counts,
  "total" | "reporting" | "na" | "green" | "amber" | "red" | "improvedShort" | "improvedLong"
>;

/** SPC counts of a directorate or group (issue 12): all 0 when SPC is off. */
interface JsonSpcCounts {
  readonly commonCause: number;
  readonly improvement: number;
  readonly concern: number;
  readonly neutral: number;
  readonly pass: number;
  readonly fail: number;
  readonly hitAndMiss: number;
}

type WithSpc = JsonCounts & { spc: JsonSpcCounts };

export interface JsonReport {
  readonly measures: readonly MeasureReport[];
  readonly summary: {
    readonly sheets: readonly (WithSpc & { sheet: string; groups: (WithSpc & { group: string })[] })[];
  };
  readonly problems: readonly Problem[];
}

function counts(c: Counts): JsonCounts {
  return {
    total: c.total,
    reporting: c.reporting,
    na: c.na,
    green: c.green,
    amber: c.amber,
    red: c.red,
    improvedShort: c.improvedShort,
    improvedLong: c.improvedLong,
  };
}

function spcCounts(measures: readonly MeasureReport[]): JsonSpcCounts {
  const c = countSpc(measures);
  return {
    commonCause: c.commonCause.length,
    improvement: c.improvement.length,
    concern: c.concern.length,
    neutral: c.neutral.length,
    pass: c.pass.length,
    fail: c.fail.length,
    hitAndMiss: c.hitAndMiss.length,
  };
}

/** Measures by sheet, and by group within it: one pass, rather than a filter of every measure per sheet and group. */
function bySheetAndGroup(measures: readonly MeasureReport[]): Map<string, Map<string | null, MeasureReport[]>> {
  const sheets = new Map<string, Map<string | null, MeasureReport[]>>();
  for (const m of measures) {
    let groups = sheets.get(m.sheet);
    if (groups === undefined) sheets.set(m.sheet, (groups = new Map()));
    let list = groups.get(m.group);
    if (list === undefined) groups.set(m.group, (list = []));
    list.push(m);
  }
  return sheets;
}

export function toJsonReport(report: ScanReport): JsonReport {
  const measures = bySheetAndGroup(report.measures);
  return {
    measures: report.measures,
    summary: {
      sheets: report.summary.map((s) => {
        const groups = measures.get(s.sheet) ?? new Map<string | null, MeasureReport[]>();
        return {
          sheet: s.sheet,
          ...counts(s),
          spc: spcCounts([...groups.values()].flat()),
          groups: s.groups.map((g) => ({ group: g.group, ...counts(g), spc: spcCounts(groups.get(g.group) ?? []) })),
        };
      }),
    },
    problems: report.problems,
  };
}
