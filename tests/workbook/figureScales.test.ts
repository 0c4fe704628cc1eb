/**
 * New-user findings N13, N15 and N3: each figure of a reason printed as its cell shows it; a percentage beside a plain
 * number on another scale is a data problem at the target cell (the status stays what the rule gives, as the sheet's
 * status cells and KPI.RAG formulas say); a target typed as money keeps its £ and commas; a measure whose latest
 * period is an error or a blank keeps the format of its latest figure.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main";
import { applyRules } from "../../src/workbook";
import type { ApplyReport, MeasureReport } from "../../src/workbook/model";
import { typedMoneyFormat } from "../../src/workbook/numberFormats";
import { readSpcChart } from "../../src/workbook/operations/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { toA1 } from "../../src/workbook/a1";
import type { CellValue } from "../../src/core";
import { MemoryPort, type MemorySheetInit } from "../support/memoryPort";
import { opened, xlsxWorkbook } from "../xlsx/xlsxFixtures";
import { fakeContext } from "../support/officeFixtures";
import { OfficeWorkbook } from "../../src/hosts/office";

const HEADER = ["Code", "Measure", "Period", "Value", "Target", "Aim"];

function measure(report: ApplyReport, code: string): MeasureReport {
  const found = report.measures.find((m) => m.code === code);
  if (!found) throw new Error(`no measure ${code}`);
  return found;
}

const problemsAt = (report: ApplyReport, cell: string) =>
  report.problems.filter((p) => p.cell === cell).map((p) => p.message);

async function applied(sheet: MemorySheetInit): Promise<{ port: MemoryPort; report: ApplyReport }> {
  const port = new MemoryPort({ sheets: [sheet] });
  return { port, report: await applyRules(port) };
}

/** The summary sheet's Value and Target cells of a measure (found by its code in column B). */
function summaryFigures(port: MemoryPort, code: string) {
  const grid = port.grid("Scorecard Summary");
  const row = grid.findIndex((r) => r[1] === code);
  if (row < 0) throw new Error(`no summary row for ${code}`);
  return {
    value: port.cell("Scorecard Summary", toA1(row, 3)),
    target: port.cell("Scorecard Summary", toA1(row, 4)),
  };
}

describe("a percentage beside a plain number on another scale (N13)", () => {
  const MIXED: MemorySheetInit = {
    name: "Mixed",
    rows: [
      HEADER,
      ["P1", "Placements in borough", "Sep 2025", 0.96, 95, "Maximise"],
      ["P2", "Reviews on time", "Sep 2025", 96, 0.95, "Maximise"],
      ["P3", "Typed percentage value", "Sep 2025", "96%", 95, "Maximise"],
      ["P4", "Typed percentage target", "Sep 2025", 96, "≥ 95%", null],
      ["S1", "Same scale, General target", "Sep 2025", 0.87, 0.8, "Maximise"],
      ["S2", "Over 100%, same scale", "Sep 2025", 2.5, 3, "Maximise"],
    ],
    numberFormats: { D2: "0%", E3: "0%", D6: "0.0%", D7: "0%" },
  };

  test("value shown as a percentage, target typed as a whole number: the reason prints the target as typed", async () => {
    const { port, report } = await applied(MIXED);
    const p1 = measure(report, "P1");
    expect(p1.status).toBe("Red");
    expect(p1.reason).toBe("Red: 96% is 99% below target 95 (Maximise, amber band 5%)");
    expect(problemsAt(report, "E2")).toEqual([
      "Value 96% and target 95 look like different scales (a percentage and a plain number), so the status " +
        "compares 0.96 with 95. If the target is 95%, type it as 95% (or 0.95 formatted as a percentage).",
    ]);
    // The summary shows the target as its cell does (95), not 9500%, and the status the sheet's cell has.
    const { value, target } = summaryFigures(port, "P1");
    expect(value).toMatchObject({ value: 0.96, style: { numberFormat: "0%" } });
    expect(target.value).toBe(95);
    expect(target.style.numberFormat).toBeUndefined();
    expect(port.cell("Mixed", "G2").value).toBe("Red");
  });

  test("value typed as a whole number, target shown as a percentage: the other way round", async () => {
    const { report } = await applied(MIXED);
    const p2 = measure(report, "P2");
    expect(p2.status).toBe("Green");
    expect(p2.reason).toBe("Green: 96 is 10005.3% better than target 95% (Maximise)");
    expect(p2.targetFormat).toBe("0%");
    expect(p2.valueFormat).toBeUndefined();
    expect(problemsAt(report, "E3")).toEqual([
      "Value 96 and target 95% look like different scales (a plain number and a percentage), so the status " +
        "compares 96 with 0.95. Type the value as 96% (or 0.96 formatted as a percentage), or the target as 95 " +
        "without the %, as the value is written.",
    ]);
  });

  test("percentages typed as text count the same way", async () => {
    const { report } = await applied(MIXED);
    expect(measure(report, "P3").reason).toBe("Red: 96% is 99% below target 95 (Maximise, amber band 5%)");
    expect(problemsAt(report, "E4")).toEqual([
      "Value 96% and target 95 look like different scales (a percentage and a plain number), so the status " +
        "compares 0.96 with 95. If the target is 95%, type it as 95% (or 0.95 formatted as a percentage).",
    ]);
    expect(measure(report, "P4").reason).toBe("Green: 96 is 10005.3% better than target 95% (Maximise)");
    expect(problemsAt(report, "E5")).toHaveLength(1);
  });

  test("figures on one scale are no problem: a General 0.8 beside 87% reads 80%, 3 beside 250% reads 300%", async () => {
    const { report } = await applied(MIXED);
    expect(measure(report, "S1").reason).toBe("Green: 87% is 8.8% better than target 80% (Maximise)");
    expect(measure(report, "S2").reason).toBe("Red: 250% is 16.7% below target 300% (Maximise, amber band 5%)");
    expect(problemsAt(report, "E6")).toEqual([]);
    expect(problemsAt(report, "E7")).toEqual([]);
    expect(report.problems.map((p) => p.cell)).toEqual(["E2", "E3", "E4", "E5"]);
  });

  test("a range target on the other scale says so with both bounds", async () => {
    const { report } = await applied({
      name: "Range",
      rows: [HEADER, ["R1", "Occupancy", "Sep 2025", 0.72, "60-70", "Goldilocks"]],
      numberFormats: { D2: "0%" },
    });
    expect(measure(report, "R1").reason).toBe("Red: 72% is 98.8% below range 60–70 (Goldilocks, amber band 5%)");
    expect(problemsAt(report, "E2")).toEqual([
      "Value 72% and target 60–70 look like different scales (a percentage and a plain number), so the status " +
        "compares 0.72 with 60–70. If the target is 60%–70%, type it as 60%–70% (or 0.6–0.7 formatted as " +
        "percentages).",
    ]);
  });
});

describe("a target typed as money keeps its £ and commas (N15)", () => {
  test("reason and summary print £1,200,000, not 1200000", async () => {
    const { port, report } = await applied({
      name: "Housing",
      rows: [HEADER, ["HS04", "Temporary accommodation spend", "Sep 2025", 1180000, "£1,200,000", "Minimise"]],
    });
    const hs04 = measure(report, "HS04");
    expect(hs04.reason).toBe("Green: 1.7% better than target £1,200,000 (Minimise)");
    expect(hs04.targetFormat).toBe('"£"#,##0');
    expect(summaryFigures(port, "HS04").target).toMatchObject({ value: 1200000, style: { numberFormat: '"£"#,##0' } });
    expect(report.problems).toEqual([]);
  });

  test.each([
    ["£1,200,000", '"£"#,##0'],
    ["≤ £21,000", '"£"#,##0'],
    ["£950.50", '"£"0.00'],
    ["Between $1,000.5 and $2,000.5", '"$"#,##0.0'],
    ["95%", null],
    ["1,200", null],
    [1200, null],
  ])("typed %s -> %s", (raw, format) => expect(typedMoneyFormat(raw)).toBe(format));
});

describe("the format of a measure whose latest period has no figure (N3)", () => {
  const MONTHS = ["Apr 2025", "May 2025", "Jun 2025", "Jul 2025", "Aug 2025", "Sep 2025"];
  const spend = (latest: unknown) =>
    MONTHS.map((period, i) => ["PH04", "Stop smoking spend", period, i === 5 ? latest : 21000 + 100 * i, 21000, "Min"]);
  /** £ on the figures only: the latest cell (an error, or nothing) has no format of its own. */
  const sheet = (latest: unknown): MemorySheetInit => ({
    name: "Public Health",
    rows: [HEADER, ...spend(latest)] as MemorySheetInit["rows"],
    numberFormats: Object.fromEntries([2, 3, 4, 5, 6].map((r) => [`D${r}`, '"£"#,##0'])),
  });

  test.each([
    ["an error", { error: "#DIV/0!" }],
    ["a blank", null],
  ])("latest value %s: the format of the latest figure (Aug 2025)", async (_, latest) => {
    const { port, report } = await applied(sheet(latest));
    const ph04 = measure(report, "PH04");
    expect(ph04.status).toBe("NA");
    expect(ph04.valueFormat).toBe('"£"#,##0');
    // The General target beside money reads as money too.
    expect(summaryFigures(port, "PH04").target.style.numberFormat).toBe('"£"#,##0');
  });

  test("no figure at all: the latest cell's own format", async () => {
    const { report } = await applied({
      name: "Public Health",
      rows: [HEADER, ["PH05", "New spend", "Sep 2025", { error: "#N/A" }, 100, "Min"]],
      numberFormats: { D2: '"£"#,##0' },
    });
    expect(measure(report, "PH05").valueFormat).toBe('"£"#,##0');
  });

  test("the SPC chart of such a measure prints money (the CLI's chart sheet and the pane's preview read it)", async () => {
    const months = Array.from(
      { length: 14 },
      (_, i) =>
        `${["Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"][i]} ${i < 5 ? 2024 : 2025}`,
    );
    const rows = months.map((period, i) => [
      "PH04",
      "Stop smoking spend",
      period,
      i === 13 ? { error: "#DIV/0!" } : 21000 + (i % 3) * 100,
      21000,
      "Min",
    ]);
    const port = new MemoryPort({
      sheets: [
        {
          name: "Public Health",
          rows: [HEADER, ...rows] as MemorySheetInit["rows"],
          numberFormats: Object.fromEntries(rows.map((_, i) => [`D${i + 2}`, '"£"#,##0'])),
        },
      ],
    });
    const result = await readSpcChart(port, spcMeasureKey("Public Health", "PH04"));
    if (!result.ok) throw new Error(result.problem);
    expect(result.chart.valueFormat).toBe('"£"#,##0');
    expect(result.chart.variationReason).toBe(
      "Common cause: no special-cause rule marks the latest point £21,000 (mean £21,092, process limits " +
        "£20,738 to £21,447) (SPC of figures to Aug 2025: Sep 2025 has none)",
    );
  });
});

describe("the SPC chart prints each figure as its cell shows it (N13, N15)", () => {
  const MONTHS = Array.from(
    { length: 13 },
    (_, i) =>
      `${["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"][i]} ${i < 4 ? 2024 : 2025}`,
  );

  async function chart(values: (i: number) => number, target: CellValue, formats: Record<string, string>) {
    const rows = MONTHS.map((period, i) => ["K1", "Placements", period, values(i), target, "Maximise"]);
    const port = new MemoryPort({
      sheets: [{ name: "Kent", rows: [HEADER, ...rows] as MemorySheetInit["rows"], numberFormats: formats }],
    });
    const result = await readSpcChart(port, spcMeasureKey("Kent", "K1"));
    if (!result.ok) throw new Error(result.problem);
    return result.chart;
  }
  const every = (col: string, format: string) =>
    Object.fromEntries(MONTHS.map((_, i) => [`${col}${i + 2}`, format] as const));

  test("percentage values against a target typed 95: the limits in %, the target as typed", async () => {
    const c = await chart((i) => 0.9 + (i % 3) / 100, 95, every("D", "0%"));
    expect(c.assuranceReason).toBe("Fail: target 95 is above the upper process limit 94.5% (Maximise)");
  });

  test("a General target beside money values reads as money, in the chart and the RAG reason", async () => {
    const c = await chart((i) => 21000 + (i % 3) * 100, 21500, every("D", '"£"#,##0'));
    expect(c.assuranceReason).toBe("Fail: target £21,500 is above the upper process limit £21,447 (Maximise)");
    const port = new MemoryPort({
      sheets: [
        {
          name: "Spend",
          rows: [HEADER, ["S1", "Spend", "Sep 2025", 21000, 21500, "Maximise"]],
          numberFormats: { D2: '"£"#,##0' },
        },
      ],
    });
    const report = await applyRules(port);
    expect(measure(report, "S1")).toMatchObject({
      reason: "Amber: 2.3% below target £21,500 (Maximise, amber band 5%)",
      valueFormat: '"£"#,##0',
      targetFormat: '"£"#,##0',
    });
  });
});

describe("the .xlsx and Office.js hosts give the same figures", () => {
  const months = ["Jun 2025", "Jul 2025", "Aug 2025", "Sep 2025"];
  const SHEET: MemorySheetInit = {
    name: "Mixed",
    rows: [
      HEADER,
      ["P1", "Placements in borough", "Sep 2025", 0.96, 95, "Maximise"],
      ...months.map((period, i) => [
        "PH04",
        "Stop smoking spend",
        period,
        i === 3 ? { error: "#DIV/0!" } : 21000,
        21000,
        "Min",
      ]),
    ] as MemorySheetInit["rows"],
    numberFormats: { D2: "0%", D3: '"£"#,##0', D4: '"£"#,##0', D5: '"£"#,##0' },
  };

  test.each([
    [".xlsx", async () => opened(await xlsxWorkbook([SHEET]))],
    ["Office.js", async () => new OfficeWorkbook(fakeContext([SHEET]))],
  ])("%s: different scales named at the target cell; an error in the latest month keeps the £", async (_, host) => {
    const report = await applyRules(await host());
    expect(measure(report, "P1").reason).toBe("Red: 96% is 99% below target 95 (Maximise, amber band 5%)");
    expect(problemsAt(report, "E2")).toHaveLength(1);
    expect(measure(report, "PH04")).toMatchObject({ status: "NA", valueFormat: '"£"#,##0', targetFormat: '"£"#,##0' });
  });
});

describe("scorecard summary names the problem as apply does", () => {
  test("the CLI's summary reads the formats: the different-scales problem is listed", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-scales-"));
    try {
      const file = path.join(dir, "mixed.xlsx");
      const workbook = await xlsxWorkbook([
        {
          name: "Mixed",
          rows: [HEADER, ["P1", "Placements", "Sep 2025", 0.96, 95, "Maximise"]],
          numberFormats: { D2: "0%" },
        },
      ]);
      await fs.writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
      const out: string[] = [];
      const status = await run(["summary", file], {
        out: (t) => out.push(t),
        err: (t) => out.push(t),
        progress: () => null,
      });
      expect(status).toBe(0);
      expect(out.join("\n")).toContain(
        "Data problems (1):\n  Mixed!E2: Value 96% and target 95 look like different scales (a percentage and a plain " +
          "number), so the status compares 0.96 with 95. If the target is 95%, type it as 95% (or 0.95 formatted as a " +
          "percentage).",
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
