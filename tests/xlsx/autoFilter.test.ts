/**
 * New-user finding F20: a plain sheet AutoFilter whose ref is exactly the measure table grows with the Status and
 * trend columns (its `_xlnm._FilterDatabase` name too), as an Excel Table does; any other AutoFilter is left as it is.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { Workbook } from "exceljs";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { applyRules } from "../../src/workbook";

const ROWS = [
  ["Code", "Measure", "Period", "Value", "Target", "Aim"],
  ["M1", "One", "Q1 2020/21", 10, 12, "Maximise"],
  ["M1", "One", "Q2 2020/21", 13, 12, "Maximise"],
  ["M2", "Two", "Q1 2020/21", 5, 4, "Minimise"],
  ["M2", "Two", "Q2 2020/21", 3, 4, "Minimise"],
];

/**
 * A sheet with the table A1:F5 and an AutoFilter over `ref`. Excel writes a hidden `_xlnm._FilterDatabase` name
 * beside every sheet AutoFilter; ExcelJS does not, so it is put in as Excel writes it.
 */
async function filtered(
  ref: string,
  name = "Filt",
  rows: readonly (readonly (string | number | null)[])[] = ROWS,
): Promise<Uint8Array> {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  ws.autoFilter = ref;
  const files = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const quoted = /\s/.test(name) ? `'${name}'` : name;
  const absolute = ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  const xml = strFromU8(files["xl/workbook.xml"]).replace(
    "</sheets>",
    `</sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${quoted}!${absolute}</definedName></definedNames>`,
  );
  return zipSync({ ...files, "xl/workbook.xml": strToU8(xml) });
}

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

async function applied(bytes: Uint8Array): Promise<Record<string, string>> {
  const host = XlsxWorkbook.open(bytes);
  await applyRules(host);
  return parts(host.save());
}

const autoFilterRef = (sheet: string) => /<autoFilter [^>]*ref="([^"]*)"/.exec(sheet)?.[1];
const filterDatabase = (workbook: string) =>
  /<definedName [^>]*name="_xlnm\._FilterDatabase"[^>]*>([^<]*)</.exec(workbook)?.[1];

describe("a sheet AutoFilter over the measure table (F20)", () => {
  test("exactly the table: grows to take Status, Short Trend and Long Trend (G–I), its hidden name too", async () => {
    const after = await applied(await filtered("A1:F5"));
    expect(autoFilterRef(after["xl/worksheets/sheet1.xml"])).toBe("A1:I5");
    expect(filterDatabase(after["xl/workbook.xml"])).toBe("Filt!$A$1:$I$5");
  });

  test("a quoted sheet name stays quoted", async () => {
    const after = await applied(await filtered("A1:F5", "My Filt"));
    expect(filterDatabase(after["xl/workbook.xml"])).toBe("'My Filt'!$A$1:$I$5");
  });

  test.each(["A1:E5", "A1:F4", "B1:F5", "A1:G9"])("a filter over %s is not the table's: left alone", async (ref) => {
    const before = await filtered(ref);
    const after = await applied(before);
    expect(autoFilterRef(after["xl/worksheets/sheet1.xml"])).toBe(ref);
    expect(filterDatabase(after["xl/workbook.xml"])).toBe(filterDatabase(parts(before)["xl/workbook.xml"]));
  });

  test("a second apply changes nothing more (the columns are the table's now)", async () => {
    const host = XlsxWorkbook.open(await filtered("A1:F5"));
    await applyRules(host);
    const once = host.save();
    const again = XlsxWorkbook.open(once);
    await applyRules(again);
    const [first, second] = [parts(once), parts(again.save())];
    expect(autoFilterRef(second["xl/worksheets/sheet1.xml"])).toBe("A1:I5");
    expect(second["xl/workbook.xml"]).toBe(first["xl/workbook.xml"]);
  });

  /** The table with an empty "RAG" column G, which becomes its Status column (new-user trial 2, F4). */
  const WITH_RAG = ROWS.map((row, r) => [...row, r === 0 ? "RAG" : null]);

  test.each(["A1:G5", "A1:F5", "A1:H5"])(
    "a reused empty RAG column: a filter over %s (inputs, and outputs right of them) grows to the trends (A1:I5)",
    async (ref) => {
      const after = await applied(await filtered(ref, "Filt", WITH_RAG));
      expect(autoFilterRef(after["xl/worksheets/sheet1.xml"])).toBe("A1:I5");
      expect(filterDatabase(after["xl/workbook.xml"])).toBe("Filt!$A$1:$I$5");
    },
  );

  test.each(["A1:E5", "A1:J5", "B1:G5"])("a reused RAG column: a filter over %s is left alone", async (ref) => {
    const after = await applied(await filtered(ref, "Filt", WITH_RAG));
    expect(autoFilterRef(after["xl/worksheets/sheet1.xml"])).toBe(ref);
  });
});
