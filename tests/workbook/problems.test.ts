import { scanWorkbook } from "../../src/workbook";
import type { Problem } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import { HEADER } from "./fixtures";

const problems = async (...sheets: MemorySheetInit[]): Promise<readonly Problem[]> =>
  (await scanWorkbook(new MemoryPort({ sheets }))).problems;

describe("data problems name the sheet, the cell and what is wrong", () => {
  test("unknown aim, bad target, bad value, bad floor, bad band", async () => {
    const found = await problems({
      name: "Data",
      rows: [
        [...HEADER, "Floor", "Amber band"],
        ["A", "a", "Q1 2020/21", 1, 1, "Sideways", null, null],
        ["B", "b", "Q1 2020/21", 1, "sixty", "Max", null, null],
        ["C", "c", "Q1 2020/21", "lots", 1, "Max", null, null],
        ["D", "d", "Q1 2020/21", 1, 1, "Max", "low", null],
        ["E", "e", "Q1 2020/21", 1, 1, "Max", null, "wide"],
        ["F", "f", "Q1 2020/21", 1, 1, null, null, null],
        ["G", "g", "Q1 2020/21", "NA", 1, "NA", null, null],
      ],
    });
    expect(found).toEqual([
      { sheet: "Data", cell: "F2", message: `Unknown aim "Sideways": the status is NA.` },
      {
        sheet: "Data",
        cell: "E3",
        message: `Target "sixty" is not a number, a range such as 60-70 or a comparison such as ≥ 95%: the status is NA.`,
      },
      { sheet: "Data", cell: "D4", message: `Value "lots" is not a number: it is read as not available.` },
      { sheet: "Data", cell: "G5", message: `Floor "low" is not a number: the status is NA.` },
      {
        sheet: "Data",
        cell: "H6",
        message: `Amber band "wide" is not a percentage between 0% and 100%: the status is NA.`,
      },
      { sheet: "Data", cell: "F7", message: "No aim given: the status is NA." },
    ]);
  });

  test("an aim of TBC is no aim yet: the problem and the measure's reason say the same", async () => {
    const report = await scanWorkbook(
      new MemoryPort({ sheets: [{ name: "Data", rows: [HEADER, ["A", "a", "Q1 2020/21", 1, 1, "TBC"]] }] }),
    );
    expect(report.problems).toEqual([{ sheet: "Data", cell: "F2", message: "No aim given: the status is NA." }]);
    expect(report.measures[0]).toMatchObject({ status: "NA", reason: "NA: no aim given" });
  });

  test("unparseable period and duplicate code in one period", async () => {
    const found = await problems({
      name: "History",
      rows: [
        HEADER,
        ["A", "a", "Q2 2020/21", 1, 1, "Max"],
        ["A", "a", "Q5 2020/21", 1, 1, "Max"],
        ["A", "a", "Q2 2020/21", 2, 1, "Max"],
        ["B", "b", "Q2 2020", 1, 1, "Max"],
      ],
    });
    expect(found).toEqual([
      {
        sheet: "History",
        cell: "C3",
        message: `Period "Q5 2020/21" is not a quarter, month or year: this row's trends are NA.`,
      },
      {
        sheet: "History",
        cell: "C4",
        message: `"A" has two rows for Q2 2020/21 (rows 2 and 4): this row's trends are NA.`,
      },
      {
        sheet: "History",
        cell: "C5",
        message: `Period "Q2 2020" has no financial year (write it as Q1 2020/21): this row's trends are NA.`,
      },
    ]);
  });

  test("a header without data, a table without aim or target, a row without code or name", async () => {
    const found = await problems(
      { name: "Empty", rows: [HEADER] },
      {
        name: "NoAim",
        rows: [
          ["Code", "Value", "Target"],
          ["A", 1, 2],
          [null, 3, 4],
        ],
      },
      {
        name: "NoTarget",
        rows: [
          ["Code", "Value", "Aim"],
          ["A", 1, "Max"],
        ],
      },
    );
    expect(found).toEqual([
      { sheet: "Empty", cell: "A1", message: "This header row has no data below it, so the table was skipped." },
      {
        sheet: "NoAim",
        cell: "A1",
        message:
          "This table has no Aim column, so every status is NA unless its target implies the aim (≥ 95%, At least 95%). Add a column headed Aim with Maximise, Minimise or Goldilocks.",
      },
      { sheet: "NoAim", cell: "A3", message: "This row has no code or name, so it was not rated." },
      { sheet: "NoTarget", cell: "A1", message: "This table has no Target column, so every status is NA." },
    ]);
  });

  test("the same code twice in a one-row-per-measure table", async () => {
    const found = await problems({
      name: "S",
      rows: [
        ["Code", "Value", "Target", "Aim"],
        ["A", 1, 1, "Max"],
        ["B", 1, 1, "Max"],
        ["A", 2, 1, "Max"],
      ],
    });
    expect(found).toEqual([
      {
        sheet: "S",
        cell: "A4",
        message: `Code "A" appears twice in this table (rows 2 and 4); each row is rated as a measure of its own.`,
        also: ["A2"],
      },
    ]);
  });

  test("a code used five times is one problem at its second row with the real count and every row (N4)", async () => {
    const rows: (string | number)[][] = [["Code", "Value", "Target", "Aim"]];
    for (let i = 0; i < 1012; i++)
      rows.push([[11, 261, 511, 761, 1011].includes(i + 1) ? "DUP01" : `C${i}`, 1, 1, "Max"]);
    const found = await problems({ name: "Wide", rows });
    expect(found).toEqual([
      {
        sheet: "Wide",
        cell: "A262",
        message: `Code "DUP01" appears 5 times in this table (rows 12, 262, 512, 762 and 1012); each row is rated as a measure of its own.`,
        also: ["A12", "A512", "A762", "A1012"],
      },
    ]);
  });

  test("past six rows the message names the first five and counts the rest; `also` has every other row", async () => {
    const found = await problems({
      name: "S",
      rows: [["Code", "Value", "Target", "Aim"], ...Array.from({ length: 9 }, () => ["X", 1, 1, "Max"])],
    });
    expect(found).toHaveLength(1);
    expect(found[0].cell).toBe("A3");
    expect(found[0].message).toBe(
      `Code "X" appears 9 times in this table (rows 2, 3, 4, 5, 6 and 4 more); each row is rated as a measure of its own.`,
    );
    expect(found[0].also).toEqual(["A2", "A4", "A5", "A6", "A7", "A8", "A9", "A10"]);
  });

  test("two codes each repeated are two problems; a wide table says so too", async () => {
    const found = await problems({
      name: "W",
      rows: [
        ["Code", "Target", "Aim", "Sep-13", "Oct-13"],
        ["A", 1, "Max", 1, 2],
        ["B", 1, "Max", 1, 2],
        ["A", 1, "Max", 1, 2],
        ["B", 1, "Max", 1, 2],
        ["A", 1, "Max", 1, 2],
      ],
    });
    expect(found.map((p) => [p.cell, p.message])).toEqual([
      ["A4", `Code "A" appears 3 times in this table (rows 2, 4 and 6); each row is rated as a measure of its own.`],
      ["A5", `Code "B" appears twice in this table (rows 3 and 5); each row is rated as a measure of its own.`],
    ]);
  });

  test("a second column for the same period in a wide table", async () => {
    const found = await problems({
      name: "W",
      rows: [
        ["Code", "Target", "Aim", "Sep-13", "September 2013"],
        ["A", 1, "Max", 1, 2],
      ],
    });
    expect(found).toEqual([
      { sheet: "W", cell: "E1", message: "This column is a second Sep 2013 (also column D); it is ignored." },
    ]);
  });

  test("problems on other sheets do not stop a sheet being read", async () => {
    const report = await scanWorkbook(
      new MemoryPort({
        sheets: [
          { name: "Bad", rows: [HEADER, ["A", "a", "??", "x", "y", "z"], ["A", "a", "Q1 2020/21", 1, 1, "Max"]] },
          { name: "Good", rows: [HEADER, ["B", "b", "Q1 2020/21", 5, 5, "Max"]] },
        ],
      }),
    );
    expect(report.measures.map((m) => [m.sheet, m.status])).toEqual([
      ["Bad", "Green"],
      ["Good", "Green"],
    ]);
    expect(report.problems.map((p) => [p.sheet, p.cell])).toEqual([
      ["Bad", "C2"],
      ["Bad", "E2"],
      ["Bad", "F2"],
    ]);
  });
});

test("each NA measure says why: no data for its latest period, or not rated", async () => {
  const report = await scanWorkbook(
    new MemoryPort({
      sheets: [
        {
          name: "Data",
          rows: [
            HEADER,
            ["A", "a", "Q1 2020/21", "NA", 1, "Max"],
            ["B", "b", "Q1 2020/21", 5, null, "Max"],
            ["C", "c", "Q1 2020/21", 5, 5, "Max"],
          ],
        },
      ],
    }),
  );
  expect(report.measures.map((m) => [m.code, m.status, m.naKind])).toEqual([
    ["A", "NA", "noData"],
    ["B", "NA", "notRated"],
    ["C", "Green", null],
  ]);
});
