/** The two places this host touches the Office.js globals; everything else goes through XlContext. */
import type { ApiSupport, ExcelRunner } from "./excelApi";

/** Runs each batch in its own `Excel.run` context. */
export const excelRun: ExcelRunner = (batch) => Excel.run((context) => batch(context));

/** Asks Office for requirement-set support; false wherever Office.js is absent (tests, Node). */
export const officeApiSupport: ApiSupport = (version) =>
  typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
