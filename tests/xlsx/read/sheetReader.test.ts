/**
 * The sheet reader: sheetData is scanned by hand over the inflated bytes (src/hosts/xlsx/read/cellScanner.ts), the
 * rest of the part by saxes. The cells must not depend on where the inflater cuts the bytes (a tag, a reference, an
 * entity or a multi-byte character cut in two), numbers read from the bytes must equal Number() of their text, and
 * the snapshot laid out from them must place every cell where the sheet says (merges, rows out of order, a table not
 * starting in column A).
 */
import fc from "fast-check";
import type { CellValue } from "../../../src/core/types";
import { XlsxWorkbook } from "../../../src/hosts/xlsx";
import type { OoxmlPackage } from "../../../src/hosts/xlsx/package/OoxmlPackage";
import { readSheetPart } from "../../../src/hosts/xlsx/read/sheetReader";
import { StyleBook, type CellLook } from "../../../src/hosts/xlsx/read/styles";
import { baseWorkbook } from "../../fixtures/ooxml/base";
import { toZip } from "../../fixtures/ooxml/package";

const look = (over: Partial<CellLook>): CellLook => ({
  numberFormat: "General",
  date: false,
  bold: false,
  italic: false,
  ...over,
});
const STYLES = new StyleBook([look({}), look({ bold: true }), look({ numberFormat: "yyyy-mm-dd", date: true })], []);
const CONTEXT = { strings: ["zero", "one", "two & three"], styles: STYLES, date1904: false };

/** A package whose one part arrives in the pieces given (cut at those byte offsets). */
function pieces(xml: string, cuts: readonly number[] = []): OoxmlPackage {
  const bytes = new TextEncoder().encode(xml);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return {
    stream(_part: string, sink: (chunk: Uint8Array) => void) {
      let from = 0;
      for (const cut of [...at, bytes.length]) {
        if (cut > from) sink(bytes.slice(from, cut));
        from = Math.max(from, cut);
      }
    },
  } as unknown as OoxmlPackage;
}

type Cell = [row: number, col: number, value: CellValue, formula: string | null, xf: number];

function read(xml: string, cuts: readonly number[] = []): { cells: Cell[]; extras: unknown } {
  const cells: Cell[] = [];
  const extras = readSheetPart(pieces(xml, cuts), { part: "p", name: "S" }, CONTEXT, (r, c, v, f, xf) => {
    cells.push([r, c, v, f, xf]);
  });
  return { cells, extras };
}

const SHEET = (inner: string, after = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- a <sheetData> in a comment --><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="1" max="2" width="12.5"/></x:cols><x:sheetData>${inner}</x:sheetData>${after}</x:worksheet>`;

/** Every kind of cell the reader knows, written the many ways XML allows (prefixes, quotes, CDATA, entities, CR LF). */
const EVERY_KIND = SHEET(
  `<x:row r="1" spans="1:6"><x:c r="A1" t="s"><x:v>2</x:v></x:c><x:c r="B1" s="1" t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>Café &amp; </x:t></x:r><x:r><x:t xml:space="preserve">£5 😀_x000D_</x:t></x:r><x:rPh sb="0" eb="1"><x:t>PHON</x:t></x:rPh></x:is></x:c><x:c r="C1"><x:v>1.5E3</x:v></x:c><x:c r="D1" t="b"><x:v>1</x:v></x:c><x:c r="E1" t="e"><x:v>#N/A</x:v></x:c><x:c r="F1" s="2"><x:v>45000.5</x:v></x:c></x:row>` +
    `<!-- a comment --><x:row><x:c><x:f t="shared" ref="A2:A4" si="0">B2*2+$C$1</x:f><x:v>3</x:v></x:c><x:c t="str"><x:f><![CDATA[CONCAT("a<b>",1)]]></x:f><x:v>a&lt;b&gt;1</x:v></x:c><x:c r="C2" t="d"><x:v>2024-01-02T03:04:05</x:v></x:c><x:c r="D2" t="s"><x:v/></x:c><x:c r="E2"/><x:c r="F2" t="str"><x:v>line1\r\nline2&#13;x</x:v></x:c></x:row>` +
    `<x:row r="3"><x:c r="A3"><x:f t="shared" si="0"/><x:v>-0.25</x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>plain &#x41;&#66; ü</x:t></x:is></x:c><?pi inside?></x:row>` +
    `<x:row r="4"><x:c r="A4"><x:f t="shared" si="0"/></x:c><x:c r="B4" s="1"><x:v>7</x:v></x:c><x:c r="C4"><x:f>SUM(A1:A3)</x:f><x:v></x:v></x:c><x:c r = 'D4' t = "n" ><x:v>  </x:v></x:c></x:row>` +
    `<x:row r="9"/><x:row r="9"><x:c r="Z9" s="01"><x:v>.5</x:v></x:c></x:row>`,
  `<x:mergeCells count="1"><x:mergeCell ref="A8:B9"/></x:mergeCells><x:conditionalFormatting sqref="A1:A9 C1"><x:cfRule type="expression" dxfId="0" priority="2"><x:formula>$A1&gt;0</x:formula></x:cfRule></x:conditionalFormatting><x:sheetProtection sheet="1"/>`,
);

const EVERY_KIND_CELLS: Cell[] = [
  [0, 0, "two & three", null, 0],
  [0, 1, "Café & £5 😀\r", null, 1],
  [0, 2, 1500, null, 0],
  [0, 3, true, null, 0],
  [0, 4, { error: "#N/A" }, null, 0],
  [0, 5, new Date("2023-03-15T12:00:00.000Z"), null, 2],
  [1, 0, 3, "=B2*2+$C$1", 0],
  [1, 1, "a<b>1", '=CONCAT("a<b>",1)', 0],
  [1, 2, new Date("2024-01-02T03:04:05.000Z"), null, 0],
  [1, 3, "zero", null, 0],
  [1, 5, "line1\nline2\rx", null, 0],
  [2, 0, -0.25, "=B3*2+$C$1", 0],
  [2, 1, "plain AB ü", null, 0],
  [3, 0, null, "=B4*2+$C$1", 0],
  [3, 1, 7, null, 1],
  [3, 2, null, "=SUM(A1:A3)", 0],
  [3, 3, 0, null, 0],
  [8, 25, 0.5, null, 1],
];

describe("readSheetPart", () => {
  it("reads every kind of cell as Excel shows it, and what lies around sheetData", () => {
    const { cells, extras } = read(EVERY_KIND);
    expect(cells).toEqual(EVERY_KIND_CELLS);
    expect(extras).toEqual({
      protected: true,
      merges: [{ row: 7, col: 0, rows: 2, cols: 2 }],
      columns: [{ min: 0, max: 1, width: 12.5 }],
      conditional: [
        {
          ranges: [
            { row: 0, col: 0, rows: 9, cols: 1 },
            { row: 0, col: 2, rows: 1, cols: 1 },
          ],
          rules: [{ type: "expression", formula: "$A1>0", dxfId: 0, priority: 2 }],
        },
      ],
    });
  });

  it("gives the same cells wherever the bytes are cut (tags, references, entities, UTF-8 characters)", () => {
    const whole = read(EVERY_KIND);
    const length = new TextEncoder().encode(EVERY_KIND).length;
    for (let size = 1; size <= 13; size++) {
      const cuts = Array.from({ length: Math.ceil(length / size) }, (_, i) => i * size);
      expect(read(EVERY_KIND, cuts)).toEqual(whole);
    }
    fc.assert(
      fc.property(fc.array(fc.nat(length), { maxLength: 40 }), (cuts) => {
        expect(read(EVERY_KIND, cuts)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it("reads a number from the bytes exactly as Number() reads its text", () => {
    const text = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc
        .tuple(fc.boolean(), fc.stringMatching(/^\d{0,17}$/), fc.option(fc.stringMatching(/^\d{0,17}$/)))
        .map(([minus, whole, fraction]) => `${minus ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`)
        .filter((t) => /\d/.test(t)),
    );
    fc.assert(
      fc.property(text, (t) => {
        const { cells } = read(SHEET(`<x:row r="1"><x:c r="A1"><x:v>${t}</x:v></x:c></x:row>`));
        expect(cells).toEqual([[0, 0, Number(t), null, 0]]);
      }),
      { numRuns: 2000 },
    );
  });

  it("takes a long text cut in many pieces whole (taken as it comes, not kept for the next piece)", () => {
    const long = "é&amp;x\r\n".repeat(40_000);
    const xml = SHEET(`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>${long}</x:t></x:is></x:c></x:row>`);
    const cuts = Array.from({ length: 2_000 }, (_, i) => i * 997);
    expect(read(xml, cuts).cells).toEqual([[0, 0, "é&x\n".repeat(40_000), null, 0]]);
  });

  it.each([
    ['<x:row r="3"><x:c r="D9"><x:v>1</x:v></x:c></x:row>', "cell D9 is filed under row 3"],
    ['<x:row r="3"><x:c r="ZZZZ3"><x:v>1</x:v></x:c></x:row>', 'cell reference "ZZZZ3" is not a cell'],
    ['<x:row r="3"><x:c r="D3"><x:v>abc</x:v></x:c></x:row>', 'cell D3 holds "abc" where a number belongs'],
    ['<x:row r="0"><x:c r="D3"><x:v>1</x:v></x:c></x:row>', 'row number "0" is not a row'],
  ])("names a damaged cell: %s", (rows, detail) => {
    expect(() => read(SHEET(rows))).toThrow(`has a damaged sheet "S" (part p: ${detail})`);
  });

  it("refuses a part whose sheetData is never closed", () => {
    expect(() => read(SHEET("").replace("</x:sheetData></x:worksheet>", ""))).toThrow(
      'has a damaged sheet "S" (part p: unclosed tag: sheetData)',
    );
  });
});

/** The snapshot of the base workbook's measure sheet with its sheetData and merges replaced. */
function snapshotOf(rows: string, merges = "") {
  const pkg = baseWorkbook();
  const sheet = pkg.sheets[0];
  sheet.rows = rows;
  delete (sheet.slots as Record<string, string>).dimension;
  if (merges) (sheet.slots as Record<string, string>).mergeCells = merges;
  const book = XlsxWorkbook.open(toZip(pkg.toFiles()));
  return book.sheetRead(sheet.name)!.snapshot;
}

describe("readSnapshot", () => {
  it("blanks the cells a merge covers, keeping its top-left one, and takes the merge into the used range", () => {
    const s = snapshotOf(
      '<row r="3"><c r="C3"><v>1</v></c><c r="D3"><f>C3*2</f><v>2</v></c><c r="E3"><v>3</v></c></row><row r="4"><c r="C4"><v>4</v></c><c r="D4"><v>5</v></c></row>',
      '<mergeCells count="2"><mergeCell ref="C3:D4"/><mergeCell ref="E3:E200"/></mergeCells>',
    );
    expect([s.top, s.left, s.values.length]).toEqual([2, 2, 198]);
    expect(s.values.slice(0, 3)).toEqual([
      [1, null, 3],
      [null, null, null],
      [null, null, null],
    ]);
    expect(s.formulas[0]).toEqual([null, null, null]);
  });

  it("puts rows the sheet gives out of order, or twice, where they belong (the later cell wins)", () => {
    const s = snapshotOf(
      '<row r="5"><c r="B5"><v>1</v></c><c r="D5"><f>B5</f><v>1</v></c><c r="B5"><v>9</v></c></row><row r="2"><c r="C2"><v>2</v></c></row><row r="5"><c r="C5"><v>3</v></c><c r="D5"><v>4</v></c></row>',
    );
    expect([s.top, s.left]).toEqual([1, 1]);
    expect(s.values).toEqual([
      [null, 2, null],
      [null, null, null],
      [null, null, null],
      [9, 3, 4],
    ]);
    expect(s.formulas[3]).toEqual([null, null, null]);
  });

  it("lays rows out from the used range's left column, formulas beside values", () => {
    const s = snapshotOf(
      '<row r="10"><c r="E10"><v>1</v></c><c r="G10"><f>E10</f><v>1</v></c></row><row r="11"><c r="F11"><v>2</v></c></row>',
    );
    expect([s.top, s.left]).toEqual([9, 4]);
    expect(s.values).toEqual([
      [1, null, 1],
      [null, 2, null],
    ]);
    expect(s.formulas).toEqual([
      [null, null, "=E10"],
      [null, null, null],
    ]);
  });
});
