/**
 * The preservation checks themselves: an edit that keeps everything of the user's (as the lossless engine should
 * write it) passes, and each kind of loss the issue lists is reported. Without this, a check that never fires
 * would let every fixture pass.
 */
import { strFromU8, strToU8 } from "fflate";
import { FIXTURES, fixtureBytes } from "../../fixtures/ooxml/features";
import { checkApply, unzip, type Files, type Ownership } from "./preserve";

const fixture = (name: string): Files => unzip(fixtureBytes(FIXTURES.find((f) => f.name === name)!));
const VALUES: Ownership = { scored: ["Scorecard"], formulas: false };

function edit(files: Files, part: string, change: (xml: string) => string): Files {
  const xml = strFromU8(files[part]);
  const changed = change(xml);
  if (changed === xml) throw new Error(`edit of ${part} changed nothing`);
  return { ...files, [part]: strToU8(changed) };
}

const inline = (ref: string, text: string, style = ""): string =>
  `<c r="${ref}"${style} t="inlineStr"><is><t>${text}</t></is></c>`;

/** What a lossless apply writes on the base workbook: three output columns, a rule, a style, a string, a summary. */
function idealApply(files: Files, sheet = "xl/worksheets/sheet1.xml", lastCol = "F"): Files {
  const first = lastCol.charCodeAt(0) - 63;
  let out = edit(files, sheet, (xml) =>
    xml
      .replace(
        /(<row r="1"[^>]*>.*?)<\/row>/,
        (_, row: string) =>
          `${row}${["Status", "Short Trend", "Long Trend"].map((h, i) => inline(`${String.fromCharCode(lastCol.charCodeAt(0) + 1 + i)}1`, h, ' s="1"')).join("")}</row>`,
      )
      .replace(/<row r="(\d+)"([^>]*)>(.*?)<\/row>/g, (all, r: string, attrs: string, cells: string) =>
        r === "1" || Number(r) > 13
          ? all
          : `<row r="${r}"${attrs.replace(/spans="[^"]*"/, 'spans="1:9"')}>${cells}${inline(`${String.fromCharCode(lastCol.charCodeAt(0) + 1)}${r}`, "Green", ' s="4"')}</row>`,
      )
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:I13"/>')
      .replace("</cols>", `<col min="${first}" max="${first}" width="10" customWidth="1"/></cols>`)
      .replace(
        /(<pageMargins)/,
        '<conditionalFormatting sqref="G2:G13"><cfRule type="containsText" dxfId="2" priority="99" operator="containsText" text="Red"><formula>NOT(ISERROR(SEARCH("Red",G2)))</formula></cfRule></conditionalFormatting>$1',
      ),
  );
  out = edit(out, "xl/styles.xml", (xml) =>
    xml
      .replace('<cellXfs count="4">', '<cellXfs count="5">')
      .replace("</cellXfs>", '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>')
      .replace('<dxfs count="2">', '<dxfs count="3">')
      .replace("</dxfs>", '<dxf><fill><patternFill><bgColor rgb="FFFF0000"/></patternFill></fill></dxf></dxfs>'),
  );
  out = edit(out, "xl/sharedStrings.xml", (xml) => xml.replace("</sst>", "<si><t>Scorecard Summary</t></si></sst>"));
  out = edit(out, "xl/workbook.xml", (xml) =>
    xml.replace("</sheets>", '<sheet name="Scorecard Summary" sheetId="9" r:id="rId99"/></sheets>'),
  );
  out = edit(out, "xl/_rels/workbook.xml.rels", (xml) =>
    xml.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>',
    ),
  );
  out = edit(out, "[Content_Types].xml", (xml) =>
    xml.replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
  );
  out["xl/worksheets/sheet9.xml"] = strToU8(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
  );
  return out;
}

describe("the preservation checks", () => {
  it("pass an apply that keeps everything of the user's", () => {
    const before = fixture("base");
    expect(checkApply(before, idealApply(before), VALUES)).toEqual([]);
  });

  it("report an apply that scored nothing", () => {
    const before = fixture("base");
    expect(checkApply(before, before, VALUES)).toEqual([
      "Scorecard: no Scorecard output column was written (the sheet was not scored)",
    ]);
  });

  it.each([
    [
      "a user's cell restyled",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace('<c r="B2" t="s">', '<c r="B2" s="1" t="s">'),
      /Scorecard!B2: /,
    ],
    [
      "a user's cell below the table, in Scorecard's column, overwritten",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace(/(<c r="G20"[^>]*>)<v>\d+<\/v>/, "$1<v>0</v>"),
      /Scorecard!G20: /,
    ],
    [
      "a user's cell dropped",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace(/<c r="E3"><v>60<\/v><\/c>/, ""),
      /Scorecard!E3: cell lost/,
    ],
    [
      "a row's height lost",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace(' ht="20.25" customHeight="1"', ""),
      /row 1 attributes changed/,
    ],
    [
      "a column width changed",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace('width="34.7109375"', 'width="30"'),
      /column 2 settings changed/,
    ],
    [
      "the print setup's printer settings link lost",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace(' r:id="rId1"', ""),
      /<pageSetup> changed or lost/,
    ],
    [
      "a style inserted before the user's",
      "xl/styles.xml",
      (x: string) => x.replace('<cellXfs count="5"><xf', '<cellXfs count="6"><xf numFmtId="1"/><xf'),
      /cellXfs\[0\] moved or changed/,
    ],
    [
      "a shared string rewritten",
      "xl/sharedStrings.xml",
      (x: string) => x.replace("<t>PI01</t>", "<t>PI1</t>"),
      /si\[\d+\] moved or changed/,
    ],
    [
      "a sheet Scorecard does not own re-serialised",
      "xl/worksheets/sheet2.xml",
      (x: string) => x.replace("<sheetData>", "<sheetData >"),
      /sheet2.xml: changed \(not Scorecard's part\)/,
    ],
    ["the calc chain dropped in values mode", "xl/calcChain.xml", () => "", /xl\/calcChain.xml: removed/],
    [
      "an element moved out of schema order",
      "xl/worksheets/sheet1.xml",
      (x: string) => x.replace(/(<pageMargins[^>]*\/>)(<pageSetup[^>]*\/>)/, "$2$1"),
      /children out of schema order/,
    ],
    [
      "a sheet entry's id changed",
      "xl/workbook.xml",
      (x: string) => x.replace('sheetId="2"', 'sheetId="7"'),
      /sheet entry changed/,
    ],
  ])("report %s", (_what, part, change, finding) => {
    const before = fixture("base");
    let after = idealApply(before);
    after = part === "xl/calcChain.xml" ? dropPart(after, part) : edit(after, part, change);
    const findings = checkApply(before, after, VALUES);
    expect(findings.some((f) => finding.test(f))).toBe(true);
  });

  it("let calcChain go (with its relationship) only when formulas changed", () => {
    const before = fixture("base");
    let after = dropPart(idealApply(before), "xl/calcChain.xml");
    expect(checkApply(before, after, { ...VALUES, formulas: true })).toContainEqual(
      "xl/_rels/workbook.xml.rels: rId4 points at a missing part xl/calcChain.xml",
    );
    after = edit(after, "xl/_rels/workbook.xml.rels", (x) => x.replace(/<Relationship Id="rId4"[^>]*\/>/, ""));
    after = edit(after, "[Content_Types].xml", (x) =>
      x.replace(/<Override PartName="\/xl\/calcChain.xml"[^>]*\/>/, ""),
    );
    expect(checkApply(before, after, { ...VALUES, formulas: true })).toEqual([]);
  });

  it("report the user's conditional formats reordered, changed or moved behind Scorecard's", () => {
    const before = fixture("standard-cf");
    const ok = idealApply(before);
    expect(checkApply(before, ok, VALUES)).toEqual([]);
    const swapped = edit(ok, "xl/worksheets/sheet1.xml", (x) =>
      x.replace('type="uniqueValues"', 'type="duplicateValues"'),
    );
    expect(checkApply(before, swapped, VALUES)).toContainEqual(expect.stringMatching(/user's conditional format #1/));
    const dropped = edit(ok, "xl/worksheets/sheet1.xml", (x) =>
      x.replace(/<conditionalFormatting sqref="A2:A13">.*?<\/conditionalFormatting>/, ""),
    );
    expect(checkApply(before, dropped, VALUES).length).toBeGreaterThan(0);
  });

  it("report a sheet-scoped name moved to another sheet or losing its flags", () => {
    const before = fixture("defined-names");
    const ok = idealApply(before);
    expect(checkApply(before, ok, VALUES)).toEqual([]);
    const merged = edit(ok, "xl/workbook.xml", (x) =>
      x.replace('<definedName name="Total" localSheetId="1">', '<definedName name="Total">'),
    );
    expect(checkApply(before, merged, VALUES)).toContainEqual(
      expect.stringMatching(/defined name changed or lost: \[Notes\]/),
    );
    const unhidden = edit(ok, "xl/workbook.xml", (x) => x.replace('name="HiddenRate" hidden="1"', 'name="HiddenRate"'));
    expect(checkApply(before, unhidden, VALUES)).toContainEqual(expect.stringMatching(/HiddenRate/));
  });

  it("check a measure Table is widened by exactly the added columns, the rest kept", () => {
    const before = fixture("measure-table");
    const applied = idealApply(before, "xl/worksheets/sheet1.xml", "G");
    const own: Ownership = { ...VALUES, measureTablePart: "xl/tables/table1.xml" };
    const widened = edit(applied, "xl/tables/table1.xml", (x) =>
      x
        .replace('ref="A1:G13"', 'ref="A1:J13"')
        .replace('<autoFilter ref="A1:G13"/>', '<autoFilter ref="A1:J13"/>')
        .replace('<tableColumns count="7">', '<tableColumns count="10">')
        .replace(
          "</tableColumns>",
          '<tableColumn id="8" name="Status"/><tableColumn id="9" name="Short Trend"/><tableColumn id="10" name="Long Trend"/></tableColumns>',
        ),
    );
    expect(checkApply(before, widened, own)).toEqual([]);
    expect(checkApply(before, applied, own)).toContainEqual(expect.stringMatching(/table: ref A1:G13 -> A1:G13/));
    const headerless = edit(widened, "xl/tables/table1.xml", (x) => x.replace("<table ", '<table headerRowCount="0" '));
    expect(checkApply(before, headerless, own)).toContainEqual(expect.stringMatching(/table: attributes changed/));
    const unstyled = edit(widened, "xl/tables/table1.xml", (x) => x.replace(/<tableStyleInfo[^>]*\/>/, ""));
    expect(checkApply(before, unstyled, own)).toContainEqual("table: <tableStyleInfo> changed or lost");
  });
});

function dropPart(files: Files, part: string): Files {
  const rest = { ...files };
  delete rest[part];
  return rest;
}

describe("a sheet AutoFilter over the measure table (F20)", () => {
  const before = fixture("sheet-autofilter");
  const grown = edit(
    edit(idealApply(before), "xl/worksheets/sheet1.xml", (x) =>
      x.replace('<autoFilter ref="A1:F13"/>', '<autoFilter ref="A1:I13"/>'),
    ),
    "xl/workbook.xml",
    (x) => x.replace("Scorecard!$A$1:$F$13", "Scorecard!$A$1:$I$13"),
  );

  it("may grow by exactly the output columns, its _FilterDatabase name with it", () => {
    expect(checkApply(before, grown, VALUES)).toEqual([]);
  });

  it("report a filter grown too far, a name left behind or moved elsewhere", () => {
    const tooFar = edit(grown, "xl/worksheets/sheet1.xml", (x) =>
      x.replace('<autoFilter ref="A1:I13"/>', '<autoFilter ref="A1:J13"/>'),
    );
    expect(checkApply(before, tooFar, VALUES)).toContainEqual(expect.stringMatching(/<autoFilter> changed/));
    const nameLeft = edit(grown, "xl/workbook.xml", (x) => x.replace("$A$1:$I$13", "$A$1:$F$13"));
    expect(checkApply(before, nameLeft, VALUES)).toContainEqual(expect.stringMatching(/_FilterDatabase/));
    const nameElsewhere = edit(grown, "xl/workbook.xml", (x) => x.replace("$A$1:$I$13", "$A$1:$I$20"));
    expect(checkApply(before, nameElsewhere, VALUES)).toContainEqual(expect.stringMatching(/_FilterDatabase/));
  });
});
