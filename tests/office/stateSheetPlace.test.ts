/**
 * The Office host finds Scorecard's state sheet as the .xlsx host does (isStateSheet: the name ScorecardState or
 * "ScorecardState (n)" and nothing but state chunks in column A, whatever the visibility), and never writes over a
 * user's own sheet of that name.
 */
import { OfficeWorkbook } from "../../src/hosts/office";
import { applyRules } from "../../src/workbook";
import { encodeState, STATE_SHEET_NAME } from "../../src/workbook/stateSheet";
import { fakeContext, longScorecard } from "../support/officeFixtures";
import type { FakeContext, FakeSheet } from "./fakeExcel";

const SETTINGS = JSON.stringify({ settings: { band: 0.1 } });

/** Everything the fake holds of a sheet: cells, formulas, formats, rules, widths, charts, tables, layout, visibility. */
function whole(sheet: FakeSheet): string {
  return JSON.stringify(sheet, (_key, value: unknown) => (value instanceof Map ? [...value] : value));
}

function withUserSheet(): FakeContext {
  const ctx = fakeContext([longScorecard(10, "North")]);
  const mine = ctx.book.addSheet({
    name: STATE_SHEET_NAME,
    rows: [
      ["My own notes", 42],
      [null, "state: not really"],
    ],
  });
  mine.columnWidths.set(0, 30);
  return ctx;
}

function stateSheets(ctx: FakeContext): string[] {
  return ctx.book.sheets.filter((s) => s.name.startsWith(STATE_SHEET_NAME)).map((s) => s.name);
}

describe("the Office host's state sheet", () => {
  it("leaves a user's sheet named ScorecardState untouched, keeps the state in ScorecardState (2) and says so", async () => {
    const ctx = withUserSheet();
    const before = whole(ctx.book.sheet(STATE_SHEET_NAME));
    const report = await applyRules(new OfficeWorkbook(ctx));
    expect(report.writeProblems).toEqual([
      {
        sheet: STATE_SHEET_NAME,
        message: `A sheet of yours is named "${STATE_SHEET_NAME}", so Scorecard keeps its settings in the very hidden sheet "${STATE_SHEET_NAME} (2)" instead; yours is treated as any other sheet of yours (a measure table on it is rated).`,
      },
    ]);
    expect(whole(ctx.book.sheet(STATE_SHEET_NAME))).toBe(before);
    expect(ctx.book.sheet(`${STATE_SHEET_NAME} (2)`).visibility).toBe("VeryHidden");

    const snapshot = await new OfficeWorkbook(ctx).readWorkbook();
    expect(snapshot.state).not.toBeNull();
    // The user's sheet is read like any other; the state sheet is not.
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["North", STATE_SHEET_NAME, "Scorecard Summary"]);

    // The next apply finds the state where it was put: no notice, no third sheet, the user's sheet still untouched.
    expect((await applyRules(new OfficeWorkbook(ctx))).writeProblems).toEqual([]);
    expect(stateSheets(ctx)).toEqual([STATE_SHEET_NAME, `${STATE_SHEET_NAME} (2)`]);
    expect(whole(ctx.book.sheet(STATE_SHEET_NAME))).toBe(before);
  });

  it("does not take a very hidden user sheet of the name for it when column A holds anything but state chunks", async () => {
    const ctx = fakeContext([longScorecard(10, "North")]);
    ctx.book.addSheet({ name: STATE_SHEET_NAME, rows: [["Lookup"], ["state: draft"]], visibility: "VeryHidden" });
    const before = whole(ctx.book.sheet(STATE_SHEET_NAME));
    const port = new OfficeWorkbook(ctx);
    expect((await port.readWorkbook()).state).toBeNull();
    await port.write({ sheets: [], state: SETTINGS });
    expect(whole(ctx.book.sheet(STATE_SHEET_NAME))).toBe(before);
    expect((await new OfficeWorkbook(ctx).readWorkbook()).state).toBe(SETTINGS);
  });

  it("recognises its state sheet when it is merely hidden, and hides it very again on the next write", async () => {
    const ctx = fakeContext([longScorecard(10, "North")], SETTINGS);
    ctx.book.sheet(STATE_SHEET_NAME).visibility = "Hidden";
    const snapshot = await new OfficeWorkbook(ctx).readWorkbook();
    expect(snapshot.state).toBe(SETTINGS);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["North"]);
    expect((await applyRules(new OfficeWorkbook(ctx))).writeProblems).toEqual([]);
    expect(stateSheets(ctx)).toEqual([STATE_SHEET_NAME]);
    expect(ctx.book.sheet(STATE_SHEET_NAME).visibility).toBe("VeryHidden");
  });

  it("recognises its state sheet when a user unhid it", async () => {
    const ctx = fakeContext([longScorecard(10, "North")], SETTINGS);
    ctx.book.sheet(STATE_SHEET_NAME).visibility = "Visible";
    const snapshot = await new OfficeWorkbook(ctx).readWorkbook();
    expect(snapshot.state).toBe(SETTINGS);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["North"]);
  });

  it("recognises ScorecardState (2) and writes there, not over the user's ScorecardState", async () => {
    const ctx = withUserSheet();
    const before = whole(ctx.book.sheet(STATE_SHEET_NAME));
    ctx.book.addSheet({
      name: `${STATE_SHEET_NAME} (2)`,
      rows: encodeState(SETTINGS).map((c) => [c]),
      visibility: "VeryHidden",
    });
    const port = new OfficeWorkbook(ctx);
    expect((await port.readWorkbook()).state).toBe(SETTINGS);
    const next = JSON.stringify({ settings: { band: 0.2 } });
    expect(await port.write({ sheets: [], state: next })).toEqual([]);
    expect((await new OfficeWorkbook(ctx).readWorkbook()).state).toBe(next);
    expect(stateSheets(ctx)).toEqual([STATE_SHEET_NAME, `${STATE_SHEET_NAME} (2)`]);
    expect(whole(ctx.book.sheet(STATE_SHEET_NAME))).toBe(before);
  });

  it("checks the content in the reads already batched: three syncs to read, seven per apply", async () => {
    const ctx = withUserSheet();
    await new OfficeWorkbook(ctx).readWorkbook();
    expect(ctx.syncCount).toBe(3);
    const applied = withUserSheet();
    await applyRules(new OfficeWorkbook(applied));
    expect(applied.syncCount).toBe(7);
  });

  it("without a read before it, a state write looks at the candidates' content in one sync, and only if any", async () => {
    const ctx = withUserSheet();
    const before = whole(ctx.book.sheet(STATE_SHEET_NAME));
    const problems = await new OfficeWorkbook(ctx).write({ sheets: [], state: SETTINGS });
    expect(problems).toEqual([expect.objectContaining({ sheet: STATE_SHEET_NAME })]);
    // Sheet list, the candidates' used ranges, the write.
    expect(ctx.syncCount).toBe(3);
    expect(whole(ctx.book.sheet(STATE_SHEET_NAME))).toBe(before);

    const plain = fakeContext([longScorecard(10, "North")]);
    expect(await new OfficeWorkbook(plain).write({ sheets: [], state: SETTINGS })).toEqual([]);
    expect(plain.syncCount).toBe(2);
    expect(stateSheets(plain)).toEqual([STATE_SHEET_NAME]);
  });
});
