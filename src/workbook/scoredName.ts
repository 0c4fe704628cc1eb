/**
 * The extension a workbook's copy must have: Excel opens a file only when its extension matches its format, so a
 * macro-enabled workbook stays .xlsm and any other is .xlsx. The scored copy, the CLI's chart copy and its -o check.
 */
export function workbookExtension(macroEnabled: boolean): ".xlsm" | ".xlsx" {
  return macroEnabled ? ".xlsm" : ".xlsx";
}

/**
 * The name of a workbook's scored copy, shared by the CLI's default output and the demo's download: "report.xlsx" ->
 * "report.scored.xlsx". A copy that is already scored keeps its name rather than growing "report.scored.scored.xlsx"
 * (new-user finding F23). A macro-enabled workbook stays .xlsm, as Excel opens a file only when its extension
 * matches its format.
 */
export function scoredFileName(fileName: string, macroEnabled: boolean): string {
  const stem = fileName.replace(/\.[^.]*$/, "").replace(/\.scored$/i, "");
  return `${stem}.scored${workbookExtension(macroEnabled)}`;
}
