/** The workbook operations run through the Office.js host on the operation tests' own fixtures. */
import { OfficeWorkbook } from "../../src/hosts/office";
import { applyRules, generateSummary, loadSettings, saveSettings, scanWorkbook } from "../../src/workbook";
import type { OutCell, SheetWrite } from "../../src/workbook/port";
import { STATE_SHEET_NAME } from "../../src/workbook/stateSheet";
import type { MemorySheetInit } from "../support/memoryPort";
import { MemoryPort } from "../support/memoryPort";
import { fakeContext } from "../support/officeFixtures";
import { CONTRACT_EXAMPLES, CONTRACT_WANT, medwaySheet } from "../workbook/fixtures";
import type { FakeContext, FakeSheet } from "./fakeExcel";
import { blockCells } from "../../src/workbook/blockRows";

async function applyBoth(sheets: readonly MemorySheetInit[]) {
  const memory = new MemoryPort({ sheets });
  const ctx = fakeContext(sheets);
  const office = new OfficeWorkbook(ctx);
  const [expected, actual] = [await applyRules(memory), await applyRules(office)];
  return { memory, ctx, office, expected, actual };
}

/** What a written cell holds in Excel: its formula, or its value when it has none. */
function excelCell(sheet: FakeSheet, row: number, col: number): string | number | boolean | null {
  return sheet.formula(row, col) ?? sheet.value(row, col);
}

function planned(cell: OutCell): string | number | null {
  return cell.formula ?? cell.value;
}

function expectWrittenAsPlanned(sheet: FakeSheet, write: SheetWrite): void {
  for (const block of write.blocks) {
    blockCells(block).forEach((row, r) =>
      row.forEach((cell, c) =>
        expect([r, c, excelCell(sheet, block.row + r, block.col + c)]).toEqual([
          r,
          c,
          planned(cell) === "" ? null : planned(cell),
        ]),
      ),
    );
  }
  expect(sheet.rules).toEqual(write.conditionalRules);
}

/** Everything the user could see in a sheet: cells, effective styles, rules, widths, frozen rows, charts. */
function dump(sheet: FakeSheet) {
  const used = sheet.usedRange();
  const cells: unknown[] = [];
  for (let r = 0; used && r < used.row + used.rows; r += 1) {
    for (let c = 0; c < used.col + used.cols; c += 1)
      cells.push([r, c, sheet.value(r, c), sheet.formula(r, c), sheet.style(r, c)]);
  }
  return {
    cells,
    rules: sheet.rules,
    widths: [...sheet.columnWidths],
    frozen: sheet.frozenRows,
    charts: sheet.charts,
    visibility: sheet.visibility,
  };
}

function dumpBook(ctx: FakeContext) {
  return ctx.book.sheets.map((s) => [s.name, dump(s)]);
}

describe("applying the rules in Excel", () => {
  it("rates the contract examples as the CLI contract wants, the same as the in-memory host", async () => {
    const { ctx, memory, expected, actual } = await applyBoth(CONTRACT_EXAMPLES);
    expect(actual.writeProblems).toEqual([]);
    expect(actual.measures).toEqual(expected.measures);
    expect(actual.summary).toEqual(expected.summary);
    for (const [code, [status]] of Object.entries(CONTRACT_WANT)) {
      expect(actual.measures.find((m) => m.code === code)?.status).toBe(status);
    }
    const plan = memory.plans[0];
    expectWrittenAsPlanned(ctx.book.sheet("Examples"), plan.sheets[0]);
    const summaryName = plan.ownedSheet?.sheet ?? "";
    expect(summaryName).not.toBe("");
    expectWrittenAsPlanned(ctx.book.sheet(summaryName), plan.ownedSheet as SheetWrite);
    expect(ctx.book.sheet(summaryName).charts).toHaveLength(1);
    expect(ctx.book.sheet(STATE_SHEET_NAME).visibility).toBe("VeryHidden");
    expect((await new OfficeWorkbook(ctx).readWorkbook()).state).toBe(memory.state);
  });

  it("reads group titles from bold cells on the Medway sheet, as the in-memory host does", async () => {
    const { expected, actual } = await applyBoth([medwaySheet()]);
    expect(actual.measures.map((m) => [m.code, m.group, m.status, m.longTrend, m.shortTrend])).toEqual(
      expected.measures.map((m) => [m.code, m.group, m.status, m.longTrend, m.shortTrend]),
    );
    expect(new Set(actual.measures.map((m) => m.group)).size).toBe(2);
  });

  it("leaves every input cell as it was and writes only the output columns, the summary and the state", async () => {
    const sheets = [medwaySheet(), ...CONTRACT_EXAMPLES];
    const before = fakeContext(sheets);
    const { ctx } = await applyBoth(sheets);
    for (const original of before.book.sheets) {
      const after = ctx.book.sheet(original.name);
      const used = original.usedRange();
      for (let r = 0; used && r < used.row + used.rows; r += 1) {
        for (let c = 0; c < used.col + used.cols; c += 1) {
          expect([original.name, r, c, after.value(r, c), after.formula(r, c), after.style(r, c)]).toEqual([
            original.name,
            r,
            c,
            original.value(r, c),
            original.formula(r, c),
            original.style(r, c),
          ]);
        }
      }
    }
    expect(ctx.book.find("Notes")?.usedRange()).toEqual(before.book.find("Notes")?.usedRange());
  });

  it("gives an identical workbook when applied again: no second set of columns, rules or sheets", async () => {
    const sheets = [medwaySheet(), ...CONTRACT_EXAMPLES];
    const { ctx, office } = await applyBoth(sheets);
    const first = dumpBook(ctx);
    const again = await applyRules(office);
    expect(again.writeProblems).toEqual([]);
    expect(again.columnsAdded).toBe(0);
    expect(dumpBook(ctx)).toEqual(first);
  });

  it("switches between live formulas and values without leaving formulas behind", async () => {
    const { ctx, office } = await applyBoth(CONTRACT_EXAMPLES);
    const examples = ctx.book.sheet("Examples");
    const statusCol = [...Array(20).keys()].find((c) => examples.value(0, c) === "Status") ?? -1;
    expect(examples.formula(1, statusCol)).toMatch(/^=KPI\.RAG\(/);
    await applyRules(office, { settings: { output: "values" } });
    expect(examples.formula(1, statusCol)).toBeNull();
    expect(examples.value(1, statusCol)).toBe("Amber");
  });

  it("skips a protected sheet with a notice and still writes the others and the summary", async () => {
    const sheets: MemorySheetInit[] = [{ ...CONTRACT_EXAMPLES[0], protected: true }, { ...medwaySheet() }];
    const ctx = fakeContext(sheets);
    const report = await applyRules(new OfficeWorkbook(ctx));
    expect(report.notices.join(" ")).toMatch(/"Examples" is protected/);
    expect(report.writeProblems).toEqual([]);
    expect(ctx.book.sheet("Examples").usedRange()?.cols).toBe(7);
    expect(ctx.book.sheet("People").usedRange()?.cols).toBeGreaterThan(6);
    expect(ctx.book.find(report.summarySheet ?? "")).toBeDefined();
  });

  it("a sheet protected between the read and the write is a write problem naming it; the rest is written", async () => {
    const ctx = fakeContext([...CONTRACT_EXAMPLES, medwaySheet()]);
    const office = new OfficeWorkbook(ctx);
    const read = office.readWorkbook.bind(office);
    office.readWorkbook = async () => {
      const snapshot = await read();
      ctx.book.sheet("People").protected = true;
      return snapshot;
    };
    const report = await applyRules(office);
    expect(report.writeProblems).toEqual([
      { sheet: "People", message: expect.stringContaining('"People" is protected') },
    ]);
    expect(ctx.book.sheet("Examples").value(0, 7)).toBe("Status");
    expect(ctx.book.find(report.summarySheet ?? "")).toBeDefined();
  });

  it("regenerates only the summary, replacing its own sheet", async () => {
    const { ctx, office, actual } = await applyBoth(CONTRACT_EXAMPLES);
    const names = ctx.book.sheets.map((s) => s.name);
    const result = await generateSummary(office);
    expect(result.summarySheet).toBe(actual.summarySheet);
    expect(ctx.book.sheets.map((s) => s.name).sort()).toEqual([...names].sort());
  });

  it("stores settings in the workbook and reads them back", async () => {
    const ctx = fakeContext(CONTRACT_EXAMPLES);
    const office = new OfficeWorkbook(ctx);
    const settings = { ...(await loadSettings(office)), band: 0.1, trendLabels: "arrows" as const };
    await saveSettings(office, settings);
    expect(await loadSettings(new OfficeWorkbook(ctx))).toEqual(settings);
    expect((await scanWorkbook(office)).settings.band).toBe(0.1);
  });
});
