/**
 * New-user finding F4: figures formatted as percentages in the source are shown as percentages on the summary sheet
 * and in the reasons, on all three hosts (in memory, .xlsx file, Office.js fake), from one lazy number-format look-up.
 */
import { OfficeWorkbook } from "../../src/hosts/office";
import { applyRules, generateSummary, scanWorkbook } from "../../src/workbook";
import type { ApplyReport, MeasureReport } from "../../src/workbook/model";
import { isPercentFormat, typedPercentFormat } from "../../src/workbook/numberFormats";
import { toA1 } from "../../src/workbook/a1";
import { FormatRuns } from "../../src/hosts/xlsx/read/formatRuns";
import { MemoryPort, type MemorySheetInit } from "../support/memoryPort";
import { fakeContext } from "../support/officeFixtures";
import { inspected, opened, xlsxWorkbook } from "../xlsx/xlsxFixtures";

const HEADER = ["Code", "Measure", "Period", "Value", "Target", "Aim"];
const PEOPLE: MemorySheetInit = {
  name: "People",
  rows: [
    HEADER,
    ["SCS01", "Social care satisfaction", "Q2 2020/21", 0.803, 0.85, "Maximise"],
    ["PH16", "Smoking at delivery", "Q2 2020/21", 0.1837, 0.175, "Minimise"],
    ["P1", "Pupils placed", "Q2 2020/21", 0.94, "≥ 95%", null],
    ["N1", "Nights in B&B", "Q2 2020/21", 1200, 1000, "Minimise"],
    ["G1", "Plain figure", "Q2 2020/21", 28, 30, "Maximise"],
    ["ASC05", "General target", "Q2 2020/21", 0.87, 0.8, "Maximise"],
  ],
  numberFormats: { D2: "0.0%", E2: "0%", D3: "0.0%", E3: "0.0%", D5: "#,##0", E5: "#,##0", D7: "0.0%" },
};

/** Reasons and formats a committee reads for each measure. */
const EXPECTED: Record<string, Pick<MeasureReport, "reason" | "valueFormat" | "targetFormat">> = {
  SCS01: {
    reason: "Red: 80.3% is 5.5% below target 85% (Maximise, amber band 5%)",
    valueFormat: "0.0%",
    targetFormat: "0%",
  },
  // F15 stays fixed: the gap is printed unrounded onto the band, and the value in full, not as the cell rounds it.
  PH16: {
    reason: "Amber: 18.37% is 4.97% above target 17.5% (Minimise, amber band 5%)",
    valueFormat: "0.0%",
    targetFormat: "0.0%",
  },
  // A percentage typed as text counts as one; the aim comes from the comparison.
  P1: { reason: "Amber: 94% is 1.1% below target 95% (Maximise, amber band 5%)", targetFormat: "0%" },
  N1: { reason: "Red: 20% above target 1000 (Minimise, amber band 5%)", valueFormat: "#,##0", targetFormat: "#,##0" },
  G1: { reason: "Red: 6.7% below target 30 (Maximise, amber band 5%)" },
  // F3: a General target beside percentages is shown as the reason reads it (80.0%, not 0.8).
  ASC05: {
    reason: "Green: 87% is 8.8% better than target 80% (Maximise)",
    valueFormat: "0.0%",
    targetFormat: "0.0%",
  },
};

function shown(report: ApplyReport | { measures: readonly MeasureReport[] }) {
  return Object.fromEntries(
    report.measures.map((m) => [
      m.code,
      {
        reason: m.reason,
        ...(m.valueFormat ? { valueFormat: m.valueFormat } : {}),
        ...(m.targetFormat ? { targetFormat: m.targetFormat } : {}),
      },
    ]),
  );
}

/** The summary row of a measure: [row, its cells] found by its code (column B). */
function summaryRow(grid: readonly (readonly unknown[])[], code: string): number {
  const row = grid.findIndex((r) => r[1] === code);
  if (row < 0) throw new Error(`no summary row for ${code}`);
  return row;
}

const VALUE = 3;
const TARGET = 4;

describe("number formats of the figures (F4)", () => {
  test("in memory: reasons print percentages; JSON keeps numbers; the summary writes the source's formats", async () => {
    const port = new MemoryPort({ sheets: [PEOPLE] });
    const report = await applyRules(port);
    expect(shown(report)).toEqual(EXPECTED);
    const scs = report.measures.find((m) => m.code === "SCS01");
    expect(scs).toMatchObject({ value: 0.803, target: 0.85 });
    const grid = port.grid("Scorecard Summary");
    const at = (code: string, col: number) => port.cell("Scorecard Summary", toA1(summaryRow(grid, code), col));
    expect(at("SCS01", VALUE)).toMatchObject({ value: 0.803, style: { numberFormat: "0.0%" } });
    expect(at("SCS01", TARGET)).toMatchObject({ value: 0.85, style: { numberFormat: "0%" } });
    expect(at("P1", TARGET)).toMatchObject({ value: 0.95, style: { numberFormat: "0%" } });
    expect(at("ASC05", TARGET)).toMatchObject({ value: 0.8, style: { numberFormat: "0.0%" } });
    expect(at("N1", VALUE).style.numberFormat).toBe("#,##0");
    expect(at("G1", VALUE).style.numberFormat).toBeUndefined();
    expect(at("P1", VALUE).style.numberFormat).toBeUndefined();
    expect(port.calls.readNumberFormats).toBe(1);
  });

  test("generate summary alone reads them too; a plain scan does not", async () => {
    const scanned = new MemoryPort({ sheets: [PEOPLE] });
    await scanWorkbook(scanned);
    expect(scanned.calls.readNumberFormats).toBe(0);
    const port = new MemoryPort({ sheets: [PEOPLE] });
    await generateSummary(port);
    expect(port.calls.readNumberFormats).toBe(1);
    const grid = port.grid("Scorecard Summary");
    const cell = port.cell("Scorecard Summary", toA1(summaryRow(grid, "PH16"), VALUE));
    expect(cell.style.numberFormat).toBe("0.0%");
  });

  test("a Goldilocks range in percentages reads as one on the summary and in the reason", async () => {
    const port = new MemoryPort({
      sheets: [
        {
          name: "Range",
          rows: [
            ["Code", "Measure", "Period", "Value", "Target", "Aim"],
            ["R1", "Occupancy", "2020/21", 0.72, "60%-70%", "Goldilocks"],
          ],
          numberFormats: { D2: "0%" },
        },
      ],
    });
    const report = await applyRules(port);
    expect(report.measures[0].reason).toBe("Amber: 72% is 2.9% above range 60%–70% (Goldilocks, amber band 5%)");
    expect(port.grid("Scorecard Summary").find((r) => r[1] === "R1")?.[TARGET]).toBe("60%–70%");
  });

  test(".xlsx host: the cell's xf gives the format; the summary cells carry it in the saved file", async () => {
    const host = await opened(await xlsxWorkbook([PEOPLE]));
    const report = await applyRules(host);
    expect(shown(report)).toEqual(EXPECTED);
    const ws = (await inspected(host)).getWorksheet("Scorecard Summary")!;
    const rowOf = (code: string) => {
      let found = 0;
      ws.eachRow((row, n) => {
        if (row.getCell(2).value === code) found = n;
      });
      return ws.getRow(found);
    };
    expect(rowOf("SCS01").getCell(VALUE + 1).numFmt).toBe("0.0%");
    expect(rowOf("SCS01").getCell(TARGET + 1).numFmt).toBe("0%");
    expect(rowOf("N1").getCell(VALUE + 1).numFmt).toBe("#,##0");
    expect(rowOf("G1").getCell(VALUE + 1).numFmt).toBeUndefined();
  });

  test("Office.js host: Range.numberFormat read in one sync, the summary cells formatted", async () => {
    const ctx = fakeContext([PEOPLE]);
    const report = await applyRules(new OfficeWorkbook(ctx));
    expect(shown(report)).toEqual(EXPECTED);
    const summary = ctx.book.sheet("Scorecard Summary");
    let scsRow = -1;
    for (let r = 0; r < 200 && scsRow < 0; r++) if (summary.value(r, 1) === "SCS01") scsRow = r;
    expect(summary.style(scsRow, VALUE).numberFormat).toBe("0.0%");
    expect(summary.style(scsRow, TARGET).numberFormat).toBe("0%");
    // Sheet list, used ranges, data, bold flags, number formats, the write, print layout and chart.
    expect(ctx.syncCount).toBe(7);
    // Value and target columns, each asked rows 2–6 as one span: two loads, not ten.
    expect(ctx.syncs[4].actions.filter((a) => a === "Range.load")).toHaveLength(2);
  });
});

describe("which formats show a percentage", () => {
  test.each([
    ["0%", true],
    ["0.0%", true],
    ["0.0%;[Red]-0.0%", true],
    ["General", false],
    ["#,##0", false],
    ['0.0"%"', false],
    ["0.0\\%", false],
    ["0;0%", false],
  ])("%s -> %s", (code, percent) => expect(isPercentFormat(code)).toBe(percent));

  test.each([
    ["95%", "0%"],
    ["≥ 95.5%", "0.0%"],
    ["60-70%", "0%"],
    ["At least 95", null],
    [0.95, null],
  ])("typed %s -> %s", (raw, format) => expect(typedPercentFormat(raw)).toBe(format));
});

describe("the .xlsx reader's style runs", () => {
  test("one entry per change down a column; absent cells read as the style above; untouched columns as 0", () => {
    const runs = new FormatRuns();
    runs.note(0, 3, 0);
    runs.note(1, 3, 7);
    runs.note(2, 3, 7);
    runs.note(5, 3, 9);
    runs.note(6, 3, 0);
    expect([0, 1, 2, 3, 5, 6, 100].map((row) => runs.xf(row, 3))).toEqual([0, 7, 7, 7, 9, 0, 0]);
    expect(runs.xf(1, 4)).toBe(0);
  });

  test("keeps up with a long column whose style changes on every row", () => {
    const runs = new FormatRuns();
    for (let row = 0; row < 10_000; row++) runs.note(row, 0, 1 + (row % 3));
    expect(runs.xf(9_998, 0)).toBe(1 + (9_998 % 3));
    expect(runs.xf(4, 0)).toBe(2);
  });
});
