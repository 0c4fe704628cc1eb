/**
 * A measure's repeated problem said once (new-user finding F1): a long table's target "£1.2m" typed on each of a
 * measure's 18 rows is one problem at its first cell, whose message names the others, instead of 18 lines that bury
 * the rest. Problems are merged only when they are the same measure's, in the same column, and their messages are
 * the same but for the problem's own row (the row the problem is on, e.g. "(the aim is in F7)" on row 7 and "(the aim
 * is in F12)" on row 12). Anything else, the same text on another measure or in another column included, stays a
 * problem of its own. The problems themselves stay data problems (SPEC §1, §3: text such as "£1.2m" is no figure and
 * is not guessed at).
 */
import { columnIndex } from "../a1";
import type { Problem } from "../model";

/** Up to this many other cells the message lists them all; past it, the first few and the last. */
const LISTED_IN_FULL = 6;
const LISTED_FIRST = 4;

/** The problem's cell as 0-based row and column, or null when it is not a plain A1 cell (never merged then). */
function cellAt(cell: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(cell);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : null;
}

/**
 * The message with the problem's own row number taken out where it is a reference: a cell as the messages name one
 * ("in F7", "at F7"), "row 7", "rows 3 and 7". Quoted text is the user's and is left as it is, and so is any other
 * number: a figure, or a period such as Q1 2020/21 on row 1.
 */
export function withoutOwnRow(message: string, ownRow: number): string {
  const own = String(ownRow);
  return message
    .split(/("[^"]*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\b(in|at) ([A-Z]{1,3})(\d+)\b/g, (ref: string, word: string, col: string, row: string) =>
              row === own ? `${word} ${col}#` : ref,
            )
            .replace(/\b(rows?) (\d+)(?: and (\d+))?\b/g, (_ref: string, word: string, a: string, b?: string) => {
              const mark = (n: string) => (n === own ? "#" : n);
              return b === undefined ? `${word} ${mark(a)}` : `${word} ${mark(a)} and ${mark(b)}`;
            }),
    )
    .join("");
}

/** "E12, E17 and E22"; past LISTED_IN_FULL, "E12, E17, E22, E27, …, E99" (the count is said before the list). */
function cellList(cells: readonly string[]): string {
  if (cells.length === 1) return cells[0];
  if (cells.length <= LISTED_IN_FULL) return `${cells.slice(0, -1).join(", ")} and ${cells[cells.length - 1]}`;
  return `${cells.slice(0, LISTED_FIRST).join(", ")}, …, ${cells[cells.length - 1]}`;
}

/** The first cell's message, then where else: "… Also in 17 more rows of ASC03: E12, E17, E22, E27, …, E99." */
export function repeatedMessage(message: string, measure: string, others: readonly string[]): string {
  const stop = /[.!?]$/.test(message) ? "" : ".";
  const rows = others.length === 1 ? "1 more row" : `${others.length} more rows`;
  return `${message}${stop} Also in ${rows} of ${measure}: ${cellList(others)}.`;
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
  const groups = new Map<string, { measure: string; cells: { row: number; problem: Problem }[] }>();
  const kept: (Problem | string)[] = [];
  for (const problem of problems) {
    const at = cellAt(problem.cell);
    const measure = at === null ? null : measureOf(at.row);
    if (at === null || measure === null) {
      kept.push(problem);
      continue;
    }
    // NUL cannot be typed into a cell: sheet, measure, column and message cannot run into each other.
    const key = [problem.sheet, measure, at.col, withoutOwnRow(problem.message, at.row + 1)].join("\u0000");
    const group = groups.get(key);
    if (group) {
      group.cells.push({ row: at.row, problem });
    } else {
      groups.set(key, { measure, cells: [{ row: at.row, problem }] });
      kept.push(key);
    }
  }
  if (groups.size === problems.length) return problems;
  return kept.map((entry) => {
    if (typeof entry !== "string") return entry;
    const { measure, cells } = groups.get(entry) as { measure: string; cells: { row: number; problem: Problem }[] };
    if (cells.length === 1) return cells[0].problem;
    cells.sort((a, b) => a.row - b.row);
    const [first, ...rest] = cells.map((c) => c.problem);
    const also = rest.map((p) => p.cell);
    return { ...first, message: repeatedMessage(first.message, measure, also), also };
  });
}
