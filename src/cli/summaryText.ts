/**
 * The plain-text summary `scorecard summary` prints, laid out as the committee reports are: per directorate the
 * counts and the "64% (14 out of 22) improved long term" lines, then the narrative; per group its counts and
 * narrative; then every data problem with its cell.
 */
import { improvedLine, narrative } from "../core";
import type { Counts } from "../core";
import type { ScanReport } from "../workbook/model";
import { problemLine } from "./problemLines";

const indent = (depth: number) => (line: string) => `${"  ".repeat(depth)}${line}`;

function countLines(c: Counts): string[] {
  return [
    `${c.total} measures: ${c.reporting} reporting, ${c.na} not available`,
    `Green ${c.green} · Amber ${c.amber} · Red ${c.red} · NA ${c.na}`,
  ];
}

/** As the narrative does: of the reporting measures, and left out for a term no measure has a trend for. */
function improvedLines(c: Counts): string[] {
  if (c.reporting === 0) return [];
  return [
    c.withLongTrend > 0 ? `${improvedLine(c.improvedLong, c.reporting)} improved long term` : null,
    c.withShortTrend > 0 ? `${improvedLine(c.improvedShort, c.reporting)} improved short term` : null,
  ].filter((line) => line !== null);
}

export function summaryText(title: string, report: ScanReport): string {
  const lines = [title, ""];
  for (const sheet of report.summary) {
    lines.push(
      sheet.sheet,
      ...[...countLines(sheet), ...improvedLines(sheet), ...narrative(sheet, "directorate")].map(indent(1)),
    );
    for (const group of sheet.groups) {
      lines.push("", indent(1)(group.group), ...[...countLines(group), ...narrative(group, "outcome")].map(indent(2)));
    }
    lines.push("");
  }
  if (report.summary.length === 0) lines.push("No measure tables found.", "");
  lines.push(report.problems.length === 0 ? "No data problems." : `Data problems (${report.problems.length}):`);
  lines.push(...report.problems.map((p) => indent(1)(problemLine(p))));
  return lines.join("\n");
}
