import { OfficeWorkbook } from "../../src/hosts/office";
import { STATE_SHEET_NAME } from "../../src/workbook/stateSheet";
import { fakeContext, longScorecard } from "../support/officeFixtures";
import { FakeContext, FakeWorkbook } from "./fakeExcel";

function workbook(): FakeWorkbook {
  return new FakeWorkbook([
    {
      name: "North & East",
      top: 3,
      left: 2,
      rows: [
        ["Code", "Value", "Status"],
        ["A1", 96, { formula: '=KPI.RAG(D5,100,"Max")', value: "Amber" }],
        ["A2", "#N/A", "=typed as text"],
        [null, null, null],
        ["A3", "", true],
      ],
      tables: [{ name: "Measures", range: { row: 3, col: 2, rows: 3, cols: 3 } }],
    },
    { name: "Lookups", rows: [["hidden data", 1]], visibility: "Hidden" },
    { name: "Locked", rows: [["Code"]], protected: true },
    { name: "Empty", rows: [] },
  ]);
}

describe("reading the workbook", () => {
  it("gives every sheet's used range from its top-left cell, with formulas beside values", async () => {
    const ctx = new FakeContext(workbook());
    const snapshot = await new OfficeWorkbook(ctx).readWorkbook();
    const north = snapshot.sheets[0];
    expect(north).toMatchObject({ name: "North & East", visible: true, protected: false, top: 3, left: 2 });
    expect(north.values).toEqual([
      ["Code", "Value", "Status"],
      ["A1", 96, "Amber"],
      ["A2", { error: "#N/A" }, "=typed as text"],
      [null, null, null],
      ["A3", null, true],
    ]);
    expect(north.formulas[1]).toEqual([null, null, '=KPI.RAG(D5,100,"Max")']);
    // Text that only looks like a formula (typed with an apostrophe) is not one.
    expect(north.formulas[2][2]).toBeNull();
    expect(north.tables).toEqual([{ name: "Measures", range: { row: 3, col: 2, rows: 3, cols: 3 } }]);
  });

  it("lists hidden, protected and empty sheets, reading no data from hidden ones", async () => {
    const snapshot = await new OfficeWorkbook(new FakeContext(workbook())).readWorkbook();
    expect(snapshot.sheets.map((s) => [s.name, s.visible, s.protected, s.values.length])).toEqual([
      ["North & East", true, false, 5],
      ["Lookups", false, false, 0],
      ["Locked", true, true, 1],
      ["Empty", true, false, 0],
    ]);
  });

  it("reads the add-in state from its very hidden sheet and leaves that sheet out of the list", async () => {
    const json = JSON.stringify({ settings: { band: 0.1 }, note: "x".repeat(70_000) });
    const ctx = fakeContext([{ name: "Data", rows: [["Code"]] }], json);
    const snapshot = await new OfficeWorkbook(ctx).readWorkbook();
    expect(snapshot.state).toBe(json);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Data"]);
    expect(ctx.book.sheet(STATE_SHEET_NAME).visibility).toBe("VeryHidden");
  });

  it("has no state in a workbook the add-in never saw", async () => {
    expect((await new OfficeWorkbook(new FakeContext(workbook())).readWorkbook()).state).toBeNull();
  });

  it.each([10, 5_000])("takes three syncs for %i rows: sheet list, used-range addresses, data", async (rows) => {
    const ctx = fakeContext([longScorecard(rows), longScorecard(rows, "Second")]);
    await new OfficeWorkbook(ctx).readWorkbook();
    expect(ctx.syncCount).toBe(3);
  });

  it("reads in row chunks when Excel on the web refuses the whole answer, with the same result", async () => {
    const sheets = [longScorecard(3_000), longScorecard(40, "Small")];
    const whole = await new OfficeWorkbook(fakeContext(sheets)).readWorkbook();
    const ctx = fakeContext(sheets);
    ctx.responseLimit = 200_000;
    const chunked = await new OfficeWorkbook(ctx).readWorkbook();
    expect(chunked).toEqual(whole);
    expect(ctx.syncs.filter((s) => !s.failed).every((s) => s.responseBytes <= 200_000)).toBe(true);
    expect(ctx.syncs.some((s) => s.failed)).toBe(true);
  });
});

describe("reads Excel cannot answer whole", () => {
  const sheets = [longScorecard(3_000), longScorecard(40, "Small")];

  it("a read over the cell limit that comes back with values null is read again in smaller chunks", async () => {
    const whole = await new OfficeWorkbook(fakeContext(sheets)).readWorkbook();
    const ctx = fakeContext(sheets);
    ctx.readCellLimit = 5_000;
    expect(await new OfficeWorkbook(ctx).readWorkbook()).toEqual(whole);
    expect(ctx.syncs.every((s) => !s.failed)).toBe(true);
    expect(ctx.syncCount).toBeGreaterThan(3);
  });

  it("Excel on the web's GeneralException for an answer over 5 MB is taken as too large, and chunked", async () => {
    const whole = await new OfficeWorkbook(fakeContext(sheets)).readWorkbook();
    const ctx = fakeContext(sheets);
    ctx.responseLimit = 200_000;
    ctx.payloadError = "GeneralException";
    expect(await new OfficeWorkbook(ctx).readWorkbook()).toEqual(whole);
    expect(ctx.syncs.filter((s) => !s.failed).every((s) => s.responseBytes <= 200_000)).toBe(true);
  });

  it("a GeneralException on a small read is a real failure and is not hidden", async () => {
    const ctx = fakeContext([longScorecard(10)]);
    ctx.responseLimit = 100;
    ctx.payloadError = "GeneralException";
    await expect(new OfficeWorkbook(ctx).readWorkbook()).rejects.toMatchObject({ code: "GeneralException" });
  });
});

describe("bold flags and selection", () => {
  it("reads the bold flags of any number of cells in one sync", async () => {
    const book = new FakeWorkbook([{ name: "S", rows: [[{ bold: "Outcome: Healthy" }], ["Code"], [{ bold: "x" }]] }]);
    const ctx = new FakeContext(book);
    const port = new OfficeWorkbook(ctx);
    await port.readWorkbook();
    const before = ctx.syncCount;
    const flags = await port.readBold([
      { sheet: "S", row: 0, col: 0 },
      { sheet: "S", row: 1, col: 0 },
      { sheet: "S", row: 2, col: 0 },
      { sheet: "Gone", row: 0, col: 0 },
    ]);
    expect(flags).toEqual([true, false, true, false]);
    expect(ctx.syncCount - before).toBe(1);
    expect(await port.readBold([])).toEqual([]);
    expect(ctx.syncCount - before).toBe(1);
  });

  it("activates the sheet and selects the cell", async () => {
    const ctx = new FakeContext(workbook());
    await new OfficeWorkbook(ctx).select({ sheet: "Locked", row: 11, col: 6 });
    expect(ctx.book.active).toBe("Locked");
    expect(ctx.book.selection).toEqual({ sheet: "Locked", address: "G12" });
    expect(ctx.syncCount).toBe(1);
  });
});
