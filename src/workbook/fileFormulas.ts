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
 *   arrows' `SWITCH(` is `_xlfn.SWITCH(`. Written without it, Excel does not recognise the function.
 * Text inside string literals ("…") is left alone.
 */

/** The functions the add-in's formulas use that Excel saves as future functions. */
const FUTURE_FUNCTIONS = ["SWITCH", "IFS", "IFNA", "CONCAT", "TEXTJOIN", "MAXIFS", "MINIFS"];

const NAME_START = "(?<![A-Za-z0-9_.])";
const CUSTOM_CALL = new RegExp(`${NAME_START}KPI\\.([A-Za-z][A-Za-z0-9]*)\\(`, "gi");
const FUTURE_CALL = new RegExp(`${NAME_START}(${FUTURE_FUNCTIONS.join("|")})\\(`, "gi");
const SAVED_CUSTOM_CALL = new RegExp(`${NAME_START}_xldudf_KPI_([A-Za-z][A-Za-z0-9]*)\\(`, "gi");
const SAVED_FUTURE_CALL = new RegExp(`${NAME_START}_xlfn\\.(${FUTURE_FUNCTIONS.join("|")})\\(`, "gi");

/** Applies `edit` to the parts of a formula outside string literals. */
function outsideStrings(formula: string, edit: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join("");
}

/** `=KPI.RAG(E5,F5,G5)` → `=_xldudf_KPI_RAG(E5,F5,G5)`; `SWITCH(` → `_xlfn.SWITCH(`. */
export function toFileFormula(formula: string): string {
  return outsideStrings(formula, (code) =>
    code
      .replace(CUSTOM_CALL, (_m, name: string) => `_xldudf_KPI_${name.toUpperCase()}(`)
      .replace(FUTURE_CALL, (_m, name: string) => `_xlfn.${name.toUpperCase()}(`),
  );
}

/** The formula as Excel shows it with the add-in loaded: the inverse of toFileFormula. */
export function fromFileFormula(formula: string): string {
  return outsideStrings(formula, (code) =>
    code
      .replace(SAVED_CUSTOM_CALL, (_m, name: string) => `KPI.${name.toUpperCase()}(`)
      .replace(SAVED_FUTURE_CALL, (_m, name: string) => `${name.toUpperCase()}(`),
  );
}
