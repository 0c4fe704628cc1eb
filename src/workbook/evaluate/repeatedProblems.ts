/**
 * A measure's repeated problem said once (new-user finding F1): a long table's target "£1.2m" typed on each of a
 * measure's 18 rows is one problem at its first cell, whose message names the others, instead of 18 lines that bury
 * the rest. Problems are merged only when they are the same measure's, in the same column, and their messages are
 * the same but for the problem's own row (the row the problem is on, e.g. "(the aim is in F7)" on row 7 and "(the aim
 * is in F12)" on row 12). Anything else, the same text on another measure or in another column included, stays a
 * problem of its own. The problems themselves stay data problems (SPEC §1, §3: text such as "£1.2m" is no figure and
 * is not guessed at).
 */
import { andList } from "../../core";
import type { Problem } from "../model";

/** Up to this many other cells the message lists them all; past it, the first few and the last. */
const LISTED_IN_FULL = 6;
const LISTED_FIRST = 4;

/**
 * The 0-based row of a plain A1 cell ("E12" -> 11) and its column letters, or null for anything else (never merged
 * then). Read by hand: a million-row table with a problem on every row parses a million cells.
 */
function cellAt(cell: string): { row: number; col: string } | null {
  let letters = 0;
  while (letters < cell.length && letters < 4 && cell.charCodeAt(letters) >= 65 && cell.charCodeAt(letters) <= 90) {
    letters++;
  }
  if (letters === 0 || letters > 3 || letters === cell.length) return null;
  let row = 0;
  for (let i = letters; i < cell.length; i++) {
    const digit = cell.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    row = row * 10 + digit;
  }
  return row === 0 ? null : { row: row - 1, col: cell.slice(0, letters) };
}

/** What a row number follows when it is a reference: a cell as the messages name one ("in F7", "at F7"), "row 7", "rows 3 and 7". */
const BEFORE_A_ROW = /(?:\b(?:in|at) [A-Z]{1,3}|\brows? |\brows \d+ and )$/;

const isDigit = (text: string, i: number): boolean => i >= 0 && i < text.length && /\d/.test(text[i]);

/** Inside the user's quoted text: an odd number of quotes before it. */
function quoted(text: string, at: number): boolean {
  let quotes = 0;
  for (let i = text.indexOf('"'); i >= 0 && i < at; i = text.indexOf('"', i + 1)) quotes++;
  return quotes % 2 === 1;
}

/**
 * The message with the problem's own row number taken out where it is a reference: a cell as the messages name one
 * ("in F7", "at F7"), "row 7", "rows 3 and 7". Quoted text is the user's and is left as it is, and so is any other
 * number: a figure, or a period such as Q1 2020/21 on row 1. Found by the row's digits, not by a pattern over the
 * whole text: a table with a problem on each of a million rows reads a million messages.
 */
export function withoutOwnRow(message: string, ownRow: number): string {
  const own = String(ownRow);
  let out = "";
  let from = 0;
  for (let i = message.indexOf(own); i >= 0; i = message.indexOf(own, i + 1)) {
    const end = i + own.length;
    if (isDigit(message, i - 1) || isDigit(message, end)) continue;
    if (!BEFORE_A_ROW.test(message.slice(Math.max(0, i - 24), i)) || quoted(message, i)) continue;
    out += `${message.slice(from, i)}#`;
    from = end;
  }
  return from === 0 ? message : out + message.slice(from);
}

/** "E12, E17 and E22"; past LISTED_IN_FULL, "E12, E17, E22, E27, …, E99" (the count is said before the list). */
function cellList(cells: readonly string[]): string {
  if (cells.length <= LISTED_IN_FULL) return andList(cells);
  return `${cells.slice(0, LISTED_FIRST).join(", ")}, …, ${cells[cells.length - 1]}`;
}

/** The first cell's message, then where else: "… Also in 17 more rows of ASC03: E12, E17, E22, E27, …, E99." */
export function repeatedMessage(message: string, measure: string, others: readonly string[]): string {
  const stop = /[.!?]$/.test(message) ? "" : ".";
  const rows = others.length === 1 ? "1 more row" : `${others.length} more rows`;
  return `${message}${stop} Also in ${rows} of ${measure}: ${cellList(others)}.`;
}

/** Problems of one measure and column whose messages are the same but for their own rows, in the order found. */
interface Group {
  readonly measure: string;
  readonly rows: number[];
  readonly problems: Problem[];
}

/**
 * One problem per measure, column and message (but for the own row), at its first cell; `measureOf` gives the
 * measure of a 0-based row, null where a problem belongs to no one measure (a header row): those are never merged.
 * The merged problem's `also` lists every other cell, in row order; the problems keep their order otherwise.
 */
export function sayRepeatsOnce(
  problems: readonly Problem[],
  measureOf: (row: number) => string | null,
): readonly Problem[] {
  if (problems.length < 2) return problems;
  // By sheet, measure and column (NUL cannot be typed into a cell: they cannot run into each other), then by text.
  const groups = new Map<string, Map<string, Group>>();
  const kept: (Problem | Group)[] = [];
  let merged = false;
  for (const problem of problems) {
    const at = cellAt(problem.cell);
    const measure = at === null ? null : measureOf(at.row);
    if (at === null || measure === null) {
      kept.push(problem);
      continue;
    }
    const place = `${problem.sheet}\u0000${measure}\u0000${at.col}`;
    let texts = groups.get(place);
    if (texts === undefined) groups.set(place, (texts = new Map()));
    const text = withoutOwnRow(problem.message, at.row + 1);
    const group = texts.get(text);
    if (group) {
      group.rows.push(at.row);
      group.problems.push(problem);
      merged = true;
    } else {
      const made: Group = { measure, rows: [at.row], problems: [problem] };
      texts.set(text, made);
      kept.push(made);
    }
  }
  if (!merged) return problems;
  return kept.map((entry) => ("sheet" in entry ? entry : saidOnce(entry)));
}

/** A group's problems as one, at its first row's cell (the rules add them nearly always in row order already). */
function saidOnce(group: Group): Problem {
  const { rows, measure } = group;
  if (rows.length === 1) return group.problems[0];
  let inOrder = group.problems;
  if (rows.some((row, i) => i > 0 && row < rows[i - 1])) {
    inOrder = rows
      .map((row, i) => ({ row, problem: group.problems[i] }))
      .sort((a, b) => a.row - b.row)
      .map((p) => p.problem);
  }
  const first = inOrder[0];
  const also: string[] = [];
  for (let i = 1; i < inOrder.length; i++) also.push(inOrder[i].cell);
  return { ...first, message: repeatedMessage(first.message, measure, also), also };
}
