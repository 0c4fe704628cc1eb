/**
 * Office.js host (issue 4): round trips and request sizes per apply, on a fake Excel that measures what
 * Office.js would send (tests/office/fakeExcel.ts), for long-layout sheets of 100, 10,000 and 100,000
 * rows, with live formulas and with values. Also what the compression buys: output cells as plain 2-D
 * arrays vs with whole-column R1C1 fills, and status colours range by range vs as multi-area ranges.
 * Run: npm run bench -- office-syncs. Prints numbers; exits 0 whatever they are.
 */
import { OfficeWorkbook } from "../src/hosts/office";
import { planBlock } from "../src/hosts/office/blockWrites";
import { cellInput } from "../src/hosts/office/cellInput";
import { ACTION_BYTES, jsonBytes } from "../src/hosts/office/payload";
import type { SheetFacts } from "../src/hosts/office/sheetFacts";
import { planWriteOps } from "../src/hosts/office/writeOps";
import { applyRules } from "../src/workbook";
import type { WritePlan } from "../src/workbook/port";
import { MemoryPort } from "../tests/support/memoryPort";
import { fakeContext, longScorecard } from "../tests/support/officeFixtures";
import { blockCells } from "../src/workbook/blockRows";

const SIZES = [100, 10_000, 100_000];
const MB = 1024 * 1024;
const WEB_LIMIT = 5 * MB;

const mb = (bytes: number): string => `${(bytes / MB).toFixed(2)} MB`;
const pad = (text: string | number, width: number): string => String(text).padEnd(width);

async function measureApply(rows: number, output: "formulas" | "values"): Promise<string> {
  const ctx = fakeContext([longScorecard(rows)]);
  ctx.requestLimit = null; // measure, never refuse
  const started = performance.now();
  const report = await applyRules(new OfficeWorkbook(ctx), { settings: { output } });
  const ms = performance.now() - started;
  if (report.writeProblems.length > 0) throw new Error(JSON.stringify(report.writeProblems));
  const reads = ctx.syncs.filter((s) => s.responseBytes > 0).length;
  const writes = ctx.syncCount - reads;
  const written = ctx.syncs.slice(reads).reduce((n, s) => n + s.requestBytes, 0);
  return [
    pad(rows.toLocaleString("en-GB"), 9),
    pad(output, 10),
    pad(`${ctx.syncCount} (${reads} read + ${writes} write)`, 24),
    pad(mb(ctx.largestRequest), 11),
    pad(mb(written), 11),
    pad(mb(ctx.largestResponse), 12),
    `${(ms / 1000).toFixed(1)} s`,
  ].join("");
}

/** Syncs for the read alone on Excel on the web, where answers over 5 MB are refused and read in chunks. */
async function webReadSyncs(rows: number): Promise<number> {
  const ctx = fakeContext([longScorecard(rows)]);
  ctx.responseLimit = WEB_LIMIT;
  await new OfficeWorkbook(ctx).readWorkbook();
  return ctx.syncCount;
}

/** The plan applyRules hands to a host, from the in-memory port. */
async function planFor(rows: number): Promise<WritePlan> {
  const port = new MemoryPort({ sheets: [longScorecard(rows)] });
  await applyRules(port);
  return port.plans[0];
}

function estimates(plan: WritePlan): string {
  const blocks = plan.sheets.flatMap((s) => s.blocks);
  const plain = blocks.reduce(
    (n, b) => n + 2 * ACTION_BYTES + jsonBytes(blockCells(b).map((r) => r.map(cellInput))),
    0,
  );
  const filled = blocks
    .flatMap((b) => planBlock(b, 900_000))
    .reduce((n, w) => n + 2 * ACTION_BYTES + jsonBytes(w.kind === "fill" ? w.r1c1 : w.formulas), 0);
  const facts: SheetFacts[] = plan.sheets.map((s, position) => ({
    name: s.sheet,
    visibility: "Visible",
    protected: false,
    tables: [],
    charts: [],
    position,
  }));
  const { ops } = planWriteOps(
    { sheets: plan.sheets.map((s) => ({ ...s, blocks: [], conditionalRules: [] })) },
    facts,
    null,
    900_000,
  );
  const bytes = (list: readonly { bytes: number }[]) => list.reduce((n, op) => n + op.bytes, 0);
  const byRange = bytes(ops.flatMap((op) => op.fallback ?? [op]));
  return `cells ${mb(plain)} as plain arrays -> ${mb(filled)} with R1C1 fills; colours ${mb(byRange)} range by range -> ${mb(bytes(ops))} as multi-area ranges`;
}

async function main(): Promise<void> {
  console.log("Office.js host: syncs and request sizes per apply (fake Excel measuring what Office.js sends)");
  console.log(
    [
      pad("rows", 9),
      pad("output", 10),
      pad("syncs", 24),
      pad("largest", 11),
      pad("written", 11),
      pad("read answer", 12),
      "time",
    ].join(""),
  );
  for (const rows of SIZES) {
    for (const output of ["formulas", "values"] as const) console.log(await measureApply(rows, output));
  }
  console.log("\nWhat the write compression buys (host's estimates, formulas output):");
  for (const rows of SIZES) console.log(`${pad(rows.toLocaleString("en-GB"), 9)}${estimates(await planFor(rows))}`);
  console.log("\nRead syncs on Excel on the web (answers over 5 MB refused, then read in row chunks):");
  for (const rows of SIZES) console.log(`${pad(rows.toLocaleString("en-GB"), 9)}${await webReadSyncs(rows)} syncs`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
