/**
 * Streams a worksheet part through saxes, chunk by chunk as it inflates, and hands each cell that holds something
 * to a callback: its value as Excel shows it (shared strings resolved, dates from date-formatted numbers, errors as
 * `{ error }`), its formula ("=…", shared formulas translated to the cell) and its style index. Nothing is kept per
 * cell here, so memory depends on what the caller keeps, never on the sheet's dimension or a far stray cell.
 * Also collects the few things read beside the cells: merges, protection, column widths, conditional formats.
 */
import { SaxesParser, type SaxesTag } from "saxes";
import type { CellValue } from "../../../core/types";
import type { CellRange } from "../../../workbook/port";
import { parseRangeRef } from "../../../workbook/a1";
import type { OoxmlPackage } from "../package/OoxmlPackage";
import { PackageError } from "../package/limits";
import { fromFileFormula } from "../../../workbook/fileFormulas";
import { unescapeExcel } from "../xml/scan";
import { refColumn, refRow } from "./cellRef";
import { shiftFormula } from "./shiftFormula";
import type { StyleBook } from "./styles";

export interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: StyleBook;
  readonly date1904: boolean;
}

export type CellSink = (row: number, col: number, value: CellValue, formula: string | null, xf: number) => void;

export interface ConditionalRead {
  readonly ranges: readonly CellRange[];
  readonly rules: readonly {
    readonly type: string;
    readonly formula: string | null;
    readonly dxfId: number | null;
    readonly priority: number;
  }[];
}

export interface SheetExtras {
  readonly protected: boolean;
  readonly merges: readonly CellRange[];
  readonly columns: readonly { readonly min: number; readonly max: number; readonly width: number }[];
  readonly conditional: readonly ConditionalRead[];
}

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Excel serial day -> Date, as ExcelJS converts it (no 1900 leap-year correction). */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD). */
const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** A cell the file describes in a way Excel never writes: the package is damaged (the caller names the part). */
class DamagedCell extends Error {}

/**
 * Reads the sheet `sheet` names (its part, and its name for messages). A damaged part, unreadable XML or a cell
 * that cannot be where the file puts it, throws PackageError naming the sheet, the part and the cell: the input's
 * fault, not Scorecard's.
 */
export function readSheetPart(
  pkg: OoxmlPackage,
  sheet: { readonly part: string; readonly name: string },
  ctx: SheetContext,
  sink: CellSink,
): SheetExtras {
  const { part } = sheet;
  const parser = new SaxesParser({ position: false });
  const extras = {
    protected: false,
    merges: [] as CellRange[],
    columns: [] as SheetExtras["columns"][number][],
    conditional: [] as ConditionalRead[],
  };
  const shared = new Map<string, { formula: string; row: number; col: number }>();

  let row = -1;
  let col = -1;
  let type = "n";
  let xf = 0;
  let v: string | null = null;
  let f: string | null = null;
  let fShared: { si: string; master: boolean } | null = null;
  let inlineText: string | null = null;
  /** What the text events are collecting into: "v", "f", "t" (inline string) or nothing. */
  let capture: "v" | "f" | "t" | null = null;
  let inPhonetic = false;
  let text = "";
  let conditional: { ranges: CellRange[]; rules: ConditionalRead["rules"][number][] } | null = null;
  let cfRule: { type: string; formula: string | null; dxfId: number | null; priority: number } | null = null;
  let inSheetData = false;
  /** Whether the current row element gave its number (a cell's reference must then agree with it). */
  let rowGiven = false;
  /** The current cell's reference as written, for messages. */
  let cellRef: string | null = null;

  parser.on("opentag", (tag: SaxesTag) => {
    const name = localName(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (inSheetData) {
      switch (name) {
        case "row": {
          const r = a.r === undefined ? row + 1 : Number(a.r) - 1;
          if (!Number.isInteger(r) || r < 0 || r > MAX_ROW) throw new DamagedCell(`row number "${a.r}" is not a row`);
          row = r;
          rowGiven = a.r !== undefined;
          col = -1;
          return;
        }
        case "c": {
          const ref = a.r;
          if (ref !== undefined) {
            col = refColumn(ref);
            const r = refRow(ref);
            if (col < 0 || col > MAX_COL || r < 0 || r > MAX_ROW || !/^[A-Za-z]+\d+$/.test(ref))
              throw new DamagedCell(`cell reference "${ref}" is not a cell`);
            // The writer keeps cells under their rows: one filed under another row has no place there.
            if (rowGiven && r !== row) throw new DamagedCell(`cell ${ref} is filed under row ${row + 1}`);
            row = r;
          } else col += 1;
          cellRef = ref ?? null;
          type = a.t ?? "n";
          xf = a.s === undefined ? 0 : Number(a.s);
          v = null;
          f = null;
          fShared = null;
          inlineText = null;
          return;
        }
        case "v":
          capture = "v";
          text = "";
          return;
        case "f":
          capture = "f";
          text = "";
          if (a.t === "shared" && a.si !== undefined) fShared = { si: a.si, master: a.ref !== undefined };
          if (tag.isSelfClosing) closeFormula();
          return;
        case "rPh":
          inPhonetic = true;
          return;
        case "t":
          if (!inPhonetic) {
            capture = "t";
            text = "";
          }
          return;
        case "is":
          inlineText = "";
          return;
      }
      return;
    }
    switch (name) {
      case "sheetData":
        if (!tag.isSelfClosing) inSheetData = true;
        return;
      case "mergeCell": {
        const range = a.ref ? parseRangeRef(a.ref) : null;
        if (range) extras.merges.push(range);
        return;
      }
      case "sheetProtection":
        extras.protected = a.sheet === "1" || a.sheet === "true";
        return;
      case "col":
        if (a.width !== undefined)
          extras.columns.push({ min: Number(a.min) - 1, max: Number(a.max) - 1, width: Number(a.width) });
        return;
      case "conditionalFormatting":
        conditional = { ranges: (a.sqref ?? "").split(/\s+/).flatMap((ref) => parseRangeRef(ref) ?? []), rules: [] };
        return;
      case "cfRule":
        if (conditional) {
          cfRule = {
            type: a.type ?? "",
            formula: null,
            dxfId: a.dxfId === undefined ? null : Number(a.dxfId),
            priority: Number(a.priority ?? 0),
          };
        }
        return;
      case "formula":
        if (cfRule && cfRule.formula === null) {
          capture = "f";
          text = "";
        }
        return;
    }
  });

  function closeFormula(): void {
    capture = null;
    if (fShared) {
      if (fShared.master) {
        shared.set(fShared.si, { formula: text, row, col });
        f = text;
      } else {
        const master = shared.get(fShared.si);
        f = master ? shiftFormula(master.formula, row - master.row, col - master.col) : null;
      }
    } else f = text;
  }

  parser.on("text", (t) => {
    if (capture) text += t;
  });
  parser.on("cdata", (t) => {
    if (capture) text += t;
  });

  parser.on("closetag", (tag: SaxesTag) => {
    const name = localName(tag.name);
    if (inSheetData) {
      switch (name) {
        case "v":
          v = text;
          capture = null;
          return;
        case "f":
          if (capture === "f") closeFormula();
          return;
        case "t":
          if (capture === "t") {
            inlineText = (inlineText ?? "") + text;
            capture = null;
          }
          return;
        case "rPh":
          inPhonetic = false;
          return;
        case "c": {
          const value = cellValue();
          if (value !== null || f !== null)
            sink(row, col, value, f === null || f === "" ? null : fromFileFormula(`=${f}`), xf);
          return;
        }
        case "sheetData":
          inSheetData = false;
          return;
      }
      return;
    }
    if (name === "formula" && cfRule && capture === "f") {
      cfRule.formula = text;
      capture = null;
    } else if (name === "cfRule" && cfRule && conditional) {
      conditional.rules.push(cfRule);
      cfRule = null;
    } else if (name === "conditionalFormatting" && conditional) {
      extras.conditional.push(conditional);
      conditional = null;
    }
  });

  function cellValue(): CellValue {
    switch (type) {
      case "s": {
        const s = v === null ? undefined : ctx.strings[Number(v)];
        return s ?? null;
      }
      case "inlineStr":
        return inlineText === null ? null : unescapeExcel(inlineText);
      case "str":
        return v === null ? null : unescapeExcel(v);
      case "b":
        return v === null ? null : v === "1" || v === "true";
      case "e":
        return v === null ? null : { error: v };
      case "d":
        return v === null ? null : new Date(v.endsWith("Z") || /[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);
      default: {
        if (v === null || v === "") return null;
        const n = Number(v);
        if (!Number.isFinite(n)) throw new DamagedCell(`cell ${cellRef ?? "?"} holds "${v}" where a number belongs`);
        return ctx.styles.look(xf).date ? serialToDate(n, ctx.date1904) : n;
      }
    }
  }

  const decoder = new TextDecoder("utf-8");
  try {
    pkg.stream(part, (chunk) => {
      parser.write(decoder.decode(chunk, { stream: true }));
    });
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof PackageError) throw error;
    const detail = (error as Error).message.split("\n")[0];
    throw new PackageError(`has a damaged sheet "${sheet.name}" (part ${part}: ${detail})`);
  }
  return extras;
}
