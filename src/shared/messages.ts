/** The words the pane and the ribbon use to report what an operation did. Pure, so both share them and tests pin them. */
import { andList, counted } from "../core";
import { columnLetters } from "../workbook/a1";
import type { ApplyReport, OutputColumns, SummaryResult } from "../workbook/model";
import type { DrawSpcChartResult } from "../workbook/operations/spcChart";
import type { Outcome } from "./store";

export type Report = Omit<Outcome, "id">;

/** "column R", "columns R–T", "columns R, T and V". */
function columnWords(cols: readonly number[]): string {
  const letters = cols.map(columnLetters);
  if (cols.length === 1) return `column ${letters[0]}`;
  const adjacent = cols.every((c, i) => i === 0 || c === cols[i - 1] + 1);
  if (adjacent) return `columns ${letters[0]}–${letters[letters.length - 1]}`;
  return `columns ${andList(letters)}`;
}

/** "Status, Short Trend, Long Trend added in columns R–T" (reused columns said as such), without the sheet. */
function columnsPhrase(columns: OutputColumns["columns"]): string {
  const part = (added: boolean): string | null => {
    const these = columns.filter((c) => c.added === added);
    if (these.length === 0) return null;
    const headers = these.map((c) => c.header).join(", ");
    return `${headers} ${added ? "added" : "reused"} in ${columnWords(these.map((c) => c.col))}`;
  };
  return [part(true), part(false)].filter((p): p is string => p !== null).join(" and ");
}

/**
 * One line per sheet and placement, "Status, Short Trend, Long Trend added in columns R–T of Adult Social Care.":
 * tables of one sheet whose columns went to the same place share a line.
 */
export function whereLines(outputs: readonly OutputColumns[]): string[] {
  const lines = new Map<string, { sheet: string; phrase: string; tables: number }>();
  for (const o of outputs) {
    const phrase = columnsPhrase(o.columns);
    const key = JSON.stringify([o.sheet, phrase]);
    const seen = lines.get(key);
    if (seen) seen.tables++;
    else lines.set(key, { sheet: o.sheet, phrase, tables: 1 });
  }
  return [...lines.values()].map(
    ({ sheet, phrase, tables }) => `${phrase} of ${sheet}${tables > 1 ? ` (${counted(tables, "table")})` : ""}.`,
  );
}

/**
 * The sheets counted are those written: the report's measures cover every sheet read, including sheets the rules
 * were not applied to and protected sheets left alone, which make the message a warning.
 */
export function applyOutcome(report: ApplyReport, source: Outcome["source"]): Report {
  const failed = new Set(report.writeProblems.filter((p) => !p.optional).map((p) => p.sheet));
  const rated = new Set(report.outputColumns.map((o) => o.sheet).filter((sheet) => !failed.has(sheet))).size;
  const lines = [
    `${counted(report.rowsRated, "row")} rated on ${counted(rated, "sheet")}.`,
    ...whereLines(report.outputColumns),
    ...(report.summarySheet ? [`Summary written to the sheet "${report.summarySheet}".`] : []),
    ...report.notices,
    ...report.writeProblems.map((p) => `${p.sheet}: ${p.message}`),
  ];
  return {
    source,
    intent: report.writeProblems.length > 0 || report.protectedSheets.length > 0 ? "warning" : "success",
    title:
      failed.size > 0 || report.protectedSheets.length > 0
        ? "Rules applied, with sheets left unchanged"
        : "Rules applied",
    lines,
  };
}

export function summaryOutcome(result: SummaryResult, source: Outcome["source"]): Report {
  const measures = result.summary.reduce((n, s) => n + s.total, 0);
  // A print layout or chart Excel would not set is worth a warning, not "not fully written".
  const failed = result.writeProblems.some((p) => !p.optional);
  return {
    source,
    intent: result.writeProblems.length > 0 ? "warning" : "success",
    title: failed ? "Summary sheet not fully written" : "Summary sheet generated",
    lines: [
      `"${result.summarySheet}" summarises ${counted(measures, "measure")} on ${counted(result.summary.length, "sheet")}.`,
      ...result.notices,
      ...result.writeProblems.map((p) => `${p.sheet}: ${p.message}`),
    ],
  };
}

/** Where the SPC chart went; a measure that has no chart (any more) is said as such, nothing having been written. */
export function spcChartOutcome(result: DrawSpcChartResult, source: Outcome["source"]): Report {
  if (!result.ok) return { source, intent: "warning", title: "No SPC chart added", lines: [result.problem] };
  const failed = result.writeProblems.some((p) => !p.optional);
  return {
    source,
    intent: result.writeProblems.length > 0 ? "warning" : "success",
    title: failed ? "SPC chart not fully written" : "SPC chart added",
    lines: [
      `The chart of ${result.chart.title} is on the sheet "${result.sheet}" (${result.chart.variation}; assurance ${result.chart.assurance}).`,
      ...result.notices,
      ...result.writeProblems.map((p) => `${p.sheet}: ${p.message}`),
    ],
  };
}

/** Saved settings only reach the sheets when the rules run again: the message offers to do it. */
export function settingsOutcome(reset: boolean): Report {
  return {
    source: "pane",
    intent: "success",
    title: reset ? "Settings reset to their defaults" : "Settings saved in the workbook",
    lines: ["The sheets still show the old settings until the rules are applied again."],
    offer: "apply",
  };
}

export function errorOutcome(action: string, error: unknown, source: Outcome["source"]): Report {
  return { source, intent: "error", title: `Could not ${action}`, lines: [errorText(error)] };
}

export function busyOutcome(running: string, source: Outcome["source"]): Report {
  return { source, intent: "warning", title: "Please wait", lines: [`Scorecard is still busy: ${running}.`] };
}

/** One readable line from whatever was thrown; never a stack trace. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return "An unexpected error occurred.";
}
