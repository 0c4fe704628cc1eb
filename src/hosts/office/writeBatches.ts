/**
 * Runs write operations in as few syncs as the payload limit allows: operations are packed in plan
 * order into batches under the budget, one sync each. If a batch fails (a sheet protected since the
 * read, a sheet being edited, an unsupported call), the host re-reads the sheet list and retries that
 * batch sheet by sheet, once: the sheets that fail again become WriteProblems, the others are written.
 * Every operation is idempotent (assignments, and conditional formats cleared before they are added),
 * so running part of a batch twice is harmless.
 */
import type { Progress, WriteProblem } from "../../workbook/port";
import type { ApiSupport, XlContext, XlWorksheet } from "./excelApi";
import { isPayloadTooLarge, protectedSheetMessage, writeFailureMessage } from "./officeErrors";
import { findSheet, loadSheetFacts, type SheetFacts } from "./sheetFacts";
import { sheetKey } from "../../workbook/sheetNames";
import type { WriteOp, WriteTarget } from "./writeOps";

function packBatches(ops: readonly WriteOp[], budget: number): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && bytes + op.bytes > budget) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export interface BatchOptions {
  readonly supports: ApiSupport;
  readonly budget: number;
  readonly progress?: Progress;
}

export async function runBatches(
  context: XlContext,
  ops: readonly WriteOp[],
  facts: readonly SheetFacts[],
  options: BatchOptions,
): Promise<WriteProblem[]> {
  const pending = packBatches(ops, options.budget);
  const failed = new Map<string, WriteProblem>();
  let known = facts;
  let done = 0;
  for (let batch = pending.shift(); batch; batch = pending.shift()) {
    options.progress?.(done, done + pending.length + 1, "Writing to Excel");
    const live = batch.filter((op) => !failed.has(sheetKey(op.sheet)));
    try {
      if (live.length > 0) await runBatch(context, live, known, options.supports);
    } catch (error) {
      if (isPayloadTooLarge(error) && live.length > 1) {
        // Excel refused the request for its size before running any of it: send it in halves.
        const half = Math.ceil(live.length / 2);
        pending.unshift(live.slice(0, half), live.slice(half));
        continue;
      }
      known = await loadSheetFacts(context);
      for (const problem of await retryBySheet(context, live, known, options.supports)) {
        failed.set(sheetKey(problem.sheet), problem);
      }
      known = await loadSheetFacts(context);
    }
    done += 1;
  }
  options.progress?.(done, done, "Writing to Excel");
  return [...failed.values()];
}

async function runBatch(
  context: XlContext,
  ops: readonly WriteOp[],
  facts: readonly SheetFacts[],
  supports: ApiSupport,
): Promise<void> {
  // Both last until the next sync: one call per batch, as the docs ask.
  if (supports("1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
  if (supports("1.9")) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const target = writeTarget(context, facts);
  for (const op of ops) op.queue(target);
  await context.sync();
}

async function retryBySheet(
  context: XlContext,
  ops: readonly WriteOp[],
  facts: readonly SheetFacts[],
  supports: ApiSupport,
): Promise<WriteProblem[]> {
  const bySheet = new Map<string, WriteOp[]>();
  for (const op of ops) {
    const list = bySheet.get(sheetKey(op.sheet));
    if (list) list.push(op);
    else bySheet.set(sheetKey(op.sheet), [op]);
  }
  const problems: WriteProblem[] = [];
  let known = facts;
  for (const sheetOps of bySheet.values()) {
    const sheet = sheetOps[0].sheet;
    if (findSheet(known, sheet)?.protected) {
      problems.push({ sheet, message: protectedSheetMessage(sheet) });
      continue;
    }
    try {
      await runBatch(context, sheetOps, known, supports);
    } catch (error) {
      problems.push({ sheet, message: writeFailureMessage(sheet, error) });
      // What the failed sheet did to the sheet list (a half-made summary) matters to the next one.
      known = await loadSheetFacts(context);
    }
  }
  return problems;
}

function writeTarget(context: XlContext, facts: readonly SheetFacts[]): WriteTarget {
  const proxies = new Map<string, XlWorksheet | null>();
  return {
    context,
    facts,
    sheet(name) {
      const cached = proxies.get(sheetKey(name));
      if (cached) return cached;
      const sheet = context.workbook.worksheets.getItem(name);
      proxies.set(sheetKey(name), sheet);
      return sheet;
    },
    setSheet(name, sheet) {
      proxies.set(sheetKey(name), sheet);
    },
  };
}
