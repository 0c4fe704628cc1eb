/**
 * Excel's limits on what Scorecard writes, in one place: a cell holds at most 32,767 characters and a sheet
 * 1,048,576 rows ("Excel specifications and limits",
 * https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 *
 * Past them, a file is one Excel must repair: it opens with "We found a problem with some content", reports
 * "Repaired Records: String properties from /xl/sharedStrings.xml" and cuts the text on the way
 * (github.com/dfinke/ImportExcel/issues/1422, github.com/ycphs/openxlsx/issues/145,
 * github.com/dhatim/fastexcel/issues/318); no cell can be addressed below row 1,048,576 (XFD1048576 is the last).
 * Office.js documents nothing for a value over the limit; long text values have failed a whole sync with an internal
 * error (github.com/OfficeDev/office-js/issues/3256), and a failed sync is not rolled back (tests/office/
 * excelBehaviour.ts, partialSync): a summary half written. So what Scorecard writes stays within both.
 */
import { listUpTo } from "../core/text";
import type { ListCut } from "../core/text";

export const CELL_CHARS = 32_767;
export const SHEET_ROWS = 1_048_576;

/**
 * The most characters Scorecard writes in a cell: one fewer than Excel's limit, because Office.js is sent text that
 * could read as a number or formula with a leading apostrophe (hosts/office/cellInput.ts), and whether Excel counts
 * it against the limit is not documented.
 */
export const CELL_TEXT_CHARS = CELL_CHARS - 1;

/**
 * A list of codes inside a sentence is cut sooner than a cell: the SPC sentence has up to four lists
 * ("… common cause variation (…) and … special cause improvement (…) …"), and four of these plus the words fit a cell.
 */
const SENTENCE_LIST_CHARS = 8_000;

/** The text as written in a cell: itself, or cut to the cell limit with "…" at the end (a name, a note, a message). */
export function fitCell(text: string): string {
  if (text.length <= CELL_TEXT_CHARS) return text;
  let end = CELL_TEXT_CHARS - 1;
  // Never half a surrogate pair (an emoji, a rare CJK character): Excel would show a broken character.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Where the items a cut list leaves out are all listed. */
export type FullList = "measure table" | "SPC columns" | "Period column";

const LISTED: Record<FullList, string> = {
  "measure table": "listed below",
  "SPC columns": "see the Variation and Assurance columns beside each table",
  "Period column": "see the Period column of the tables below",
};

/** A cell listing codes ("A1, A2, A3"): past the cell limit, cut at a code, "A1, A2, … and 3980 more (listed below)". */
export function codesCell(codes: readonly string[], full: FullList): string {
  return listUpTo(codes, { maxChars: CELL_TEXT_CHARS, more: (n) => `… and ${n} more (${LISTED[full]})` });
}

/** Where a sentence's list of codes in brackets is cut: "(A1, A2, … and 3980 more, listed below)". */
export function sentenceCut(full: FullList): ListCut {
  return { maxChars: SENTENCE_LIST_CHARS, more: (n) => `… and ${n} more, ${LISTED[full]}` };
}

/** Where a list that fills its cell but for `around` characters ("Periods: ….") is cut: "… and 12 more (see …)". */
export function lineCut(full: FullList, around: number): ListCut {
  return { maxChars: CELL_TEXT_CHARS - around, more: (n) => `… and ${n} more (${LISTED[full]})` };
}
