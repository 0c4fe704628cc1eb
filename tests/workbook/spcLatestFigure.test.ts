/**
 * A measure whose latest period has no figure (an error or an NA word: status NA, data not available) gets SPC words
 * about the last figure there is (SPEC §7 reads numeric values only); the reason and the summary's Note say which,
 * as the SPC chart does (new-user finding F24). The Variation cell keeps its word.
 */
import { applyRules, readSpcChart, toJsonReport } from "../../src/workbook";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { scan } from "../../src/workbook/operations/scan";
import type { CellValue } from "../../src/core/types";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const period = (i: number) => `${MONTHS[i % 12]} ${2024 + Math.floor(i / 12)}`;
// 16 steady figures: Common cause, and Hit and miss against a target of 41.
const FIGURES = [40, 42, 41, 39, 43, 40, 41, 42, 40, 39, 41, 43, 40, 42, 41, 40];

/** A long table of one measure: FIGURES, then `latest` in the periods after them, newest first as Medway writes. */
function sheet(latest: readonly CellValue[], figures: readonly number[] = FIGURES): MemorySheetInit {
  const values: CellValue[] = [...figures, ...latest];
  const rows = values.map((v, i): CellValue[] => ["ASC06", "Reviews", period(i), v, 41, "Maximise"]).reverse();
  return { name: "Adults", rows: [["Code", "Measure", "Period", "Value", "Target", "Aim"], ...rows] };
}

const measureOf = async (s: MemorySheetInit, spc = true) =>
  (await scan(new MemoryPort({ sheets: [s] }), { spc })).report.measures[0];

describe("the reason says which figure SPC is about", () => {
  test("an error in the latest period: the figures to the month before", async () => {
    const m = await measureOf(sheet([{ error: "#DIV/0!" }]));
    expect(m).toMatchObject({
      period: "May 2025",
      status: "NA",
      naKind: "noData",
      variation: "Common cause",
      assurance: "Hit and miss",
      spcNote: "SPC of figures to Apr 2025: May 2025 has none",
      reason: "NA: value is the error #DIV/0!; SPC of figures to Apr 2025: May 2025 has none",
    });
  });

  test("two periods without a figure (an NA word, a blank) are named as a span", async () => {
    const m = await measureOf(sheet(["n/a", null]));
    expect(m.period).toBe("Jun 2025");
    expect(m.variation).toBe("Common cause");
    expect(m.spcNote).toBe("SPC of figures to Apr 2025: May 2025 to Jun 2025 have none");
    expect(m.reason).toBe("NA: no value; SPC of figures to Apr 2025: May 2025 to Jun 2025 have none");
  });

  test("a latest figure, SPC off, or too few figures for SPC: nothing added", async () => {
    const withFigure = await measureOf(sheet([41]));
    expect(withFigure.spcNote).toBeUndefined();
    expect(withFigure.reason).not.toContain("SPC");
    const off = await measureOf(sheet([{ error: "#DIV/0!" }]), false);
    expect(off).toMatchObject({ variation: "NA", reason: "NA: value is the error #DIV/0!" });
    expect(off.spcNote).toBeUndefined();
    const short = await measureOf(sheet([{ error: "#DIV/0!" }], FIGURES.slice(0, 11)));
    expect(short).toMatchObject({ variation: "NA", reason: "NA: value is the error #DIV/0!" });
    expect(short.spcNote).toBeUndefined();
  });
});

describe("where the words are read", () => {
  test("the JSON report, the summary's Note, and the Variation cell keeps its word", async () => {
    const port = new MemoryPort({ sheets: [sheet([{ error: "#DIV/0!" }])] });
    const report = await applyRules(port, { settings: { spc: true } });
    expect(toJsonReport(report).measures[0]).toMatchObject({
      variation: "Common cause",
      spcNote: "SPC of figures to Apr 2025: May 2025 has none",
    });
    const [headers, latestRow] = port.grid("Adults");
    expect(latestRow[headers.indexOf("Variation")]).toBe("Common cause");
    expect(latestRow[headers.indexOf("Status")]).toBe("NA");
    const summaryRow = port
      .grid("Scorecard Summary")
      .find((row) => row.includes("ASC06") && row.some((v) => typeof v === "string" && v.startsWith("Data not")));
    expect(summaryRow).toContain("Data not available; SPC of figures to Apr 2025: May 2025 has none");
  });
});

describe("the SPC chart says the same", () => {
  test("its latest figure note, which ends the variation reason; none when the latest period has a figure", async () => {
    const chartOf = async (s: MemorySheetInit) => {
      const result = await readSpcChart(new MemoryPort({ sheets: [s] }), spcMeasureKey("Adults", "ASC06"));
      if (!result.ok) throw new Error(result.problem);
      return result.chart;
    };
    const gap = await chartOf(sheet([{ error: "#DIV/0!" }]));
    expect(gap.latestFigureNote).toBe("SPC of figures to Apr 2025: May 2025 has none");
    expect(gap.variationReason.endsWith(" (SPC of figures to Apr 2025: May 2025 has none)")).toBe(true);
    const full = await chartOf(sheet([41]));
    expect(full.latestFigureNote).toBeUndefined();
    expect(full.variationReason).not.toContain("latest figure");
  });
});
