/**
 * The browser demo's workbook: an ExcelJS workbook in memory (the sample, the user's own file, or the one
 * kept from the last visit), driven through the same ExcelJS host of the port as the CLI.
 * Loaded with import() so ExcelJS never weighs on the task pane's first paint inside Excel.
 */
import { Workbook } from "exceljs";
import { XlsxWorkbook } from "../../hosts/xlsx";
import { buildSampleWorkbook } from "../../sample/buildSample";
import type { WorkbookPort } from "../../workbook/port";
import { forget, loadSaved, save } from "./persist";
import { previewSheet, type PreviewSheet } from "./preview";

const SAMPLE_NAME = "sample.xlsx";

export interface DemoWorkbook {
  /** File name the workbook came from (the sample's, or the user's file). */
  readonly name: string;
  readonly port: WorkbookPort;
  /** Visible sheets, in tab order. */
  sheetNames(): string[];
  preview(sheet: string): PreviewSheet | null;
  /** Keeps the current state for the next visit; false when the browser refused. */
  remember(): Promise<boolean>;
  /** The scored copy as a file to download. */
  toBlob(): Promise<Blob>;
  readonly downloadName: string;
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** ExcelJS's browser build hands back a Buffer polyfill (a Uint8Array view); IndexedDB and Blob want the bytes alone. */
function toArrayBuffer(data: ArrayBuffer | ArrayBufferView): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer;
}

function demoWorkbook(workbook: Workbook, name: string): DemoWorkbook {
  const buffer = async () => toArrayBuffer(await workbook.xlsx.writeBuffer());
  return {
    name,
    port: new XlsxWorkbook(workbook),
    downloadName: name.replace(/\.xlsx$/i, "") + ".scored.xlsx",
    sheetNames: () => workbook.worksheets.filter((ws) => ws.state === "visible").map((ws) => ws.name),
    preview(sheet) {
      const ws = workbook.getWorksheet(sheet);
      return ws ? previewSheet(ws) : null;
    },
    remember: async () => save({ name, data: await buffer() }),
    toBlob: async () => new Blob([await buffer()], { type: XLSX_TYPE }),
  };
}

/** The sample scorecard, fresh. Forgets any workbook kept from an earlier visit. */
export async function openSample(): Promise<DemoWorkbook> {
  await forget();
  return demoWorkbook(buildSampleWorkbook(), SAMPLE_NAME);
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
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch {
    throw new Error(
      `"${name}" could not be opened: it is not an .xlsx workbook, or it is password-protected or damaged.`,
    );
  }
  if (workbook.worksheets.length === 0) throw new Error(`"${name}" has no worksheets.`);
  return demoWorkbook(workbook, name);
}
