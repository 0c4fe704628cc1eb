/**
 * The .xlsx host on its own: what it reads from cells, how it writes a plan, and what it must never touch. Fixtures
 * are built with ExcelJS, saved to bytes and opened by the host; what the host saves is loaded with ExcelJS to look at.
 */
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { inspected, opened, reopened } from "./xlsxFixtures";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { applyRules, scanWorkbook } from "../../src/workbook";
import { STATE_SHEET_NAME } from "../../src/workbook/stateSheet";
import type { ConditionalRule, OwnedSheetWrite, SheetWrite, WritePlan } from "../../src/workbook/port";

const emptyWrite = (sheet: string): SheetWrite => ({ sheet, blocks: [], styles: [], conditionalRules: [] });

describe("reading cells", () => {
  async function snapshotOf(build: (ws: ReturnType<Workbook["addWorksheet"]>) => void) {
    const workbook = new Workbook();
    build(workbook.addWorksheet("S"));
    const snapshot = await (await opened(workbook)).readWorkbook();
    return snapshot.sheets[0];
  }

  it("gives the used range from its top-left cell, not from A1", async () => {
    const sheet = await snapshotOf((ws) => {
      ws.getCell("C4").value = "Code";
      ws.getCell("E6").value = 5;
      ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    });
    expect(sheet.top).toBe(3);
    expect(sheet.left).toBe(2);
    expect(sheet.values).toEqual([
      ["Code", null, null],
      [null, null, null],
      [null, null, 5],
    ]);
  });

  it("turns rich text, hyperlinks, errors and formula results into what Excel shows", async () => {
    const sheet = await snapshotOf((ws) => {
      ws.getCell("A1").value = { richText: [{ text: "Out" }, { text: "come", font: { bold: true } }] };
      ws.getCell("B1").value = { text: "link", hyperlink: "https://example.org" };
      ws.getCell("C1").value = { error: "#N/A" };
      ws.getCell("D1").value = { formula: "1+1", result: 2 };
      ws.getCell("E1").value = { formula: "NA()", result: { error: "#N/A" } };
      ws.getCell("F1").value = { formula: 'A1&"x"' };
      ws.getCell("G1").value = new Date(Date.UTC(2013, 9, 1));
      ws.getCell("H1").value = true;
    });
    expect(sheet.values[0]).toEqual([
      "Outcome",
      "link",
      { error: "#N/A" },
      2,
      { error: "#N/A" },
      null,
      new Date(Date.UTC(2013, 9, 1)),
      true,
    ]);
    expect(sheet.formulas[0]).toEqual([null, null, null, "=1+1", "=NA()", '=A1&"x"', null, null]);
  });

  it("translates shared formulas to each cell's own formula, with its cached result", async () => {
    const sheet = await snapshotOf((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getCell("B1").value = { formula: "A1*10", result: 10 };
      ws.getCell("B2").value = { sharedFormula: "B1", result: 20 };
    });
    expect(sheet.formulas.map((row) => row[1])).toEqual(["=A1*10", "=A2*10"]);
    expect(sheet.values.map((row) => row[1])).toEqual([10, 20]);
  });

  it("reads a merged cell once, at its top-left, as Excel does", async () => {
    const sheet = await snapshotOf((ws) => {
      ws.mergeCells("A1:C1");
      ws.getCell("A1").value = "Outcome: Healthy and active communities";
      ws.getCell("A2").value = "Code";
    });
    expect(sheet.values[0]).toEqual(["Outcome: Healthy and active communities", null, null]);
  });

  it("reports Excel Tables with their full range, visibility and protection", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Tables");
    ws.addTable({
      name: "Measures",
      ref: "B3",
      headerRow: true,
      columns: [{ name: "Code" }, { name: "Value" }, { name: "Target" }],
      rows: [
        ["A", 1, 2],
        ["B", 3, 4],
      ],
    });
    await ws.protect("", {});
    workbook.addWorksheet("Hidden", { state: "hidden" }).getCell("A1").value = 1;
    const snapshot = await (await opened(workbook)).readWorkbook();
    const [tables, hidden] = snapshot.sheets;
    expect(tables.tables).toEqual([{ name: "Measures", range: { row: 2, col: 1, rows: 3, cols: 3 } }]);
    expect(tables.protected).toBe(true);
    expect(tables.visible).toBe(true);
    expect(hidden.visible).toBe(false);
    expect(hidden.protected).toBe(false);
  });

  it("reads bold per cell, false for cells and sheets that do not exist", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("S");
    ws.getCell("A1").value = "Outcome";
    ws.getCell("A1").font = { bold: true };
    ws.getCell("A2").value = "Plain";
    ws.getCell("A3").value = { richText: [{ text: "Bold run only", font: { bold: true } }] };
    const host = await opened(workbook);
    const refs = [0, 1, 2, 3].map((row) => ({ sheet: "S", row, col: 0 }));
    expect(await host.readBold([...refs, { sheet: "Missing", row: 0, col: 0 }])).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe("writing a plan", () => {
  const GREEN = { fill: "#C6EFCE", font: "#006100" };
  const statusRule = (row: number, rows: number, status: string, style = GREEN): ConditionalRule => ({
    range: { row, col: 3, rows, cols: 1 },
    formula: `=$D${row + 1}="${status}"`,
    style,
  });

  function userWorkbook(): Workbook {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Data");
    ws.getCell("A1").value = "Code";
    ws.getCell("B1").value = "Value";
    ws.getCell("C1").value = "Target";
    for (let r = 2; r <= 5; r++) {
      ws.getCell(r, 1).value = `M${r}`;
      ws.getCell(r, 2).value = r * 10;
      ws.getCell(r, 3).value = 30;
    }
    // A user's own rule elsewhere on the sheet must survive every re-run.
    ws.addConditionalFormatting({
      ref: "B2:B5",
      rules: [{ type: "expression", formulae: ["$B2>30"], style: { font: { bold: true } }, priority: 1 }],
    });
    workbook.addWorksheet("Notes").getCell("A1").value = "Left alone by the add-in";
    return workbook;
  }

  const plan = (rows: number): WritePlan => ({
    sheets: [
      {
        sheet: "Data",
        blocks: [
          {
            row: 0,
            col: 3,
            cells: [
              [{ value: "Status" }],
              ...Array.from({ length: rows }, () => [{ value: "Green", formula: '=KPI.RAG(B2,C2,"Max")' }]),
            ],
          },
        ],
        styles: [{ range: { row: 0, col: 3, rows: 1, cols: 1 }, style: { bold: true, fill: "#D9E1F2" } }],
        conditionalRules: [
          statusRule(1, rows, "Green"),
          statusRule(1, rows, "Red", { fill: "#FFC7CE", font: "#9C0006" }),
        ],
        columnWidths: [{ col: 3, width: 12 }],
      },
    ],
  });

  it("writes formulas with their cached results and values as values", async () => {
    const host = await opened(userWorkbook());
    await host.write(plan(4));
    const ws = (await inspected(host)).getWorksheet("Data")!;
    expect(ws.getCell("D1").value).toBe("Status");
    // Stored as Excel saves a custom function (office-js#2568), read back as Excel shows it.
    expect(ws.getCell("D2").value).toEqual({ formula: '_xldudf_KPI_RAG(B2,C2,"Max")', result: "Green" });
    const [data] = (await reopened(host).readWorkbook()).sheets;
    expect(data.formulas[1][3]).toBe('=KPI.RAG(B2,C2,"Max")');
    expect(ws.getCell("D1").font.bold).toBe(true);
    expect(ws.getCell("D1").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
    expect(ws.getColumn(4).width).toBe(12);
  });

  it("replaces its conditional formats on a re-run, even when the table grew, and keeps the user's", async () => {
    const host = await opened(userWorkbook());
    await host.write(plan(3));
    const again = reopened(host);
    await again.write(plan(4));
    const ws = (await inspected(again)).getWorksheet("Data")!;
    const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] })
      .conditionalFormattings;
    expect(formats.map((cf) => [cf.ref, cf.rules.map((r) => r.formulae[0])])).toEqual([
      ["B2:B5", ["$B2>30"]],
      ["D2:D5", ['$D2="Green"', '$D2="Red"']],
    ]);
  });

  it("styles a cell without restyling the cells that shared its style in the file", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Data");
    for (let r = 1; r <= 3; r++) {
      ws.getCell(r, 1).value = r;
      ws.getCell(r, 1).font = { italic: true };
    }
    const host = await opened(workbook);
    await host.write({
      sheets: [
        {
          ...emptyWrite("Data"),
          styles: [{ range: { row: 1, col: 0, rows: 1, cols: 1 }, style: { bold: true, font: "#9C0006" } }],
        },
      ],
    });
    const out = (await inspected(host)).getWorksheet("Data")!;
    expect(out.getCell("A2").font).toMatchObject({ italic: true, bold: true, color: { argb: "FF9C0006" } });
    expect(out.getCell("A1").font).toEqual({ italic: true });
    expect(out.getCell("A3").font).toEqual({ italic: true });
  });

  it("gives cells that had the same style and get the same change one style index, so it is saved once", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Data");
    const host = await opened(workbook);
    const xfsBefore = cellXfCount(await partOf(host.save(), "xl/styles.xml"));
    const red = { fill: "#FFC7CE", font: "#9C0006" };
    await host.write({
      sheets: [
        {
          ...emptyWrite("Data"),
          styles: [
            { range: { row: 0, col: 0, rows: 3, cols: 1 }, style: red },
            { range: { row: 0, col: 1, rows: 1, cols: 1 }, style: { ...red, bold: true } },
          ],
        },
      ],
    });
    const saved = host.save();
    const sheet = await partOf(saved, "xl/worksheets/sheet1.xml");
    const styleOf = (ref: string) => new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1];
    expect(styleOf("A1")).toBeDefined();
    expect(styleOf("A1")).toBe(styleOf("A3"));
    expect(styleOf("B1")).not.toBe(styleOf("A1"));
    expect(cellXfCount(await partOf(saved, "xl/styles.xml"))).toBe(xfsBefore + 2);
    const ws = (await inspected(host)).getWorksheet("Data")!;
    expect(ws.getCell("B1").font).toMatchObject({ bold: true, color: { argb: "FF9C0006" } });
    expect(ws.getCell("A2").fill).toMatchObject({ pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
  });

  it("keeps a formula filled down working when its first cell is overwritten", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Data");
    ["A1", "A2", "A3"].forEach((a, i) => (ws.getCell(a).value = i + 1));
    ws.getCell("B1").value = { formula: "A1*2", result: 2 };
    ws.getCell("B2").value = { sharedFormula: "B1", result: 4 };
    ws.getCell("B3").value = { sharedFormula: "B1", result: 6 };
    const host = await opened(workbook);
    await host.write({
      sheets: [{ ...emptyWrite("Data"), blocks: [{ row: 0, col: 1, cells: [[{ value: "Status" }]] }] }],
    });
    const out = (await inspected(host)).getWorksheet("Data")!;
    expect(out.getCell("B1").value).toBe("Status");
    expect([out.getCell("B2").formula, out.getCell("B3").formula]).toEqual(["A2*2", "A3*2"]);
    expect([out.getCell("B2").result, out.getCell("B3").result]).toEqual([4, 6]);
  });

  it("never writes through a merge into a user's cell", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Data");
    ws.mergeCells("A1:D1");
    ws.getCell("A1").value = "Outcome: title";
    const host = await opened(workbook);
    await host.write({
      sheets: [
        { ...emptyWrite("Data"), blocks: [{ row: 0, col: 3, cells: [[{ value: "over" }], [{ value: "Status" }]] }] },
      ],
    });
    const out = (await inspected(host)).getWorksheet("Data")!;
    expect(out.getCell("A1").value).toBe("Outcome: title");
    expect(out.getCell("D1").value).toBe("Outcome: title");
    expect(out.getCell("D2").value).toBe("Status");
  });

  it("refuses a protected or missing sheet with a message, and still writes the others", async () => {
    const workbook = userWorkbook();
    await workbook.getWorksheet("Notes")!.protect("", {});
    const host = await opened(workbook);
    const problems = await host.write({
      sheets: [
        { ...emptyWrite("Notes"), blocks: [{ row: 0, col: 0, cells: [[{ value: "changed" }]] }] },
        { ...emptyWrite("Gone") },
        plan(4).sheets[0],
      ],
    });
    expect(problems).toEqual([
      { sheet: "Notes", message: expect.stringMatching(/Notes.*protected/) },
      { sheet: "Gone", message: expect.stringMatching(/Gone.*no longer exists/) },
    ]);
    const out = await inspected(host);
    expect(out.getWorksheet("Notes")!.getCell("A1").value).toBe("Left alone by the add-in");
    expect(out.getWorksheet("Data")!.getCell("D2").value).toMatchObject({ result: "Green" });
  });

  const summary = (replaces: string | null, text: string): OwnedSheetWrite => ({
    ...emptyWrite("Scorecard Summary"),
    blocks: [{ row: 0, col: 0, cells: [[{ value: text }]] }],
    replaces,
    freezeRows: 2,
    chart: {
      kind: "stackedBar",
      name: "Scorecard RAG chart",
      range: { row: 0, col: 0, rows: 2, cols: 2 },
      title: "RAG",
      anchor: { row: 0, col: 4 },
      seriesColours: [],
    },
  });

  it("rebuilds its own sheet in the same tab position, frozen, and never takes a user's sheet", async () => {
    const host = await opened(userWorkbook());
    await host.write({ sheets: [], ownedSheet: summary(null, "first") });
    const first = await inspected(host);
    expect(first.worksheets.map((ws) => ws.name)).toEqual(["Data", "Notes", "Scorecard Summary"]);
    first.addWorksheet("Later");
    const later = await opened(first);
    await later.write({ sheets: [], ownedSheet: summary("Scorecard Summary", "second") });
    const out = await inspected(later);
    expect(out.worksheets.map((ws) => ws.name)).toEqual(["Data", "Notes", "Scorecard Summary", "Later"]);
    expect(out.getWorksheet("Scorecard Summary")!.getCell("A1").value).toBe("second");
    expect(out.getWorksheet("Scorecard Summary")!.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });

    const clash = await later.write({
      sheets: [],
      ownedSheet: { ...summary(null, "x"), sheet: "Notes" },
    });
    expect(clash).toEqual([{ sheet: "Notes", message: expect.stringMatching(/already exists/) }]);
    expect((await inspected(later)).getWorksheet("Notes")!.getCell("A1").value).toBe("Left alone by the add-in");
  });

  it("keeps the summary it would replace when the new name is taken by a user's sheet, in any case", async () => {
    const host = await opened(userWorkbook());
    await host.write({ sheets: [], ownedSheet: summary(null, "first") });
    for (const taken of ["Notes", "NOTES"]) {
      const clash = await host.write({
        sheets: [],
        ownedSheet: { ...summary("Scorecard Summary", "renamed"), sheet: taken },
      });
      expect(clash).toEqual([{ sheet: taken, message: expect.stringMatching(/already exists/) }]);
      const out = await inspected(host);
      expect(out.worksheets.map((ws) => ws.name)).toEqual(["Data", "Notes", "Scorecard Summary"]);
      expect(out.getWorksheet("Scorecard Summary")!.getCell("A1").value).toBe("first");
    }
  });

  it("prints its own sheet landscape, one page wide and as many pages tall as the rows need", async () => {
    const host = await opened(userWorkbook());
    const page = { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: 1, footer: true } as const;
    await host.write({ sheets: [], ownedSheet: { ...summary(null, "text"), page } });
    const out = await inspected(host);
    expect(out.getWorksheet("Scorecard Summary")!.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // The user's sheets keep their own layout.
    expect(out.getWorksheet("Data")!.pageSetup).toMatchObject({ orientation: "portrait", fitToPage: false });

    const again = reopened(host);
    await again.write({ sheets: [], ownedSheet: summary("Scorecard Summary", "no layout asked") });
    const plain = (await inspected(again)).getWorksheet("Scorecard Summary")!;
    // No pageSetup element at all is Excel's default: portrait, not fitted.
    expect(plain.pageSetup.orientation ?? "portrait").toBe("portrait");
    expect(plain.pageSetup.fitToPage).toBe(false);
  });

  it("keeps its state in a very hidden sheet that the snapshot does not list, and reads it back", async () => {
    const host = await opened(userWorkbook());
    const long = JSON.stringify({ settings: { band: 0.05 }, filler: "x".repeat(70_000) });
    await host.write({ sheets: [], state: long });
    expect((await inspected(host)).getWorksheet(STATE_SHEET_NAME)!.state).toBe("veryHidden");
    const out = reopened(host);
    const snapshot = await out.readWorkbook();
    expect(snapshot.state).toBe(long);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Data", "Notes"]);

    await out.write({ sheets: [], state: "{}" });
    expect((await reopened(out).readWorkbook()).state).toBe("{}");
  });
});

async function partOf(data: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(data)).file(name)!.async("string");
}

function cellXfCount(styles: string): number {
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  return (cellXfs.match(/<xf\b/g) ?? []).length;
}

describe("the summary's chart and print layout", () => {
  const write = (replaces: string | null, counts: number[]): OwnedSheetWrite => ({
    sheet: "Scorecard Summary",
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [{ value: "Sheet" }, { value: "Green" }, { value: "Red" }],
          [{ value: "People" }, { value: counts[0] }, { value: counts[1] }],
          [{ value: "Places" }, { value: counts[2] }, { value: counts[3] }],
        ],
      },
    ],
    styles: [],
    conditionalRules: [],
    replaces,
    chart: {
      kind: "stackedBar",
      name: "Scorecard RAG chart",
      range: { row: 0, col: 0, rows: 3, cols: 3 },
      title: "RAG status by directorate",
      anchor: { row: 1, col: 5 },
      seriesColours: ["#006100", "#9C0006"],
    },
    page: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: 2, footer: true },
  });

  it("draws a stacked bar chart part reading the count cells, and rewrites that same part on the next run", async () => {
    const host = await opened(new Workbook().addWorksheet("Data").workbook);
    await host.write({ sheets: [], ownedSheet: write(null, [1, 2, 3, 4]) });
    const again = reopened(host);
    await again.write({ sheets: [], ownedSheet: write("Scorecard Summary", [5, 6, 7, 8]) });
    const zip = await JSZip.loadAsync(again.save());
    const charts = Object.keys(zip.files).filter((name) => name.startsWith("xl/charts/"));
    expect(charts).toEqual(["xl/charts/chart1.xml"]);
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(chart).toContain("<c:f>'Scorecard Summary'!$B$2:$B$3</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>5</c:v></c:pt><c:pt idx="1"><c:v>7</c:v></c:pt>');
    expect(chart).toContain('<a:srgbClr val="9C0006"/>');
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing.match(/name="Scorecard RAG chart"/g)).toHaveLength(1);
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
  });

  it("prints A4 landscape with the title rows repeated and a footer naming the file and the page", async () => {
    const host = await opened(new Workbook().addWorksheet("Data").workbook);
    await host.write({ sheets: [], ownedSheet: write(null, [1, 2, 3, 4]) });
    const zip = await JSZip.loadAsync(host.save());
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Scorecard Summary'!$1:$2</definedName>`,
    );
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain("<oddFooter>&amp;L&amp;F&amp;RPage &amp;P of &amp;N</oddFooter>");
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  });
});

it("rewrites the summary in place, so a user's formula pointing at it keeps working across regenerations", async () => {
  const workbook = new Workbook();
  workbook.addWorksheet("Dashboard").getCell("A1").value = { formula: "'Scorecard Summary'!A1", result: 0 };
  const host = await opened(workbook);
  const summary = (text: string, replaces: string | null): OwnedSheetWrite => ({
    ...emptyWrite("Scorecard Summary"),
    blocks: [{ row: 0, col: 0, cells: [[{ value: text }]] }],
    replaces,
  });
  await host.write({ sheets: [], ownedSheet: summary("first", null) });
  const entry = async (h: { save(): Uint8Array }) =>
    /<sheet name="Scorecard Summary"[^>]*\/>/.exec(await partOf(h.save(), "xl/workbook.xml"))?.[0];
  const before = await entry(host);
  const again = reopened(host);
  await again.write({ sheets: [], ownedSheet: summary("second", "Scorecard Summary") });
  expect(await entry(again)).toBe(before);
  const out = await inspected(again);
  expect(out.getWorksheet("Dashboard")!.getCell("A1").formula).toBe("'Scorecard Summary'!A1");
  expect(out.getWorksheet("Scorecard Summary")!.getCell("A1").value).toBe("second");
});

it("reads a sheet with one stray cell at XFD1048576 sparsely, and the scan still finds the table", async () => {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Data");
  ws.addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
  ws.addRow(["M1", "Measure 1", "Q1 2024/25", 10, 12, "Maximise"]);
  ws.getCell("XFD1048576").value = "stray";
  const host = await opened(workbook);
  const [sheet] = (await host.readWorkbook()).sheets;
  expect(sheet.values).toHaveLength(1_048_576);
  expect(sheet.values[0].slice(0, 6)).toEqual(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
  // Rows end at their last cell: memory follows the cells present, not the 16,384 × 1,048,576 range.
  expect(sheet.values[0]).toHaveLength(6);
  expect(sheet.values[500]).toHaveLength(0);
  expect(sheet.values[1_048_575][16_383]).toBe("stray");
  const report = await scanWorkbook(host);
  expect(report.measures.map((m) => m.code)).toEqual(["M1"]);
});

it("keeps a user's own sheet named like the state sheet, stores the state beside it and says so", async () => {
  const workbook = new Workbook();
  workbook.addWorksheet("ScorecardState").getCell("A1").value = "My own notes";
  const host = await opened(workbook);
  const problems = await host.write({ sheets: [], state: '{"band":0.05}' });
  expect(problems).toEqual([
    {
      sheet: STATE_SHEET_NAME,
      message: expect.stringMatching(/keeps its settings in the very hidden sheet "ScorecardState \(2\)"/),
    },
  ]);
  const out = await inspected(host);
  expect(out.getWorksheet("ScorecardState")!.getCell("A1").value).toBe("My own notes");
  expect(out.getWorksheet("ScorecardState")!.state).toBe("visible");
  expect(out.getWorksheet("ScorecardState (2)")!.state).toBe("veryHidden");
  const again = reopened(host);
  const snapshot = await again.readWorkbook();
  expect(snapshot.state).toBe('{"band":0.05}');
  expect(snapshot.sheets.map((s) => s.name)).toEqual(["ScorecardState"]);
  expect(await again.write({ sheets: [], state: "{}" })).toEqual([]);
  expect((await reopened(again).readWorkbook()).state).toBe("{}");
});

it("widens an Excel Table that is the measure table by the columns it adds, keeping its filter and style", async () => {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Data");
  ws.addTable({
    name: "Measures",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: ["Code", "Measure", "Period", "Value", "Target", "Aim"].map((name) => ({ name, filterButton: true })),
    rows: [
      ["M1", "Measure 1", "Q1 2024/25", 10, 12, "Maximise"],
      ["M1", "Measure 1", "Q2 2024/25", 11, 12, "Maximise"],
    ],
  });
  const host = await opened(workbook);
  await applyRules(host, { summary: false });
  const zip = await JSZip.loadAsync(host.save());
  const table = await zip.file(Object.keys(zip.files).find((name) => name.startsWith("xl/tables/"))!)!.async("string");
  expect(table).toMatch(/<table [^>]*ref="A1:I3"/);
  expect(table).toMatch(/<autoFilter ref="A1:I3"/);
  expect(table).toContain('<tableColumns count="9">');
  expect(table).toContain('<tableColumn id="7" name="Status"/><tableColumn id="8" name="Short Trend"/>');
  expect(table).toContain('name="TableStyleMedium2"');
});

it("never writes an added output column over a user's formula that has no cached result, and says why", async () => {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Place");
  ws.addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
  ws.addRow(["P1", "Measure 1", "Q1 2024/25", 10, 12, "Maximise"]);
  ws.addRow(["P1", "Measure 1", "Q2 2024/25", 11, 12, "Maximise"]);
  ws.getCell("H2").value = { formula: "SUM(D2:D3)" } as never;
  const host = await opened(workbook);
  const report = await applyRules(host, { summary: false });
  expect(report.problems).toContainEqual(expect.objectContaining({ sheet: "Place", cell: "H2" }));
  const out = (await inspected(host)).getWorksheet("Place")!;
  expect(out.getCell("H2").formula).toBe("SUM(D2:D3)");
});

describe("the state sheet saved back as merely hidden (LibreOffice has no very hidden)", () => {
  /** The package with the state sheet's entry set to state="hidden", as LibreOffice writes it back. */
  async function hiddenState(bytes: Uint8Array): Promise<XlsxWorkbook> {
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const edited = xml.replace(/(<sheet name="ScorecardState"[^>]*?)state="veryHidden"/, '$1state="hidden"');
    expect(edited).not.toBe(xml);
    zip.file("xl/workbook.xml", edited);
    return XlsxWorkbook.open(await zip.generateAsync({ type: "uint8array" }));
  }

  function measureSheet(): Workbook {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Data");
    ws.addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
    ws.addRow(["M1", "Measure 1", "Q1 2024/25", 10, 12, "Maximise"]);
    ws.addRow(["M2", "Measure 2", "Q1 2024/25", 20, 12, "Maximise"]);
    return workbook;
  }

  it("is still the state sheet: left out of the snapshot, its state read, hidden very again on the next write", async () => {
    const host = await opened(measureSheet());
    await host.write({ sheets: [], state: '{"band":0.05}' });
    const hidden = await hiddenState(host.save());
    const snapshot = await hidden.readWorkbook();
    expect(snapshot.state).toBe('{"band":0.05}');
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Data"]);
    expect(hidden.sheetList().map((s) => s.name)).toEqual(["Data"]);

    expect(await hidden.write({ sheets: [], state: "{}" })).toEqual([]);
    const out = await inspected(hidden);
    expect(out.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Data", "visible"],
      [STATE_SHEET_NAME, "veryHidden"],
    ]);
    expect((await reopened(hidden).readWorkbook()).state).toBe("{}");
  });

  it("keeps the next run to the same measures, one summary and one state sheet", async () => {
    const host = await opened(measureSheet());
    const first = await applyRules(host);
    const hidden = await hiddenState(host.save());
    const second = await applyRules(hidden);
    expect(second.measures).toHaveLength(first.measures.length);
    expect(second.problems).toEqual(first.problems);
    expect(second.writeProblems).toEqual([]);
    expect((await inspected(hidden)).worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Data", "visible"],
      ["Scorecard Summary", "visible"],
      [STATE_SHEET_NAME, "veryHidden"],
    ]);
  });
});
