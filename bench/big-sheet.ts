/**
 * Hostile and huge files through the built CLI (issue 8 goals), each in its own Node process with its peak RSS:
 * - a 7 KB workbook with one stray cell at XFD1048576: processed, quick and small;
 * - zip bombs (1.2 MB inflating to 1.26 GB; honest and lying headers): refused before inflating, quick and small;
 * - measure sheets of 262,144 and 1,048,576 rows: linear time (the ratio of seconds per row is printed), ≤ 1.5 GB.
 * Run: npm run bench -- big-sheet. Prints the numbers; exits 1 only when a run does not end as expected (exit code),
 * not when a time or memory goal is missed. Files are generated, streaming, into a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { MAX_ROWS, strayCellWorkbook, writeBigSheet, writeZipBomb } from "../tests/fixtures/ooxml/hostile";

const root = path.resolve(__dirname, "..");
const { ensureCliBuilt } = require(path.join(root, "scripts", "ensure-cli-built.cjs")) as { ensureCliBuilt(): string };

interface Run {
  readonly status: number | null;
  readonly seconds: number;
  readonly peakMb: number;
  readonly message: string;
}

/** Runs the CLI; a run still going after `timeoutMs` is killed and reported as such (status null). */
function timed(cli: string, preload: string, args: readonly string[], timeoutMs: number): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", preload, cli, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = /peak-rss-kb=(\d+)/.exec(result.stderr ?? "");
  const stderr = (result.stderr ?? "").replace(/\n?peak-rss-kb=\d+\n?/, "").trim();
  const message =
    result.status === null
      ? `killed after ${timeoutMs / 1000} s (${result.signal})`
      : ((result.status === 0 ? result.stdout.split("\n")[0] : stderr.split("\n")[0]) ?? "");
  return { status: result.status, seconds, peakMb: peak ? Number(peak[1]) / 1024 : NaN, message };
}

const mb = (file: string): string => `${(statSync(file).size / 1024 / 1024).toFixed(2)} MB`;

async function main(): Promise<void> {
  const cli = ensureCliBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), "scorecard-big-"));
  let unexpected = 0;
  try {
    const preload = path.join(dir, "peak-rss.cjs");
    writeFileSync(
      preload,
      `process.on("exit", () => process.stderr.write("\\npeak-rss-kb=" + process.resourceUsage().maxRSS + "\\n"));\n`,
    );
    const report = (name: string, file: string, expected: number, run: Run): void => {
      if (run.status !== expected) unexpected++;
      console.log(
        `${name.padEnd(28)} ${mb(file).padStart(10)}  exit ${run.status} (expected ${expected})  ${run.seconds.toFixed(2).padStart(7)} s  peak RSS ${run.peakMb.toFixed(0).padStart(5)} MB\n    ${run.message}`,
      );
    };
    const apply = (input: string, timeoutMs: number): Run =>
      timed(cli, preload, ["apply", input, "-o", path.join(dir, `out-${path.basename(input)}`)], timeoutMs);

    const stray = path.join(dir, "stray.xlsx");
    writeFileSync(stray, strayCellWorkbook());
    report("stray cell at XFD1048576", stray, 0, apply(stray, 120_000));

    for (const lie of [false, true]) {
      const bomb = path.join(dir, `bomb-${lie ? "lying" : "honest"}.xlsx`);
      await writeZipBomb(bomb, lie);
      report(`zip bomb, ${lie ? "lying" : "honest"} sizes`, bomb, 2, apply(bomb, 120_000));
    }

    const perRow: number[] = [];
    for (const rows of [MAX_ROWS / 4, MAX_ROWS]) {
      const big = path.join(dir, `rows-${rows}.xlsx`);
      const generated = Date.now();
      await writeBigSheet(big, rows);
      console.log(
        `(generated ${rows.toLocaleString("en-GB")} rows in ${((Date.now() - generated) / 1000).toFixed(1)} s)`,
      );
      const run = apply(big, 1_200_000);
      report(`${rows.toLocaleString("en-GB")}-row sheet`, big, 0, run);
      if (run.status === 0) perRow.push(run.seconds / rows);
      if (rows === MAX_ROWS) {
        console.log(`memory goal ≤ 1536 MB: ${run.peakMb <= 1536 ? "met" : "MISSED"} (${run.peakMb.toFixed(0)} MB)`);
      }
      rmSync(big, { force: true });
    }
    if (perRow.length === 2) {
      const growth = perRow[1] / perRow[0];
      console.log(
        `time per row, 1,048,576 vs 262,144 rows: ${growth.toFixed(2)}× (linear ≈ 1×, start-up makes the small run dearer per row; goal ≤ 1.5×: ${growth <= 1.5 ? "met" : "MISSED"})`,
      );
    } else {
      console.log("time per row: not compared (a big-sheet run failed)");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (unexpected > 0) {
    console.error(`${unexpected} run(s) did not end with the expected exit code`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
