#!/usr/bin/env node
/**
 * scorecard: the command line for .xlsx files (see USAGE). The same operations as the add-in, run by the .xlsx
 * host (a part-level editor: what Scorecard does not own is copied as it was); this module only reads and writes
 * files and talks to the terminal.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_LIMITS, PackageError, type SizeLimits } from "../hosts/xlsx/package/limits";
import { sampleWorkbookBytes } from "../sample/sampleBytes";
import { applyRules, scanWorkbook, toJsonReport } from "../workbook";
import type { ApplyReport, ScanReport } from "../workbook/model";
import { HELP_HINT, parseCommand, USAGE, UsageError, type Command } from "./args";
import {
  checkExtension,
  checkOutputName,
  FileError,
  readWorkbookFile,
  sameFile,
  scoredName,
  writeFileAtomic,
  writeFilesAtomic,
} from "./files";
import { problemLine, sheetRef } from "./problemLines";
import { progressBar, type ProgressBar } from "./progressBar";
import { summaryText } from "./summaryText";
import { chart, ChartRefused } from "./chart";

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
      io.err(`scorecard: ${error.message}\n${error.showUsage ? `\n${USAGE}` : HELP_HINT}`);
      return 1;
    }
    if (error instanceof ChartRefused) {
      io.err(`scorecard: ${error.message}`);
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
      await writeFileAtomic(output, sampleWorkbookBytes());
      return io.out(`Wrote ${output}`);
    }
    case "summary": {
      const workbook = await readWorkbookFile(command.input, limitsOf(command.maxSize));
      const report = await naming(command.input, () => scanWorkbook(workbook, command.spc ? { spc: true } : {}, true));
      noteHiddenSheets(report, io);
      return io.out(summaryText(`Scorecard summary of ${command.input}`, report));
    }
    case "apply":
      return apply(command, io);
    case "chart":
      // Parts are inflated as the scan reads them: a damaged one names the input wherever it surfaces.
      return naming(command.input, () => chart(command, io, limitsOf(command.maxSize)));
  }
}

type ApplyCommand = Extract<Command, { kind: "apply" }>;

async function apply(command: ApplyCommand, io: Console): Promise<void> {
  // A name given is checked before reading (a usage error costs no read); the default name depends on what is read.
  if (command.output !== null) checkTargets(command, command.output);
  const bar = io.progress();
  let output: string;
  let report: ApplyReport;
  try {
    // Reading and saving take most of the time on a big file: they get their share of the bar.
    bar?.report(0, 100, `Reading ${command.input}`);
    const workbook = await readWorkbookFile(command.input, limitsOf(command.maxSize));
    // From the package's content type, as checkExtension: a macro-enabled workbook named .xlsx gets an .xlsm copy.
    output = command.output ?? scoredName(command.input, workbook.macroEnabled);
    if (command.output === null && sameFile(output, command.input)) {
      // A scored copy scored again keeps its name (not .scored.scored.xlsx), and a default never replaces the input.
      throw new UsageError(
        `${command.input} is already a scored copy: name the output with -o, or give -o ${command.input} --in-place to score it again in place.`,
      );
    }
    if (command.output === null) checkTargets(command, output);
    checkExtension(output, workbook.macroEnabled);
    report = await naming(command.input, () =>
      applyRules(workbook, {
        settings: command.spc ? { output: command.mode, spc: true } : { output: command.mode },
        summary: command.summary,
        progress: bar ? (done, total, what) => bar.report(30 + (40 * done) / Math.max(total, 1), 100, what) : undefined,
      }),
    );
    bar?.report(70, 100, `Saving ${output}`);
    const files: { file: string; data: Uint8Array | string }[] = [];
    if (command.json) {
      // Sheets that could not be written (protected…) ride along with the contract's fields.
      const json = { ...toJsonReport(report), writeProblems: report.writeProblems };
      files.push({ file: command.json, data: `${JSON.stringify(json, null, 2)}\n` });
    }
    // The workbook last: if its rename fails, it (the input, with --in-place) is untouched (writeFilesAtomic).
    files.push({ file: output, data: workbook.save() });
    await writeFilesAtomic(files);
  } finally {
    bar?.done();
  }
  report.problems.forEach((problem) => io.err(problemLine(problem)));
  report.writeProblems.forEach((problem) => io.err(`${sheetRef(problem.sheet)}: ${problem.message}`));
  report.notices.forEach((notice) => io.err(`Note: ${notice}`));
  if (report.spcCleared.length > 0) {
    // The CLI's --spc is for one run (the pane's setting is stored): a run without it must not blank them silently.
    io.err(
      `Note: The Variation and Assurance columns on ${report.spcCleared.join(", ")} were left empty: they are from an ` +
        `earlier run with --spc, and this run has none. Run with --spc to keep them up to date.`,
    );
  }
  noteHiddenSheets(report, io);
  io.out(resultLine(report));
  io.out(`Wrote ${output}${sameFile(output, command.input) ? " (replacing the input, as --in-place asked)" : ""}`);
  if (command.json) io.out(`Wrote ${command.json}`);
}

/** The output workbook is not the input unless --in-place says so, and the JSON report overwrites neither. */
function checkTargets(command: ApplyCommand, output: string): void {
  checkOutputName(output);
  if (command.json !== null) checkOutputName(command.json);
  if (sameFile(output, command.input) && !command.inPlace) {
    throw new UsageError(`-o ${output} is the input workbook; add --in-place to replace it, or name another file.`);
  }
  if (command.json !== null) {
    const clobbered = sameFile(command.json, command.input)
      ? "input"
      : sameFile(command.json, output)
        ? "output"
        : null;
    if (clobbered)
      throw new UsageError(`--json ${command.json} would overwrite the ${clobbered} workbook; name another file.`);
  }
}

/**
 * Parts are inflated when they are read, so a damaged or oversized part can surface during the operation: it is the
 * input's fault (exit 2, naming the file), not an internal error.
 */
async function naming<T>(input: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof PackageError) throw new FileError(`${input} ${error.message}`);
    throw error;
  }
}

/** --max-size in megabytes: the limit for the whole package; no one part may pass the default per-part limit. */
function limitsOf(maxSize: number | null): SizeLimits {
  if (maxSize === null) return DEFAULT_LIMITS;
  const total = Math.round(maxSize * 1024 * 1024);
  return { total, part: Math.min(total, DEFAULT_LIMITS.part) };
}

/**
 * Hidden and very hidden sheets are not read (as the pane lists them under "Other sheets"): a measure table on one
 * is in no count, so say which they are rather than let it go missing without a word.
 */
function noteHiddenSheets(report: ScanReport, io: Console): void {
  const hidden = report.sheets.filter((s) => s.skipped === "hidden").map((s) => s.sheet);
  if (hidden.length > 0) io.err(`Note: Skipped hidden sheets (not rated): ${hidden.join(", ")}.`);
}

/** Tables and sheets as written: a protected sheet's measures are summarised, but its statuses are not written. */
function resultLine(report: ApplyReport): string {
  const tables = report.outputColumns.length;
  const sheets = new Set(report.outputColumns.map((o) => o.sheet)).size;
  const left =
    report.protectedSheets.length > 0 ? `; not written: ${report.protectedSheets.join(", ")} (protected)` : "";
  const summary = report.summarySheet ? `; summary sheet "${report.summarySheet}"` : "";
  return (
    `Rated ${count(report.rowsRated, "row")} (${count(report.measures.length, "measure")}) in ${count(tables, "table")} ` +
    `on ${count(sheets, "sheet")}${left}; ` +
    `added ${count(report.columnsAdded, "column")}${summary}; ${count(report.problems.length, "data problem")}.`
  );
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

function version(): string {
  // lib/cli/main.js and src/cli/main.ts both sit two folders below package.json.
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

if (require.main === module) {
  // `npm run cli -- …` runs in the package folder; file names mean what they meant where the user typed them.
  if (process.env.npm_lifecycle_event === "cli" && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  void run(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
