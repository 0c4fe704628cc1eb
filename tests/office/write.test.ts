import { OfficeWorkbook, type OfficeWorkbookOptions } from "../../src/hosts/office";
import type { ConditionalRule, OutCell, OwnedSheetWrite, SheetWrite, WritePlan } from "../../src/workbook/port";
import { decodeState, STATE_SHEET_NAME } from "../../src/workbook/stateSheet";
import { summaryOutcome } from "../../src/shared/messages";
import { FakeContext, FakeWorkbook, type FakeSheetSpec } from "./fakeExcel";

const GREEN = { fill: "#C6EFCE", font: "#006100" };
const RED = { fill: "#FFC7CE", font: "#9C0006" };

/** A directorate sheet: header in row 1, measures in rows 2-4 (Code, Measure, Value, Target, Aim in A-E). */
function directorate(name: string, extra: Partial<FakeSheetSpec> = {}): FakeSheetSpec {
  return {
    name,
    rows: [
      ["Code", "Measure", "Value", "Target", "Aim"],
      ["A1", "First", 96, 100, "Maximise"],
      ["A2", "Second", 110, 100, "Maximise"],
      ["A3", "Third", 80, 100, "Maximise"],
    ],
    ...extra,
  };
}

const statusCell = (row1: number, value: string): OutCell => ({
  value,
  formula: `=KPI.RAG(C${row1},D${row1},E${row1})`,
});

function statusRules(col: string, colIndex: number): ConditionalRule[] {
  const range = { row: 1, col: colIndex, rows: 3, cols: 1 };
  return [
    { range, formula: `=$${col}2="Green"`, style: GREEN },
    { range, formula: `=$${col}2="Red"`, style: RED },
  ];
}

/** Status column F with header, formulas, colours, rules and a width — what the operations plan for one sheet. */
function statusWrite(sheet: string): SheetWrite {
  return {
    sheet,
    blocks: [
      { row: 0, col: 5, cells: [[{ value: "Status" }]] },
      { row: 1, col: 5, cells: [[statusCell(2, "Amber")], [statusCell(3, "Green")], [statusCell(4, "Red")]] },
    ],
    styles: [
      { range: { row: 0, col: 5, rows: 1, cols: 1 }, style: { bold: true } },
      { range: { row: 2, col: 5, rows: 1, cols: 1 }, style: GREEN },
      { range: { row: 3, col: 5, rows: 1, cols: 1 }, style: RED },
    ],
    conditionalRules: statusRules("F", 5),
    columnWidths: [{ col: 5, width: 10 }],
  };
}

function summary(replaces: string | null, sheet = "Scorecard Summary"): OwnedSheetWrite {
  return {
    sheet,
    replaces,
    blocks: [
      {
        row: 0,
        col: 0,
        cells: [
          [{ value: "Sheet" }, { value: "Green" }, { value: "Amber" }, { value: "Red" }, { value: "NA" }],
          [{ value: "North" }, { value: 1 }, { value: 1 }, { value: 1 }, { value: 0 }],
          [{ value: "South" }, { value: 2 }, { value: 0 }, { value: 1 }, { value: 0 }],
        ],
      },
    ],
    styles: [{ range: { row: 0, col: 0, rows: 1, cols: 5 }, style: { bold: true } }],
    conditionalRules: [],
    columnWidths: [{ col: 0, width: 24 }],
    freezeRows: 1,
    page: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: 1, footer: true },
    chart: {
      kind: "stackedBar",
      name: "Scorecard RAG chart",
      range: { row: 0, col: 0, rows: 3, cols: 5 },
      title: "RAG status by directorate",
      anchor: { row: 0, col: 7 },
      span: { rows: 15, cols: 8 },
      seriesColours: ["#006100", "#9C5700", "#9C0006", "#3A3A3A", "#000000"],
    },
  };
}

async function readThenWrite(ctx: FakeContext, plan: WritePlan, options: OfficeWorkbookOptions = {}) {
  const port = new OfficeWorkbook(ctx, options);
  await port.readWorkbook();
  const before = ctx.syncCount;
  const problems = await port.write(plan);
  return { problems, syncs: ctx.syncCount - before, port };
}

describe("writing a plan", () => {
  it("writes blocks, colours, rules and widths to the right cells in one sync", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    const { problems, syncs } = await readThenWrite(ctx, { sheets: [statusWrite("North")] });
    expect(problems).toEqual([]);
    expect(syncs).toBe(1);
    const north = ctx.book.sheet("North");
    expect(north.value(0, 5)).toBe("Status");
    expect([1, 2, 3].map((r) => north.formula(r, 5))).toEqual([
      "=KPI.RAG(C2,D2,E2)",
      "=KPI.RAG(C3,D3,E3)",
      "=KPI.RAG(C4,D4,E4)",
    ]);
    expect(north.style(0, 5)).toEqual({ bold: true });
    expect(north.style(2, 5)).toEqual(GREEN);
    expect(north.style(3, 5)).toEqual(RED);
    expect(north.rules).toEqual(statusRules("F", 5));
    // 10 characters wide, in points.
    expect(north.columnWidths.get(5)).toBeCloseTo(56.25);
    // The user's cells are untouched.
    expect(north.value(1, 2)).toBe(96);
    expect(north.style(1, 0)).toEqual({});
    expect(ctx.syncs[ctx.syncs.length - 1].actions.slice(0, 2)).toEqual([
      "Application.suspendApiCalculationUntilNextSync",
      "Application.suspendScreenUpdatingUntilNextSync",
    ]);
  });

  it("replaces the rules it wrote before on its ranges instead of adding more, and leaves other rules alone", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    const north = ctx.book.sheet("North");
    const userRule = { range: { row: 1, col: 2, rows: 3, cols: 1 }, formula: "=$C2>100", style: { bold: true } };
    north.rules.push(userRule, ...statusRules("F", 5).map((r) => ({ ...r, style: { fill: "#FFFFFF" } })));
    await readThenWrite(ctx, { sheets: [statusWrite("North")] });
    await readThenWrite(ctx, { sheets: [statusWrite("North")] });
    expect(north.rules).toEqual([userRule, ...statusRules("F", 5)]);
  });

  it("rewrites the summary it replaces in place: renamed, cleared, written again, with its chart and frozen header", async () => {
    const ctx = new FakeContext(
      new FakeWorkbook([
        directorate("North"),
        { name: "Old Summary", rows: [["stale"], [], [], [], [], [], ["x"]] },
        directorate("South"),
      ]),
    );
    ctx.book.sheet("Old Summary").rules.push({ range: { row: 0, col: 0, rows: 9, cols: 9 }, formula: "=1", style: {} });
    const { problems } = await readThenWrite(ctx, { sheets: [], ownedSheet: summary("Old Summary") });
    expect(problems).toEqual([]);
    // The same sheet, in its place among the tabs, under its new name.
    expect(ctx.book.sheets.map((s) => s.name)).toEqual(["North", "Scorecard Summary", "South"]);
    expect(ctx.calls).not.toContain("Worksheet.delete");
    const sheet = ctx.book.sheet("Scorecard Summary");
    expect(sheet.value(1, 0)).toBe("North");
    expect(sheet.value(2, 1)).toBe(2);
    expect(sheet.value(6, 0)).toBeNull();
    expect(sheet.rules).toEqual([]);
    expect(sheet.style(0, 4)).toEqual({ bold: true });
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.columnWidths.get(0)).toBeCloseTo(129.75);
    expect(sheet.charts).toEqual([
      expect.objectContaining({
        name: "Scorecard RAG chart",
        type: "BarStacked",
        source: "A1:E3",
        seriesBy: "Columns",
        title: "RAG status by directorate",
        // Sized to the cells the summary leaves empty for it.
        position: "H1:O15",
        // Four series in the data: the fifth colour is not asked for.
        seriesColours: ["#006100", "#9C5700", "#9C0006", "#3A3A3A"],
      }),
    ]);
  });

  it("keeps a user's formula pointing at a summary cell working across regenerations (deleting it would give #REF!)", async () => {
    const ctx = new FakeContext(
      new FakeWorkbook([directorate("North"), { name: "Dashboard", rows: [[{ formula: "='Scorecard Summary'!B3" }]] }]),
    );
    await readThenWrite(ctx, { sheets: [], ownedSheet: summary(null) });
    for (let run = 0; run < 2; run += 1) {
      const { problems } = await readThenWrite(ctx, { sheets: [], ownedSheet: summary("Scorecard Summary") });
      expect(problems).toEqual([]);
    }
    expect(ctx.book.sheet("Dashboard").formula(0, 0)).toBe("='Scorecard Summary'!B3");
    expect(ctx.book.sheet("Scorecard Summary").value(2, 1)).toBe(2);
    // Renamed by a settings change: Excel rewrites the reference and it still points at the summary.
    await readThenWrite(ctx, { sheets: [], ownedSheet: summary("Scorecard Summary", "Committee Summary") });
    expect(ctx.book.sheet("Dashboard").formula(0, 0)).toBe("='Committee Summary'!B3");
    // What deleting and re-adding the sheet would have done, as the fake models Excel.
    ctx.book.remove(ctx.book.sheet("Committee Summary"));
    expect(ctx.book.sheet("Dashboard").formula(0, 0)).toBe("=#REF!B3");
  });

  it("sets the summary's print layout: landscape, A4, one page wide, title rows on every page, a footer", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    const { problems, syncs } = await readThenWrite(ctx, { sheets: [statusWrite("North")], ownedSheet: summary(null) });
    expect(problems).toEqual([]);
    // The cells and formats in one sync, the optional print layout and chart in one more.
    expect(syncs).toBe(2);
    expect(ctx.syncs[ctx.syncs.length - 1].actions).toEqual(
      expect.arrayContaining(["PageLayout.orientation", "PageLayout.paperSize", "ChartCollection.add"]),
    );
    // verticalFitToPages 0 is "Automatic": as many pages tall as the rows need.
    expect(ctx.book.sheet("Scorecard Summary").page).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      paperSize: "A4",
      printTitleRows: "$1:$1",
      leftFooter: "&F",
      rightFooter: "Page &P of &N",
    });
    expect(ctx.book.sheet("North").page.orientation).toBe("Portrait");
  });

  it("a print layout or chart Excel refuses costs only itself: the summary is written and not marked failed", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    ctx.refusedCalls.add("PageLayout.paperSize").add("ChartCollection.add");
    const { problems } = await readThenWrite(ctx, { sheets: [statusWrite("North")], ownedSheet: summary(null) });
    expect(problems).toEqual([
      {
        sheet: "Scorecard Summary",
        message: expect.stringMatching(/^Written, but Excel did not set the paper size \(A4\)/),
        optional: true,
      },
      { sheet: "Scorecard Summary", message: expect.stringMatching(/did not set the chart/), optional: true },
    ]);
    const sheet = ctx.book.sheet("Scorecard Summary");
    expect(sheet.value(1, 0)).toBe("North");
    expect(sheet.page).toMatchObject({ orientation: "Landscape", paperSize: "Letter", printTitleRows: "$1:$1" });
    expect(sheet.charts).toEqual([]);
    expect(ctx.book.sheet("North").formula(1, 5)).toBe("=KPI.RAG(C2,D2,E2)");
    const outcome = summaryOutcome(
      { summarySheet: sheet.name, summary: [], notices: [], writeProblems: problems },
      "pane",
    );
    expect([outcome.intent, outcome.title]).toEqual(["warning", "Summary sheet generated"]);
  });

  it("regenerates a summary of the same name in place", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    await readThenWrite(ctx, { sheets: [], ownedSheet: summary(null) });
    const { problems } = await readThenWrite(ctx, { sheets: [], ownedSheet: summary("Scorecard Summary") });
    expect(problems).toEqual([]);
    expect(ctx.book.sheets.map((s) => s.name)).toEqual(["North", "Scorecard Summary"]);
    expect(ctx.book.sheet("Scorecard Summary").charts).toHaveLength(1);
  });

  it("never writes over a user's sheet that has the summary's name", async () => {
    const ctx = new FakeContext(
      new FakeWorkbook([directorate("North"), { name: "Scorecard Summary", rows: [["mine"]] }]),
    );
    const { problems } = await readThenWrite(ctx, { sheets: [statusWrite("North")], ownedSheet: summary(null) });
    expect(problems).toEqual([{ sheet: "Scorecard Summary", message: expect.stringContaining("already exists") }]);
    expect(ctx.book.sheet("Scorecard Summary").value(0, 0)).toBe("mine");
    expect(ctx.book.sheet("North").formula(1, 5)).toBe("=KPI.RAG(C2,D2,E2)");
  });

  it("keeps its state in a very hidden sheet, rewritten whole each time", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    const long = JSON.stringify({ note: "x".repeat(80_000) });
    await readThenWrite(ctx, { sheets: [], state: long });
    const state = ctx.book.sheet(STATE_SHEET_NAME);
    expect(state.visibility).toBe("VeryHidden");
    expect(state.usedRange()?.rows).toBe(3);
    const port = new OfficeWorkbook(ctx);
    expect((await port.readWorkbook()).state).toBe(long);
    await port.write({ sheets: [], state: '{"short":true}' });
    expect((await port.readWorkbook()).state).toBe('{"short":true}');
    expect(decodeState([[state.value(0, 0)], [state.value(1, 0)]])).toBe('{"short":true}');
    expect(ctx.book.sheets.filter((s) => s.name === STATE_SHEET_NAME)).toHaveLength(1);
  });

  it("reads the sheet list first when no read came before the write", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    expect(await new OfficeWorkbook(ctx).write({ sheets: [statusWrite("North")] })).toEqual([]);
    expect(ctx.syncCount).toBe(2);
    expect(await new OfficeWorkbook(ctx).write({ sheets: [] })).toEqual([]);
    expect(ctx.syncCount).toBe(2);
  });
});

describe("sheets that cannot be written", () => {
  const plan = (): WritePlan => ({
    sheets: [statusWrite("North"), statusWrite("Middle"), statusWrite("South")],
    ownedSheet: summary(null),
    state: '{"v":1}',
  });
  const sheets = () => [directorate("North"), directorate("Middle"), directorate("South")];

  function expectWritten(ctx: FakeContext, names: string[]) {
    for (const name of names) expect(ctx.book.sheet(name).formula(3, 5)).toBe("=KPI.RAG(C4,D4,E4)");
    expect(ctx.book.sheet("Scorecard Summary").charts).toHaveLength(1);
    expect(ctx.book.find(STATE_SHEET_NAME)).toBeDefined();
  }

  it("a protected sheet is a problem naming it, and the rest of the workbook is written in the same sync", async () => {
    const ctx = new FakeContext(new FakeWorkbook(sheets()));
    ctx.book.sheet("Middle").protected = true;
    const { problems, syncs } = await readThenWrite(ctx, plan());
    expect(problems).toEqual([{ sheet: "Middle", message: expect.stringMatching(/^Sheet "Middle" is protected/) }]);
    // One sync for the cells and formats, one for the summary's print layout and chart.
    expect(syncs).toBe(2);
    expect(ctx.book.sheet("Middle").usedRange()?.cols).toBe(5);
    expectWritten(ctx, ["North", "South"]);
  });

  it("a sheet protected after the read fails its batch; the retry writes the others and names it", async () => {
    const ctx = new FakeContext(new FakeWorkbook(sheets()));
    const port = new OfficeWorkbook(ctx);
    await port.readWorkbook();
    ctx.book.sheet("Middle").protected = true;
    const problems = await port.write(plan());
    expect(problems).toEqual([{ sheet: "Middle", message: expect.stringMatching(/^Sheet "Middle" is protected/) }]);
    expectWritten(ctx, ["North", "South"]);
  });

  it("a sheet deleted after the read is a problem saying so; the retry writes the others", async () => {
    const ctx = new FakeContext(new FakeWorkbook(sheets()));
    const port = new OfficeWorkbook(ctx);
    await port.readWorkbook();
    ctx.book.sheets.splice(
      ctx.book.sheets.findIndex((s) => s.name === "Middle"),
      1,
    );
    const problems = await port.write(plan());
    expect(problems).toEqual([{ sheet: "Middle", message: expect.stringMatching(/^Sheet "Middle" was not found/) }]);
    expectWritten(ctx, ["North", "South"]);
  });

  it("a sheet Excel refuses to change (being edited, unsupported call) is a problem with Excel's reason", async () => {
    const ctx = new FakeContext(new FakeWorkbook(sheets()));
    ctx.book.sheet("Middle").lockedWith = {
      code: "InvalidOperation",
      message: "The sheet is being edited by someone else.",
    };
    const { problems } = await readThenWrite(ctx, plan());
    expect(problems).toEqual([
      {
        sheet: "Middle",
        message:
          'Scorecard could not write to sheet "Middle": Excel refused the change (The sheet is being edited by someone else.). If someone else is editing the sheet, wait and apply again.',
      },
    ]);
    expectWritten(ctx, ["North", "South"]);
  });

  it("maps an unsupported call to a message naming the sheet and the call", async () => {
    const ctx = new FakeContext(new FakeWorkbook(sheets()));
    ctx.book.sheet("South").lockedWith = {
      code: "ApiNotFound",
      message: "The API you are trying to use could not be found.",
    };
    const { problems } = await readThenWrite(ctx, plan());
    expect(problems).toEqual([
      {
        sheet: "South",
        message: expect.stringMatching(
          /^Scorecard could not write to sheet "South": this version of Excel does not support Range\.formulas/,
        ),
      },
    ]);
    expectWritten(ctx, ["North", "Middle"]);
  });
});

describe("payload limits", () => {
  it("sends a batch Excel refuses for its size again in halves, and everything is written", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North"), directorate("Middle"), directorate("South")]));
    ctx.requestLimit = 6_000;
    const plan: WritePlan = {
      sheets: [statusWrite("North"), statusWrite("Middle"), statusWrite("South")],
      ownedSheet: summary(null),
    };
    const progress = jest.fn();
    const port = new OfficeWorkbook(ctx);
    await port.readWorkbook();
    expect(await port.write(plan, progress)).toEqual([]);
    for (const name of ["North", "Middle", "South"]) expect(ctx.book.sheet(name).rules).toEqual(statusRules("F", 5));
    expect(ctx.book.sheet("Scorecard Summary").charts).toHaveLength(1);
    expect(ctx.syncs.filter((s) => s.failed).length).toBeGreaterThan(0);
    expect(ctx.syncs.filter((s) => !s.failed).every((s) => s.requestBytes <= 6_000)).toBe(true);
    expect(progress).toHaveBeenLastCalledWith(expect.any(Number), expect.any(Number), "Writing to Excel");
    const [done, total] = progress.mock.calls[progress.mock.calls.length - 1];
    expect(done).toBe(total);
  });

  it("splits a plan larger than one request into syncs under 4 MB each", async () => {
    const rows = 100_000;
    const ctx = new FakeContext(new FakeWorkbook([{ name: "Big", rows: [["Code"]] }]));
    // Distinct texts: nothing for the fills to compress.
    const cells = Array.from({ length: rows }, (_, i) => [
      { value: `Measure ${i} of a long list of measures` },
      { value: i * 1.5 },
    ]);
    const { problems, syncs } = await readThenWrite(ctx, {
      sheets: [{ sheet: "Big", blocks: [{ row: 1, col: 1, cells }], styles: [], conditionalRules: [] }],
    });
    expect(problems).toEqual([]);
    expect(syncs).toBeGreaterThan(1);
    expect(ctx.largestRequest).toBeLessThanOrEqual(4 * 1024 * 1024);
    const big = ctx.book.sheet("Big");
    expect(big.value(rows, 1)).toBe(`Measure ${rows - 1} of a long list of measures`);
    expect(big.value(rows, 2)).toBe((rows - 1) * 1.5);
  });
});

describe("Excel on the web's GeneralException", () => {
  it("a large request refused with a bare GeneralException is sent again in halves, and everything is written", async () => {
    const rows = 40_000;
    const ctx = new FakeContext(new FakeWorkbook([{ name: "Big", rows: [["Code"]] }]));
    ctx.requestLimit = 1_500_000;
    ctx.payloadError = "GeneralException";
    const cells = Array.from({ length: rows }, (_, i) => [{ value: `Measure ${i} of a long list of measures` }]);
    const { problems } = await readThenWrite(ctx, {
      sheets: [{ sheet: "Big", blocks: [{ row: 1, col: 1, cells }], styles: [], conditionalRules: [] }],
    });
    expect(problems).toEqual([]);
    expect(ctx.syncs.some((s) => s.failed)).toBe(true);
    expect(ctx.book.sheet("Big").value(rows, 1)).toBe(`Measure ${rows - 1} of a long list of measures`);
  });
});

describe("a list-separator locale and syncs that fail part-way", () => {
  /** Green, Red, Green down column F: the two greens are styled together as one multi-area range. */
  function coloursWrite(sheet: string): SheetWrite {
    return {
      ...statusWrite(sheet),
      styles: [1, 2, 3].map((row) => ({ range: { row, col: 5, rows: 1, cols: 1 }, style: row === 2 ? RED : GREEN })),
    };
  }

  it('under a ";" locale the colours still go on, range by range, and the next write does not try areas again', async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    ctx.listSeparator = ";";
    const port = new OfficeWorkbook(ctx);
    await port.readWorkbook();
    expect(await port.write({ sheets: [coloursWrite("North")] })).toEqual([]);
    const north = ctx.book.sheet("North");
    expect([1, 2, 3].map((row) => north.style(row, 5))).toEqual([GREEN, RED, GREEN]);
    expect(north.rules).toEqual(statusRules("F", 5));
    // The first sync failed at getRanges after the formulas were written (no rollback): they are there once.
    expect(ctx.syncs.some((s) => s.failed && s.actions.includes("Range.formulas"))).toBe(true);
    expect(north.formula(3, 5)).toBe("=KPI.RAG(C4,D4,E4)");
    const before = ctx.syncCount;
    expect(await port.write({ sheets: [coloursWrite("North")] })).toEqual([]);
    expect(ctx.syncs.slice(before).map((s) => s.failed)).toEqual([false, false]);
    expect(ctx.calls.slice(-40)).not.toContain("Worksheet.getRanges");
  });

  it("a summary rewrite cut short after its rename is finished by the retry: one sheet, written once", async () => {
    const ctx = new FakeContext(
      new FakeWorkbook([directorate("North"), { name: "Old Summary", rows: [["stale"]] }, directorate("South")]),
    );
    ctx.listSeparator = ";";
    const bold = { bold: true };
    const owned: OwnedSheetWrite = {
      ...summary("Old Summary"),
      // Two bold areas: styled together through getRanges, which this locale refuses after the rename ran.
      styles: [0, 2].map((row) => ({ range: { row, col: 0, rows: 1, cols: 5 }, style: bold })),
    };
    const { problems } = await readThenWrite(ctx, { sheets: [], ownedSheet: owned });
    expect(problems).toEqual([]);
    expect(ctx.syncs.some((s) => s.failed && s.actions.includes("Worksheet.name"))).toBe(true);
    expect(ctx.book.sheets.map((s) => s.name)).toEqual(["North", "Scorecard Summary", "South"]);
    const sheet = ctx.book.sheet("Scorecard Summary");
    expect([sheet.value(0, 0), sheet.value(2, 0), sheet.style(2, 3)]).toEqual(["Sheet", "South", bold]);
    expect(sheet.charts).toHaveLength(1);
  });

  it("with a comma list separator the greens are one multi-area call", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    const { problems, syncs } = await readThenWrite(ctx, { sheets: [coloursWrite("North")] });
    expect(problems).toEqual([]);
    expect(syncs).toBe(1);
    expect(ctx.calls.filter((c) => c === "Worksheet.getRanges")).toHaveLength(1);
  });

  it("a sheet whose formats Excel refuses is reported as written without them, not as unwritten", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North"), directorate("South")]));
    ctx.refusedCalls.add("ConditionalFormatCollection.add");
    const { problems } = await readThenWrite(ctx, { sheets: [statusWrite("North"), statusWrite("South")] });
    expect(problems).toEqual([
      {
        sheet: "North",
        message: expect.stringMatching(/^Sheet "North": the cells were written, but Excel refused their colours/),
      },
      {
        sheet: "South",
        message: expect.stringMatching(/^Sheet "South": the cells were written, but Excel refused their colours/),
      },
    ]);
    for (const name of ["North", "South"]) expect(ctx.book.sheet(name).formula(3, 5)).toBe("=KPI.RAG(C4,D4,E4)");
  });

  it("after a sheet's formats are refused, its cells in later requests are still written, so the report stays true", async () => {
    const ctx = new FakeContext(new FakeWorkbook([directorate("North")]));
    ctx.refusedCalls.add("ConditionalFormatCollection.add");
    const more: SheetWrite = {
      sheet: "North",
      blocks: [{ row: 1, col: 6, cells: [[{ value: "later" }]] }],
      styles: [],
      conditionalRules: [],
    };
    // A budget this small sends every operation in its own request.
    const { problems } = await readThenWrite(ctx, { sheets: [statusWrite("North"), more] }, { syncBudget: 1_000 });
    expect(problems).toEqual([{ sheet: "North", message: expect.stringMatching(/the cells were written/) }]);
    expect(ctx.book.sheet("North").value(1, 6)).toBe("later");
    expect(ctx.book.sheet("North").style(2, 5)).toEqual(GREEN);
  });
});
