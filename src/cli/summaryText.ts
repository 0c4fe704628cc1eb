/**
 * The plain-text summary `scorecard summary` prints, laid out as the committee reports are: per directorate the
 * counts and the "64% (14 out of 22) improved long term" lines, then the narrative; per group its counts and
 * narrative; then every data problem with its cell.
 */
import { improvementLines, narrative, periodLine } from "../core";
import type { Counts } from "../core";
import { countSpc, spcNarrative } from "../core/spcSummary";
import { measuresBySheet } from "../workbook/measuresBySheet";
import type { MeasureReport, ScanReport } from "../workbook/model";
import { problemLine } from "./problemLines";

const indent = (depth: number) => (line: string) => `${"  ".repeat(depth)}${line}`;

/** NA split by why (SPEC §5): "data not available" (no value for the period) and "not rated" are not the same. */
function naPart(c: Counts): string {
  if (c.na === 0) return "0 NA";
  return `${c.na} NA (${c.noData.length} data not available, ${c.notRated.length} not rated)`;
}

function countLines(c: Counts): string[] {
  return [
    `${c.total} measures: ${c.reporting} reporting, ${naPart(c)}`,
    `Green ${c.green} · Amber ${c.amber} · Red ${c.red} · NA ${c.na}`,
  ];
}

export function summaryText(title: string, report: ScanReport): string {
  // The period the summary covers, each with its count where the measures' periods differ (SPEC §5).
  const lines = [title, periodLine(report.measures), ""];
  // The SPC sentences (issue 12) when the workbook's SPC setting is on.
  const spc = (scope: "directorate" | "outcome", measures: readonly MeasureReport[]): string[] =>
    report.settings.spc ? spcNarrative(countSpc(measures), scope) : [];
  const measuresOf = measuresBySheet(report.measures);
  for (const sheet of report.summary) {
    const { all, groups } = measuresOf(sheet.sheet);
    lines.push(
      sheet.sheet,
      ...[
        ...countLines(sheet),
        ...improvementLines(sheet),
        ...narrative(sheet, "directorate"),
        ...spc("directorate", all),
      ].map(indent(1)),
    );
    for (const group of sheet.groups) {
      lines.push(
        "",
        indent(1)(group.group),
        ...[...countLines(group), ...narrative(group, "outcome"), ...spc("outcome", groups.get(group.group) ?? [])].map(
          indent(2),
        ),
      );
    }
    lines.push("");
  }
  if (report.summary.length === 0) lines.push("No measure tables found.", "");
  lines.push(report.problems.length === 0 ? "No data problems." : `Data problems (${report.problems.length}):`);
  for (const p of report.problems) lines.push(indent(1)(problemLine(p)));
  return lines.join("\n");
}
