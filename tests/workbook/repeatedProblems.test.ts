/** A measure's repeated problem is said once, at its first cell, naming the others (new-user finding F1). */
import fc from "fast-check";
import { scanWorkbook } from "../../src/workbook";
import type { Problem } from "../../src/workbook";
import { sayRepeatsOnce, withoutOwnRow } from "../../src/workbook/evaluate/repeatedProblems";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import type { CellValue } from "../../src/core/types";
import { HEADER } from "./fixtures";

const problems = async (...sheets: MemorySheetInit[]): Promise<readonly Problem[]> =>
  (await scanWorkbook(new MemoryPort({ sheets }))).problems;

const NOT_A_TARGET = `Target "£1.2m" is not a number, a range such as 60-70 or a comparison such as ≥ 95%: the status is NA.`;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A long table of two interleaved measures, `months` rows each: SPEND's target is `spendTarget` on every row. */
function interleaved(months: number, spendTarget: CellValue): CellValue[][] {
  const rows: CellValue[][] = [HEADER];
  for (let i = 0; i < months; i++) {
    const period = `${MONTHS[i % 12]} ${2024 + Math.floor(i / 12)}`;
    rows.push(["SPEND", "Spend", period, 1_150_000 + i, spendTarget, "Minimise"]);
    rows.push(["CARE", "Care", period, 0.9, 0.95, "Maximise"]);
  }
  return rows;
}

describe("golden texts", () => {
  test("a target typed as £1.2m on 18 rows of one measure is one problem at its first cell, with the rest counted", async () => {
    expect(await problems({ name: "Adults", rows: interleaved(18, "£1.2m") })).toEqual([
      {
        sheet: "Adults",
        cell: "E2",
        message: `${NOT_A_TARGET} Also in 17 more rows of SPEND: E4, E6, E8, E10, …, E36.`,
        also: Array.from({ length: 17 }, (_, i) => `E${4 + 2 * i}`),
      },
    ]);
  });

  test("up to six other cells are all named; one other cell reads as one more row", async () => {
    expect(await problems({ name: "Adults", rows: interleaved(7, "£1.2m") })).toEqual([
      {
        sheet: "Adults",
        cell: "E2",
        message: `${NOT_A_TARGET} Also in 6 more rows of SPEND: E4, E6, E8, E10, E12 and E14.`,
        also: ["E4", "E6", "E8", "E10", "E12", "E14"],
      },
    ]);
    expect(await problems({ name: "Adults", rows: interleaved(2, "£1.2m") })).toEqual([
      {
        sheet: "Adults",
        cell: "E2",
        message: `${NOT_A_TARGET} Also in 1 more row of SPEND: E4.`,
        also: ["E4"],
      },
    ]);
  });

  test("messages that differ only by the problem's own row (the other cell it names) are one problem", async () => {
    const rows: CellValue[][] = [HEADER];
    for (const q of ["Q1", "Q2", "Q3"]) rows.push(["A", "a", `${q} 2020/21`, 1, "At least 95%", "Minimise"]);
    expect(await problems({ name: "Data", rows })).toEqual([
      {
        sheet: "Data",
        cell: "F2",
        message:
          `Aim "Minimise" contradicts target "At least 95%", which means Maximise (the target is in E2): the status ` +
          `is NA. Also in 2 more rows of A: F3 and F4.`,
        also: ["F3", "F4"],
      },
    ]);
  });

  test("a row number that is not the problem's own row keeps problems apart: duplicates of different rows", async () => {
    const found = await problems({
      name: "History",
      rows: [
        HEADER,
        ["A", "a", "Q1 2020/21", 1, 1, "Max"],
        ["A", "a", "Q2 2020/21", 1, 1, "Max"],
        ["A", "a", "Q1 2020/21", 2, 1, "Max"],
        ["A", "a", "Q2 2020/21", 2, 1, "Max"],
      ],
    });
    expect(found).toEqual([
      {
        sheet: "History",
        cell: "C4",
        message: `"A" has two rows for Q1 2020/21 (rows 2 and 4): this row's trends are NA.`,
      },
      {
        sheet: "History",
        cell: "C5",
        message: `"A" has two rows for Q2 2020/21 (rows 3 and 5): this row's trends are NA.`,
      },
    ]);
  });

  test("distinct problems stay distinct: another measure, another column, another text", async () => {
    const found = await problems({
      name: "Data",
      rows: [
        HEADER,
        ["A", "a", "Q1 2020/21", { error: "#N/A" }, "£1.2m", "Max"],
        ["B", "b", "Q1 2020/21", { error: "#N/A" }, "£1.2m", "Max"],
        ["A", "a", "Q2 2020/21", { error: "#DIV/0!" }, "£1.3m", "Max"],
      ],
    });
    expect(found.map((p) => [p.cell, p.message.replace(/ \(it is read|: .*$/, "")])).toEqual([
      ["D2", "Value is the error #N/A"],
      ["E2", `Target "£1.2m" is not a number, a range such as 60-70 or a comparison such as ≥ 95%`],
      ["D3", "Value is the error #N/A"],
      ["E3", `Target "£1.2m" is not a number, a range such as 60-70 or a comparison such as ≥ 95%`],
      ["D4", "Value is the error #DIV/0!"],
      ["E4", `Target "£1.3m" is not a number, a range such as 60-70 or a comparison such as ≥ 95%`],
    ]);
    expect(found.every((p) => p.also === undefined)).toBe(true);
  });

  test("a wide table's rows are measures of their own: the same bad target on each row is said on each", async () => {
    const found = await problems({
      name: "Kent",
      rows: [
        ["Code", "Measure", "Target", "Aim", "Q1 2020/21", "Q2 2020/21"],
        ["K1", "k1", "£1.2m", "Max", 1, 2],
        ["K2", "k2", "£1.2m", "Max", 1, 2],
      ],
    });
    expect(found.map((p) => p.cell)).toEqual(["C2", "C3"]);
    expect(found.every((p) => p.also === undefined && !p.message.includes("Also in"))).toBe(true);
  });
});

describe("withoutOwnRow", () => {
  test.each([
    ["(the target is in E7): the status is NA.", 7, "(the target is in E#): the status is NA."],
    ["(the target is in E7): the status is NA.", 8, "(the target is in E7): the status is NA."],
    [`"A" has two rows for Q2 2020/21 (rows 4 and 7)`, 7, `"A" has two rows for Q2 2020/21 (rows 4 and #)`],
    [`"A" has two rows for Q2 2020/21 (rows 4 and 7)`, 4, `"A" has two rows for Q2 2020/21 (rows # and 7)`],
    ["also row 7", 7, "also row #"],
    // The user's quoted text and plain figures are not row references.
    [`Value "E7 or row 7" is not a number`, 7, `Value "E7 or row 7" is not a number`],
    ["Stated mid-point 7 is not 7.5", 7, "Stated mid-point 7 is not 7.5"],
    ["(the target is in E17)", 7, "(the target is in E17)"],
    ["No room right of the table at H7", 7, "No room right of the table at H#"],
    // A quarter is no cell: Q1 on row 1 stays.
    [`"M" has two rows for Q1 2020/21 (rows 100 and 1)`, 1, `"M" has two rows for Q1 2020/21 (rows 100 and #)`],
  ])("%s on row %d", (message, row, expected) => {
    expect(withoutOwnRow(message, row)).toBe(expected);
  });
});

describe("property: grouping never loses a cell, never merges two measures or two columns", () => {
  const COLUMNS = ["D", "E", "F"];
  const MEASURES = ["M1", "M2", "M3", null];
  const TEXTS = [
    () => NOT_A_TARGET,
    () => "Value is the error #N/A: it is read as not available.",
    (row: number) => `Aim "Min" contradicts target "≥ 5" (the target is in E${row}): the status is NA.`,
    (row: number) => `"M" has two rows for Q1 2020/21 (rows 100 and ${row}): this row's trends are NA.`,
  ];
  const arbitraryCase = fc.record({
    // Each 0-based row's measure (null: a row no measure owns, such as a header).
    measures: fc.array(fc.constantFrom(...MEASURES), { minLength: 1, maxLength: 40 }),
    picks: fc.array(
      fc.record({
        row: fc.nat(),
        col: fc.nat(COLUMNS.length - 1),
        text: fc.nat(TEXTS.length - 1),
        sheet: fc.boolean(),
      }),
      { maxLength: 60 },
    ),
  });

  test("every original cell is the problem's cell or in its also list, once; each problem is one measure's, one column's", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ measures, picks }) => {
        // Each original problem as sheet!cell#text: the text it was made from, whatever its row made of it.
        const made = new Map<Problem, string>();
        const original: Problem[] = [];
        for (const pick of picks) {
          const row = pick.row % measures.length;
          const sheet = pick.sheet ? "Adults" : "Children";
          const cell = `${COLUMNS[pick.col]}${row + 1}`;
          const id = `${sheet}!${cell}#${pick.text}`;
          // One problem per cell and text, as the rules make them.
          if ([...made.values()].includes(id)) continue;
          const problem = { sheet, cell, message: TEXTS[pick.text](row + 1) };
          made.set(problem, id);
          original.push(problem);
        }
        const measureOf = (row: number) => measures[row];
        const rowOf = (cell: string) => Number(cell.slice(1)) - 1;
        const grouped = sayRepeatsOnce(original, measureOf);
        const covered: string[] = [];
        for (const p of grouped) {
          const cells = [p.cell, ...(p.also ?? [])];
          // One column, one measure.
          expect(new Set(cells.map((c) => c[0])).size).toBe(1);
          expect(new Set(cells.map((c) => measureOf(rowOf(c)))).size).toBe(1);
          if (p.also === undefined) {
            expect(made.has(p)).toBe(true);
            covered.push(made.get(p) as string);
            continue;
          }
          const first = original.find(
            (o) => o.sheet === p.sheet && o.cell === p.cell && p.message.startsWith(o.message),
          );
          expect(first).toBeDefined();
          const text = (made.get(first as Problem) as string).split("#")[1];
          // Every cell named is the same text's problem, made on that cell's row.
          for (const c of cells) covered.push(`${p.sheet}!${c}#${text}`);
          const measure = measureOf(rowOf(p.cell));
          expect(measure).not.toBeNull();
          expect(p.also.map(rowOf)).toEqual([...p.also.map(rowOf)].sort((a, b) => a - b));
          expect(rowOf(p.also[0])).toBeGreaterThan(rowOf(p.cell));
          // The first cell's own problem, then where else: the count, the first and the last other cell named.
          const n = p.also.length;
          expect(p.message).toBe(
            `${(first as Problem).message} Also in ${n} more row${n === 1 ? "" : "s"} of ${measure}: ${p.also[0]}` +
              p.message.slice(p.message.indexOf(p.also[0]) + p.also[0].length),
          );
          expect(p.message.endsWith(`${p.also[n - 1]}.`)).toBe(true);
        }
        // Nothing lost, nothing named twice, nothing merged with another text's problem.
        expect(covered.sort()).toEqual([...made.values()].sort());
        // And what can be merged is: one problem per sheet, measure, column and text.
        const groups = new Set(
          original.map((o) => {
            const m = measureOf(rowOf(o.cell));
            return m === null ? made.get(o) : `${o.sheet}|${m}|${o.cell[0]}|${(made.get(o) as string).split("#")[1]}`;
          }),
        );
        expect(grouped).toHaveLength(groups.size);
      }),
      { numRuns: 300 },
    );
  });

  test("problems on rows no measure owns are never merged", () => {
    const header: Problem[] = [
      { sheet: "S", cell: "A1", message: "This table has no Target column, so every status is NA." },
      { sheet: "S", cell: "A1", message: "This table has no Target column, so every status is NA." },
    ];
    expect(sayRepeatsOnce(header, () => null)).toEqual(header);
  });
});
