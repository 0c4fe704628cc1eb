/**
 * Planning time of the workbook operations (issue 4): a long-layout sheet of 10,000 measures × 4 quarters
 * (40,000 rows, newest first, an outcome title row every 500 measures), scanned, rated and planned in memory with
 * no host I/O: the time applyRules spends in our code before a host writes anything. Also 4× the rows, to show
 * planning grows linearly. Run: npm run bench -- workbook-plan. Prints numbers; exits 0 whatever they are.
 */
import { applyRules, scanWorkbook } from "../src/workbook";
import type { CellValue } from "../src/core";
import type { SheetSnapshot, WorkbookPort, WorkbookSnapshot, WritePlan } from "../src/workbook/port";
import { random } from "../tests/support/random";
import { blockRows } from "../src/workbook/blockRows";

const QUARTERS = ["Q4 2020/21", "Q3 2020/21", "Q2 2020/21", "Q1 2020/21"];
const AIMS = ["Maximise", "Minimise", "Higher is better", "Lower is better", "Goldilocks"];

function scorecard(measures: number): { sheet: SheetSnapshot; titleRows: Set<number> } {
  const next = random(7);
  const values: CellValue[][] = [["Code", "Measure", "Period", "Target", "Value", "Aim to"]];
  const titleRows = new Set<number>();
  for (let m = 0; m < measures; m++) {
    if (m % 500 === 0) {
      titleRows.add(values.length);
      values.push([`Outcome: Outcome ${m / 500 + 1}`, null, null, null, null, null]);
    }
    const aim = AIMS[m % AIMS.length];
    const target = aim === "Goldilocks" ? "Between 60 and 70" : Math.round(next() * 1000) / 10;
    for (const quarter of QUARTERS) {
      const r = next();
      const value = r < 0.04 ? "NA" : r < 0.05 ? "redacted" : Math.round(next() * 1200) / 10;
      values.push([`PI${m}`, `Measure ${m}`, quarter, target, value, aim]);
    }
  }
  const formulas = values.map((row) => row.map(() => null));
  const sheet = { name: "People", visible: true, protected: false, top: 0, left: 0, values, formulas, tables: [] };
  return { sheet, titleRows };
}

/** A port over a ready snapshot whose writes only keep the plan: what is timed is our code, not a host. */
function planningPort(snapshot: WorkbookSnapshot, titleRows: Set<number>): WorkbookPort & { plan?: WritePlan } {
  const port: WorkbookPort & { plan?: WritePlan } = {
    readWorkbook: async () => snapshot,
    readBold: async (cells) => cells.map((c) => titleRows.has(c.row)),
    readNumberFormats: async (cells) => cells.map(() => "General"),
    write: async (plan) => {
      port.plan = plan;
      return [];
    },
  };
  return port;
}

/** Mean wall time and CPU time (user + system) of 3 runs after a warm-up; CPU time holds up on a shared machine. */
async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: JIT and caches, as a second click in Excel would see
  const runs = 3;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < runs; i++) await run();
  const cpu = process.cpuUsage(cpuStart);
  const ms = (performance.now() - start) / runs;
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  console.log(`${label.padEnd(52)} ${ms.toFixed(0).padStart(6)} ms wall ${cpuMs.toFixed(0).padStart(6)} ms CPU`);
  return cpuMs;
}

async function main(): Promise<void> {
  console.log("workbook planning (scan + rate + plan + summary, no host I/O), mean of 3 runs after a warm-up");
  console.log(
    `load average ${(await import("node:os")).loadavg()[0].toFixed(1)} (wall times inflate on a busy machine)`,
  );
  const results: number[] = [];
  for (const measures of [10_000, 40_000]) {
    const { sheet, titleRows } = scorecard(measures);
    const rows = measures * QUARTERS.length;
    const port = planningPort({ sheets: [sheet], state: null, structureLocked: false }, titleRows);
    const tag = `${measures.toLocaleString("en-GB")} measures × 4 (${rows.toLocaleString("en-GB")} rows)`;
    await time(`scan ${tag}`, () => scanWorkbook(port));
    results.push(await time(`apply, formulas ${tag}`, () => applyRules(port)));
    await time(`apply, values ${tag}`, () => applyRules(port, { settings: { output: "values" } }));
    const cells = port.plan?.sheets.reduce(
      (n, s) => n + s.blocks.reduce((k, b) => k + blockRows(b).length * blockRows(b).width, 0),
      0,
    );
    console.log(
      `  planned cells: ${cells?.toLocaleString("en-GB")}, heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
    );
  }
  console.log(`CPU time growth for 4× the rows: ${(results[1] / results[0]).toFixed(1)}× (linear is 4×)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
