/**
 * FormatRuns keeps each cell's style index for readNumberFormats. It must answer every cell's own style whatever order
 * the sheet gives its rows in (the reader accepts rows out of order), as a plain map of cells would.
 */
import fc from "fast-check";
import { XlsxWorkbook } from "../../../src/hosts/xlsx";
import { FormatRuns } from "../../../src/hosts/xlsx/read/formatRuns";
import { STYLE, baseWorkbook, numCell } from "../../fixtures/ooxml/base";
import { toZip } from "../../fixtures/ooxml/package";

describe("FormatRuns", () => {
  it("answers a cell's own style when a row comes after a row below it", () => {
    const formats = new FormatRuns();
    formats.note(4, 3, 1);
    formats.note(2, 3, 2);
    expect([formats.xf(4, 3), formats.xf(2, 3)]).toEqual([1, 2]);
  });

  it("answers as a map of cells, the last note of a cell winning, for any order of rows", () => {
    const note = fc.record({
      row: fc.integer({ min: 0, max: 40 }),
      col: fc.integer({ min: 0, max: 3 }),
      xf: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(note, { maxLength: 120 }), (notes) => {
        const formats = new FormatRuns();
        const model = new Map<string, number>();
        for (const { row, col, xf } of notes) {
          formats.note(row, col, xf);
          model.set(`${row},${col}`, xf);
        }
        for (const [key, xf] of model) {
          const [row, col] = key.split(",").map(Number);
          expect(formats.xf(row, col)).toBe(xf);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("answers as a map of cells for a sheet in order with rows sent back now and then", () => {
    // Mostly ascending rows, as a generator that appends a forgotten row at the end writes them.
    const sheet = fc.array(
      fc.record({
        back: fc.boolean(),
        step: fc.integer({ min: 0, max: 3 }),
        cols: fc.array(fc.nat(5), { minLength: 1 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(sheet, fc.nat(3), (rows, seed) => {
        const formats = new FormatRuns();
        const model = new Map<string, number>();
        let bottom = 0;
        rows.forEach(({ back, step, cols }, i) => {
          const row = back ? Math.max(0, bottom - 1 - step) : (bottom += step);
          for (const col of cols) {
            const xf = (row * 7 + col * 3 + i + seed) % 4;
            formats.note(row, col, xf);
            model.set(`${row},${col}`, xf);
          }
        });
        for (const [key, xf] of model) {
          const [row, col] = key.split(",").map(Number);
          expect(formats.xf(row, col)).toBe(xf);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("readNumberFormats on a sheet whose rows are out of order", () => {
  it("answers each cell's own number format", async () => {
    const pkg = baseWorkbook();
    const sheet = pkg.sheets[0];
    // Row 5 (a percent) before row 3 (a date): row 5 once read the date's format. Then rows below and above both.
    const rows =
      `<row r="5">${numCell("D5", 0.25, STYLE.percent)}</row>` +
      `<row r="3">${numCell("D3", 45000, STYLE.date)}</row>` +
      `<row r="6">${numCell("E6", 0.5, STYLE.percent)}</row>` +
      `<row r="2">${numCell("D2", 7)}</row>` +
      `<row r="4">${numCell("E4", 9)}</row>`;
    // The fixture sorts rows as Excel writes them: a marker row is swapped for these afterwards.
    const marker = `<row r="1">${numCell("Z1", 1)}</row>`;
    sheet.rows = marker;
    delete (sheet.slots as Record<string, string>).dimension;
    const files = pkg.toFiles();
    const part = "xl/worksheets/sheet1.xml";
    const xml = new TextDecoder().decode(files[part]);
    expect(xml).toContain(marker);
    files[part] = new TextEncoder().encode(xml.replace(marker, rows));
    const book = XlsxWorkbook.open(toZip(files));
    const at = (a1: string) => ({ sheet: sheet.name, row: Number(a1.slice(1)) - 1, col: a1.charCodeAt(0) - 65 });
    const formats = await book.readNumberFormats(["D5", "D3", "E6", "D2", "E4"].map(at));
    // The base styles: cellXfs 2 is numFmtId 9 (built-in "0%"), 3 is the custom date format 164.
    expect(formats).toEqual(["0%", "dd/mm/yyyy;@", "0%", "General", "General"]);
  });
});
