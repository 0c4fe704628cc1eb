/** Round trips per apply do not grow with the row count; no request outgrows what Excel on the web accepts. */
import { OfficeWorkbook } from "../../src/hosts/office";
import { DEFAULT_SYNC_BUDGET } from "../../src/hosts/office/payload";
import { applyRules } from "../../src/workbook";
import { fakeContext, longScorecard } from "../support/officeFixtures";

const FOUR_MB = 4 * 1024 * 1024;

async function apply(rows: number) {
  const ctx = fakeContext([longScorecard(rows, "North"), longScorecard(Math.ceil(rows / 10), "South")]);
  const report = await applyRules(new OfficeWorkbook(ctx, { supports: () => true }));
  expect(report.writeProblems).toEqual([]);
  expect(report.rowsRated).toBe(rows + Math.ceil(rows / 10));
  return ctx;
}

describe("syncs per apply", () => {
  it("are the same for 10 rows and for 5,000 rows", async () => {
    const small = await apply(10);
    const large = await apply(5_000);
    expect(large.syncCount).toBe(small.syncCount);
    expect(small.syncs.every((s) => !s.failed)).toBe(true);
  });

  it.each([100, 10_000])("are 4 for %i rows: sheet list, data, bold flags, then one write", async (rows) => {
    const ctx = await apply(rows);
    expect(ctx.syncCount).toBe(4);
    expect(ctx.largestRequest).toBeLessThanOrEqual(FOUR_MB);
  });

  it("at 100,000 rows keep every request under 4 MB, with only as many write syncs as the bytes need", async () => {
    const ctx = await apply(100_000);
    expect(ctx.largestRequest).toBeLessThanOrEqual(FOUR_MB);
    // The reads stay at three syncs (sheet list, data, bold flags: the ones Excel answers with data);
    // the changes, several megabytes here, are packed into as few requests as the budget allows.
    expect(ctx.syncs.map((s) => s.responseBytes > 0).slice(0, 4)).toEqual([true, true, true, false]);
    const writes = ctx.syncs.slice(3);
    const bytes = writes.reduce((n, s) => n + s.requestBytes, 0);
    expect(writes.every((s) => s.responseBytes === 0)).toBe(true);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(bytes / DEFAULT_SYNC_BUDGET) + 1);
  }, 180_000);
});
