/**
 * Formula text as Excel itself saves it in an .xlsx file, for the file host (`--formulas`) to write and read.
 *
 * - An Office add-in's custom function is saved with the prefix `_xldudf_` and the dot of its namespace as an
 *   underscore: `KPI.RAG(E5,F5,G5)` is stored as `_xldudf_KPI_RAG(E5,F5,G5)` (Microsoft in
 *   github.com/OfficeDev/Excel-Custom-Functions/issues/108; office-js#2568, #3558). Excel with the add-in shows
 *   `=KPI.RAG(…)` again once the add-in has loaded; without it the formula bar shows `=_xldudf_KPI_RAG(…)`, the
 *   saved results stay until Excel recalculates, then the cells show #NAME? (office-js#6395).
 * - A function newer than Excel 2007 is saved with the prefix `_xlfn.` ([MS-XLSX] 2.2.2 "Formulas", future
 *   functions; support.microsoft.com "Issue: An _xlfn. prefix is displayed in front of a formula"): the trend
 *   arrows' `SWITCH(` is `_xlfn.SWITCH(`. Written without it, Excel does not recognise the function. The dynamic-array
 *   functions carry `_xlws.` as well: a long table's `FILTER(` is `_xlfn._xlws.FILTER(` (the same Microsoft page
 *   lists `_xlfn._xlws.FILTER` and `_xlfn._xlws.SORT`; Excel's own files: jmcnamara/libxlsxwriter#311).
 * Text inside string literals ("…") is left alone.
 */

/** The functions the add-in's formulas use that Excel saves as future functions, with the prefix it saves. */
const FUTURE_FUNCTIONS: Readonly<Record<string, string>> = {
  SWITCH: "_xlfn.",
  IFS: "_xlfn.",
  IFNA: "_xlfn.",
  CONCAT: "_xlfn.",
  TEXTJOIN: "_xlfn.",
  MAXIFS: "_xlfn.",
  MINIFS: "_xlfn.",
  FILTER: "_xlfn._xlws.",
};
const FUTURE_NAMES = Object.keys(FUTURE_FUNCTIONS).join("|");

const NAME_START = "(?<![A-Za-z0-9_.])";
/** A string literal ("…", with "" for a quote inside): its text is left alone. */
const LITERAL = '"(?:[^"]|"")*"';
/**
 * One pass over the formula: at each place a string literal (kept as it is) or a call to rename. This is what
 * renaming the calls in each part between literals gives (no call can reach into a literal, and the character a
 * call's look-behind sees before a part is a quote, which is no name character), without splitting the formula and
 * running two patterns per part: ~1.5 µs a formula, ~0.25 s of a 40,000-row --formulas apply.
 */
const TO_FILE = new RegExp(
  `${LITERAL}|${NAME_START}KPI\\.([A-Za-z][A-Za-z0-9]*)\\(|${NAME_START}(${FUTURE_NAMES})\\(`,
  "gi",
);
const FROM_FILE = new RegExp(
  `${LITERAL}|${NAME_START}_xldudf_KPI_([A-Za-z][A-Za-z0-9]*)\\(|${NAME_START}_xlfn\\.(?:_xlws\\.)?(${FUTURE_NAMES})\\(`,
  "gi",
);

/** `=KPI.RAG(E5,F5,G5)` → `=_xldudf_KPI_RAG(E5,F5,G5)`; `SWITCH(` → `_xlfn.SWITCH(`, `FILTER(` → `_xlfn._xlws.FILTER(`. */
export function toFileFormula(formula: string): string {
  return formula.replace(TO_FILE, (whole, custom?: string, future?: string) => {
    if (custom !== undefined) return `_xldudf_KPI_${custom.toUpperCase()}(`;
    if (future !== undefined) return `${FUTURE_FUNCTIONS[future.toUpperCase()]}${future.toUpperCase()}(`;
    return whole;
  });
}

/** The formula as Excel shows it with the add-in loaded: the inverse of toFileFormula. */
export function fromFileFormula(formula: string): string {
  return formula.replace(FROM_FILE, (whole, custom?: string, future?: string) => {
    if (custom !== undefined) return `KPI.${custom.toUpperCase()}(`;
    if (future !== undefined) return `${future.toUpperCase()}(`;
    return whole;
  });
}
