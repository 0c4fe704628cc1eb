/**
 * Reading workbooks from disk with one clear message per failure, and writing the results so that a file that cannot
 * be written leaves every file untouched (writeFilesAtomic says what holds when a rename fails).
 */
import { randomBytes } from "node:crypto";
import { promises as fs, statSync, type Stats } from "node:fs";
import path from "node:path";
import { XlsxWorkbook } from "../hosts/xlsx";
import { DEFAULT_LIMITS, PackageError, type SizeLimits } from "../hosts/xlsx/package/limits";
import { NODE_CODEC } from "./nodeCodec";
import { UsageError } from "./args";
import { scoredFileName, workbookExtension } from "../workbook/scoredName";

/** The input cannot be used, or the output cannot be written: exit 2 with this one-line message. */
export class FileError extends Error {}

/** Compound File Binary: legacy .xls, and what Excel makes of an .xlsx when it encrypts it with a password. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readWorkbookFile(file: string, limits: SizeLimits = DEFAULT_LIMITS): Promise<XlsxWorkbook> {
  const data = await readInput(file);
  if (data.subarray(0, 4).equals(CFB_SIGNATURE)) {
    throw new FileError(
      `${file} is password-protected (encrypted) or an old .xls workbook; save it unprotected as .xlsx and try again`,
    );
  }
  if (!data.subarray(0, 4).equals(ZIP_SIGNATURE)) throw new FileError(`${file} is not an .xlsx workbook`);
  let workbook: XlsxWorkbook;
  try {
    workbook = XlsxWorkbook.open(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), limits, NODE_CODEC);
  } catch (error) {
    if (error instanceof PackageError) throw new FileError(`${file} ${error.message}`);
    throw new FileError(`${file} could not be read as an .xlsx workbook (${firstLine(error)})`);
  }
  if (workbook.sheetList().length === 0) throw new FileError(`${file} has no worksheets; is it an .xlsx workbook?`);
  return workbook;
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    throw new FileError(`cannot read ${file}: ${systemReason(error)}`);
  }
}

const tempName = (file: string): string =>
  path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);

/**
 * Where the bytes for an output name go. A regular file (or a new name) is replaced by renaming a temporary file onto
 * it; rename replaces a symlink or a device itself, so a symlink is followed to the file it names (the link stays,
 * as `>` in a shell would leave it) and a device or FIFO (/dev/null, a pipe another program reads) is written to
 * directly: it has no content to keep whole.
 */
type Target = { readonly kind: "replace" | "direct"; readonly file: string };

/** Symlinks followed before giving up, as the kernel's own limit for a path (ELOOP). */
const MAX_LINKS = 40;

async function targetOf(file: string): Promise<Target> {
  refuseFolderName(file);
  let current = file;
  for (let links = 0; links <= MAX_LINKS; links++) {
    let stat;
    try {
      stat = await fs.lstat(current);
      if (stat.isSymbolicLink()) {
        current = path.resolve(path.dirname(current), await fs.readlink(current));
        continue;
      }
    } catch (error) {
      // A new file, or a symlink's target still to be made; a missing folder is reported by the write itself.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "replace", file: current };
      throw new FileError(`cannot write ${file}: ${systemReason(error)}`);
    }
    if (stat.isDirectory()) throw new FileError(`cannot write ${file}: it is a folder; name a file in it`);
    return { kind: stat.isFile() ? "replace" : "direct", file: current };
  }
  throw new FileError(`cannot write ${file}: too many symbolic links`);
}

/** "out/" names a folder whatever is on disk (rename would fail with ENOTDIR, naming the temporary file). */
function refuseFolderName(file: string): void {
  if (file.endsWith("/") || file.endsWith(path.sep))
    throw new FileError(`cannot write ${file}: it names a folder; name a file in it`);
}

/**
 * Refuses, before any work is done, an output name that can never be written: a folder (or a name ending in "/").
 * Synchronous, for the checks made before the input is read; writeFilesAtomic checks again at write time.
 */
export function checkOutputName(file: string): void {
  refuseFolderName(file);
  if (statOrNull(file)?.isDirectory()) throw new FileError(`cannot write ${file}: it is a folder; name a file in it`);
}

/**
 * Writes every file to a temporary file beside the file it replaces first, and renames them into place, in the order
 * given, only when all were written: a full disk or an unwritable folder for the second file leaves the first
 * untouched too. A device or FIFO is written to directly in its turn (targetOf). The renames are not
 * all-or-nothing: if one fails, the files before it are already replaced and the ones after it are untouched. So the
 * file that matters most goes last: a failed rename never leaves it replaced while others are not.
 */
export async function writeFilesAtomic(files: readonly { file: string; data: Uint8Array | string }[]): Promise<void> {
  const targets: Target[] = [];
  for (const { file } of files) targets.push(await targetOf(file));
  const temps = new Map<number, string>();
  try {
    for (const [i, { file, data }] of files.entries()) {
      if (targets[i].kind === "direct") continue;
      const temp = tempName(targets[i].file);
      try {
        await fs.writeFile(temp, data);
      } catch (error) {
        throw new FileError(`cannot write ${file}: ${systemReason(error)}`);
      }
      temps.set(i, temp);
    }
    for (const [i, { file, data }] of files.entries()) {
      const temp = temps.get(i);
      try {
        await (temp === undefined ? fs.writeFile(targets[i].file, data) : fs.rename(temp, targets[i].file));
      } catch (error) {
        throw new FileError(`cannot write ${file}: ${systemReason(error)}`);
      }
    }
  } finally {
    // Cleaning up must not hide why the write failed; a renamed temp file is gone already.
    await Promise.all([...temps.values()].map((temp) => fs.rm(temp, { force: true }).catch(() => undefined)));
  }
}

export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await writeFilesAtomic([{ file, data }]);
}

/**
 * "in/report.xlsx" -> "in/report.scored.xlsx", beside the input; a macro-enabled workbook (by its content type, not
 * its name) stays one: "in/report.scored.xlsm". "in/report.scored.xlsx" keeps its name (scoredFileName).
 */
export function scoredName(input: string, macroEnabled: boolean): string {
  const { dir, base } = path.parse(input);
  return path.join(dir, scoredFileName(base, macroEnabled));
}

/** "in/report.xlsx" -> "in/report.spc.xlsx" for chart's copy; a macro-enabled workbook stays one, as scoredName. */
export function chartName(input: string, macroEnabled: boolean): string {
  const { dir, name } = path.parse(input);
  return path.join(dir, `${name}.spc${workbookExtension(macroEnabled)}`);
}

/**
 * Excel refuses a file whose extension does not match its format: a workbook with macros must stay .xlsm, one without
 * must not be .xlsm (another extension is the user's choice).
 */
export function checkExtension(output: string, macroEnabled: boolean): void {
  const ext = path.extname(output).toLowerCase();
  if (macroEnabled ? ext !== ".xlsm" : ext === ".xlsm") {
    throw new UsageError(
      `-o ${output}: the workbook has ${macroEnabled ? "macros" : "no macros"}, so the output must be an ${workbookExtension(macroEnabled)} file.`,
    );
  }
}

/**
 * The same name, or two names of one regular file (a symlink to it, a hard link): writing one replaces the other.
 * Devices are left out: /dev/null named twice is not a file overwritten.
 */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [statA, statB] = [statOrNull(a), statOrNull(b)];
  return statA !== null && statB !== null && statA.isFile() && statA.dev === statB.dev && statA.ino === statB.ino;
}

/** The file a name leads to (symlinks followed), or null when there is none. */
function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EISDIR: "it is a folder",
  EACCES: "permission denied",
  EPERM: "not permitted (is it open in another program?)",
  EBUSY: "the file is in use (is it open in another program?)",
  ENOSPC: "the disk is full",
  EROFS: "the disk is read-only",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENXIO: "nothing is reading from it",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
};

function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && SYSTEM_REASONS[code]) ?? firstLine(error);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].trim();
}
