/**
 * Runs write operations in as few syncs as the payload limit allows: the cells and formats in plan order, packed
 * into batches under the budget, one sync each; then the optional operations (print layout, chart) on their own.
 *
 * Office.js does not roll back a sync that fails part-way: what ran before the failing call stays written. So a
 * failed batch is retried sheet by sheet (after re-reading the sheet list), cells first and formats after, every
 * operation being idempotent (assignments; conditional formats cleared before they are added; the summary found
 * again by name), and what a sheet reports is what is true of it afterwards: not written, or written without its
 * formats. A multi-area operation Excel refuses (a ";" list-separator locale) is retried as its plain fallback, and
 * the host remembers that for the writes that follow.
 */
import type { Progress, WriteProblem } from "../../workbook/port";
import type { XlContext, XlWorksheet } from "./excelApi";
import {
  formatFailureMessage,
  isTooLarge,
  optionalFailureMessage,
  protectedSheetMessage,
  writeFailureMessage,
} from "./officeErrors";
import { sheetKey } from "../../workbook/sheetNames";
import { findSheet, loadSheetFacts, type SheetFacts } from "./sheetFacts";
import type { WriteOp, WriteTarget } from "./writeOps";

/** A GeneralException on a smaller request is a real failure, not a payload too large for Excel on the web. */
const LARGE_REQUEST_BYTES = 1_000_000;

export interface BatchOptions {
  readonly budget: number;
  readonly progress?: Progress;
  /** Set once Excel refused a multi-area range: from then on the fallbacks are sent straight away. */
  readonly areas: { refused: boolean };
}

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

const plain = (ops: readonly WriteOp[]): WriteOp[] => ops.flatMap((op) => op.fallback ?? [op]);
const bytesOf = (ops: readonly WriteOp[]): number => ops.reduce((n, op) => n + op.bytes, 0);

export async function runBatches(
  context: XlContext,
  ops: readonly WriteOp[],
  facts: readonly SheetFacts[],
  options: BatchOptions,
): Promise<WriteProblem[]> {
  const planned = options.areas.refused ? plain(ops) : ops;
  const pending = packBatches(
    planned.filter((op) => op.part !== "optional"),
    options.budget,
  );
  // Sheets not written, and sheets whose cells were written but whose formats Excel refused: the later batches skip
  // the one whole and the other's formats, so that each sheet's report stays true.
  const failed = new Map<string, WriteProblem>();
  const unformatted = new Map<string, WriteProblem>();
  const skipped = (op: WriteOp) =>
    failed.has(sheetKey(op.sheet)) || (op.part !== "cells" && unformatted.has(sheetKey(op.sheet)));
  let known = facts;
  let done = 0;
  for (let batch = pending.shift(); batch; batch = pending.shift()) {
    options.progress?.(done, done + pending.length + 2, "Writing to Excel");
    const live = batch.filter((op) => !skipped(op));
    try {
      if (live.length > 0) await runBatch(context, live, known);
    } catch (error) {
      if (isTooLarge(error, bytesOf(live) >= LARGE_REQUEST_BYTES) && live.length > 1) {
        // Excel refused the request for its size before running any of it: send it in halves.
        const half = Math.ceil(live.length / 2);
        pending.unshift(live.slice(0, half), live.slice(half));
        continue;
      }
      known = await loadSheetFacts(context);
      for (const { problem, cellsWritten } of await retryBySheet(context, live, known, options)) {
        (cellsWritten ? unformatted : failed).set(sheetKey(problem.sheet), problem);
      }
      known = await loadSheetFacts(context);
    }
    done += 1;
  }
  options.progress?.(done, done + 1, "Writing to Excel");
  const soft = await runOptional(
    context,
    planned.filter((op) => op.part === "optional" && !skipped(op)),
    known,
  );
  options.progress?.(done + 1, done + 1, "Writing to Excel");
  return [...failed.values(), ...unformatted.values(), ...soft];
}

async function runBatch(context: XlContext, ops: readonly WriteOp[], facts: readonly SheetFacts[]): Promise<void> {
  // Both last until the next sync: one call per batch, as the docs ask.
  context.workbook.application.suspendApiCalculationUntilNextSync();
  context.workbook.application.suspendScreenUpdatingUntilNextSync();
  const target = writeTarget(context, facts);
  for (const op of ops) op.queue(target);
  await context.sync();
}

/** A sheet's problem after its retry, and whether its cells were written all the same. */
interface RetryProblem {
  readonly problem: WriteProblem;
  readonly cellsWritten: boolean;
}

/** A sheet's operations again, cells first: each sheet's report says what was written and what was not. */
async function retryBySheet(
  context: XlContext,
  ops: readonly WriteOp[],
  facts: readonly SheetFacts[],
  options: BatchOptions,
): Promise<RetryProblem[]> {
  const bySheet = new Map<string, WriteOp[]>();
  for (const op of ops) {
    const list = bySheet.get(sheetKey(op.sheet));
    if (list) list.push(op);
    else bySheet.set(sheetKey(op.sheet), [op]);
  }
  const problems: RetryProblem[] = [];
  const notWritten = (sheet: string, message: string) =>
    problems.push({ problem: { sheet, message }, cellsWritten: false });
  const unformatted = (sheet: string, error: unknown) =>
    problems.push({ problem: { sheet, message: formatFailureMessage(sheet, error) }, cellsWritten: true });
  let known = facts;
  for (const sheetOps of bySheet.values()) {
    const sheet = sheetOps[0].sheet;
    if (findSheet(known, sheet)?.protected) {
      notWritten(sheet, protectedSheetMessage(sheet));
      continue;
    }
    try {
      await runPacked(
        context,
        sheetOps.filter((op) => op.part === "cells"),
        known,
        options.budget,
      );
    } catch (error) {
      notWritten(sheet, writeFailureMessage(sheet, error));
      // What the failed sheet did to the sheet list (a half-made summary) matters to the next one.
      known = await loadSheetFacts(context);
      continue;
    }
    const formats = sheetOps.filter((op) => op.part === "format");
    try {
      await runPacked(context, formats, known, options.budget);
    } catch (error) {
      if (!formats.some((op) => op.fallback)) {
        unformatted(sheet, error);
        continue;
      }
      try {
        await runPacked(context, plain(formats), known, options.budget);
        options.areas.refused = true;
      } catch (again) {
        unformatted(sheet, again);
      }
    }
  }
  return problems;
}

async function runPacked(context: XlContext, ops: readonly WriteOp[], facts: readonly SheetFacts[], budget: number) {
  for (const batch of packBatches(ops, budget)) {
    await runBatch(context, batch, facts);
  }
}

/** Print layout and chart: together in one sync, or one by one when Excel refuses one of them. */
async function runOptional(
  context: XlContext,
  ops: readonly WriteOp[],
  facts: readonly SheetFacts[],
): Promise<WriteProblem[]> {
  if (ops.length === 0) return [];
  try {
    await runBatch(context, ops, facts);
    return [];
  } catch {
    const known = await loadSheetFacts(context);
    const problems: WriteProblem[] = [];
    for (const op of ops) {
      try {
        await runBatch(context, [op], known);
      } catch (error) {
        problems.push({
          sheet: op.sheet,
          message: optionalFailureMessage(op.what ?? "a detail", error),
          optional: true,
        });
      }
    }
    return problems;
  }
}

function writeTarget(context: XlContext, facts: readonly SheetFacts[]): WriteTarget {
  const proxies = new Map<string, XlWorksheet>();
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
