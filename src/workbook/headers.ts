/**
 * Header matching (SPEC §1): which column of a table holds which field.
 *
 * HEADER MATCHING PRECEDENCE (the README copies this block)
 * 1. Headers are compared as words: case, spaces and punctuation are ignored ("Aim to:" = "aim to", "D.o.T" does
 *    not equal "DoT"), and "&" reads as "and".
 * 2. A header that equals one of a field's words exactly is that field ("Direction of Travel" is the short trend, not
 *    the aim "Direction"; "Current Target" is the target).
 * 3. Otherwise a header matches a field when it contains one of its words as whole words ("PI code", "Current 2013-14
 *    Target", "Actual Q2"). When it contains words of several fields:
 *    a. "Previous", "Prior" or "Last period" with a value or period word is the previous value ("Previous value");
 *       with any other field's word it is ignored ("Previous RAG", "Previous target" are not values);
 *    b. then the qualifying fields win, in this order: upper target, floor, amber band, target ("Floor value" is the
 *       floor, "Target value" the target);
 *    c. then the field whose words end the header (the head noun: "Indicator code" is the code, "Service name" the
 *       name);
 *    d. then the longer match, then the order of the table below.
 * 4. A header that matches no field but reads as a period once "Outturn", "Actual" or "Value" is removed
 *    ("Sep-13", "Q1 2018/19", "2012-13 Outturn", a date) is a period column: several make a wide table; one next to
 *    a value column is the previous value of a single-row table.
 * 5. When several columns match one field, the closest wins: an exact match before a contained one, then the header
 *    most covered by the field's words, then the leftmost. The others are left alone.
 * 6. A table needs a code or name column, a value column (or period columns), and a target or aim column.
 *
 * | field        | header words                                                                  |
 * |--------------|-------------------------------------------------------------------------------|
 * | code         | Code, Ref, Reference, PI, ID, KPI                                             |
 * | name         | Measure, Indicator, Indicator Description, Description, Name, Title           |
 * | group        | Outcome, Programme, Program, Section, Theme, Service                          |
 * | period       | Period, Quarter, Month, Year, Data Period, Annual                             |
 * | value        | Value, Actual, Current Position, Result, Achieved                             |
 * | target       | Target, Current Target, Goal                                                  |
 * | targetUpper  | Upper Target, Target Upper, Target High, Target Max, Upper Limit, Upper Bound |
 * | aim          | Aim, Aim to, Polarity, Tolerance, Direction, Good is                          |
 * | floor        | Floor, Minimum, Minimum acceptable, Red threshold                             |
 * | band         | Amber band, Band, Amber tolerance                                             |
 * | previous     | Previous, Previous value, Last period, Prior, Prior period                    |
 * | status       | Status, RAG, RAG Rating, RAG Status                                           |
 * | shortTrend   | Short Trend, Short term trend, Direction of Travel, DoT                       |
 * | longTrend    | Long Trend, Long term trend                                                   |
 * | variation    | Variation, SPC Variation (read only when SPC is on)                           |
 * | assurance    | Assurance, SPC Assurance (read only when SPC is on)                           |
 */
import { parsePeriod } from "../core";
import type { CellValue, Period } from "../core";

export type Field =
  | "code"
  | "name"
  | "group"
  | "period"
  | "value"
  | "target"
  | "targetUpper"
  | "aim"
  | "floor"
  | "band"
  | "previous"
  | "status"
  | "shortTrend"
  | "longTrend"
  | "variation"
  | "assurance";

export type OutputField = "status" | "shortTrend" | "longTrend" | "variation" | "assurance";
export const OUTPUT_FIELDS: readonly OutputField[] = ["status", "shortTrend", "longTrend", "variation", "assurance"];
/** The SPC outputs (SPEC §7): written, and their headers claimed, only when the SPC setting is on. */
export const SPC_FIELDS: readonly OutputField[] = ["variation", "assurance"];

/** Headers the add-in writes when it adds an output column. */
export const OUTPUT_HEADERS: Readonly<Record<OutputField, string>> = {
  status: "Status",
  shortTrend: "Short Trend",
  longTrend: "Long Trend",
  variation: "Variation",
  assurance: "Assurance",
};

const SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  code: ["code", "ref", "reference", "pi", "id", "kpi"],
  name: ["measure", "indicator", "indicator description", "description", "name", "title"],
  group: ["outcome", "programme", "program", "section", "theme", "service"],
  period: ["period", "quarter", "month", "year", "data period", "annual"],
  value: ["value", "actual", "current position", "result", "achieved"],
  target: ["target", "current target", "goal"],
  targetUpper: ["upper target", "target upper", "target high", "target max", "upper limit", "upper bound"],
  aim: ["aim", "aim to", "polarity", "tolerance", "direction", "good is"],
  floor: ["floor", "minimum", "minimum acceptable", "red threshold"],
  band: ["amber band", "band", "amber tolerance"],
  previous: ["previous", "previous value", "last period", "prior", "prior period"],
  status: ["status", "rag", "rag rating", "rag status"],
  shortTrend: ["short trend", "short term trend", "direction of travel", "dot"],
  longTrend: ["long trend", "long term trend"],
  variation: ["variation", "spc variation"],
  assurance: ["assurance", "spc assurance"],
};

const FIELD_ORDER = Object.keys(SYNONYMS) as Field[];
const QUALIFIERS: readonly Field[] = ["targetUpper", "floor", "band", "target"];
/** Words that may sit next to a period in a period column's header ("2012-13 Outturn"). */
const PERIOD_HEADER_NOISE = /\b(?:outturn|actuals?|values?|results?)\b/gi;

/** Header text as words: lower case, anything but letters and digits a space. */
export function headerWords(text: string): string[] {
  const normal = text
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return normal === "" ? [] : normal.split(" ");
}

const SYNONYM_WORDS: readonly { field: Field; words: readonly string[] }[] = FIELD_ORDER.flatMap((field) =>
  SYNONYMS[field].map((s) => ({ field, words: s.split(" ") })),
);

interface Hit {
  readonly field: Field;
  readonly exact: boolean;
  /** Share of the header's words the synonym covers (1 for an exact match). */
  readonly coverage: number;
  /** The synonym ends the header. */
  readonly head: boolean;
}

function findAt(words: readonly string[], syn: readonly string[]): number {
  outer: for (let i = 0; i + syn.length <= words.length; i++) {
    for (let j = 0; j < syn.length; j++) if (words[i + j] !== syn[j]) continue outer;
    return i;
  }
  return -1;
}

/** The best hit per field for one header. */
function hits(words: readonly string[]): Hit[] {
  const best = new Map<Field, Hit>();
  for (const { field, words: syn } of SYNONYM_WORDS) {
    const at = findAt(words, syn);
    if (at < 0) continue;
    const hit: Hit = {
      field,
      exact: syn.length === words.length,
      coverage: syn.length / words.length,
      head: at + syn.length === words.length,
    };
    const before = best.get(field);
    if (!before || hit.coverage > before.coverage) best.set(field, hit);
  }
  return [...best.values()];
}

export interface HeaderMatch {
  readonly field: Field;
  readonly exact: boolean;
  readonly coverage: number;
}

/** The field one header names, by the precedence above; null when it names none (or is deliberately ignored). */
export function matchHeader(text: string): HeaderMatch | null {
  const words = headerWords(text);
  if (words.length === 0) return null;
  const found = hits(words);
  if (found.length === 0) return null;
  const exact = found.find((h) => h.exact);
  if (exact) return exact;
  const previous = found.find((h) => h.field === "previous");
  if (previous) {
    return found.every((h) => h.field === "previous" || h.field === "value" || h.field === "period") ? previous : null;
  }
  for (const field of QUALIFIERS) {
    const hit = found.find((h) => h.field === field);
    if (hit) return hit;
  }
  const ranked = [...found].sort(
    (a, b) =>
      Number(b.head) - Number(a.head) ||
      b.coverage - a.coverage ||
      FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field),
  );
  return ranked[0];
}

/** The period a header names ("Sep-13", "Q1 2018/19", "2012-13 Outturn", a date or year cell), or null. */
export function headerPeriod(raw: CellValue): Period | null {
  if (raw instanceof Date || typeof raw === "number") {
    const parsed = parsePeriod(raw);
    return parsed.ok ? parsed.value : null;
  }
  if (typeof raw !== "string") return null;
  const stripped = raw.replace(PERIOD_HEADER_NOISE, " ").trim();
  if (stripped === "") return null;
  const parsed = parsePeriod(stripped);
  return parsed.ok ? parsed.value : null;
}

export interface PeriodColumn {
  readonly col: number;
  readonly period: Period;
}

/** What a header row says about its table. Columns are absolute sheet columns. */
export interface HeaderMap {
  readonly fields: Readonly<Partial<Record<Field, number>>>;
  /** Period columns in time order (earliest first). */
  readonly periodColumns: readonly PeriodColumn[];
}

export interface HeaderCell {
  readonly col: number;
  readonly raw: CellValue;
}

interface Candidate {
  readonly col: number;
  readonly match: HeaderMatch;
}

const closer = (a: Candidate, b: Candidate): boolean =>
  a.match.exact !== b.match.exact ? a.match.exact : a.match.coverage > b.match.coverage;

/**
 * Maps a header row. `floorHeader` (from settings) names the floor column exactly when not empty; if no column
 * carries that header the floor is found by its usual words.
 */
export function mapHeaderRow(cells: readonly HeaderCell[], floorHeader = ""): HeaderMap {
  const best = new Map<Field, Candidate>();
  const periodColumns: PeriodColumn[] = [];
  const wantedFloor = headerWords(floorHeader).join(" ");
  let explicitFloor: number | null = null;
  for (const { col, raw } of cells) {
    const text = typeof raw === "string" ? raw : null;
    if (text !== null && wantedFloor !== "" && headerWords(text).join(" ") === wantedFloor) {
      explicitFloor = col;
      continue;
    }
    const match = text === null ? null : matchHeader(text);
    if (match === null || match.field === "value" || match.field === "previous") {
      const period = headerPeriod(raw);
      if (period) {
        periodColumns.push({ col, period });
        continue;
      }
    }
    if (match === null) continue;
    const candidate = { col, match };
    const before = best.get(match.field);
    if (!before || closer(candidate, before)) best.set(match.field, candidate);
  }
  const fields: Partial<Record<Field, number>> = {};
  for (const [field, candidate] of best) fields[field] = candidate.col;
  if (explicitFloor !== null) fields.floor = explicitFloor;
  periodColumns.sort((a, b) => a.period.order - b.period.order || a.col - b.col);
  return { fields, periodColumns };
}

/** Enough to be a measure table: who (code or name), what (a value or period columns), against what (target or aim). */
export function isMeasureHeader(map: HeaderMap): boolean {
  const f = map.fields;
  const identity = f.code !== undefined || f.name !== undefined;
  const data = f.value !== undefined || map.periodColumns.length > 0;
  const rating = f.target !== undefined || f.aim !== undefined;
  return identity && data && rating;
}

/** Headers made only of output columns (Status, Short Trend…): they belong to the table on their left. */
export function isOutputHeader(text: string): boolean {
  const match = matchHeader(text);
  return match !== null && (OUTPUT_FIELDS as readonly Field[]).includes(match.field);
}
