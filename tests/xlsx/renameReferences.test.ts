/**
 * Renaming the summary (a new summary name in the settings) rewrites what refers to it, as Excel does when a sheet is
 * renamed: other sheets' formulas, defined names, chart series. Parts that do not refer to it stay byte-identical.
 */
import { strFromU8, unzipSync } from "fflate";
import { Workbook } from "exceljs";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { renamedInFormula, renamedInPart } from "../../src/hosts/xlsx/write/renameReferences";
import { applyRules } from "../../src/workbook";

describe("a formula's references to a renamed sheet", () => {
  test.each([
    ["'Old Summary'!B7", "'New Summary'!B7"],
    ["SUM('Old Summary'!B7:B9)+'old summary'!$C$1", "SUM('New Summary'!B7:B9)+'New Summary'!$C$1"],
    [
      "IF(A1=\"Old Summary\",'Old Summary'!A1,\"'Old Summary'!A1\")",
      "IF(A1=\"Old Summary\",'New Summary'!A1,\"'Old Summary'!A1\")",
    ],
    ["'Old Summary (2)'!A1+'My Old Summary'!A1", "'Old Summary (2)'!A1+'My Old Summary'!A1"],
    ["[1]'Old Summary'!A1+'[1]Old Summary'!A1", "[1]'Old Summary'!A1+'[1]Old Summary'!A1"],
    ["Summary!A1+MySummary!A1+Summary.x!A1", "'New Summary'!A1+MySummary!A1+Summary.x!A1"],
    // 3-D spans (over every sheet from the first to the last) are quoted as one, as Excel writes them.
    ["SUM(Adults:Summary!B7)", "SUM('Adults:New Summary'!B7)"],
    ["SUM(Summary:Place!B7)+Summary!A1", "SUM('New Summary:Place'!B7)+'New Summary'!A1"],
    ["SUM('Adults:Old Summary'!B7)+'Old Summary:Place'!B8", "SUM('Adults:New Summary'!B7)+'New Summary:Place'!B8"],
    ["SUM(Adults:Place!B7)+'Adults:Place'!B8", "SUM(Adults:Place!B7)+'Adults:Place'!B8"],
    // A range up to a cell of the sheet is no 3-D span: only the sheet's own name changes.
    ["SUM(A1:Summary!B2)+SUM($A$1:Summary!B2)", "SUM(A1:'New Summary'!B2)+SUM($A$1:'New Summary'!B2)"],
    ["[1]Adults:Summary!B7", "[1]Adults:Summary!B7"],
  ])("%s", (formula, expected) => {
    const from = /Old Summary/i.test(formula) ? "Old Summary" : "Summary";
    expect(renamedInFormula(formula, from, "New Summary")).toBe(expected);
  });

  test("in a part: only the elements that name the sheet change, chart series included", () => {
    const chart =
      "<c:chartSpace><c:ser><c:tx><c:strRef><c:f>'Old Summary'!$B$1</c:f></c:strRef></c:tx><c:val><c:numRef><c:f>Data!$B$2:$B$5</c:f></c:numRef></c:val></c:ser></c:chartSpace>";
    expect(renamedInPart(chart, "Old Summary", "New Summary")).toBe(
      chart.replace("'Old Summary'!$B$1", "'New Summary'!$B$1"),
    );
    expect(renamedInPart(chart, "Elsewhere", "New Summary")).toBeNull();
  });
});

function parts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
}

describe("renaming the summary in a file", () => {
  test("='Scorecard Summary'!B7 in a user's sheet becomes ='New Summary'!B7; the rest stays byte-identical", async () => {
    const workbook = new Workbook();
    const people = workbook.addWorksheet("People");
    [
      ["Code", "Measure", "Period", "Value", "Target", "Aim"],
      ["M1", "One", "Q2 2020/21", 10, 12, "Maximise"],
    ].forEach((row, r) => row.forEach((v, c) => (people.getCell(r + 1, c + 1).value = v)));
    const links = workbook.addWorksheet("Links");
    links.getCell("A1").value = { formula: "'Scorecard Summary'!B7", result: 0 };
    links.getCell("A2").value = { formula: '"Scorecard Summary"&"!"', result: "Scorecard Summary!" };
    const other = workbook.addWorksheet("Other");
    other.getCell("A1").value = { formula: "People!D2*2", result: 20 };
    workbook.definedNames.add("'Scorecard Summary'!$B$7", "Headline");

    const first = XlsxWorkbook.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
    await applyRules(first);
    const once = first.save();
    const second = XlsxWorkbook.open(once);
    const report = await applyRules(second, { settings: { summarySheetName: "New Summary" } });
    expect(report.summarySheet).toBe("New Summary");
    const [before, after] = [parts(once), parts(second.save())];

    const sheetPart = (files: Record<string, string>, name: string) => {
      const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(files["xl/workbook.xml"])![1];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(
        files["xl/_rels/workbook.xml.rels"],
      )!;
      return `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    };
    const linksPart = sheetPart(after, "Links");
    expect(after[linksPart]).toContain("<f>'New Summary'!B7</f>");
    expect(after[linksPart]).toContain("<f>&quot;Scorecard Summary&quot;&amp;&quot;!&quot;</f>");
    expect(after[linksPart]).toBe(
      // ExcelJS wrote the apostrophes as &apos;: the one element rewritten is written plain, the rest is untouched.
      before[linksPart].replace("<f>&apos;Scorecard Summary&apos;!B7</f>", "<f>'New Summary'!B7</f>"),
    );
    expect(after["xl/workbook.xml"]).toMatch(/<definedName name="Headline"[^>]*>'New Summary'!\$B\$7<\/definedName>/);
    const otherPart = sheetPart(after, "Other");
    expect(after[otherPart]).toBe(before[otherPart]);
  });
});

describe("renaming a summary whose name is not plain ASCII", () => {
  // The file is read in pieces and only parts that mention the old name are parsed: that check must find the name
  // however the part spells it (a capital Ü, an apostrophe ExcelJS writes as &apos;).
  test.each([
    ["Übersicht", "Übersicht!B7"],
    ["ärger summary", "'ÄRGER SUMMARY'!B7"],
    ["Kent's Summary", "'Kent''s Summary'!B7"],
  ])("%s: %s follows the rename", async (oldName, formula) => {
    const workbook = new Workbook();
    const people = workbook.addWorksheet("People");
    [
      ["Code", "Measure", "Period", "Value", "Target", "Aim"],
      ["M1", "One", "Q2 2020/21", 10, 12, "Maximise"],
    ].forEach((row, r) => row.forEach((v, c) => (people.getCell(r + 1, c + 1).value = v)));
    workbook.addWorksheet("Links").getCell("A1").value = { formula, result: 0 };

    const first = XlsxWorkbook.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
    await applyRules(first, { settings: { summarySheetName: oldName } });
    const second = XlsxWorkbook.open(first.save());
    const report = await applyRules(second, { settings: { summarySheetName: "New Summary" } });
    expect(report.summarySheet).toBe("New Summary");
    const formulas = Object.entries(parts(second.save()))
      .filter(([name]) => name.startsWith("xl/worksheets/"))
      .map(([, xml]) => /<f>([^<]*)<\/f>/.exec(xml)?.[1]);
    expect(formulas).toContain("'New Summary'!B7");
  });
});
