/** The JSON report the CLI prints with --json (issue 4): measures at their latest period, summary, problems. */
import type { Counts } from "../core";
import { countSpc } from "../core/spcSummary";
import { measuresBySheet } from "./measuresBySheet";
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

export function toJsonReport(report: ScanReport): JsonReport {
  const measuresOf = measuresBySheet(report.measures);
  return {
    measures: report.measures,
    summary: {
      sheets: report.summary.map((s) => {
        const { all, groups } = measuresOf(s.sheet);
        return {
          sheet: s.sheet,
          ...counts(s),
          spc: spcCounts(all),
          groups: s.groups.map((g) => ({ group: g.group, ...counts(g), spc: spcCounts(groups.get(g.group) ?? []) })),
        };
      }),
    },
    problems: report.problems,
  };
}
