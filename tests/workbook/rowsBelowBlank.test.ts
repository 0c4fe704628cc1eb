// New-user finding F12: measure rows below a blank separator row are outside the table (SPEC §1: a table ends at the
// first blank row) and must be named as a data problem, never dropped without a word.
import { applyRules } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";

const HEADER = ["Code", "Measure", "Period", "Value", "Target", "Aim"];

async function problemsOf(rows: (string | number | null)[][]) {
  const report = await applyRules(new MemoryPort({ sheets: [{ name: "Gap", rows }] }));
  return report.problems.map((p) => `${p.cell}: ${p.message}`);
}

describe("rows after a blank row inside a list", () => {
  test("two measure rows below the blank row 5 are named, with the fix", async () => {
    const problems = await problemsOf([
      HEADER,
      ["G1", "One", "Q1 2024/25", 50, 40, "Max"],
      ["G1", "One", "Q2 2024/25", 55, 40, "Max"],
      ["G2", "Two", "Q2 2024/25", 45, 40, "Max"],
      [null, null, null, null, null, null],
      ["G3", "Three", "Q2 2024/25", 30, 40, "Max"],
      ["G4", "Four", "Q2 2024/25", 30, 40, "Max"],
    ]);
    expect(problems).toContain(
      "A6: Rows 6–7 below the blank row 5 are not in any table, so they are not rated or counted: remove the blank " +
        "row, or give them a header row of their own.",
    );
  });

  test("one row is named in the singular", async () => {
    const problems = await problemsOf([
      HEADER,
      ["G1", "One", "Q2 2024/25", 50, 40, "Max"],
      [],
      ["G3", "Three", "Q2 2024/25", 30, 40, "Max"],
    ]);
    expect(problems).toContain(
      "A4: Row 4 below the blank row 3 is not in any table, so it is not rated or counted: remove the blank row, or " +
        "give it a header row of its own.",
    );
  });

  test("a second table with its own header, a title or a note below the blank row is no problem", async () => {
    const problems = await problemsOf([
      HEADER,
      ["G1", "One", "Q2 2024/25", 50, 40, "Max"],
      [],
      ["Source: council returns"],
      [],
      HEADER,
      ["H1", "Other", "Q2 2024/25", 50, 40, "Max"],
      [],
      ["Note", "figures are provisional"],
    ]);
    expect(problems.filter((p) => p.includes("not in any table"))).toEqual([]);
  });
});
