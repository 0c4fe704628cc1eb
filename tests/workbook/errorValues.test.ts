/**
 * SPEC §1: an Excel error in a value, target, aim, band or floor cell is NA and a data problem naming the cell and
 * the error — in the scan the pane shows, and through the CLI (stderr lines and the JSON report's problems).
 * SPEC §3: a target such as "≥ 95%" fills a blank aim (shown in the report); an aim that contradicts it is NA with
 * a problem naming both cells.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import type { CellValue } from "../../src/core";
import { run, type Console } from "../../src/cli/main";
import { scanWorkbook } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";

const HEADER = ["Code", "Measure", "Period", "Value", "Target", "Aim", "Amber band", "Floor"];
const ERRORS = [
  "#DIV/0!",
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];
/** Field, its column letter and its 0-based index in HEADER. */
const FIELDS = [
  ["value", "D", 3],
  ["target", "E", 4],
  ["aim", "F", 5],
  ["amber band", "G", 6],
  ["floor", "H", 7],
] as const;

/** One row per error per field, otherwise a clean Green row (96 against 95, Maximise). */
function rows(): CellValue[][] {
  const out: CellValue[][] = [HEADER];
  for (const error of ERRORS) {
    for (const [field, , index] of FIELDS) {
      const row: CellValue[] = [`${field} ${error}`, "m", "Q1 2020/21", 96, 95, "Max", null, 90];
      row[index] = { error };
      out.push(row);
    }
  }
  return out;
}

describe("Excel errors through the workbook", () => {
  test("each is NA, with a problem naming its cell and the error", async () => {
    const report = await scanWorkbook(new MemoryPort({ sheets: [{ name: "Data", rows: rows() }] }));
    let line = 2;
    for (const error of ERRORS) {
      for (const [field, col] of FIELDS) {
        const measure = report.measures.find((m) => m.code === `${field} ${error}`);
        expect(measure).toMatchObject({ status: "NA", reason: `NA: ${field} is the error ${error}` });
        expect(measure?.naKind).toBe(field === "value" ? "noData" : "notRated");
        expect(report.problems).toContainEqual({
          sheet: "Data",
          cell: `${col}${line}`,
          message: `${field.charAt(0).toUpperCase()}${field.slice(1)} is the error ${error}: the status is NA.`,
        });
        line++;
      }
    }
    expect(report.problems).toHaveLength(ERRORS.length * FIELDS.length);
  });

  test("in a wide table, an error in an earlier or a later period's cell is named too", async () => {
    const report = await scanWorkbook(
      new MemoryPort({
        sheets: [
          {
            name: "Wide",
            rows: [
              ["Code", "Target", "Aim", "Q1 2020/21", "Q2 2020/21", "Q3 2020/21"],
              ["A", 10, "Max", { error: "#REF!" }, 12, { error: "#N/A" }],
            ],
          },
        ],
      }),
    );
    expect(report.measures[0]).toMatchObject({ status: "Green", period: "Q2 2020/21" });
    expect(report.problems).toEqual([
      { sheet: "Wide", cell: "D2", message: "Value is the error #REF!: it is read as not available." },
      { sheet: "Wide", cell: "F2", message: "Value is the error #N/A: it is read as not available." },
    ]);
  });
  test("an error in a period older than the long trend's is named in a wide table as in a long one", async () => {
    const quarters = ["Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Q4 2023/24", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25"];
    const figures: CellValue[] = [{ error: "#DIV/0!" }, 41, 42, 43, 44, 45, 46];
    const report = await scanWorkbook(
      new MemoryPort({
        sheets: [
          {
            name: "Long",
            rows: [
              ["Code", "Measure", "Period", "Value", "Target", "Aim"],
              ...quarters.map((q, i) => ["L1", "a", q, figures[i], 40, "Max"]),
            ],
          },
          {
            name: "Wide",
            rows: [
              ["Ref", "Indicator", "Polarity", "Target", ...quarters],
              ["W1", "b", "Max", 40, ...figures],
            ],
          },
        ],
      }),
    );
    // The long table rates that period's row too (NA); the wide table's row is rated on its latest period.
    const error = "Value is the error #DIV/0!:";
    expect(report.problems).toContainEqual({ sheet: "Long", cell: "D2", message: `${error} the status is NA.` });
    expect(report.problems).toContainEqual({
      sheet: "Wide",
      cell: "E2",
      message: `${error} it is read as not available.`,
    });
    expect(report.problems).toHaveLength(2);
  });
});

describe("text figures in a wide table (new-user finding F14)", () => {
  test("text or an error in the latest period's cell: rated on the period before, and named as a long table names it", async () => {
    const months = ["Jun-13", "Jul-13", "Aug-13", "Sep-13"];
    const latest: CellValue[] = ["#DIV/0!", "7 (prov)", { error: "#DIV/0!" }, null, "n/a", "#N/A"];
    const report = await scanWorkbook(
      new MemoryPort({
        sheets: [
          {
            name: "Wide",
            rows: [
              ["Ref", "Indicator", "Polarity", "Target", ...months],
              ...latest.map((cell, i) => [`W${i + 1}`, "w", "Lower is better", 10, 12, "8 (prov)", 9, cell]),
            ],
          },
          {
            name: "Long",
            rows: [
              ["Code", "Measure", "Period", "Value", "Target", "Aim"],
              ["L1", "l", "Sep-13", "#DIV/0!", 10, "Min"],
              ["L2", "l", "Sep-13", "7 (prov)", 10, "Min"],
            ],
          },
        ],
      }),
    );
    // SPEC §1: in a wide table the latest period *with a number* is current, whatever the later cell holds.
    expect(report.measures.filter((m) => m.sheet === "Wide").map((m) => [m.code, m.period, m.status])).toEqual(
      latest.map((_, i) => [`W${i + 1}`, "Aug 2013", "Green"]),
    );
    const notAvailable = "it is read as not available.";
    const earlierText = (row: number) => ({
      sheet: "Wide",
      cell: `F${row}`,
      message: `Value "8 (prov)" is not a number: ${notAvailable}`,
    });
    expect(report.problems).toEqual([
      earlierText(2),
      { sheet: "Wide", cell: "H2", message: `Value "#DIV/0!" is the text of an Excel error: ${notAvailable}` },
      earlierText(3),
      { sheet: "Wide", cell: "H3", message: `Value "7 (prov)" is not a number: ${notAvailable}` },
      earlierText(4),
      { sheet: "Wide", cell: "H4", message: `Value is the error #DIV/0!: ${notAvailable}` },
      earlierText(5),
      earlierText(6),
      earlierText(7),
      { sheet: "Long", cell: "D2", message: `Value "#DIV/0!" is the text of an Excel error: ${notAvailable}` },
      { sheet: "Long", cell: "D3", message: `Value "7 (prov)" is not a number: ${notAvailable}` },
    ]);
  });
});

describe("implied and contradicting aims in the workbook", () => {
  test("a blank aim takes the target's; one that contradicts it is NA naming both cells", async () => {
    const report = await scanWorkbook(
      new MemoryPort({
        sheets: [
          {
            name: "Data",
            rows: [
              ["Code", "Measure", "Period", "Value", "Target", "Aim"],
              ["A", "a", "Q1 2020/21", 0.96, "≥ 95%", null],
              ["B", "b", "Q1 2020/21", 11, "No more than 10", null],
              ["C", "c", "Q1 2020/21", 0.96, "At least 95%", "Minimise"],
              ["D", "d", "Q1 2020/21", 5, "Increase", null],
            ],
          },
        ],
      }),
    );
    expect(report.measures.map((m) => [m.code, m.status, m.aim, m.aimImplied])).toEqual([
      ["A", "Green", "Maximise", true],
      ["B", "Red", "Minimise", true],
      ["C", "NA", null, false],
      ["D", "NA", "Maximise", true],
    ]);
    expect(report.measures[3].reason).toBe("NA: no numeric target");
    expect(report.problems).toEqual([
      {
        sheet: "Data",
        cell: "F4",
        message:
          'Aim "Minimise" contradicts target "At least 95%", which means Maximise (the target is in E4): the status is NA.',
      },
    ]);
  });
});

describe("Excel errors through the CLI", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-errors-"));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  test("stderr names each cell and error; the JSON report lists the same problems", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(HEADER);
    sheet.addRow(["A", "a", "Q1 2020/21", { formula: "1/0", result: { error: "#DIV/0!" } }, 95, "Max"]);
    sheet.addRow(["B", "b", "Q1 2020/21", 96, { error: "#REF!" }, "Max"]);
    sheet.addRow(["C", "c", "Q1 2020/21", 96, 95, { formula: "NA()", result: { error: "#N/A" } }]);
    sheet.addRow(["D", "d", "Q1 2020/21", 96, 95, "Max", null, { error: "#NUM!" }]);
    const input = path.join(dir, "errors.xlsx");
    await workbook.xlsx.writeFile(input);
    const json = path.join(dir, "report.json");

    const err: string[] = [];
    const io: Console = { out: () => undefined, err: (t) => err.push(t), progress: () => null };
    expect(await run(["apply", input, "--json", json], io)).toBe(0);

    const expected = [
      ["D2", "Value is the error #DIV/0!: the status is NA."],
      ["E3", "Target is the error #REF!: the status is NA."],
      ["F4", "Aim is the error #N/A: the status is NA."],
      ["H5", "Floor is the error #NUM!: the status is NA."],
    ];
    for (const [cell, message] of expected) expect(err).toContain(`Data!${cell}: ${message}`);
    const report = JSON.parse(await fs.readFile(json, "utf8")) as {
      problems: { sheet: string; cell: string; message: string }[];
      measures: { code: string; status: string }[];
    };
    expect(report.problems).toEqual(expected.map(([cell, message]) => ({ sheet: "Data", cell, message })));
    expect(report.measures.map((m) => m.status)).toEqual(["NA", "NA", "NA", "NA"]);
  });
});
