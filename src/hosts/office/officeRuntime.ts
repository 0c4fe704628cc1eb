/** The one place this host touches the Office.js globals; everything else goes through XlContext. */
import type { ExcelRunner } from "./excelApi";

/** Runs each batch in its own `Excel.run` context. */
export const excelRun: ExcelRunner = (batch) => Excel.run((context) => batch(context));
