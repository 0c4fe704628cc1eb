/**
 * Where the add-in keeps its state inside a workbook — one convention for both hosts, so a file scored
 * by the CLI (the .xlsx engine) and the same file opened in Excel (Office.js) read and write the same settings.
 *
 * The state is JSON text stored in a very hidden worksheet, in column A from row 1 down, one chunk per
 * cell. Excel caps a cell at 32,767 characters, so the text is cut into chunks of at most 32,000.
 * Every chunk carries a prefix: a cell starting with a letter and a colon can never be taken by Excel
 * for a number, date, boolean, error or formula, so Office.js writes it verbatim as text.
 */
import type { CellValue } from "../core/types";
import { sameSheetName } from "./sheetNames";
import type { WriteProblem } from "./port";

export const STATE_SHEET_NAME = "ScorecardState";
export const STATE_CHUNK_CHARS = 32_000;
const CHUNK_PREFIX = "state:";

/**
 * Whether a sheet is the add-in's state sheet: named ScorecardState (or "ScorecardState (n)" when a user's sheet had
 * the name first) and holding nothing but state chunks in column A. Visibility is no part of it: Scorecard writes the
 * sheet very hidden, but LibreOffice has no "very hidden" and saves it back as hidden, and a user may unhide it.
 * A user's sheet of that name, holding anything else, is never it. `values` are the sheet's used cells, whose first
 * column is `left` (0-based).
 */
export function isStateSheet(name: string, values: readonly (readonly CellValue[])[], left: number): boolean {
  if (!isStateName(name)) return false;
  return values.every((row) => row.every((v, c) => v === null || v === undefined || (left + c === 0 && isChunk(v))));
}

/** A name the state sheet may have: the first test of isStateSheet, cheap enough to run before reading a sheet. */
export function isStateName(name: string): boolean {
  return name === STATE_SHEET_NAME || STATE_NAME_TAKEN.test(name);
}

const STATE_NAME_TAKEN = new RegExp(`^${STATE_SHEET_NAME} \\(\\d+\\)$`);

/**
 * Where a new state sheet goes: the first of ScorecardState, ScorecardState (2), … that no sheet has (compared as Excel
 * compares names), with the notice to give when a user's sheet had the plain name.
 */
export function newStateSheet(sheetNames: readonly string[]): { name: string; notice: WriteProblem | null } {
  let name = STATE_SHEET_NAME;
  for (let n = 2; sheetNames.some((s) => sameSheetName(s, name)); n++) name = `${STATE_SHEET_NAME} (${n})`;
  if (name === STATE_SHEET_NAME) return { name, notice: null };
  return {
    name,
    notice: {
      sheet: STATE_SHEET_NAME,
      // As chooseSummaryName's notice: the user's sheet is scanned like any other (N22), so not "left alone".
      message: `A sheet of yours is named "${STATE_SHEET_NAME}", so Scorecard keeps its settings in the very hidden sheet "${name}" instead; yours is treated as any other sheet of yours (a measure table on it is rated).`,
    },
  };
}

function isChunk(value: CellValue | undefined): value is string {
  return typeof value === "string" && value.startsWith(CHUNK_PREFIX);
}

/** The cells of column A (top to bottom) that hold `json`. */
export function encodeState(json: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < json.length) {
    let end = Math.min(start + STATE_CHUNK_CHARS, json.length);
    // Never cut a surrogate pair in two: a lone surrogate is not valid text in an .xlsx file.
    if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
    chunks.push(CHUNK_PREFIX + json.slice(start, end));
    start = end;
  }
  return chunks.length > 0 ? chunks : [CHUNK_PREFIX];
}

/** The JSON text stored in the state sheet's column A (rows of values, top to bottom), or null if none. */
export function decodeState(rows: readonly (readonly CellValue[])[]): string | null {
  const chunks: string[] = [];
  for (const row of rows) {
    const cell = row[0];
    if (isChunk(cell)) chunks.push(cell.slice(CHUNK_PREFIX.length));
  }
  const json = chunks.join("");
  return json.length > 0 ? json : null;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
