/**
 * A WritePlan as a list of small queued operations, each with the sheet it belongs to (to pin a failure on that
 * sheet), what it writes (to say truly what was and was not written when it fails) and its estimated request size
 * (to pack operations into syncs under the payload limit). The operations themselves live in cellWrites.ts,
 * styleBatches.ts and ownedSheets.ts.
 */
import type { SheetWrite, WritePlan, WriteProblem } from "../../workbook/port";
import { rangeToA1, sameRange } from "../../workbook/a1";
import type { SheetFilter } from "./readSnapshot";
import { appendAll } from "./arrays";
import { blockOps, widthsOp } from "./cellWrites";
import type { XlContext, XlWorksheet } from "./excelApi";
import { missingSheetMessage, protectedSheetMessage } from "./officeErrors";
import { ownedSheetOps, stateOp } from "./ownedSheets";
import type { SheetFacts } from "./sheetFacts";
import { findSheet } from "./sheetFacts";
import { ruleGroupOps } from "./conditionalFormats";
import { styleOps } from "./styleBatches";

/** What an operation queues against: the request context, the sheets known to exist, proxies by name. */
export interface WriteTarget {
  readonly context: XlContext;
  readonly facts: readonly SheetFacts[];
  sheet(name: string): XlWorksheet;
  /** Records a sheet added or renamed earlier in the same batch. */
  setSheet(name: string, sheet: XlWorksheet): void;
}

/**
 * - cells: the values and formulas, and what they cannot go without (a summary's sheet);
 * - format: colours, conditional formats, widths, frozen rows;
 * - optional: calls Excel may ignore or reject (print layout, the chart), sent on their own after the rest so that a
 *   refusal never costs the sheet its contents.
 */
export type WritePart = "cells" | "format" | "optional";

export interface WriteOp {
  readonly sheet: string;
  readonly part: WritePart;
  readonly bytes: number;
  queue(target: WriteTarget): void;
  /** The same change in plainer calls, tried when Excel refuses this one (multi-area ranges, see styleBatches). */
  readonly fallback?: readonly WriteOp[];
  /** For optional operations: what the user misses when Excel refuses it ("the chart"). */
  readonly what?: string;
}

export function planWriteOps(
  plan: WritePlan,
  facts: readonly SheetFacts[],
  stateSheet: string | null,
  maxArrayBytes: number,
  filters: ReadonlyMap<string, SheetFilter> = new Map(),
): { ops: WriteOp[]; problems: WriteProblem[] } {
  const ops: WriteOp[] = [];
  const problems: WriteProblem[] = [];
  for (const write of plan.sheets) {
    const known = findSheet(facts, write.sheet);
    if (!known) problems.push({ sheet: write.sheet, message: missingSheetMessage(write.sheet) });
    else if (known.protected) problems.push({ sheet: write.sheet, message: protectedSheetMessage(write.sheet) });
    else {
      appendAll(ops, sheetOps(write, true, maxArrayBytes));
      const filter = filterOp(write, filters.get(known.name));
      if (filter) ops.push(filter);
    }
  }
  if (plan.ownedSheet) {
    const owned = ownedSheetOps(plan.ownedSheet, facts);
    if ("problem" in owned) problems.push(owned.problem);
    else appendAll(ops, [owned.create, ...sheetOps(plan.ownedSheet, false, maxArrayBytes), ...owned.rest]);
  }
  if (plan.state !== undefined) {
    const state = stateOp(plan.state, facts, stateSheet);
    ops.push(state.op);
    if (state.notice) problems.push(state.notice);
  }
  return { ops, problems };
}

/** Cells, colours, conditional formats (cleared first on an existing sheet) and widths of one sheet. */
export function sheetOps(write: SheetWrite, existing: boolean, maxArrayBytes: number): WriteOp[] {
  return [
    ...blockOps(write, maxArrayBytes),
    ...styleOps(write.sheet, write.styles),
    ...ruleGroupOps(write.sheet, write.conditionalRules, existing),
    ...(write.columnWidths && write.columnWidths.length > 0 ? [widthsOp(write.sheet, write.columnWidths)] : []),
  ];
}

/**
 * A sheet AutoFilter over exactly a measure table grows with the output columns (F20), as the .xlsx host's does.
 * `AutoFilter.apply` replaces the filter's range (learn.microsoft.com/javascript/api/excel/excel.autofilter#excel-
 * excel-autofilter-apply-member(1)); one whose criteria hide rows is left alone, so a user's filtering is never reset.
 */
function filterOp(write: SheetWrite, filter: SheetFilter | undefined): WriteOp | null {
  if (!filter || filter.filtered) return null;
  const growth = write.widenFilters?.find((w) => sameRange(w.from, filter.range));
  if (!growth) return null;
  const address = rangeToA1(growth.to);
  return {
    sheet: write.sheet,
    part: "format",
    bytes: 80 + address.length,
    queue: (target) => target.sheet(write.sheet).autoFilter.apply(address),
  };
}
