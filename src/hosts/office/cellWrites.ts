/** Cell writes: a sheet's blocks as the fewest, smallest range assignments (see blockWrites.ts), and column widths. */
import { columnAddress, rangeToA1 } from "../../workbook/a1";
import type { SheetWrite } from "../../workbook/port";
import { planBlock, type RangeWrite } from "./blockWrites";
import { ACTION_BYTES, jsonBytes } from "./payload";
import type { WriteOp } from "./writeOps";

export function blockOps(write: SheetWrite, maxArrayBytes: number): WriteOp[] {
  return write.blocks.flatMap((block) => planBlock(block, maxArrayBytes).map((w) => rangeWriteOp(write.sheet, w)));
}

function rangeWriteOp(sheet: string, write: RangeWrite): WriteOp {
  const address = rangeToA1(write.range);
  if (write.kind === "fill") {
    return {
      sheet,
      part: "cells",
      bytes: 2 * ACTION_BYTES + jsonBytes(address) + jsonBytes(write.r1c1),
      queue: (t) => {
        t.sheet(sheet).getRange(address).formulasR1C1 = write.r1c1;
      },
    };
  }
  return {
    sheet,
    part: "cells",
    bytes: 2 * ACTION_BYTES + jsonBytes(address) + jsonBytes(write.formulas),
    queue: (t) => {
      t.sheet(sheet).getRange(address).formulas = write.formulas;
    },
  };
}

/** The port's widths are in characters (as in ExcelJS); Office.js wants points: 7 px a character plus 5 px padding. */
function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export function widthsOp(sheet: string, widths: NonNullable<SheetWrite["columnWidths"]>): WriteOp {
  return {
    sheet,
    part: "format",
    bytes: widths.length * (4 * ACTION_BYTES + 24),
    queue: (t) => {
      for (const { col, width } of widths)
        t.sheet(sheet).getRange(columnAddress(col)).format.columnWidth = widthInPoints(width);
    },
  };
}
