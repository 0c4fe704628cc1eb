/** Round trips per apply do not grow with the row count; no request outgrows what Excel on the web accepts. */
import { OfficeWorkbook } from "../../src/hosts/office";
import { DEFAULT_SYNC_BUDGET } from "../../src/hosts/office/payload";
import { applyRules } from "../../src/workbook";
import { fakeContext, longScorecard } from "../support/officeFixtures";

const FOUR_MB = 4 * 1024 * 1024;

async function apply(rows: number) {
  const ctx = fakeContext([longScorecard(rows, "North"), longScorecard(Math.ceil(rows / 10), "South")]);
  const report = await applyRules(new OfficeWorkbook(ctx));
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

  it.each([100, 10_000])(
    "are 7 for %i rows: sheet list, used ranges, data, bold flags, number formats, one write, then print layout and chart",
    async (rows) => {
      const ctx = await apply(rows);
      expect(ctx.syncCount).toBe(7);
      expect(ctx.syncs.map((s) => s.responseBytes > 0)).toEqual([true, true, true, true, true, false, false]);
      // The number formats of the figures the summary shows (new-user finding F4), read as one load per column span.
      expect(ctx.syncs[4].actions.filter((a) => a === "Range.load").length).toBeLessThanOrEqual(4);
      // The optional calls go last, on their own, so that Excel refusing one never costs the summary its cells.
      expect(ctx.syncs[6].actions.filter((a) => /^(Range|Worksheet)\./.test(a) && a !== "Worksheet.getRange")).toEqual(
        [],
      );
      expect(ctx.syncs[6].actions).toEqual(expect.arrayContaining(["PageLayout.orientation", "ChartCollection.add"]));
      expect(ctx.largestRequest).toBeLessThanOrEqual(FOUR_MB);
    },
  );

  it("at 100,000 rows keep every request under 4 MB, with only as many syncs as the cells and bytes need", async () => {
    const ctx = await apply(100_000);
    expect(ctx.largestRequest).toBeLessThanOrEqual(FOUR_MB);
    // Reads: sheet list, used ranges, the data in chunks of half a million cells, bold flags, number formats.
    const cells = (100_000 + 10_000 + 2) * 6;
    const reads = ctx.syncs.filter((s) => s.responseBytes > 0).length;
    expect(reads).toBe(4 + Math.ceil(cells / 500_000));
    // The changes, several megabytes here, are packed into as few requests as the budget allows, plus the optional.
    const writes = ctx.syncs.slice(reads);
    const bytes = writes.reduce((n, s) => n + s.requestBytes, 0);
    expect(writes.every((s) => s.responseBytes === 0 && !s.failed)).toBe(true);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(bytes / DEFAULT_SYNC_BUDGET) + 2);
  }, 180_000);
});
