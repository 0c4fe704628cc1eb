/**
 * Whose fault an error in a sheet part is. Damage (a cell Excel would never write, XML that is not well formed) is the
 * input's: PackageError "has a damaged sheet", exit 2. Anything else thrown while reading is a fault of ours and must
 * reach the CLI as an internal error (exit 3), not be reported to the user as a broken file.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { run } from "../../../src/cli/main";
import { XlsxWorkbook } from "../../../src/hosts/xlsx";
import type { OoxmlPackage } from "../../../src/hosts/xlsx/package/OoxmlPackage";
import { PackageError } from "../../../src/hosts/xlsx/package/limits";
import { readSheetPart } from "../../../src/hosts/xlsx/read/sheetReader";
import { StyleBook } from "../../../src/hosts/xlsx/read/styles";
import { baseWorkbook } from "../../fixtures/ooxml/base";
import { toZip } from "../../fixtures/ooxml/package";

const STYLES = new StyleBook([{ numberFormat: "General", date: false, bold: false, italic: false }], []);
const CONTEXT = { strings: ["zero", "one"], styles: STYLES, date1904: false };

function onePiece(xml: string): OoxmlPackage {
  return {
    stream(_part: string, sink: (chunk: Uint8Array) => void) {
      sink(new TextEncoder().encode(xml));
    },
  } as unknown as OoxmlPackage;
}

const read = (xml: string) => readSheetPart(onePiece(xml), { part: "p", name: "S" }, CONTEXT, () => undefined);

const SHEET = (inner: string, after = ""): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${inner}</sheetData>${after}</worksheet>`;

const CELLS =
  '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="0"><v>2.5</v></c><c r="C1" t="inlineStr"><is><t>a &amp; b</t></is></c></row>' +
  '<row r="2"><c r="A2"><f>A1*2</f><v>5</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c></row>';

/** The base workbook with its measure sheet's XML edited after the fixture has laid it out. */
function baseWith(edit: (xml: string) => string): Uint8Array {
  const pkg = baseWorkbook();
  const files = pkg.toFiles();
  const part = "xl/worksheets/sheet1.xml";
  const xml = new TextDecoder().decode(files[part]);
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  files[part] = new TextEncoder().encode(edited);
  return toZip(files);
}

/** Makes StyleBook.look, which the scanner calls for every cell with a value, fail as a bug of ours would. */
function injectBug(): jest.SpyInstance {
  return jest.spyOn(StyleBook.prototype, "look").mockImplementation(() => {
    throw new TypeError("Cannot read properties of undefined (reading 'date')");
  });
}

afterEach(() => jest.restoreAllMocks());

describe("damage is the input's fault", () => {
  it("XML that is not well formed around sheetData: a damaged sheet, saxes' complaint in one line", () => {
    expect(() => read(SHEET(CELLS, "<mergeCells><mergeCell ref='A1:B1'/>"))).toThrow(PackageError);
    expect(() => read(SHEET(CELLS, "<mergeCells><mergeCell ref='A1:B1'/>"))).toThrow(
      /^has a damaged sheet "S" \(part p: [^\n]+\)$/,
    );
  });

  it("a damaged cell in a deflated part streamed by fflate: the same message as a part inflated whole", () => {
    const data = baseWith((xml) => xml.replace('r="D3"', 'r="D9"'));
    const book = XlsxWorkbook.open(data);
    expect(() => book.sheetRead("Scorecard")).toThrow(
      new PackageError('has a damaged sheet "Scorecard" (part xl/worksheets/sheet1.xml: cell D9 is filed under row 3)'),
    );
  });

  it("any damage to a sheet part is a PackageError, never another error", () => {
    const xml = SHEET(CELLS);
    const edit = fc.record({
      at: fc.nat(xml.length),
      cut: fc.nat(12),
      insert: fc.oneof(
        fc.constantFrom(
          "<",
          ">",
          "/",
          '"',
          "'",
          "&",
          ";",
          "&#x110000;",
          "&#0;",
          "<![CDATA[",
          "]]>",
          "<!--",
          "<?",
          "r=",
          "t=",
          "s=",
        ),
        fc.string({ maxLength: 6 }),
      ),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let damaged = xml;
        for (const { at, cut, insert } of edits) damaged = damaged.slice(0, at) + insert + damaged.slice(at + cut);
        try {
          read(damaged);
        } catch (error) {
          expect(error).toBeInstanceOf(PackageError);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe("an error of ours is not called damage", () => {
  it("readSheetPart lets it through as it is", () => {
    injectBug();
    expect(() => read(SHEET(CELLS))).toThrow(TypeError);
  });

  it("through a deflated part streamed by fflate, too", () => {
    const data = toZip(baseWorkbook().toFiles());
    injectBug();
    const book = XlsxWorkbook.open(data);
    expect(() => book.sheetRead("Scorecard")).toThrow(TypeError);
  });

  it("the CLI reports it as an internal error (exit 3); a damaged part stays exit 2", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-sheet-errors-"));
    try {
      const intact = path.join(dir, "intact.xlsx");
      await fs.writeFile(intact, toZip(baseWorkbook().toFiles()));
      const damaged = path.join(dir, "damaged.xlsx");
      await fs.writeFile(
        damaged,
        baseWith((xml) => xml.replace('r="D3"', 'r="D9"')),
      );
      const cli = async (file: string) => {
        const err: string[] = [];
        const status = await run(["summary", file], {
          out: () => undefined,
          err: (t) => err.push(t),
          progress: () => null,
        });
        return { status, stderr: err.join("\n") };
      };
      expect(await cli(damaged)).toEqual({
        status: 2,
        stderr: `scorecard: ${damaged} has a damaged sheet "Scorecard" (part xl/worksheets/sheet1.xml: cell D9 is filed under row 3)`,
      });
      injectBug();
      expect(await cli(intact)).toEqual({
        status: 3,
        stderr: "scorecard: internal error: Cannot read properties of undefined (reading 'date') (please report it)",
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
