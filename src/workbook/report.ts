/** The JSON report the CLI prints with --json (issue 4): measures at their latest period, summary, problems. */
import type { Counts } from "../core";
import type { MeasureReport, Problem, ScanReport } from "./model";

type JsonCounts = Pick<
  Counts,
  "total" | "reporting" | "na" | "green" | "amber" | "red" | "improvedShort" | "improvedLong"
>;

export interface JsonReport {
  readonly measures: readonly MeasureReport[];
  readonly summary: {
    readonly sheets: readonly (JsonCounts & { sheet: string; groups: (JsonCounts & { group: string })[] })[];
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

export function toJsonReport(report: ScanReport): JsonReport {
  return {
    measures: report.measures,
    summary: {
      sheets: report.summary.map((s) => ({
        sheet: s.sheet,
        ...counts(s),
        groups: s.groups.map((g) => ({ group: g.group, ...counts(g) })),
      })),
    },
    problems: report.problems,
  };
}
