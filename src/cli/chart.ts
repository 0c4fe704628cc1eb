/**
 * `scorecard chart <in.xlsx> --measure <code or name>`: one measure's SPC chart (issue 12) drawn on the add-in's
 * SPC sheet of a copy of the workbook, as the pane's "Add chart to workbook" does.
 */
import type { SizeLimits } from "../hosts/xlsx/package/limits";
import { drawSpcChartFrom, scanForSpcChart } from "../workbook/operations/spcChart";
import { findSpcMeasure, spcChartMeasures } from "../workbook/spcChart";
import type { Command } from "./args";
import { UsageError } from "./args";
import { chartName, checkExtension, checkOutputName, readWorkbookFile, sameFile, writeFileAtomic } from "./files";
import { sheetRef } from "./problemLines";
import { findByName, typedSheetKey } from "../workbook/sheetNames";
import type { Console } from "./main";

export type ChartCommand = Extract<Command, { kind: "chart" }>;

/** A measure that is not there or has too few points: exit 1 with this one line (what exists), not the usage. */
export class ChartRefused extends Error {}

export async function chart(command: ChartCommand, io: Console, limits: SizeLimits): Promise<void> {
  if (command.output !== null && sameFile(command.output, command.input)) {
    throw new UsageError(`-o ${command.output} is the input workbook; chart writes a copy, name another file.`);
  }
  const workbook = await readWorkbookFile(command.input, limits);
  const output = command.output ?? chartName(command.input, workbook.macroEnabled);
  checkOutputName(output);
  checkExtension(output, workbook.macroEnabled);
  // One scan finds the measure and draws it.
  const scan = await scanForSpcChart(workbook, true);
  const measures = spcChartMeasures(scan);
  const sheet = command.sheet === null ? null : sheetTyped(command.sheet, [...new Set(measures.map((m) => m.sheet))]);
  const found = findSpcMeasure(measures, command.measure, sheet);
  if (!found.ok) throw new ChartRefused(found.problem);
  const result = await drawSpcChartFrom(workbook, scan, found.measure.key);
  if (!result.ok) throw new ChartRefused(result.problem);
  await writeFileAtomic(output, workbook.save());
  result.writeProblems.forEach((problem) => io.err(`${sheetRef(problem.sheet)}: ${problem.message}`));
  result.notices.forEach((notice) => io.err(`Note: ${notice}`));
  const { chart: data } = result;
  io.out(
    `SPC chart of ${data.title} (${data.sheet}, ${data.points.length} points) on the sheet "${result.sheet}": ` +
      `${data.variation}, assurance ${data.assurance}.`,
  );
  io.out(`Wrote ${output}`);
}

/**
 * The sheet --sheet means among the sheets with a measure to chart: its name as Excel matches it, then as typed
 * (a curly apostrophe for a straight one, typedSheetKey), then the one sheet whose name holds every word typed
 * ("children" for "Children's Services"), as --measure takes words. Several sheets with those words is exit 1 naming
 * them; no sheet is left to findSpcMeasure, which lists the sheets there are.
 */
function sheetTyped(typed: string, sheets: readonly string[]): string {
  const exact = findByName(
    sheets.map((name) => ({ name })),
    typed,
  );
  if (exact) return exact.name;
  const key = typedSheetKey(typed);
  const same = sheets.filter((name) => typedSheetKey(name) === key);
  if (same.length === 1) return same[0];
  const words = key.split(/\s+/).filter((w) => w !== "");
  const holding = sheets.filter((name) => words.every((w) => typedSheetKey(name).includes(w)));
  if (holding.length === 1) return holding[0];
  if (holding.length > 1 || same.length > 1) {
    const names = same.length > 1 ? same : holding;
    throw new ChartRefused(
      `--sheet "${typed}" matches ${names.length} sheets (${names.join(", ")}); give more of its name.`,
    );
  }
  return typed;
}
