/**
 * Streams a worksheet part, piece by piece as it inflates, and hands each cell that holds something to a callback:
 * its value as Excel shows it (shared strings resolved, dates from date-formatted numbers, errors as `{ error }`),
 * its formula ("=…", shared formulas translated to the cell) and its style index. Nothing is kept per cell here, so
 * memory depends on what the caller keeps, never on the sheet's dimension or a far stray cell.
 * sheetData's content goes to a hand-written scanner (cellScanner.ts: the hot part); everything around it to saxes,
 * which collects the few things read beside the cells: merges, protection, column widths, conditional formats.
 */
import { SaxesParser, type SaxesTag } from "saxes";
import type { CellRange } from "../../../workbook/port";
import { parseRangeRef } from "../../../workbook/a1";
import type { OoxmlPackage } from "../package/OoxmlPackage";
import { concatBytes } from "../package/bytes";
import { PackageError } from "../package/limits";
import { CellScanner, DamagedCell, type CellSink, type ScanContext } from "./cellScanner";

export type SheetContext = ScanContext;

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

/** XML that is not well formed (saxes' complaint, or sheetData never closed): the package is damaged. */
class DamagedXml extends Error {}

/**
 * Reads the sheet `sheet` names (its part, and its name for messages). A damaged part, unreadable XML or a cell
 * that cannot be where the file puts it, throws PackageError naming the sheet, the part and the cell: the input's
 * fault, not Scorecard's. Any other error is a fault of ours and goes on as it is (the CLI's internal error), never
 * dressed up as a damaged file.
 */
export function readSheetPart(
  pkg: OoxmlPackage,
  sheet: { readonly part: string; readonly name: string },
  ctx: SheetContext,
  sink: CellSink,
): SheetExtras {
  const { part } = sheet;
  const { parser, extras } = extrasParser();
  const router = new PartRouter(parser, new CellScanner(ctx, sink));
  try {
    pkg.stream(part, (chunk) => router.write(chunk));
    router.end();
    parser.close();
  } catch (error) {
    if (!(error instanceof DamagedCell || error instanceof DamagedXml)) throw error;
    const detail = error.message.split("\n")[0];
    throw new PackageError(`has a damaged sheet "${sheet.name}" (part ${part}: ${detail})`);
  }
  return extras;
}

/** saxes over everything but sheetData's content: merges, protection, column widths, conditional formats. */
function extrasParser(): { parser: SaxesParser; extras: SheetExtras } {
  const parser = new SaxesParser({ position: false });
  // saxes reports malformed XML as a plain Error: told apart here, where it is raised, from an error of ours.
  parser.on("error", (error) => {
    throw new DamagedXml(error.message);
  });
  const extras = {
    protected: false,
    merges: [] as CellRange[],
    columns: [] as SheetExtras["columns"][number][],
    conditional: [] as ConditionalRead[],
  };
  let conditional: { ranges: CellRange[]; rules: ConditionalRead["rules"][number][] } | null = null;
  let cfRule: { type: string; formula: string | null; dxfId: number | null; priority: number } | null = null;
  let capture = false;
  let text = "";

  parser.on("opentag", (tag: SaxesTag) => {
    const a = tag.attributes as Record<string, string>;
    switch (localName(tag.name)) {
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
          capture = true;
          text = "";
        }
        return;
    }
  });
  parser.on("text", (t) => {
    if (capture) text += t;
  });
  parser.on("cdata", (t) => {
    if (capture) text += t;
  });
  parser.on("closetag", (tag: SaxesTag) => {
    const name = localName(tag.name);
    if (name === "formula" && cfRule && capture) {
      cfRule.formula = text;
      capture = false;
    } else if (name === "cfRule" && cfRule && conditional) {
      conditional.rules.push(cfRule);
      cfRule = null;
    } else if (name === "conditionalFormatting" && conditional) {
      extras.conditional.push(conditional);
      conditional = null;
    }
  });
  return { parser, extras };
}

/**
 * Splits a worksheet's bytes as they arrive: up to and including sheetData's opening tag to saxes, sheetData's
 * content to the cell scanner, and from sheetData's closing tag on to saxes again. saxes thus sees an empty
 * sheetData and still checks the whole part is well formed around it.
 */
class PartRouter {
  private phase: "before" | "inside" | "after" = "before";
  /** Bytes not handed on yet: an unfinished tag, or text the scanner needs again with the next piece. */
  private pending: Uint8Array | null = null;
  private readonly decoder = new TextDecoder("utf-8");

  constructor(
    private readonly outside: SaxesParser,
    private readonly cells: CellScanner,
  ) {}

  private toSaxes(bytes: Uint8Array): void {
    if (bytes.length > 0) this.outside.write(this.decoder.decode(bytes, { stream: true }));
  }

  write(chunk: Uint8Array): void {
    if (this.phase === "after") {
      this.toSaxes(chunk);
      return;
    }
    let buf = chunk;
    if (this.pending) {
      buf = joined(this.pending, chunk);
      this.pending = null;
    }
    if (this.phase === "before") {
      const found = sheetDataStart(buf);
      this.toSaxes(buf.subarray(0, found.end));
      buf = buf.subarray(found.end);
      if (found.kind === "none") {
        if (buf.length > 0) this.pending = buf;
        return;
      }
      if (found.kind === "empty") {
        this.phase = "after";
        this.toSaxes(buf);
        return;
      }
      this.phase = "inside";
    }
    const rest = this.cells.scan(buf);
    if (this.cells.closedAt >= 0) {
      this.phase = "after";
      this.toSaxes(buf.subarray(this.cells.closedAt));
    } else if (rest < buf.length) this.pending = buf.subarray(rest);
  }

  end(): void {
    if (this.phase === "inside") throw new DamagedXml("unclosed tag: sheetData");
    if (this.pending) this.toSaxes(this.pending);
    const tail = this.decoder.decode();
    if (tail !== "") this.outside.write(tail);
  }
}

/**
 * `before` then `after`: a view of both when they lie end to end in one buffer (a part inflated whole and handed on in
 * pieces: the unread end of one piece and the next), so a sheet's bytes are not copied once more; else a copy.
 */
function joined(before: Uint8Array, after: Uint8Array): Uint8Array {
  return before.buffer === after.buffer && before.byteOffset + before.length === after.byteOffset
    ? new Uint8Array(before.buffer, before.byteOffset, before.length + after.length)
    : concatBytes([before, after]);
}

/**
 * Where sheetData's opening tag ends in the bytes before it (kind "open", or "empty" for <sheetData/>), or how far
 * they can go to saxes without it (kind "none": up to the first tag not finished in this piece). Comments,
 * processing instructions, CDATA and quoted attribute values are stepped over, so only a real tag counts.
 */
function sheetDataStart(buf: Uint8Array): { kind: "open" | "empty" | "none"; end: number } {
  let p = 0;
  for (;;) {
    const lt = buf.indexOf(60 /* < */, p);
    if (lt < 0) return { kind: "none", end: buf.length };
    let close: number;
    if (startsWith(buf, lt, "<!--")) close = endOf(buf, "-->", lt + 4);
    else if (startsWith(buf, lt, "<![CDATA[")) close = endOf(buf, "]]>", lt + 9);
    else if (startsWith(buf, lt, "<?")) close = endOf(buf, "?>", lt + 2);
    else if (lt + 9 > buf.length) return { kind: "none", end: lt };
    else {
      let quote = 0;
      let gt = lt + 1;
      for (; gt < buf.length; gt++) {
        const code = buf[gt];
        if (quote !== 0) {
          if (code === quote) quote = 0;
        } else if (code === 34 || code === 39) quote = code;
        else if (code === 62) break;
      }
      if (gt >= buf.length) return { kind: "none", end: lt };
      close = gt + 1;
      let nameEnd = lt + 1;
      let local = nameEnd;
      for (; nameEnd < gt; nameEnd++) {
        const code = buf[nameEnd];
        if (code === 32 || code === 9 || code === 10 || code === 13 || code === 47) break;
        if (code === 58) local = nameEnd + 1;
      }
      if (nameEnd - local === 9 && startsWith(buf, local, "sheetData"))
        return { kind: buf[gt - 1] === 47 ? "empty" : "open", end: close };
    }
    if (close < 0) return { kind: "none", end: lt };
    p = close;
  }
}

function startsWith(buf: Uint8Array, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (buf[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Just past `marker` (ASCII) found from `from`, or -1 when the bytes do not hold it yet. */
function endOf(buf: Uint8Array, marker: string, from: number): number {
  for (let i = from; i + marker.length <= buf.length; i++) if (startsWith(buf, i, marker)) return i + marker.length;
  return -1;
}
