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
  const found = findSpcMeasure(spcChartMeasures(scan), command.measure, command.sheet);
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
