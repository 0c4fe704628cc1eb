/**
 * The summary sheet within Excel's limits (src/workbook/excelLimits.ts): no cell over 32,767 characters, no row past
 * 1,048,576. Lists of codes are cut at a code and say how many more there are and where they are all listed; the
 * data-quality list stops at LISTED_PROBLEMS and counts the rest; the sections stop at the last rows and say how many
 * measures they leave out.
 */
import fc from "fast-check";
import { summarise } from "../../src/core";
import type { Status } from "../../src/core";
import type { Assurance, Variation } from "../../src/core/spc";
import type { CellValue } from "../../src/core/types";
import { listUpTo } from "../../src/core/text";
import { OfficeWorkbook } from "../../src/hosts/office";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { DEFAULT_SETTINGS, applyRules } from "../../src/workbook";
import { blockRows } from "../../src/workbook/blockRows";
import { CELL_CHARS, CELL_TEXT_CHARS, SHEET_ROWS } from "../../src/workbook/excelLimits";
import type { MeasureReport, Problem } from "../../src/workbook/model";
import type { OwnedSheetWrite } from "../../src/workbook/port";
import { LISTED_PROBLEMS, buildSummarySheet } from "../../src/workbook/summary";
import { readSpcChart } from "../../src/workbook/operations/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { buildSpcSheet } from "../../src/workbook/spcChartSheet";
import { FakeSheet } from "../office/fakeExcel";
import { KENT_MONTHS } from "../support/kent";
import { fakeContext } from "../support/officeFixtures";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import { opened } from "../xlsx/xlsxFixtures";
import { xlsxWorkbook } from "../xlsx/xlsxFixtures";

/** "RED-0001" … : codes of 8 characters, 10 with the ", " between them. */
const codes = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(4, "0")}`);

/** A directorate sheet of measures all Red (10 against a target of 50, aim to maximise), one row each. */
const redSheet = (redCodes: readonly string[], name = (code: string) => `Measure ${code}`): MemorySheetInit => ({
  name: "Adults",
  rows: [
    ["Code", "Measure", "Period", "Value", "Target", "Aim"],
    ...redCodes.map((code) => [code, name(code), "Q2 2020/21", 10, 50, "Maximise"]),
  ],
});

const RED = codes("RED", 4_000);

const empty = (v: CellValue | undefined): boolean => v === null || v === undefined || v === "";

/**
 * A list of codes as printed (new-user finding N2): broken after its commas into the same column of the rows below,
 * which hold nothing else; joined with a space it is the list as one cell held it.
 */
function listFrom(rows: readonly (readonly CellValue[])[], at: number, col: number): string {
  const lines = [String(rows[at][col])];
  const goesOn = (row: readonly CellValue[]) => row.every((v, c) => (c === col ? typeof v === "string" : empty(v)));
  for (let r = at + 1; r < rows.length && goesOn(rows[r]); r++) lines.push(String(rows[r][col]));
  return lines.join(" ");
}

/** A sentence as printed: its first row in column A and the rows below up to the one ending it with a full stop. */
function sentenceFrom(rows: readonly (readonly CellValue[])[], starts: string): string {
  const at = rows.findIndex((row) => typeof row[0] === "string" && row[0].startsWith(starts));
  if (at < 0) return "";
  let text = String(rows[at][0]);
  for (let r = at + 1; !text.endsWith(".") && r < rows.length; r++) text += ` ${String(rows[r][0])}`;
  return text;
}

/** Every row of the summary's one block, as values. */
function grid(write: OwnedSheetWrite): (string | number | null)[][] {
  const rows = blockRows(write.blocks[0]);
  return Array.from({ length: rows.length }, (_, i) => rows.row(i).map((cell) => cell.value));
}

describe("a list cut at an item (core listUpTo), at most 20 characters", () => {
  const cut = { maxChars: 20, more: (n: number) => `+${n} more` };
  test.each([
    [["AB1", "CD2", "EF3"], "AB1, CD2, EF3"],
    [["AAAAAAAAA", "BBBBBBBBB"], "AAAAAAAAA, BBBBBBBBB"], // exactly 20: whole
    [["AAAAA", "BBBBB", "CCCCC", "DDDDD"], "AAAAA, +3 more"], // "AAAAA, BBBBB, +2 more" would be 21
    [["X".repeat(30), "Y"], "+2 more"], // the first code alone passes the limit: never half a code
  ])("%j", (items, expected) => {
    expect(listUpTo(items, cut)).toBe(expected);
  });
});

describe("a directorate with 4,000 Red measures (a list of codes past 32,767 characters)", () => {
  let text: CellValue[][];
  beforeAll(async () => {
    const port = new MemoryPort({ sheets: [redSheet(RED)] });
    await applyRules(port);
    text = port.grid("Scorecard Summary");
  });

  test("the Red count's codes are cut at a code, and say how many more the table lists", () => {
    // 3,273 codes of 10 characters with their commas, and the note: 32,759 characters.
    const red = text.flatMap((row, at) => (row[0] === "Red" && row[1] === 4_000 ? [listFrom(text, at, 2)] : []));
    expect(red).toHaveLength(1);
    expect(red[0]).toBe(`${RED.slice(0, 3_273).join(", ")}, … and 727 more (listed below)`);
    expect(red[0].length).toBe(32_759);
  });

  test("the narrative's list is cut sooner (a sentence may hold four lists) and says the same", () => {
    expect(sentenceFrom(text, "4000 measures are significantly below target (red)")).toBe(
      `4000 measures are significantly below target (red) (${RED.slice(0, 797).join(", ")}, … and 3203 more, listed below).`,
    );
  });

  test("the measure table below lists all 4,000", () => {
    const header = text.findIndex((row) => row[0] === "Measure" && row[1] === "Code");
    expect(text.slice(header + 1, header + 4_001).map((row) => row[1])).toEqual(RED);
  });

  test("short lists are as before, whole", async () => {
    const port = new MemoryPort({ sheets: [redSheet(RED.slice(0, 3))] });
    await applyRules(port);
    expect(
      port
        .grid("Scorecard Summary")
        .filter((row) => row[0] === "Red" && row[1] === 3)[0]
        .slice(0, 3),
    ).toEqual(["Red", 3, "RED-0001, RED-0002, RED-0003"]);
  });
});

describe("text copied from the user's cells", () => {
  test("a name or an aim past the cell limit is cut with an ellipsis, in the table and the data problems", async () => {
    const longName = "n".repeat(40_000);
    const longAim = "a".repeat(40_000);
    const port = new MemoryPort({
      sheets: [
        {
          name: "S",
          rows: [
            ["Code", "Measure", "Period", "Value", "Target", "Aim"],
            ["A1", longName, "Q2 2020/21", 10, 50, "Maximise"],
            ["A2", "Short", "Q2 2020/21", 10, 50, longAim],
          ],
        },
      ],
    });
    await applyRules(port);
    const summary = port.grid("Scorecard Summary");
    const nameCell = summary.find((row) => row[1] === "A1")?.[0];
    expect(nameCell).toBe(`${"n".repeat(CELL_TEXT_CHARS - 1)}…`);
    const problem = summary.find((row) => row[0] === "S" && typeof row[2] === "string" && row[2].startsWith("Unknown"));
    expect(problem?.[2]).toMatch(/^Unknown aim "a+…$/);
    expect(String(problem?.[2]).length).toBe(CELL_TEXT_CHARS);
    expect(Math.max(...summary.flat().map((v) => (typeof v === "string" ? v.length : 0)))).toBeLessThanOrEqual(
      CELL_TEXT_CHARS,
    );
  });

  test("an emoji is never split in half at the cut", async () => {
    const name = `${"x".repeat(CELL_TEXT_CHARS - 2)}😀😀`;
    const port = new MemoryPort({ sheets: [redSheet(["E1"], () => name)] });
    await applyRules(port);
    const cell = String(port.grid("Scorecard Summary").find((row) => row[1] === "E1")?.[0]);
    expect(cell).toBe(`${"x".repeat(CELL_TEXT_CHARS - 2)}…`);
  });
});

/** One measure for the summary's input, as the report gives it. */
function measure(
  sheet: string,
  group: string | null,
  code: string,
  status: Status,
  extra: Partial<MeasureReport> = {},
) {
  const report: MeasureReport = {
    sheet,
    group,
    code,
    name: `Measure ${code}`,
    period: "Q2 2020/21",
    aim: "Maximise",
    aimImplied: false,
    value: status === "NA" ? null : 10,
    target: 50,
    floor: null,
    status,
    naKind: status === "NA" ? "noData" : null,
    shortTrend: "NA",
    longTrend: "NA",
    variation: "NA",
    assurance: "NA",
    reason: "",
    cell: "A1",
    ...extra,
  };
  return report;
}

const summaryOf = (measures: readonly MeasureReport[], problems: readonly Problem[] = [], spc = false) =>
  buildSummarySheet(
    { summary: summarise(measures), measures, problems, settings: { ...DEFAULT_SETTINGS, spc } },
    "Scorecard Summary",
    null,
  );

describe("the SPC chart sheet", () => {
  test("its title cell, the code and a name of 32,767 characters, is cut to the cell limit", async () => {
    const name = "n".repeat(CELL_CHARS);
    const port = new MemoryPort({
      sheets: [
        {
          name: "Long",
          rows: [
            ["Code", "Measure", "Period", "Value", "Target", "Aim"],
            ...KENT_MONTHS.map((month, i) => ["L1", name, month, 10 + (i % 3), 12, "Maximise"]),
          ],
        },
      ],
    });
    const result = await readSpcChart(port, spcMeasureKey("Long", "L1"));
    if (!result.ok) throw new Error(result.problem);
    const title = blockRows(buildSpcSheet(result.chart, "Scorecard SPC", null).blocks[0]).row(0)[0].value;
    expect(title).toBe(`SPC chart: L1 ${"n".repeat(CELL_TEXT_CHARS - "SPC chart: L1 ".length - 1)}…`);
  });
});

describe("SPC lists (the measure table has no SPC column)", () => {
  test("4,000 measures showing improvement: the count's codes and the sentence point to the SPC columns", () => {
    const measures = RED.map((code) => measure("Adults", null, code, "Red", { variation: "Improvement (high)" }));
    const rows = grid(summaryOf(measures, [], true));
    const where = "see the Variation and Assurance columns beside each table";
    const at = rows.findIndex((row) => row[0] === "SPC: Improvement");
    expect([rows[at][1], listFrom(rows, at, 2)]).toEqual([
      4_000,
      `${RED.slice(0, 3_269).join(", ")}, … and 731 more (${where})`,
    ]);
    expect(sentenceFrom(rows, "4000 measures have 12 or more periods")).toBe(
      `4000 measures have 12 or more periods and a usable aim: 4000 measures show special cause improvement (${RED.slice(0, 792).join(", ")}, … and 3208 more, ${where}).`,
    );
  });
});

describe("the period line", () => {
  test("1,000 different period labels: the line is cut at a period and points to the Period column", () => {
    const labels = Array.from({ length: 1_000 }, (_, i) => `Note ${String(i).padStart(4, "0")} ${"x".repeat(20)}`);
    const measures = labels.map((period, i) => measure("S", null, `M${i}`, "Green", { period }));
    const line = grid(summaryOf(measures))[1][0];
    // Each "Note 0001 x…x (1 measure)" is 42 characters, 44 with ", ": 743 fit beside the note.
    const kept = labels.slice(0, 743).map((label) => `${label} (1 measure)`);
    expect(line).toBe(`Periods: ${kept.join(", ")}, … and 257 more (see the Period column of the tables below).`);
  });
});

describe("the data-quality list", () => {
  const problems = (n: number): Problem[] =>
    Array.from({ length: n }, (_, i) => ({ sheet: "S", cell: `D${i + 2}`, message: `Unknown aim "x${i}".` }));

  test(`lists the first ${LISTED_PROBLEMS} problems and counts the rest, saying where they are all listed`, () => {
    const rows = grid(summaryOf([measure("S", null, "A1", "Red")], problems(LISTED_PROBLEMS + 50)));
    const header = rows.findIndex((row) => row[0] === "Sheet" && row[1] === "Cell" && row[2] === "Problem");
    expect(rows[header + 1]).toEqual(["S", "D2", 'Unknown aim "x0".', null, null, null, null, null, null]);
    expect(rows[header + LISTED_PROBLEMS][1]).toBe(`D${LISTED_PROBLEMS + 1}`);
    expect(rows.slice(header + LISTED_PROBLEMS + 1).map((row) => row[0])).toEqual([
      "… and 50 more data problems, not listed here: the task pane's Problems list shows every one, and the command line prints them all (on stderr, and in its --json report).",
    ]);
  });

  test(`exactly ${LISTED_PROBLEMS} problems are all listed, with no note`, () => {
    const rows = grid(summaryOf([measure("S", null, "A1", "Red")], problems(LISTED_PROBLEMS)));
    expect(rows.at(-1)?.[1]).toBe(`D${LISTED_PROBLEMS + 1}`);
  });
});

describe("a summary that would pass Excel's last row", () => {
  test("1,100,000 measures: the table stops at the last rows and says how many it leaves out", () => {
    const total = 1_100_000;
    const measures = Array.from({ length: total }, (_, i) => measure("S", null, `M${i}`, "Green"));
    const write = summaryOf(measures);
    const rows = blockRows(write.blocks[0]);
    expect(rows.length).toBe(SHEET_ROWS);
    // Read row by row (a grid of a million rows held at once would double the test's memory): the table lists
    // M0, M1, … in order up to the sheet's last rows.
    let listed = 0;
    let outOfOrder: unknown = null;
    for (let i = 0; i < rows.length; i++) {
      const code = rows.row(i)[1].value;
      if (typeof code !== "string" || !code.startsWith("M")) continue;
      if (code !== `M${listed}` && outOfOrder === null) outOfOrder = { row: i + 1, code, expected: `M${listed}` };
      listed++;
    }
    expect(outOfOrder).toBeNull();
    expect(listed).toBeGreaterThan(1_048_000);
    const last = Array.from({ length: 3 }, (_, i) => rows.row(SHEET_ROWS - 3 + i)[0].value);
    expect(last).toEqual([
      `The summary stops here: an Excel sheet holds at most 1,048,576 rows, so ${total - listed} of the ${total} measures are not listed above. The command line's --json report lists every measure.`,
      "Data quality",
      "No data problems found.",
    ]);
    // The Status column's one styled run ends with the last listed row.
    const runs = write.styles.filter((s) => "range" in s && s.range.col === 5 && s.range.rows > 1);
    expect(runs.map((s) => ("range" in s ? s.range.row + s.range.rows : 0))).toEqual([SHEET_ROWS - 3]);
  });
});

describe("properties (fast-check)", () => {
  const VARIATIONS: Variation[] = ["NA", "Common cause", "Improvement (high)", "Concern (low)", "Neutral (high)"];
  const ASSURANCES: Assurance[] = ["NA", "Pass", "Fail", "Hit and miss"];
  const STATUSES: Status[] = ["Green", "Amber", "Red", "NA"];

  interface Shape {
    readonly sheets: number;
    readonly groups: number;
    readonly measures: number;
    readonly codeChars: number;
    readonly longText: number;
    readonly problems: number;
    readonly spc: boolean;
    readonly seed: number;
  }

  /** Measures and problems of a shape; every 997th measure (by seed) has a long code (x…xC12), name or reason. */
  function summaryOfShape(p: Shape): OwnedSheetWrite {
    const long = "x".repeat(p.longText);
    const notRated = { naKind: "notRated" as const, reason: `NA: unknown aim "${long}"` };
    const measures = Array.from({ length: p.measures }, (_, i) => {
      const k = (i * 7 + p.seed) % 997;
      const code = `${k === 1 ? long : "C".repeat(Math.max(0, p.codeChars - String(i).length - 1))}C${i}`;
      return measure(`S${i % p.sheets}`, p.groups > 0 ? `G${i % p.groups}` : null, code, STATUSES[k % 4], {
        name: k === 0 ? long : `Measure ${i}`,
        variation: VARIATIONS[k % VARIATIONS.length],
        assurance: ASSURANCES[k % ASSURANCES.length],
        ...(k === 3 ? notRated : {}),
      });
    });
    const problems = Array.from({ length: p.problems }, (_, i) => ({
      sheet: "S0",
      cell: `A${i + 1}`,
      message: i === 0 ? long : "Unknown aim.",
    }));
    return summaryOf(measures, problems, p.spc);
  }

  test("no written cell is over 32,767 characters, whatever the counts and the texts", () => {
    // Past a cell: a status's codes (3,000 codes of 12 characters), or one long code, name, reason or message.
    const shape = fc.record({
      sheets: fc.integer({ min: 1, max: 3 }),
      groups: fc.nat(40),
      measures: fc.oneof(fc.nat(30), fc.integer({ min: 2_000, max: 12_000 })),
      codeChars: fc.integer({ min: 2, max: 14 }),
      longText: fc.nat(40_000),
      problems: fc.oneof(fc.nat(5), fc.integer({ min: LISTED_PROBLEMS - 5, max: LISTED_PROBLEMS + 50 })),
      spc: fc.boolean(),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(shape, (p) => {
        const rows = blockRows(summaryOfShape(p).blocks[0]);
        for (let i = 0; i < rows.length; i++) {
          for (const { value } of rows.row(i)) {
            if (typeof value === "string" && value.length > CELL_CHARS)
              throw new Error(`row ${i + 1}: ${value.length}`);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  test("the sheet never passes row 1,048,576, and says how many measures it leaves out when it stops", () => {
    // Past the rows: 100,000 groups take 11 rows or more each. Few runs: each builds about a million rows.
    const shape = fc.record({
      sheets: fc.integer({ min: 1, max: 3 }),
      groups: fc.integer({ min: 0, max: 110_000 }),
      measures: fc.integer({ min: 0, max: 200_000 }),
      codeChars: fc.constant(1),
      longText: fc.constant(0),
      problems: fc.nat(200_000),
      spc: fc.boolean(),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(shape, (p) => {
        const write = summaryOfShape(p);
        const rows = blockRows(write.blocks[0]);
        expect(write.blocks[0].row + rows.length).toBeLessThanOrEqual(SHEET_ROWS);
        // One expect for all styles: a million expect() calls take minutes.
        const styledEnd = write.styles.reduce(
          (end, s) => Math.max(end, "range" in s ? s.range.row + s.range.rows : s.row + s.index.length),
          0,
        );
        expect(styledEnd).toBeLessThanOrEqual(rows.length);
        if (write.chart) expect(write.chart.range.row + write.chart.range.rows).toBeLessThanOrEqual(rows.length);
        let listed = 0;
        let note: unknown = undefined;
        for (let i = 0; i < rows.length; i++) {
          const [first, second] = rows.row(i);
          if (typeof second.value === "string" && /^[xC]*C\d+$/.test(second.value)) listed++;
          if (typeof first.value === "string" && first.value.startsWith("The summary stops here")) note = first.value;
        }
        const left = p.measures - listed;
        expect(note).toBe(
          left === 0
            ? undefined
            : `The summary stops here: an Excel sheet holds at most 1,048,576 rows, so ${left} of the ${p.measures} measures are not listed above. The command line's --json report lists every measure.`,
        );
      }),
      {
        numRuns: 6,
        // Always one run past the rows, with SPC rows and a data-quality list that is itself cut.
        examples: [
          [
            {
              sheets: 2,
              groups: 100_000,
              measures: 150_000,
              codeChars: 1,
              longText: 0,
              problems: 20_000,
              spc: true,
              seed: 7,
            },
          ],
        ],
      },
    );
  });
});

describe("through the .xlsx host", () => {
  test("a file scored and opened again holds the cut list, 32,759 characters over rows, and every measure in the table", async () => {
    const host = await opened(await xlsxWorkbook([redSheet(RED)]));
    await applyRules(host);
    const again = XlsxWorkbook.open(host.save());
    const summary = (await again.readWorkbook()).sheets.find((s) => s.name === "Scorecard Summary");
    if (!summary) throw new Error("no summary sheet in the saved file");
    const red = summary.values.findIndex((row) => row[0] === "Red" && row[1] === 4_000);
    expect(listFrom(summary.values, red, 2)).toBe(`${RED.slice(0, 3_273).join(", ")}, … and 727 more (listed below)`);
    const listedCodes = summary.values.filter((row) => typeof row[1] === "string" && /^RED-\d{4}$/.test(row[1]));
    expect(listedCodes.map((row) => row[1])).toEqual(RED);
  }, 60_000);
});

describe("through the Office.js host (the fake Excel)", () => {
  test("no input sent to the summary passes 32,767 characters, the apostrophe that keeps text as text included", async () => {
    const long: MemorySheetInit = {
      name: "Long",
      rows: [
        ["Code", "Measure", "Period", "Value", "Target", "Aim"],
        ["L1", "9".repeat(40_000), "Q2 2020/21", 10, 50, "Maximise"],
      ],
    };
    const enter = jest.spyOn(FakeSheet.prototype, "enter");
    try {
      await applyRules(new OfficeWorkbook(fakeContext([redSheet(RED), long])));
      const inputs = enter.mock.calls.flatMap(([, , input], i) =>
        enter.mock.contexts[i].name === "Scorecard Summary" && typeof input === "string" ? [input] : [],
      );
      // The Red codes go in column C over rows (new-user finding N2), as sent; the name of nines is cut to 32,766.
      const redLines = enter.mock.calls.flatMap(([, col, input], i) =>
        enter.mock.contexts[i].name === "Scorecard Summary" && col === 2 && typeof input === "string"
          ? [input.replace(/^'/, "")].filter((line) => line.startsWith("RED-"))
          : [],
      );
      expect(redLines.join(" ")).toBe(`${RED.slice(0, 3_273).join(", ")}, … and 727 more (listed below)`);
      expect(inputs).toContain(`'${"9".repeat(CELL_TEXT_CHARS - 1)}…`);
      expect(Math.max(...inputs.map((input) => input.length))).toBe(CELL_CHARS);
    } finally {
      enter.mockRestore();
    }
  });
});
