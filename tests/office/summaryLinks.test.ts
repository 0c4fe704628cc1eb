// A committee dashboard links to a cell of the summary (='Scorecard Summary'!B7). Regenerating the summary rewrites
// that sheet in place in both hosts, so the link keeps working: Excel turns every reference to a deleted sheet into
// #REF! (excelBehaviour.ts, deletedSheetRef), which the Office.js fake models.
import { Workbook } from "exceljs";
import { OfficeWorkbook } from "../../src/hosts/office";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { applyRules, generateSummary } from "../../src/workbook";
import type { WorkbookPort } from "../../src/workbook/port";
import { fakeContext } from "../support/officeFixtures";
import { CONTRACT_EXAMPLES } from "../workbook/fixtures";
import { xlsxWorkbook } from "../xlsx/xlsxFixtures";

const LINK = "='Scorecard Summary'!B7";

/** The dashboard's link and the summary sheet's place among the tabs, as a host reads them. */
async function linkAndTabs(port: WorkbookPort): Promise<[string | null, string[]]> {
  const snapshot = await port.readWorkbook();
  const dashboard = snapshot.sheets.find((s) => s.name === "Dashboard");
  return [dashboard?.formulas[0]?.[0] ?? null, snapshot.sheets.map((s) => s.name)];
}

async function regenerateTwice(port: () => WorkbookPort, save: () => void): Promise<[string | null, string[]][]> {
  await applyRules(port());
  save();
  const seen = [await linkAndTabs(port())];
  for (let run = 0; run < 2; run += 1) {
    const result = await generateSummary(port());
    expect(result.writeProblems).toEqual([]);
    save();
    seen.push(await linkAndTabs(port()));
  }
  return seen;
}

describe("a link to a summary cell survives regenerating the summary", () => {
  test("in Excel (Office.js host)", async () => {
    const ctx = fakeContext(CONTRACT_EXAMPLES);
    ctx.book.addSheet({ name: "Dashboard", rows: [[{ formula: LINK }]] });
    const seen = await regenerateTwice(
      () => new OfficeWorkbook(ctx),
      () => undefined,
    );
    expect(seen.map(([link]) => link)).toEqual([LINK, LINK, LINK]);
    expect(new Set(seen.map(([, tabs]) => tabs.join("|"))).size).toBe(1);
    expect(ctx.calls).not.toContain("Worksheet.delete");
  });

  test("in an .xlsx file (file host)", async () => {
    const book: Workbook = await xlsxWorkbook(CONTRACT_EXAMPLES);
    book.addWorksheet("Dashboard").getCell("A1").value = { formula: LINK.slice(1) };
    let bytes: Uint8Array = new Uint8Array(await book.xlsx.writeBuffer());
    let open = XlsxWorkbook.open(bytes);
    const seen = await regenerateTwice(
      () => open,
      () => {
        bytes = open.save();
        open = XlsxWorkbook.open(bytes);
      },
    );
    expect(seen.map(([link]) => link)).toEqual([LINK, LINK, LINK]);
    expect(new Set(seen.map(([, tabs]) => tabs.join("|"))).size).toBe(1);
  });
});
