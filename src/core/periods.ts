/** Reporting periods (SPEC §4): parsed and ordered in time, never by sheet position. */
import type { CellValue, Parsed, Period, PeriodKind } from "./types";
import { quote } from "./text";

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));
/** "Jan" … "Dec": a month as Scorecard writes it in a period label ("Sep 2013"), by its 0-based index. */
export const MONTH_LABELS: readonly string[] = MONTHS.map((short) => short.charAt(0).toUpperCase() + short.slice(1));

/** Ties between kinds ending in the same month (Q4 2019/20 and 2019/20) sort the shorter period first. */
const KIND_RANK: Record<PeriodKind, number> = { month: 0, quarter: 1, year: 2, calendarYear: 3 };

/**
 * Words that describe how long a figure covers (`12M`, `Month`, `3 yr avg`, `YTD` in a Data Period column), not when.
 * A span is a count and a unit (`3 yr`, `12 months`); a kind is a span or unit, optionally rolling, averaged or to
 * date (`3 year average`, `rolling 3 years`, `12 month rolling`, `Year to date`).
 */
const SPAN = String.raw`(?:\d{1,2}[\s-]*)?(?:m|mths?|months?|qtrs?|quarters?|yrs?|years?|wks?|weeks?)`;
const PERIOD_KIND_WORDS = new RegExp(
  String.raw`^(?:monthly|quarterly|annual(?:ly)?|yearly|weekly|snapshot|(?:f|fin\.?\s*)?ytd|(?:financial\s+)?year\s+to\s+date|` +
    String.raw`rolling\b.*|(?:avg|average)\b.*|${SPAN}(?:\s*(?:rolling|avg\.?|average|total))*)$`,
  "i",
);

function period(kind: PeriodKind, endMonthIndex: number, label: string): Parsed<Period> {
  return { ok: true, value: { kind, order: endMonthIndex * 10 + KIND_RANK[kind], label } };
}

/** "13" -> 2013, "2013" -> 2013; two-digit years are this century (council data starts long after 2000's records). */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** Checks the second half of a financial year ("19" or "2019" after 2018). */
function followsYear(start: number, endText: string): boolean {
  const end = fullYear(endText);
  return endText.length <= 2 ? end % 100 === (start + 1) % 100 : end === start + 1;
}

function financialYearLabel(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

const FY = String.raw`(\d{4}|\d{2})\s*[/\-–]\s*(\d{4}|\d{2})`;
const QUARTER_FIRST = new RegExp(String.raw`^(?:q|qtr|quarter)\s*([1-4])\s*(?:of\s*)?(?:fy\s*)?${FY}$`, "i");
const QUARTER_LAST = new RegExp(String.raw`^(?:fy\s*)?${FY}\s*(?:q|qtr|quarter)\s*([1-4])$`, "i");
const FINANCIAL_YEAR = new RegExp(String.raw`^(?:fy\s*)?${FY}$`, "i");
const MONTH_YEAR = /^([a-z]{3,9})\.?[\s\-/']*(\d{4}|\d{2})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const CALENDAR_YEAR = /^(?:cy\s*)?(\d{4})$/i;

function quarter(q: number, startText: string, endText: string, raw: string): Parsed<Period> {
  const start = fullYear(startText);
  if (!followsYear(start, endText))
    return { ok: false, na: false, reason: `period ${quote(raw)} is not a financial year` };
  // Financial quarters: Q1 = Apr–Jun of the start year, so Q1 ends in June (month index 5).
  return period("quarter", start * 12 + 5 + 3 * (q - 1), `Q${q} ${financialYearLabel(start)}`);
}

function month(index: number, year: number): Parsed<Period> {
  return period("month", year * 12 + index, `${MONTH_LABELS[index]} ${year}`);
}

/**
 * Excel stores dates as days since 1899-12-30, or since 1904-01-01 in a workbook with the 1904 date system (1,462 days
 * later); no 1900 leap-year correction, as ExcelJS converts them.
 */
export function fromExcelSerial(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** The date a cell holds: a Date (the .xlsx reader), or a serial number 1954 to 2119 (Office.js); otherwise null. */
export function dateOfCell(raw: CellValue): Date | null {
  if (raw instanceof Date) return raw;
  return typeof raw === "number" && raw >= 20000 && raw < 80000 ? fromExcelSerial(raw) : null;
}

function parsePeriodText(raw: string): Parsed<Period> {
  const text = raw.trim().replace(/\s+/g, " ");
  let m = QUARTER_FIRST.exec(text);
  if (m) return quarter(Number(m[1]), m[2], m[3], text);
  m = QUARTER_LAST.exec(text);
  if (m) return quarter(Number(m[3]), m[1], m[2], text);
  m = FINANCIAL_YEAR.exec(text);
  if (m) {
    const start = fullYear(m[1]);
    if (followsYear(start, m[2])) return period("year", start * 12 + 14, financialYearLabel(start));
  }
  m = MONTH_YEAR.exec(text);
  if (m) {
    const word = m[1].toLowerCase();
    const index = MONTHS.indexOf(word.slice(0, 3));
    const isMonthName = index >= 0 && (word.length === 3 || word === "sept" || MONTH_NAMES[index] === word);
    if (isMonthName) return month(index, fullYear(m[2]));
  }
  m = ISO_DATE.exec(text);
  if (m) return month(Number(m[2]) - 1, Number(m[1]));
  m = CALENDAR_YEAR.exec(text);
  if (m) return period("calendarYear", Number(m[1]) * 12 + 11, m[1]);
  if (PERIOD_KIND_WORDS.test(text)) {
    return { ok: false, na: true, reason: `${quote(text)} names a kind of data period, not a date` };
  }
  if (/^q[1-4]\s*\d{4}$/i.test(text)) {
    return { ok: false, na: false, reason: `period ${quote(text)} has no financial year (write it as Q1 2020/21)` };
  }
  return { ok: false, na: false, reason: `period ${quote(text)} is not a quarter, month or year` };
}

/**
 * A month header such as `Oct-12` that a CSV import (or Excel) read as a day of the current year, 12 Oct 2026: a date
 * whose day is not the 1st, said as `"Oct-12" read as 12 Oct 2026`; null for a date on the 1st (new-user finding F15).
 */
export function yearReadAsDay(date: Date): string | null {
  const day = date.getUTCDate();
  if (day === 1) return null;
  const month = MONTH_LABELS[date.getUTCMonth()];
  return `"${month}-${String(day).padStart(2, "0")}" read as ${day} ${month} ${date.getUTCFullYear()}`;
}

/**
 * The period a measure reports, as a summary names it: the cell's text, or null when it states none — blank, or a
 * word for the kind of figure (`12M`, `Month` in a Data Period column), which says how long the figure covers, not
 * when (SPEC §4), and so is no period to list beside `Q2 2020/21` (new-user finding F16).
 */
export function statedPeriod(label: string | null): string | null {
  return label === null || PERIOD_KIND_WORDS.test(label.trim()) ? null : label;
}

/**
 * A reporting period: financial quarters (`Q1 2020/21`), financial years (`2018/19`, `2018-19`, `FY2018/19`), months
 * (`Sep-13`, `Sep 2013`, `September 2013`, Excel dates), calendar years (`2017`). `12M`/`Month` give NA, not a date.
 */
export function parsePeriod(raw: CellValue): Parsed<Period> {
  if (raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "")) {
    return { ok: false, na: true, reason: "no period" };
  }
  const date = dateOfCell(raw);
  if (date !== null) return month(date.getUTCMonth(), date.getUTCFullYear());
  if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= 1900 && raw <= 2200) return period("calendarYear", raw * 12 + 11, String(raw));
    return { ok: false, na: false, reason: `period ${raw} is not a year or a date` };
  }
  if (typeof raw === "string") return parsePeriodText(raw);
  return { ok: false, na: false, reason: `period ${quote(raw)} is not a quarter, month or year` };
}

/** Orders periods in time: negative when a is earlier. */
export function comparePeriods(a: Period, b: Period): number {
  return a.order - b.order;
}
