/**
 * The add-in's own sheets written whole: the summary (values, styles, rules, widths, frozen title rows, print
 * layout, its chart's drawing) and the state sheet (column A, inline strings, so a new state never grows the shared
 * string table). The part, its id and its place in the workbook are kept by the caller; only the content is new.
 */
import type { OutCell, OwnedSheetWrite, PageLayout } from "../../../workbook/port";
import { columnLetters, rangeToA1, toA1 } from "../../../workbook/a1";
import { escapeXml } from "../xml/scan";
import { cellXml } from "./cellXml";
import { RowWalker } from "./cellWrites";
import { XML_DECLARATION, type Namespaces } from "./namespaces";
import type { StringTable } from "./stringTable";
import type { StyleWriter } from "./styleWriter";

/** A cell that only gets a style. */
const NO_VALUE: OutCell = { value: null };

/** Excel's header/footer codes: &L left, &F file name, &R right, &P page, &N pages. */
export const FOOTER = "&L&F&RPage &P of &N";

/** Writes the sheet's XML to `out` in pieces (a row at a time for its cells); returns whether it holds formulas. */
export function writeOwnedSheet(
  write: OwnedSheetWrite,
  ns: Namespaces,
  ctx: { styles: StyleWriter; strings: StringTable },
  drawingRelId: string | null,
  out: (text: string) => void,
): { formulas: boolean } {
  const page = write.page;
  const sheetPr = page?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const freeze = write.freezeRows ?? 0;
  const pane =
    freeze > 0
      ? `<pane ySplit="${freeze}" topLeftCell="${toA1(freeze, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${toA1(freeze, 0)}" sqref="${toA1(freeze, 0)}"/>`
      : "";
  const widths = [...(write.columnWidths ?? [])].sort((a, b) => a.col - b.col);
  const cols =
    widths.length > 0
      ? `<cols>${widths.map(({ col, width }) => `<col min="${col + 1}" max="${col + 1}" width="${width}" customWidth="1"/>`).join("")}</cols>`
      : "";
  out(
    `${XML_DECLARATION}<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}">${sheetPr}` +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}` +
      `<sheetData>`,
  );
  const writes = new RowWalker(write);
  let formulas = false;
  for (let row = writes.nextRow(0); row < Infinity; row = writes.nextRow(row + 1)) {
    const number = String(row + 1);
    let cells = "";
    for (const w of writes.cells(row)) {
      let xf = 0;
      for (const style of w.styles) xf = ctx.styles.cellXf(xf, style);
      if (w.out?.formula !== undefined) formulas = true;
      cells += cellXml("", columnLetters(w.col) + number, xf, w.out ?? NO_VALUE, ctx.strings);
    }
    out(`<row r="${number}">${cells}</row>`);
  }
  // Rules after the cells: their dxf entries are appended after the cells' formats, as before streaming.
  let priority = 0;
  const byRef = new Map<string, string[]>();
  for (const rule of write.conditionalRules) {
    const ref = rangeToA1(rule.range);
    const list = byRef.get(ref) ?? [];
    list.push(
      `<cfRule type="expression" dxfId="${ctx.styles.dxf(rule.style)}" priority="${++priority}"><formula>${escapeXml(rule.formula.replace(/^=/, ""))}</formula></cfRule>`,
    );
    byRef.set(ref, list);
  }
  const conditional = [...byRef]
    .map(([ref, list]) => `<conditionalFormatting sqref="${ref}">${list.join("")}</conditionalFormatting>`)
    .join("");
  out(
    `</sheetData>${conditional}` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${page ? pageXml(page) : ""}` +
      `${drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : ""}</worksheet>`,
  );
  return { formulas };
}

/** A4 is paper size 9 (ECMA-376 Part 1, 18.3.1.63); fitToHeight 0 is "as many pages as it takes". */
function pageXml(page: PageLayout): string {
  const fit = page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
  const setup = `<pageSetup paperSize="9" orientation="${page.orientation}"${fit}/>`;
  return page.footer ? `${setup}<headerFooter><oddFooter>${escapeXml(FOOTER)}</oddFooter></headerFooter>` : setup;
}

export function stateSheetXml(chunks: readonly string[], ns: Namespaces): string {
  const rows = chunks.map(
    (chunk, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(chunk)}</t></is></c></row>`,
  );
  return `${XML_DECLARATION}<worksheet xmlns="${ns.main}" xmlns:r="${ns.rel}"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}
