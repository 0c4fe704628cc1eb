/** Reading workbooks from disk with one clear message per failure, and writing files atomically. */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { Workbook } from "exceljs";

/** The input cannot be used, or the output cannot be written: exit 2 with this one-line message. */
export class FileError extends Error {}

/** Compound File Binary: legacy .xls, and what Excel makes of an .xlsx when it encrypts it with a password. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** ExcelJS declares its own global `Buffer` interface, which Node's generic Buffer type no longer matches. */
type ExcelJsBuffer = Parameters<Workbook["xlsx"]["load"]>[0];

/** Parts of an .xlsx that ExcelJS reads past and never writes back, by the folder name they sit in inside the zip. */
const PARTS_EXCELJS_DROPS: readonly (readonly [string, string])[] = [
  ["xl/charts/", "charts"],
  ["xl/pivotTables/", "pivot tables"],
  ["xl/slicers/", "slicers"],
  ["xl/vbaProject.bin", "macros"],
];

/**
 * What the scored copy of this file will not have. Zip entry names are stored as plain text in the file,
 * so finding them needs no unzipping.
 */
export function partsLostOnSave(data: Uint8Array): string[] {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return PARTS_EXCELJS_DROPS.filter(([name]) => bytes.includes(name)).map(([, what]) => what);
}

export interface InputWorkbook {
  readonly workbook: Workbook;
  /** Parts the input has that ExcelJS will not write back (charts, pivot tables…). */
  readonly lostOnSave: readonly string[];
}

export async function readWorkbookFile(file: string): Promise<InputWorkbook> {
  const data = await readInput(file);
  if (data.subarray(0, 4).equals(CFB_SIGNATURE.subarray(0, 4))) {
    throw new FileError(
      `${file} is password-protected (encrypted) or an old .xls workbook; save it unprotected as .xlsx and try again`,
    );
  }
  if (!data.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new FileError(`${file} is not an .xlsx workbook`);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJsBuffer);
  } catch (error) {
    throw new FileError(`${file} could not be read as an .xlsx workbook (${firstLine(error)})`);
  }
  if (workbook.worksheets.length === 0) throw new FileError(`${file} has no worksheets; is it an .xlsx workbook?`);
  return { workbook, lostOnSave: partsLostOnSave(data) };
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new FileError(`cannot read ${file}: ${systemReason(error)}`);
  }
}

/** Writes through a temporary file in the same folder and renames it: a crash never leaves half a file. */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    // Cleaning up must not hide why the write failed.
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw new FileError(`cannot write ${file}: ${systemReason(error)}`);
  }
}

/** "in/report.xlsx" -> "in/report.scored.xlsx" */
export function scoredName(input: string): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}.scored.xlsx`);
}

export function sameFile(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EISDIR: "it is a folder",
  EACCES: "permission denied",
  EPERM: "not permitted (is it open in another program?)",
  EBUSY: "the file is in use (is it open in another program?)",
  ENOSPC: "the disk is full",
  EROFS: "the disk is read-only",
};

function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && SYSTEM_REASONS[code]) ?? firstLine(error);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].trim();
}
