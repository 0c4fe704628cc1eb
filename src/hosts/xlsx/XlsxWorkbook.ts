/**
 * The .xlsx host of the workbook port: a part-level editor of the OOXML package. Reading streams each sheet once;
 * writing splices the cells the plan owns into the sheets it names, appends styles and strings, and rewrites only
 * the add-in's own sheets. Every part it does not own is saved as the bytes it came with. No file system here: the
 * CLI and the browser demo hand it bytes and take bytes back.
 */
import type {
  CellRef,
  OwnedSheetWrite,
  Progress,
  SheetSnapshot,
  SheetWrite,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
  WriteProblem,
} from "../../workbook/port";
import type { CellValue } from "../../core/types";
import { printTitleRows } from "../../workbook/a1";
import { sameSheetName } from "../../workbook/sheetNames";
import { decodeState, encodeState, isStateName, isStateSheet, newStateSheet } from "../../workbook/stateSheet";
import { OoxmlPackage } from "./package/OoxmlPackage";
import { CONTENT_TYPE, CONTENT_TYPES_PART, contentTypeOf } from "./package/contentTypes";
import type { SizeLimits } from "./package/limits";
import type { Codec } from "./package/zip";
import { relativeTarget, relType } from "./package/opc";
import { parseSharedStrings, type SharedStrings } from "./read/sharedStrings";
import type { SheetContext } from "./read/sheetReader";
import { cellKey, readSnapshot, type SheetRead } from "./read/snapshot";
import { parseStyles, StyleBook } from "./read/styles";
import { readTables } from "./read/tables";
import { readWorkbookInfo, type SheetEntry, type WorkbookInfo } from "./read/workbookPart";
import { writeChart, type ChartSource } from "./write/chart";
import { namespaces } from "./write/namespaces";
import { stateSheetXml, writeOwnedSheet } from "./write/ownedSheet";
import { StringTable } from "./write/stringTable";
import { StyleWriter } from "./write/styleWriter";
import { widenedTable } from "./write/tables";
import { widenFilterDatabase, type FilterGrowth } from "./write/autoFilter";
import { renameReferences } from "./write/renameReferences";
import { addSheet, dropCalcChain, quotedSheet, setLocalName, setSheetAttributes } from "./write/workbookEdit";
import { spliceWorksheet, type SheetEditContext } from "./write/worksheet";
import { blockCellAt } from "../../workbook/blockRows";

interface Reading {
  readonly info: WorkbookInfo;
  readonly sst: SharedStrings;
  readonly styles: StyleBook;
  readonly sheets: Map<string, SheetRead>;
  readonly stateSheet: SheetEntry | null;
}

/**
 * The write needs no cell the reading cached (the splice reads the sheet part itself; protection, merges, bold and
 * formats stay), and the write is followed by a fresh reading: the values and formulas go, so that during the write
 * the caller's evaluated copy is the only one (a million-row sheet: ~0.1 GB).
 */
function forgetCells(sheets: Map<string, SheetRead>): void {
  for (const [name, read] of sheets)
    sheets.set(name, { ...read, snapshot: { ...read.snapshot, values: [], formulas: [] } });
}

export class XlsxWorkbook implements WorkbookPort {
  private reading: Reading | null = null;

  private constructor(private readonly pkg: OoxmlPackage) {}

  /** Opens a package; throws PackageError (a one-line reason) when it is not a readable .xlsx within the limits. */
  static open(data: Uint8Array, limits?: SizeLimits, codec?: Codec): XlsxWorkbook {
    const book = new XlsxWorkbook(OoxmlPackage.open(data, limits, codec));
    book.read();
    return book;
  }

  /** The workbook as .xlsx bytes. */
  save(): Uint8Array {
    return this.pkg.save();
  }

  /** The package is a macro-enabled workbook (.xlsm): its workbook part's content type says so. */
  get macroEnabled(): boolean {
    const type = contentTypeOf(this.pkg.text(CONTENT_TYPES_PART) ?? "", this.read().info.part);
    return /macroEnabled/i.test(type ?? "");
  }

  /** Worksheets in tab order (the state sheet left out), with their visibility. */
  sheetList(): { name: string; visible: boolean }[] {
    const r = this.read();
    return r.info.sheets
      .filter((s) => s.part !== null && s !== r.stateSheet)
      .map((s) => ({ name: s.name, visible: s.state === "visible" }));
  }

  /** Where a sheet's cells are and what reading them needs, for a reader of its own (the demo's preview). */
  sheetPart(name: string): { pkg: OoxmlPackage; part: string; context: SheetContext } | null {
    const r = this.read();
    const entry = r.info.sheets.find((s) => s.name === name && s.part !== null);
    if (!entry?.part) return null;
    return {
      pkg: this.pkg,
      part: entry.part,
      context: { strings: r.sst.texts, styles: r.styles, date1904: r.info.date1904 },
    };
  }

  private read(): Reading {
    if (this.reading) return this.reading;
    const info = readWorkbookInfo(this.pkg);
    const sstXml = info.sharedStrings ? this.pkg.text(info.sharedStrings) : null;
    const sst = sstXml === null ? { texts: [], plain: [] } : parseSharedStrings(sstXml);
    if (info.sharedStrings) this.pkg.forget(info.sharedStrings);
    const stylesXml = info.styles ? this.pkg.text(info.styles) : null;
    const styles = stylesXml === null ? StyleBook.empty() : parseStyles(stylesXml);
    const reading: Reading = { info, sst, styles, sheets: new Map(), stateSheet: null };
    this.reading = { ...reading, stateSheet: this.findStateSheet(reading) };
    return this.reading;
  }

  sheetRead(name: string): SheetRead | null {
    const r = this.read();
    const cached = r.sheets.get(name);
    if (cached) return cached;
    const entry = r.info.sheets.find((s) => s.name === name && s.part !== null);
    if (!entry?.part) return null;
    const read = readSnapshot(
      this.pkg,
      { name: entry.name, part: entry.part, visible: entry.state === "visible" },
      { strings: r.sst.texts, styles: r.styles, date1904: r.info.date1904 },
    );
    r.sheets.set(name, read);
    return read;
  }

  /** The add-in's state sheet (isStateSheet), whatever its visibility; kept out of the sheets the scan reads. */
  private findStateSheet(r: Reading): SheetEntry | null {
    for (const sheet of r.info.sheets) {
      if (sheet.part === null || !isStateName(sheet.name)) continue;
      const read = readSnapshot(
        this.pkg,
        { name: sheet.name, part: sheet.part, visible: false },
        { strings: r.sst.texts, styles: r.styles, date1904: r.info.date1904 },
      );
      if (isStateSheet(sheet.name, read.snapshot.values, read.snapshot.left)) {
        r.sheets.set(sheet.name, read);
        return sheet;
      }
    }
    return null;
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    const r = this.read();
    const sheets: SheetSnapshot[] = [];
    for (const entry of r.info.sheets) {
      if (entry.part === null || entry === r.stateSheet) continue;
      sheets.push(this.sheetRead(entry.name)!.snapshot);
    }
    let state: string | null = null;
    if (r.stateSheet) {
      // Only column A holds chunks (findStateSheet checked it), top to bottom.
      const { values } = this.sheetRead(r.stateSheet.name)!.snapshot;
      state = decodeState(values.map((row): CellValue[] => [row[0] ?? null]));
    }
    return { sheets, state, structureLocked: r.info.structureLocked };
  }

  async readBold(cells: readonly CellRef[]): Promise<boolean[]> {
    return cells.map(({ sheet, row, col }) => this.sheetRead(sheet)?.bold.has(cellKey(row, col)) ?? false);
  }

  async readNumberFormats(cells: readonly CellRef[]): Promise<string[]> {
    const { styles } = this.read();
    return cells.map(({ sheet, row, col }) => {
      const read = this.sheetRead(sheet);
      return read ? styles.look(read.formats.xf(row, col)).numberFormat : "General";
    });
  }

  async write(plan: WritePlan, progress?: Progress): Promise<readonly WriteProblem[]> {
    const r = this.read();
    forgetCells(r.sheets);
    const { info } = r;
    const problems: WriteProblem[] = [];
    const sstPart = info.sharedStrings;
    const strings = new StringTable(r.sst, () => (sstPart ? this.pkg.text(sstPart) : null));
    const styles = new StyleWriter(info.styles ? this.pkg.text(info.styles) : null);
    const ctx = {
      styles,
      strings,
      dxf: (rule: { style: Parameters<StyleWriter["dxf"]>[0] }) => styles.dxf(rule.style),
    };
    const total = plan.sheets.length + (plan.ownedSheet ? 1 : 0);
    let done = 0;
    let formulasChanged = false;
    for (const sheetWrite of plan.sheets) {
      progress?.(done++, total, `Writing ${sheetWrite.sheet}`);
      const result = this.writeUserSheet(sheetWrite, ctx);
      if (typeof result === "boolean") formulasChanged ||= result;
      else problems.push(result);
    }
    if (plan.ownedSheet) {
      progress?.(done++, total, `Writing ${plan.ownedSheet.sheet}`);
      const result = this.writeOwnedSheet(plan.ownedSheet, ctx);
      if (typeof result === "boolean") formulasChanged ||= result;
      else problems.push(result);
    }
    if (plan.state !== undefined) {
      const notice = this.writeState(plan.state);
      if (notice) problems.push(notice);
    }
    if (strings.changed) this.saveStrings(strings);
    const stylesXml = styles.result();
    if (stylesXml !== null) this.saveStyles(stylesXml);
    if (formulasChanged) dropCalcChain(this.pkg, this.currentInfo());
    this.reading = null;
    progress?.(done, total, "Written");
    return problems;
  }

  /** workbook.xml as it is now (edits of this write included). */
  private currentInfo(): WorkbookInfo {
    return readWorkbookInfo(this.pkg);
  }

  private writeUserSheet(write: SheetWrite, ctx: SheetEditContext): boolean | WriteProblem {
    const r = this.read();
    const entry = r.info.sheets.find((s) => s.name === write.sheet && s.part !== null && s !== r.stateSheet);
    if (!entry?.part)
      return { sheet: write.sheet, message: `Sheet "${write.sheet}" no longer exists; nothing was written to it.` };
    if (this.sheetRead(entry.name)?.snapshot.protected) {
      return { sheet: write.sheet, message: `Sheet "${write.sheet}" is protected; unprotect it and run again.` };
    }
    const part = entry.part;
    let formulasChanged = false;
    let filter: FilterGrowth | null = null;
    // Streamed both ways: the sheet is read piece by piece and written compressed as it comes (big sheets).
    this.pkg.writePart(part, (out) => {
      ({ formulasChanged, filter } = spliceWorksheet(this.pkg.utf8Source(part), write, ctx, out));
    });
    this.widenTables(part, write);
    if (filter) widenFilterDatabase(this.pkg, this.currentInfo(), r.info.sheets.indexOf(entry), filter);
    return formulasChanged;
  }

  /** Tables whose header row gets new header cells right next to their last column grow to take them in. */
  private widenTables(sheetPart: string, write: SheetWrite): void {
    for (const table of readTables(this.pkg, sheetPart)) {
      const { row, col, cols } = table.range;
      const headers: string[] = [];
      for (let c = col + cols; ; c++) {
        const text = headerWritten(write, row, c);
        if (text === null) break;
        headers.push(text);
      }
      if (headers.length === 0) continue;
      const xml = this.pkg.text(table.part);
      const widened = xml === null ? null : widenedTable(xml, table.range, headers);
      if (widened !== null) this.pkg.setText(table.part, widened);
    }
  }

  /**
   * Rewrites the add-in's own sheet in place of the one it replaces: same part, same sheet id and relationship,
   * same tab position, renamed when the name changed. When a user's sheet has the new name, nothing changes: the
   * old summary stays rather than leaving the workbook with none.
   */
  private writeOwnedSheet(
    write: OwnedSheetWrite,
    ctx: { styles: StyleWriter; strings: StringTable },
  ): boolean | WriteProblem {
    const r = this.read();
    const sheets = r.info.sheets.filter((s) => s !== r.stateSheet);
    const replaced =
      write.replaces === null
        ? undefined
        : (sheets.find((s) => s.name === write.replaces) ?? sheets.find((s) => sameSheetName(s.name, write.replaces!)));
    const clash = r.info.sheets.find((s) => sameSheetName(s.name, write.sheet));
    if (clash && clash !== replaced) {
      return {
        sheet: write.sheet,
        message: `A sheet named "${write.sheet}" already exists and is not Scorecard's; it was left alone.`,
      };
    }
    const ns = namespaces(r.info.strict);
    let part: string;
    if (replaced?.part) {
      part = replaced.part;
      if (replaced.name !== write.sheet) {
        setSheetAttributes(this.pkg, this.currentInfo(), replaced.name, { name: write.sheet });
        renameReferences(this.pkg, this.currentInfo(), replaced.name, write.sheet, part);
      }
    } else {
      part = addSheet(this.pkg, this.currentInfo(), write.sheet, "visible", "", ns.rel);
    }
    const drawingRelId = writeChart(this.pkg, part, write.chart ?? null, chartSource(write), ns, r.info.strict);
    let formulas = false;
    this.pkg.writePart(part, (out) => {
      formulas = writeOwnedSheet(write, ns, ctx, drawingRelId, out).formulas;
    });
    const info = this.currentInfo();
    const index = info.sheets.findIndex((s) => s.name === write.sheet);
    const titleRows = write.page ? printTitleRows(write.page) : null;
    setLocalName(
      this.pkg,
      info,
      "_xlnm.Print_Titles",
      index,
      titleRows === null ? null : `${quotedSheet(write.sheet)}!${titleRows}`,
    );
    return formulas;
  }

  /** Returns a notice when the state had to take another name than usual. */
  private writeState(state: string): WriteProblem | null {
    const r = this.read();
    const ns = namespaces(r.info.strict);
    const xml = stateSheetXml(encodeState(state), ns);
    if (r.stateSheet?.part) {
      this.pkg.setText(r.stateSheet.part, xml);
      // LibreOffice saves it back as merely hidden (it has no very hidden); hide it from the sheet tabs' menu again.
      if (r.stateSheet.state !== "veryHidden")
        setSheetAttributes(this.pkg, this.currentInfo(), r.stateSheet.name, { state: "veryHidden" });
      return null;
    }
    const info = this.currentInfo();
    const { name, notice } = newStateSheet(info.sheets.map((s) => s.name));
    addSheet(this.pkg, info, name, "veryHidden", xml, ns.rel);
    return notice;
  }

  private saveStrings(strings: StringTable): void {
    const info = this.currentInfo();
    if (info.sharedStrings) {
      this.pkg.setText(info.sharedStrings, strings.result());
      return;
    }
    const folder = info.part.slice(0, info.part.lastIndexOf("/") + 1);
    const part = `${folder}sharedStrings.xml`;
    this.pkg.setText(part, strings.result());
    this.pkg.setContentType(part, CONTENT_TYPE.sharedStrings);
    this.pkg.addRelationship(info.part, relType(info.strict, "sharedStrings"), relativeTarget(info.part, part));
  }

  private saveStyles(xml: string): void {
    const info = this.currentInfo();
    if (info.styles) {
      this.pkg.setText(info.styles, xml);
      return;
    }
    const folder = info.part.slice(0, info.part.lastIndexOf("/") + 1);
    const part = `${folder}styles.xml`;
    this.pkg.setText(part, xml);
    this.pkg.setContentType(part, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
    this.pkg.addRelationship(info.part, relType(info.strict, "styles"), relativeTarget(info.part, part));
  }
}

/** The summary's own values, by cell, for the chart's caches. */
function chartSource(write: OwnedSheetWrite): ChartSource {
  return {
    sheet: write.sheet,
    valueAt: (row, col) => {
      for (const block of write.blocks) {
        const value = blockCellAt(block, row, col)?.value;
        if (value !== undefined) return value;
      }
      return null;
    },
  };
}

/** The text the plan writes into (row, col), or null. */
function headerWritten(write: SheetWrite, row: number, col: number): string | null {
  for (const block of write.blocks) {
    const value = blockCellAt(block, row, col)?.value;
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return null;
}
