/**
 * A workbook whose structure is protected (Review › Protect Workbook) lets no sheet be added, renamed, moved or hidden,
 * while the cells of its sheets can still be written (support.microsoft.com/office/protect-a-workbook-7e365a4d-3e89-
 * 4616-84ca-1931257c1517; Office.js: learn.microsoft.com/javascript/api/excel/excel.workbookprotection). Both hosts
 * therefore plan the same: Scorecard's own sheets that exist are rewritten in place under their names, none is added,
 * and a notice says why and how to get it (new-user finding N21: the CLI added sheets Excel itself would refuse).
 */
const UNPROTECT = "Unprotect it (Review › Protect Workbook) and";

export function summaryNotAdded(sheet: string): string {
  return `The workbook's structure is protected, so the summary sheet "${sheet}" was not added. ${UNPROTECT} run again to get the summary.`;
}

export const SETTINGS_NOT_SAVED = `The workbook's structure is protected, so Scorecard could not add the hidden sheet it keeps its settings in; they were not saved. ${UNPROTECT} run again to keep them.`;

export function spcSheetNotAdded(sheet: string): string {
  return `The workbook's structure is protected, so the SPC chart's sheet "${sheet}" was not added. ${UNPROTECT} draw the chart again.`;
}

/**
 * The state to write, or undefined when it cannot be: a locked structure and no state sheet to write it into (a
 * workbook with a state sheet has its state read back as text; an empty one is never written by Scorecard).
 */
export function writableState(
  snapshot: { readonly structureLocked: boolean; readonly state: string | null },
  state: string,
): string | undefined {
  return snapshot.structureLocked && snapshot.state === null ? undefined : state;
}
