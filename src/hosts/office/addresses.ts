/** Addresses Office.js takes and returns, beyond the A1 helpers the operations already have. */
import { columnLetters } from "../../workbook/a1";
import { parseRangeRef } from "../a1";
import type { CellRange } from "../../workbook/port";

/** Whole columns, e.g. "C:C". */
export function columnAddress(col: number): string {
  const letters = columnLetters(col);
  return `${letters}:${letters}`;
}

/** The range of an address Office.js returns: "Sheet1!B3:D10", "'North & East'!A1" or "B3". */
export function addressRange(address: string): CellRange {
  const ref = address.slice(address.lastIndexOf("!") + 1);
  const range = parseRangeRef(ref);
  if (!range) throw new Error(`Not a cell address: "${ref}"`);
  return range;
}
