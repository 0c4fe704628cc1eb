/**
 * SPC throughput on one core (issue 12 goal ≥ 1,000,000 points/s):
 *  1. board-pack shape: 50,000 measures of 24 monthly points each, variation and assurance (reasons are built on demand)
 *     (src/core/spc.ts `spc`, as the workbook calls it per measure);
 *  2. long series: 10 series of 100,000 points, limits and special-cause marks (`analyseSpc`);
 *  3. the same 50,000 measures through KPI.SPC and KPI.ASSURANCE as one block each (one measure per row);
 *  4. long tables (one row per measure per month), rated with SPC on and off: one measure of 10,000 rows and
 *     100 measures × 100 rows. Each row's words are of the series up to its own month (SPEC §7), so the SPC share is
 *     what the per-row analysis costs (src/workbook/evaluate/long.ts).
 * Run: npm run bench spc. Prints numbers; exits 0 whatever they are (a bench that disagrees with itself throws).
 */
import { analyseSpc, spc } from "../src/core/spc";
import type { Aim, Target } from "../src/core";
import { evaluateSpc } from "../src/functions/spc";
import { isInvalid } from "../src/functions/kpi";
import { random } from "../tests/support/random";
import { evaluateTable } from "../src/workbook/evaluate";
import { findTables, finishTable } from "../src/workbook/scan";
import type { CellValue } from "../src/core";
import type { SheetSnapshot } from "../src/workbook/port";

const GOAL = 1_000_000;
const MEASURES = 50_000;
const MONTHS = 24;
const LONG_SERIES = 10;
const LONG_POINTS = 100_000;
const AIMS: Aim[] = ["Maximise", "Minimise", "Goldilocks"];

interface Measure {
  readonly points: number[];
  readonly aim: Aim;
  readonly target: Target;
}

/** Processes around a level with noise, some drifting (trends, shifts) and some stepping (astronomical points). */
function series(next: () => number, length: number): number[] {
  const level = 10 + next() * 90;
  const drift = next() < 0.3 ? (next() - 0.5) * 0.4 : 0;
  const points: number[] = [];
  for (let i = 0; i < length; i++) {
    const step = next() < 0.02 ? (next() - 0.5) * 40 : 0;
    points.push(Math.round((level + drift * i + step + (next() - 0.5) * 8) * 10) / 10);
  }
  return points;
}

function measures(): Measure[] {
  const next = random(12);
  return Array.from({ length: MEASURES }, () => {
    const points = series(next, MONTHS);
    const aim = AIMS[Math.floor(next() * AIMS.length)];
    const t = points[0] * (0.9 + next() * 0.2);
    const target: Target =
      aim === "Goldilocks" ? { kind: "range", lo: t - 5, hi: t + 5 } : { kind: "single", value: t };
    return { points, aim, target };
  });
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");
const verdict = (rate: number) => (rate >= GOAL ? `meets goal ≥ ${fmt(GOAL)}` : `MISSES goal ≥ ${fmt(GOAL)}`);

function bestOf<T>(runs: number, work: () => T): { time: number; result: T } {
  let result = work(); // warm-up
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    result = work();
    best = Math.min(best, seconds(start));
  }
  return { time: best, result };
}

/** Counts of each variation/assurance word: what both paths must agree on. */
function tally(words: Iterable<string>): string {
  const counts: Record<string, number> = {};
  for (const w of words) counts[w] = (counts[w] ?? 0) + 1;
  return JSON.stringify(Object.entries(counts).sort());
}

function boardPack(all: readonly Measure[]): string {
  const words: string[] = [];
  for (const m of all) {
    const result = spc(m.points, m.aim, m.target);
    words.push(result.variation, result.assurance);
  }
  return tally(words);
}

function throughFunctions(all: readonly Measure[]): string {
  const values = all.map((m) => m.points);
  const aims = all.map((m) => [m.aim]);
  const targets = all.map((m) => (m.target.kind === "range" ? [m.target.lo, m.target.hi] : [m.target.value]));
  // Ranges must be rectangular: one target column (single figures), two for the Goldilocks rows' ranges.
  const twoColumnTargets = targets.map((t) => (t.length === 2 ? t : [t[0], null]));
  const variation = evaluateSpc("SPC", [values, aims]);
  const assurance = evaluateSpc("ASSURANCE", [values, aims, twoColumnTargets]);
  if (isInvalid(variation) || isInvalid(assurance)) throw new Error("benchmark block is invalid");
  const words: string[] = [];
  for (let i = 0; i < all.length; i++) words.push(String(variation[i][0]), String(assurance[i][0]));
  return tally(words);
}

function longSeries(): void {
  const next = random(99);
  const all = Array.from({ length: LONG_SERIES }, () => Float64Array.from(series(next, LONG_POINTS)));
  const run = bestOf(3, () => {
    let marked = 0;
    for (const points of all) for (const bits of analyseSpc(points)!.marks) if (bits !== 0) marked++;
    return marked;
  });
  const rate = (LONG_SERIES * LONG_POINTS) / run.time;
  console.log(
    `  analyseSpc, ${LONG_SERIES} × ${fmt(LONG_POINTS)} points: ${run.time.toFixed(3)} s = ${fmt(rate)} points/s (${verdict(rate)}; ${fmt(run.result)} points marked)`,
  );
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A long table: `measures` measures of `months` rows each, a measure's rows together, oldest first. */
function longSheet(measures: number, months: number): SheetSnapshot {
  const next = random(5);
  const values: CellValue[][] = [["Code", "Period", "Value", "Target", "Aim"]];
  for (let m = 0; m < measures; m++) {
    const points = series(next, months);
    const aim = AIMS[m % AIMS.length];
    const target = aim === "Goldilocks" ? `${Math.round(points[0] - 5)} to ${Math.round(points[0] + 5)}` : points[0];
    // Months from January 1200 on, so 10,000 of them are distinct periods.
    points.forEach((v, i) =>
      values.push([`M${m}`, `${MONTH_NAMES[i % 12]} ${1200 + Math.floor(i / 12)}`, v, target, aim]),
    );
  }
  const formulas = values.map((row) => row.map(() => null));
  return { name: "Long", visible: true, protected: false, top: 0, left: 0, values, formulas, tables: [] };
}

function longTables(): void {
  for (const [measures, months] of [
    [1, 10_000],
    [100, 100],
  ]) {
    const sheet = longSheet(measures, months);
    const [draft] = findTables(sheet, "", true).drafts;
    const table = finishTable(draft, sheet, new Set());
    const rate = (spcOn: boolean) =>
      bestOf(3, () => {
        const rows = evaluateTable(table, sheet, { band: 0.05, spc: spcOn, formulas: true }).rows;
        return tally(rows.flatMap((r) => [r.variation, r.assurance]));
      });
    const on = rate(true);
    const off = rate(false);
    const rows = measures * months;
    console.log(
      `  long table, ${fmt(measures)} × ${fmt(months)} rows: rated with SPC ${on.time.toFixed(3)} s, without ${off.time.toFixed(3)} s (SPC share ${(on.time - off.time).toFixed(3)} s = ${fmt(rows / Math.max(on.time - off.time, 1e-9))} rows/s)`,
    );
    console.log(`    words: ${on.result}`);
  }
}

function main(): void {
  const all = measures();
  const points = MEASURES * MONTHS;
  console.log(`SPC on one core: ${fmt(MEASURES)} measures × ${MONTHS} months = ${fmt(points)} points`);
  const core = bestOf(3, () => boardPack(all));
  const coreRate = points / core.time;
  console.log(
    `  spc() per measure (reasons on demand): ${core.time.toFixed(3)} s = ${fmt(coreRate)} points/s (${verdict(coreRate)})`,
  );
  const fns = bestOf(2, () => throughFunctions(all));
  // The functions compute the series twice (variation, then assurance), as two formulas would.
  const fnRate = points / fns.time;
  console.log(
    `  KPI.SPC + KPI.ASSURANCE blocks:     ${fns.time.toFixed(3)} s = ${fmt(fnRate)} points/s (two formulas)`,
  );
  if (core.result !== fns.result) throw new Error(`core and functions disagree: ${core.result} vs ${fns.result}`);
  console.log(`  words: ${core.result}`);
  longSeries();
  longTables();
}

main();
