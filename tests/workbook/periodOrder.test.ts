/**
 * New-user finding F15: a wide table's period headers whose column order is neither oldest-first nor newest-first
 * (a CSV import read `Oct-12 … Sep-13` as 12 Oct 2026 … 13 Sep 2026) are a data problem naming the header cells where
 * the order turns, with a hint when the dates' day looks like the year. The table is rated in time order as the
 * headers read (SPEC §4: previous in time, never in the sheet; never reordered silently).
 */
import type { CellValue } from "../../src/core";
import { yearReadAsDay } from "../../src/core";
import { scanWorkbook } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";

const MONTHS = ["Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];

async function scan(headers: readonly CellValue[]) {
  const figures = [10, 11, 12, 13, 14, 15];
  return scanWorkbook(
    new MemoryPort({
      sheets: [
        {
          name: "Kent",
          rows: [
            ["Ref", "Indicator", "Polarity", "Target", ...headers],
            ["K1", "k", "Max", 12, ...figures],
          ],
        },
      ],
    }),
  );
}

describe("period headers out of time order (F15)", () => {
  test("Oct-12 … Mar-13 read as 12 Oct 2026 … 13 Mar 2026: the turn is named, with the hint", async () => {
    const misread = MONTHS.map((_, i) => new Date(Date.UTC(2026, (9 + i) % 12, i < 3 ? 12 : 13)));
    const report = await scan(misread);
    expect(report.problems).toEqual([
      {
        sheet: "Kent",
        cell: "H1",
        message:
          "Period headers are not in time order: Dec 2026 in G1 is followed by Jan 2026 in H1. The measures are " +
          "rated in time order as the headers read (latest Dec 2026); check the headers. They look like " +
          '"Oct-12" read as 12 Oct 2026: enter them as text such as "Oct 2012", or as dates on the 1st of the month.',
      },
    ]);
    // Rated as the headers read, in time order: Dec 2026 (the third column's 12) is the latest.
    expect(report.measures[0]).toMatchObject({ period: "Dec 2026", value: 12 });
  });

  test("text headers out of order: named, without a date hint; every further turn is counted", async () => {
    const report = await scan(["Oct-12", "Dec-12", "Nov-12", "Jan-13", "Mar-13", "Feb-13"]);
    expect(report.problems.map((p) => [p.cell, p.message])).toEqual([
      [
        "G1",
        "Period headers are not in time order: Dec 2012 in F1 is followed by Nov 2012 in G1 (and in 1 more place). " +
          "The measures are rated in time order as the headers read (latest Mar 2013); check the headers.",
      ],
    ]);
  });

  test.each([
    ["oldest first", MONTHS.map((m, i) => `${m}-${i < 3 ? 12 : 13}`)],
    ["newest first", MONTHS.map((m, i) => `${m}-${i < 3 ? 12 : 13}`).reverse()],
    ["dates on the 1st", MONTHS.map((_, i) => new Date(Date.UTC(i < 3 ? 2012 : 2013, (9 + i) % 12, 1)))],
  ])("headers %s are no problem", async (_, headers) => {
    expect((await scan(headers)).problems).toEqual([]);
  });

  test.each([
    [new Date(Date.UTC(2026, 9, 12)), '"Oct-12" read as 12 Oct 2026'],
    [new Date(Date.UTC(2026, 0, 9)), '"Jan-09" read as 9 Jan 2026'],
    [new Date(Date.UTC(2012, 9, 1)), null],
  ])("yearReadAsDay(%p) is %p", (date, expected) => {
    expect(yearReadAsDay(date)).toBe(expected);
  });
});
