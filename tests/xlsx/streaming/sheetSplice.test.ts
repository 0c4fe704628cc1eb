/**
 * The worksheet splice reads the sheet as a stream of byte pieces and writes its result in pieces. Wherever the
 * pieces are cut (inside a byte order mark, a tag, an attribute, a row's closing tag, a comment, a multi-byte
 * character), the result must be the same text. Sheets here hold what the splice must get right: rows without r, a row to insert
 * before an existing one, a shared formula whose first cell is overwritten, a merge over a written cell, spans,
 * comments between rows, a prefix, an empty sheetData, and a user's conditional format with an extLst after it.
 */
import type { SheetWrite } from "../../../src/workbook/port";
import { parseSharedStrings } from "../../../src/hosts/xlsx/read/sharedStrings";
import { StringTable } from "../../../src/hosts/xlsx/write/stringTable";
import { StyleWriter } from "../../../src/hosts/xlsx/write/styleWriter";
import { spliceWorksheet } from "../../../src/hosts/xlsx/write/worksheet";

const BOM = "\ufeff";
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const SST = `<sst ${NS} count="1" uniqueCount="1"><si><t>Kept</t></si></sst>`;

const SHEETS: Record<string, string> = {
  plain:
    `${BOM}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:C4"/><sheetData>` +
    `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c></row>\n<!-- a comment -->` +
    `<row r="2" spans="1:3"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f><v>2</v></c><c r="B2"><v>1</v></c></row>` +
    `<row r="3"><c r="A3"><f t="shared" si="0"/><v>4</v></c><c r="C3" t="inlineStr"><is><t>Déjà vu — €😀</t></is></c></row>` +
    `<row><c><v>5</v></c><c><f t="shared" si="0"/></c></row>` +
    `<row r="7" spans="1:2" ht="20" customHeight="1"/>` +
    `</sheetData><mergeCells count="1"><mergeCell ref="D6:E7"/></mergeCells>` +
    `<conditionalFormatting sqref="B1:B4"><cfRule type="cellIs" dxfId="0" priority="3" operator="greaterThan"><formula>1</formula></cfRule></conditionalFormatting>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormatting><x14:cfRule priority="7" id="{1}"/></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>`,
  prefixed:
    `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
    `<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row><x:row r="5"><x:c r="A5"><x:v>2</x:v></x:c></x:row>` +
    `</x:sheetData></x:worksheet>`,
  empty: `<worksheet ${NS}><dimension ref="A1"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
};

const GREEN = { fill: "#00B050" };
const WRITE: SheetWrite = {
  sheet: "S",
  blocks: [
    { row: 0, col: 0, cells: [[{ value: "Status" }]] },
    { row: 1, col: 0, cells: [[{ value: 9 }]] },
    {
      row: 1,
      col: 3,
      cells: [[{ value: "Green" }], [{ value: 3, formula: "=A3+1" }], [{ value: "Ré" }], [{ value: null }]],
    },
    { row: 5, col: 3, cells: [[{ value: "in merge" }, { value: "covered" }]] },
  ],
  styles: [
    { range: { row: 1, col: 3, rows: 2, cols: 1 }, style: GREEN },
    { range: { row: 3, col: 0, rows: 1, cols: 1 }, style: { bold: true } },
  ],
  conditionalRules: [
    { range: { row: 1, col: 3, rows: 4, cols: 1 }, formula: '=$D2="Red"', style: { fill: "#FF0000" } },
  ],
  columnWidths: [{ col: 3, width: 12 }],
};

function spliced(xml: string, piece: number): { text: string; formulasChanged: boolean; outputs: number } {
  const ctx = {
    styles: new StyleWriter(null),
    strings: new StringTable(parseSharedStrings(SST), () => SST),
    dxf: () => 0,
  };
  const bytes = new TextEncoder().encode(xml);
  const source = (sink: (bytes: Uint8Array) => void) => {
    for (let i = 0; i < bytes.length; i += piece) sink(bytes.slice(i, i + piece));
  };
  const out: string[] = [];
  const { formulasChanged } = spliceWorksheet(source, WRITE, ctx, (t) => out.push(t));
  return { text: out.join(""), formulasChanged, outputs: out.length };
}

describe.each(Object.keys(SHEETS))("the %s sheet, spliced from pieces", (name) => {
  const xml = SHEETS[name];
  const whole = spliced(xml, xml.length);

  it.each([1, 2, 3, 5, 7, 13, 64])("pieces of %i bytes give the same text as one piece", (piece) => {
    const result = spliced(xml, piece);
    expect(result.text).toBe(whole.text);
    expect(result.formulasChanged).toBe(whole.formulasChanged);
  });

  it("keeps everything outside sheetData but the dimension, cols and the add-in's rule", () => {
    const tail = (text: string) => text.slice(text.search(/<\/(x:)?sheetData>|<sheetData\/>/));
    if (name !== "prefixed") expect(tail(whole.text)).toContain("<pageMargins");
    if (name === "plain") {
      expect(tail(whole.text)).toContain('priority="3"');
      // After the user's rule and the extLst's priorities.
      expect(whole.text).toContain(
        '<cfRule type="expression" dxfId="0" priority="8"><formula>$D2=&quot;Red&quot;</formula>',
      );
      expect(whole.text).toContain('<dimension ref="A1:E6"/>');
    }
  });
});

describe("what the splice writes", () => {
  const { text, formulasChanged } = spliced(SHEETS.plain, 3);

  it("writes new cells in column order, a new row before the next existing one, and nothing in a covered cell", () => {
    expect(text).toMatch(/<row r="6"><c r="D6" t="s"><v>\d+<\/v><\/c><\/row><row r="7"/);
    expect(text).not.toContain('r="E6"');
  });

  it("gives the cells that shared an overwritten formula their own", () => {
    expect(formulasChanged).toBe(true);
    expect(text).toContain('<c r="A3"><f>B3*2</f><v>4</v></c>');
    expect(text).toContain('<c r="B4"><f>C4*2</f></c>');
  });

  it("numbers rows without r once rows were inserted, and widens spans", () => {
    expect(text).toContain('<row r="4">');
    expect(text).toContain('<c s="2" r="A4"><v>5</v></c>');
    expect(text).toContain('<row r="2" spans="1:4">');
  });

  it("copies a comment between rows as it was", () => {
    expect(text).toContain("\n<!-- a comment -->");
  });

  it("hands its result on in many pieces, not one text", () => {
    expect(spliced(SHEETS.plain, 5).outputs).toBeGreaterThan(10);
  });
});

describe("a row whose cells carry no attribute (r is optional, ECMA-376 18.3.1.4)", () => {
  it("a write among them replaces the cell in its place: no second cell of the same column", () => {
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c><v>5</v></c><c><v>6</v></c></row></sheetData></worksheet>`;
    const ctx = {
      styles: new StyleWriter(null),
      strings: new StringTable(parseSharedStrings(SST), () => SST),
      dxf: () => 0,
    };
    const write: SheetWrite = {
      sheet: "S",
      blocks: [{ row: 0, col: 1, cells: [[{ value: 9 }]] }],
      styles: [],
      conditionalRules: [],
    };
    const out: string[] = [];
    const bytes = new TextEncoder().encode(xml);
    spliceWorksheet(
      (sink) => sink(bytes),
      write,
      ctx,
      (t) => out.push(t),
    );
    expect(out.join("")).toContain('<row r="1"><c r="A1"><v>5</v></c><c r="B1"><v>9</v></c></row>');
  });
});

describe("cells added at the end of rows written in other ways (the append path and where it hands over)", () => {
  // Row 1: spans written with spaces (rewritten as withAttribute writes it); row 2: r after spans; row 3: the last
  // cell's r after another attribute; row 4: the write lies left of the last cell (AA4), so the row is rewritten in
  // column order; row 5: spans as a list of ranges, left as it is.
  const xml =
    `<worksheet ${NS}><sheetData>` +
    `<row r="1" spans = "1:2"><c r="A1"><v>1</v></c></row>` +
    `<row spans="1:1" r="2"><c r="A2"><v>1</v></c></row>` +
    `<row r="3"><c s="1" r="B3"><v>1</v></c></row>` +
    `<row r="4"><c r="AA4"><v>1</v></c></row>` +
    `<row r="5" spans="1:3 5:6"><c r="A5"><v>1</v></c><c r="B5"/></row>` +
    `</sheetData></worksheet>`;
  const write: SheetWrite = {
    sheet: "S",
    blocks: [{ row: 0, col: 2, cells: Array.from({ length: 5 }, () => [{ value: 7 }]) }],
    styles: [],
    conditionalRules: [],
  };

  it.each([1, 4, 9, xml.length])("gives each row its new cell in column order (pieces of %i bytes)", (piece) => {
    const ctx = {
      styles: new StyleWriter(null),
      strings: new StringTable(parseSharedStrings(SST), () => SST),
      dxf: () => 0,
    };
    const bytes = new TextEncoder().encode(xml);
    const out: string[] = [];
    spliceWorksheet(
      (sink) => {
        for (let i = 0; i < bytes.length; i += piece) sink(bytes.slice(i, i + piece));
      },
      write,
      ctx,
      (t) => out.push(t),
    );
    expect(out.join("")).toBe(
      `<worksheet ${NS}><sheetData>` +
        `<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>7</v></c></row>` +
        `<row spans="1:3" r="2"><c r="A2"><v>1</v></c><c r="C2"><v>7</v></c></row>` +
        `<row r="3"><c s="1" r="B3"><v>1</v></c><c r="C3"><v>7</v></c></row>` +
        `<row r="4"><c r="C4"><v>7</v></c><c r="AA4"><v>1</v></c></row>` +
        `<row r="5" spans="1:3 5:6"><c r="A5"><v>1</v></c><c r="B5"/><c r="C5"><v>7</v></c></row>` +
        `</sheetData></worksheet>`,
    );
  });
});
