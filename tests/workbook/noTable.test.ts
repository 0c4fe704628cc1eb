// A visible sheet with content but no measure table says so, with what Scorecard looks for and the header row that
// came nearest (new-user finding N10: "Rated 0 rows … 0 data problems" and no hint why).
import { scanWorkbook } from "../../src/workbook";
import type { Problem } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";

const problems = async (...sheets: MemorySheetInit[]): Promise<readonly Problem[]> =>
  (await scanWorkbook(new MemoryPort({ sheets }))).problems;

const LOOKS_FOR =
  "No measure table was found on this sheet, so nothing on it was rated. A table starts at a header row with a code " +
  "or name column (Code, Ref, PI, Measure, Indicator, Name), a value column (Value, Actual, Result, Achieved) or " +
  "period columns (Oct-12, Q1 2018/19), and a target or aim column (Target, Goal, Aim, Polarity, Direction).";

const MEASURES: MemorySheetInit = {
  name: "Measures",
  rows: [
    ["Code", "Value", "Target", "Aim"],
    ["A", 1, 1, "Max"],
  ],
};

describe("no measure table found (N10)", () => {
  test("headers Scorecard does not know: the sheet, the words it looks for, the nearest row and what it lacks", async () => {
    const found = await problems({
      name: "Place",
      rows: [
        ["Place services scorecard", null, null, null],
        [null, null, null, null],
        ["Performance Indicator", "Latest", "Target", "Better if"],
        ["Missed bins", 52, 50, "Lower"],
      ],
    });
    expect(found).toEqual([
      {
        sheet: "Place",
        cell: "A3",
        message: `${LOOKS_FOR} Row 3 comes nearest (Performance Indicator, Latest, Target, Better if) but has no value or period column; rename its headers to these words.`,
      },
    ]);
  });

  test("nothing recognisable at all: the words alone, at the sheet's first cell", async () => {
    const found = await problems({ name: "Notes", rows: [["Written by the team", "Draft"]], top: 2, left: 1 });
    expect(found).toEqual([{ sheet: "Notes", cell: "B3", message: LOOKS_FOR }]);
  });

  test("two needs missing are both named", async () => {
    const found = await problems({ name: "P", rows: [["Target", "Comment"]] });
    expect(found[0].message).toBe(
      `${LOOKS_FOR} Row 1 comes nearest (Target, Comment) but has no code or name column and no value or period column; rename its headers to these words.`,
    );
  });

  test("beside found tables, a dashboard or notes sheet is not a data problem; a near miss still is", async () => {
    const found = await problems(
      MEASURES,
      { name: "Dashboard", rows: [["Overview", "see the measures"]] },
      {
        name: "Adults",
        rows: [
          ["Measure", "Latest", "Target"],
          ["Reviews on time", 0.9, 0.95],
        ],
      },
    );
    expect(found.map((p) => [p.sheet, p.cell])).toEqual([["Adults", "A1"]]);
  });

  test("empty, hidden and found sheets say nothing; a header with no data keeps its own problem only", async () => {
    const found = await problems(
      MEASURES,
      { name: "Empty", rows: [] },
      { name: "Hidden", rows: [["Performance Indicator", "Target"]], visible: false },
      { name: "HeaderOnly", rows: [["Code", "Value", "Target", "Aim"]] },
    );
    expect(found).toEqual([
      { sheet: "HeaderOnly", cell: "A1", message: "This header row has no data below it, so the table was skipped." },
    ]);
  });

  test("every need met but the header cells far apart: says they must sit side by side", async () => {
    const found = await problems({
      name: "Apart",
      rows: [
        ["Code", null, null, "Value", null, null, "Target"],
        ["A", null, null, 1, null, null, 1],
      ],
    });
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(
      /Row 1 comes nearest \(Code, Value, Target\) but its headers are not side by side: a table's header cells sit next to each other, one empty cell apart at most\.$/,
    );
  });
});
