#!/usr/bin/env node
/**
 * scorecard: the command line for .xlsx files (see USAGE). The same operations as the add-in,
 * run by the ExcelJS host; this module only reads and writes files and talks to the terminal.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { XlsxWorkbook } from "../hosts/xlsx";
import { buildSampleWorkbook } from "../sample/buildSample";
import { applyRules, scanWorkbook, toJsonReport } from "../workbook";
import type { ApplyReport } from "../workbook/model";
import { parseCommand, USAGE, UsageError, type Command } from "./args";
import { FileError, readWorkbookFile, sameFile, scoredName, writeFileAtomic } from "./files";
import { problemLine, sheetRef } from "./problemLines";
import { progressBar, type ProgressBar } from "./progressBar";
import { summaryText } from "./summaryText";

/** Where the CLI writes; tests pass their own. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
  progress(): ProgressBar | null;
}

const processConsole: Console = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  progress: () => progressBar(process.stderr),
};

const DEFAULT_SAMPLE = "scorecard-sample.xlsx";

/** Runs one command line; returns the exit status. Never throws. */
export async function run(argv: readonly string[], io: Console = processConsole): Promise<number> {
  try {
    await execute(parseCommand(argv), io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`scorecard: ${error.message}\n\n${USAGE}`);
      return 1;
    }
    if (error instanceof FileError) {
      io.err(`scorecard: ${error.message}`);
      return 2;
    }
    io.err(`scorecard: internal error: ${error instanceof Error ? error.message : String(error)} (please report it)`);
    if (process.env.SCORECARD_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 3;
  }
}

async function execute(command: Command, io: Console): Promise<void> {
  switch (command.kind) {
    case "help":
      return io.out(USAGE);
    case "version":
      return io.out(version());
    case "sample": {
      const output = command.output ?? DEFAULT_SAMPLE;
      await writeFileAtomic(output, new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer()));
      return io.out(`Wrote ${output}`);
    }
    case "summary": {
      const { workbook } = await readWorkbookFile(command.input);
      const report = await scanWorkbook(new XlsxWorkbook(workbook));
      return io.out(summaryText(`Scorecard summary of ${command.input}`, report));
    }
    case "apply":
      return apply(command, io);
  }
}

async function apply(command: Extract<Command, { kind: "apply" }>, io: Console): Promise<void> {
  const output = command.output ?? scoredName(command.input);
  if (command.json !== null) {
    // The JSON is written last: naming a workbook here would replace it with the report.
    const clobbered = sameFile(command.json, command.input)
      ? "input"
      : sameFile(command.json, output)
        ? "output"
        : null;
    if (clobbered)
      throw new FileError(`--json ${command.json} would overwrite the ${clobbered} workbook; name another file`);
  }
  const bar = io.progress();
  let report: ApplyReport;
  let lost: readonly string[] = [];
  try {
    // Reading and saving take most of the time on a big file: they get their share of the bar.
    bar?.report(0, 100, `Reading ${command.input}`);
    const { workbook, lostOnSave } = await readWorkbookFile(command.input);
    lost = lostOnSave;
    report = await applyRules(new XlsxWorkbook(workbook), {
      settings: { output: command.mode },
      summary: command.summary,
      progress: bar ? (done, total, what) => bar.report(30 + (40 * done) / Math.max(total, 1), 100, what) : undefined,
    });
    bar?.report(70, 100, `Saving ${output}`);
    await writeFileAtomic(output, new Uint8Array(await workbook.xlsx.writeBuffer()));
    if (command.json) {
      // Sheets that could not be written (protected…) ride along with the contract's fields.
      const json = { ...toJsonReport(report), writeProblems: report.writeProblems };
      await writeFileAtomic(command.json, `${JSON.stringify(json, null, 2)}\n`);
    }
  } finally {
    bar?.done();
  }
  report.problems.forEach((problem) => io.err(problemLine(problem)));
  report.writeProblems.forEach((problem) => io.err(`${sheetRef(problem.sheet)}: ${problem.message}`));
  report.notices.forEach((notice) => io.err(`Note: ${notice}`));
  if (lost.length > 0) {
    io.err(
      `Note: ${command.input} has ${listed(lost)}, which the scored copy does not keep (the file library ` +
        `cannot write them); the input is unchanged, and the add-in in Excel keeps them.`,
    );
  }
  io.out(resultLine(report));
  io.out(`Wrote ${output}${sameFile(output, command.input) ? " (replacing the input, as -o asked)" : ""}`);
  if (command.json) io.out(`Wrote ${command.json}`);
}

function resultLine(report: ApplyReport): string {
  const tables = report.sheets.reduce((n, sheet) => n + sheet.tables.length, 0);
  const sheets = report.sheets.filter((sheet) => sheet.tables.length > 0).length;
  const summary = report.summarySheet ? `; summary sheet "${report.summarySheet}"` : "";
  return (
    `Rated ${count(report.rowsRated, "row")} (${count(report.measures.length, "measure")}) in ${count(tables, "table")} ` +
    `on ${count(sheets, "sheet")}; ` +
    `added ${count(report.columnsAdded, "column")}${summary}; ${count(report.problems.length, "data problem")}.`
  );
}

/** ["charts", "pivot tables", "macros"] -> "charts, pivot tables and macros" */
const listed = (items: readonly string[]): string =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

function version(): string {
  // lib/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

if (require.main === module) {
  void run(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
