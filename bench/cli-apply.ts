/**
 * The CLI on a big file (issue 8 goals): `scorecard apply` on 10,000 measures × 4 quarters (40,000 rows), side by
 * side in one run with a bare ExcelJS load + save of the same file and with the floor of the part-level design (unzip
 * every part and zip it again with fflate), each in its own Node process (start-up included), with each process's
 * peak resident memory. Goals: apply ≤ 0.5× the CPU time (user + system) of the ExcelJS round trip; ≤ 400 MB.
 * Run: npm run bench -- cli-apply. Prints the numbers; exits 1 only when a run fails, not when a goal is missed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";

const MEASURES = 10_000;
const QUARTERS = ["Q4 2020/21", "Q3 2020/21", "Q2 2020/21", "Q1 2020/21"];
const AIMS = ["Maximise", "Minimise", "Higher is better", "Lower is better", "Goldilocks"];
const RUNS = 3;

const root = path.resolve(__dirname, "..");
const { ensureCliBuilt } = require(path.join(root, "scripts", "ensure-cli-built.cjs")) as { ensureCliBuilt(): string };

/** Figures that look scattered but are the same on every run: a cheap integer hash of the position. */
const scatter = (...at: number[]): number =>
  (at.reduce((h, n) => Math.imul(h ^ n, 2654435761) >>> 0, 7) % 10_000) / 10_000;

/** A Medway-style long sheet: newest quarter first, an outcome title row every 500 measures, a few NA figures. */
async function writeScorecard(file: string): Promise<number> {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("People");
  ws.addRow(["Code", "Measure", "Period", "Target", "Value", "Aim to"]).font = { bold: true };
  let rows = 0;
  for (let m = 0; m < MEASURES; m++) {
    if (m % 500 === 0) ws.addRow([`Outcome: Outcome ${m / 500 + 1}`]).getCell(1).font = { bold: true };
    const aim = AIMS[m % AIMS.length];
    const target = aim === "Goldilocks" ? "Between 60 and 70" : Math.round(scatter(m) * 1000) / 10;
    for (const [q, quarter] of QUARTERS.entries()) {
      const r = scatter(m, q);
      const value = r < 0.04 ? "NA" : r < 0.05 ? "redacted" : Math.round(scatter(q, m, 1) * 1200) / 10;
      ws.addRow([`PI${m}`, `Measure ${m}`, quarter, target, value, aim]);
      rows++;
    }
  }
  workbook.addWorksheet("Notes").getCell("A1").value = "Left alone by the add-in";
  await workbook.xlsx.writeFile(file);
  return rows;
}

interface Run {
  readonly seconds: number;
  /** User + system CPU time: steadier than wall time on a shared machine. */
  readonly cpuSeconds: number;
  readonly peakMb: number;
}

/** Runs a Node process with a preload that reports its peak RSS on exit. */
function timed(preload: string, args: readonly string[]): Run {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", preload, ...args], { cwd: root, encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed (${result.status}): ${result.stderr}`);
  const peak = /peak-rss-kb=(\d+)/.exec(result.stderr);
  if (!peak) throw new Error(`no peak RSS reported: ${result.stderr}`);
  const cpu = /cpu-us=(\d+)/.exec(result.stderr);
  return { seconds, cpuSeconds: Number(cpu?.[1] ?? 0) / 1e6, peakMb: Number(peak[1]) / 1024 };
}

const best = (runs: readonly Run[]): Run => ({
  seconds: Math.min(...runs.map((r) => r.seconds)),
  cpuSeconds: Math.min(...runs.map((r) => r.cpuSeconds)),
  peakMb: Math.max(...runs.map((r) => r.peakMb)),
});

const mb = (file: string): string => `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const cli = ensureCliBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), "scorecard-bench-"));
  try {
    const input = path.join(dir, "big.xlsx");
    const rows = await writeScorecard(input);
    const preload = path.join(dir, "peak-rss.cjs");
    writeFileSync(
      preload,
      `process.on("exit", () => { const u = process.resourceUsage(); ` +
        `process.stderr.write("peak-rss-kb=" + u.maxRSS + " cpu-us=" + (u.userCPUTime + u.systemCPUTime) + "\\n"); });\n`,
    );
    const bare = path.join(dir, "bare.cjs");
    writeFileSync(
      bare,
      `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[2]); await wb.xlsx.writeFile(process.argv[3]); })()
  .catch((e) => { console.error(e); process.exit(1); });\n`,
    );

    const floor = path.join(dir, "floor.cjs");
    writeFileSync(
      floor,
      `const { unzipSync, zipSync } = require(${JSON.stringify(require.resolve("fflate"))});
const fs = require("node:fs");
fs.writeFileSync(process.argv[3], zipSync(unzipSync(fs.readFileSync(process.argv[2])), { level: 6 }));\n`,
    );

    const baseline: Run[] = [];
    const floors: Run[] = [];
    const apply: Run[] = [];
    const output = path.join(dir, "big.scored.xlsx");
    for (let i = 0; i < RUNS; i++) {
      baseline.push(timed(preload, [bare, input, path.join(dir, "bare.xlsx")]));
      floors.push(timed(preload, [floor, input, path.join(dir, "floor.xlsx")]));
      apply.push(timed(preload, [cli, "apply", input, "-o", output, "--json", path.join(dir, "report.json")]));
    }
    const b = best(baseline);
    const f = best(floors);
    const a = best(apply);
    console.log(
      `input: ${MEASURES.toLocaleString("en-GB")} measures × ${QUARTERS.length} quarters = ${rows.toLocaleString("en-GB")} rows, ${mb(input)}`,
    );
    console.log(
      `bare ExcelJS load + save:  ${b.seconds.toFixed(2)} s, peak RSS ${b.peakMb.toFixed(0)} MB (output ${mb(path.join(dir, "bare.xlsx"))})`,
    );
    console.log(
      `floor (unzip + rezip):     ${f.seconds.toFixed(2)} s, peak RSS ${f.peakMb.toFixed(0)} MB (output ${mb(path.join(dir, "floor.xlsx"))})`,
    );
    console.log(
      `scorecard apply (values):  ${a.seconds.toFixed(2)} s, peak RSS ${a.peakMb.toFixed(0)} MB (output ${mb(output)}, report ${mb(path.join(dir, "report.json"))})`,
    );
    const ratio = a.seconds / b.seconds;
    const cpuRatio = a.cpuSeconds / b.cpuSeconds;
    console.log(
      `CPU time: ExcelJS ${b.cpuSeconds.toFixed(2)} s, floor ${f.cpuSeconds.toFixed(2)} s, apply ${a.cpuSeconds.toFixed(2)} s ` +
        `(apply / ExcelJS ${cpuRatio.toFixed(2)}× (goal ≤ 0.5×: ${cpuRatio <= 0.5 ? "met" : "MISSED"}), ` +
        `apply / floor ${(a.cpuSeconds / f.cpuSeconds).toFixed(2)}×)`,
    );
    // Each round runs the three one after another, so a round's ratio sees one machine load; their spread is the noise.
    const rounds = apply.map((run, i) => run.cpuSeconds / baseline[i].cpuSeconds);
    console.log(
      `CPU apply / ExcelJS by round: ${rounds.map((r) => r.toFixed(2)).join(", ")} ` +
        `(range ${Math.min(...rounds).toFixed(2)}–${Math.max(...rounds).toFixed(2)}×)`,
    );
    console.log(
      `wall ratio apply / ExcelJS: ${ratio.toFixed(2)}×; ` +
        `apply / floor: ${(a.seconds / f.seconds).toFixed(2)}×; memory goal ≤ 400 MB: ${a.peakMb <= 400 ? "met" : "MISSED"}`,
    );
    console.log(`(best of ${RUNS} runs each; the machine's other load moves these numbers)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
