/**
 * The browser demo's workbook: the .xlsx host over the file's package in memory (the sample, the user's own file,
 * or the one kept from the last visit), driven through the same port as the CLI. What it downloads is the user's
 * file with only Scorecard's cells and sheets changed. Loaded with import() so none of it weighs on the task pane's
 * first paint inside Excel.
 */
import { XlsxWorkbook } from "../../hosts/xlsx";
import { PackageError } from "../../hosts/xlsx/package/limits";
import { sampleWorkbookBytes } from "../../sample/sampleBytes";
import type { WorkbookPort } from "../../workbook/port";
import { scoredFileName } from "../../workbook/scoredName";
import { forget, loadSaved, save } from "./persist";
import { previewSheet, type PreviewSheet } from "./preview";

const SAMPLE_NAME = "sample.xlsx";

export interface DemoWorkbook {
  /** File name the workbook came from (the sample's, or the user's file). */
  readonly name: string;
  readonly port: WorkbookPort;
  /** Visible sheets, in tab order. */
  sheetNames(): string[];
  /** `maxRows`: more than the usual MAX_ROWS (the summary sheet is shown whole). */
  preview(sheet: string, maxRows?: number): PreviewSheet | null;
  /** Keeps the current state for the next visit; false when the browser refused. */
  remember(): Promise<boolean>;
  /** The scored copy as a file to download. */
  toBlob(): Promise<Blob>;
  readonly downloadName: string;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** IndexedDB and Blob want an ArrayBuffer of exactly the bytes. */
function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  return data.slice().buffer as ArrayBuffer;
}

function demoWorkbook(host: XlsxWorkbook, name: string): DemoWorkbook {
  // From the workbook's content type, as the CLI decides: Excel opens a file only when its extension matches its
  // format, whatever the file was called when it was chosen.
  const macros = host.macroEnabled;
  return {
    name,
    port: host,
    downloadName: scoredFileName(name, macros),
    sheetNames: () =>
      host
        .sheetList()
        .filter((sheet) => sheet.visible)
        .map((sheet) => sheet.name),
    preview: (sheet, maxRows) => previewSheet(host, sheet, maxRows),
    remember: async () => save({ name, data: toArrayBuffer(host.save()) }),
    toBlob: async () => new Blob([toArrayBuffer(host.save())], { type: macros ? XLSM_TYPE : XLSX_TYPE }),
  };
}

/** The sample scorecard, fresh. Forgets any workbook kept from an earlier visit. */
export async function openSample(): Promise<DemoWorkbook> {
  await forget();
  return demoWorkbook(XlsxWorkbook.open(sampleWorkbookBytes()), SAMPLE_NAME);
}

/** The workbook kept from the last visit, or the sample when there is none (or it no longer opens). */
export async function openLastOrSample(): Promise<DemoWorkbook> {
  const saved = await loadSaved();
  if (saved) {
    try {
      return await openFile(saved.name, saved.data);
    } catch {
      // A kept copy that no longer opens is not worth an error on first paint: start again from the sample.
    }
  }
  return openSample();
}

/** A user's .xlsx file, read in this browser only. Throws an Error with a message fit for the user. */
export async function openFile(name: string, data: ArrayBuffer): Promise<DemoWorkbook> {
  let host: XlsxWorkbook;
  try {
    host = XlsxWorkbook.open(new Uint8Array(data));
  } catch (error) {
    const reason = error instanceof Error ? ` (it ${error.message})` : "";
    throw new Error(
      `"${name}" could not be opened: it is not an .xlsx workbook, or it is password-protected or damaged${reason}.`,
    );
  }
  if (host.sheetList().length === 0) throw new Error(`"${name}" has no worksheets.`);
  try {
    // Sheets are read when first needed; read them now (the host keeps them) so a damaged sheet is told on opening,
    // in the words the CLI uses, rather than failing a later action.
    await host.readWorkbook();
  } catch (error) {
    if (error instanceof PackageError) throw new Error(`"${name}" could not be opened: it ${error.message}.`);
    throw error;
  }
  return demoWorkbook(host, name);
}
