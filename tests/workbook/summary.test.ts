import {
  applyRules,
  generateSummary,
  parseState,
  saveSettings,
  loadSettings,
  DEFAULT_SETTINGS,
} from "../../src/workbook";
import { chooseSummaryName } from "../../src/workbook/summary";
import { MemoryPort } from "../support/memoryPort";
import { CONTRACT_EXAMPLES, medwaySheet } from "./fixtures";

/** The summary sheet's rows as text, blank cells dropped. */
const lines = (port: MemoryPort, sheet = "Scorecard Summary"): string[] =>
  port.grid(sheet).map((row) => row.filter((v) => v !== null && v !== "").join(" | "));

describe("Medway People Q2 2020/21 (seed page 1) as a workbook", () => {
  let port: MemoryPort;
  beforeAll(async () => {
    port = new MemoryPort({ sheets: [medwaySheet()] });
    await applyRules(port);
  });

  test("the counts the report prints: 31 measures, 22 reporting, 9 not available", async () => {
    const report = await applyRules(port);
    expect(report.summary[0]).toMatchObject({
      sheet: "People",
      total: 31,
      reporting: 22,
      na: 9,
      green: 15,
      amber: 1,
      red: 6,
      improvedLong: 14,
      improvedShort: 12,
    });
  });

  test("the improvement lines and narrative sentences", () => {
    const text = lines(port);
    expect(text).toContain("64% (14 out of 22) improved long term");
    expect(text).toContain("55% (12 out of 22) improved short term");
    expect(text).toContain("The total number of measures for this directorate is 31.");
    expect(text).toContain(
      "We are reporting on 22 as data for 9 measures are not available (PH14, PH15, SEKS4A8, ILAC7, SE KS2Mnt, ASCOF 2Cii, SE KS2, N23, ASCOF 2A(1)).",
    );
    expect(text).toContain("2 of the 15 green measures are deteriorating long term (PH26, ILAC1).");
    expect(text).toContain("The total number of measures for this outcome is 16.");
  });

  test("counts with codes, per directorate and per group", () => {
    const text = lines(port);
    expect(text).toContain("Measures | 31");
    expect(text).toContain("Reporting | 22");
    expect(text).toContain("Not available | 9");
    expect(text).toContain("Amber | 1 | ASCOF 1G (n)");
    expect(text).toContain("Red | 6 | A1, ILAC4, EDU3(b), CSC0004, ASCOF 1C(2i), PH16");
    expect(text).toContain("Healthy and active communities");
    expect(text).toContain("Resilient families");
    expect(text.filter((l) => l.startsWith("Measures | "))).toEqual([
      "Measures | 31",
      "Measures | 16",
      "Measures | 15",
    ]);
  });

  test("measure lists by status, NA measures listed too", () => {
    const text = lines(port);
    const green = text.indexOf("Measures in target (green)");
    expect(text[green + 1]).toBe("Code | Status | Measure | Long Trend | Short Trend");
    expect(text[green + 2]).toBe("PH26 | Green | Measure PH26 | DET | IMP");
    const na = text.indexOf("Measures not available");
    expect(text.slice(na + 2, na + 11).map((l) => l.split(" | ")[0])).toEqual([
      "PH14",
      "PH15",
      "SEKS4A8",
      "ILAC7",
      "SE KS2Mnt",
      "ASCOF 2Cii",
      "SE KS2",
      "N23",
      "ASCOF 2A(1)",
    ]);
    expect(text).toContain("ASCOF 1G (n) | Amber | Measure ASCOF 1G (n) | IMP | DET");
  });

  test("styled: bold headings, status fills, widths, frozen title, a chart of RAG counts", () => {
    const sheet = port.sheet("Scorecard Summary");
    const text = lines(port);
    const row = (t: string) => text.indexOf(t) + 1;
    expect(port.cell("Scorecard Summary", `A${row("People")}`).style.bold).toBe(true);
    expect(port.cell("Scorecard Summary", `A${row("Measures in target (green)")}`).style.bold).toBe(true);
    const redRow = text.findIndex((l) => l.startsWith("Red | 6")) + 1;
    expect(port.cell("Scorecard Summary", `A${redRow}`).style).toMatchObject({ fill: "#FFC7CE", font: "#9C0006" });
    expect(sheet.widths.get(2)).toBe(70);
    expect(sheet.freezeRows).toBe(1);
    expect(sheet.chart).toMatchObject({
      title: "RAG status by directorate",
      seriesColours: ["#006100", "#9C5700", "#9C0006", "#3A3A3A"],
    });
    const range = sheet.chart?.range;
    expect(range && [range.rows, range.cols]).toEqual([2, 5]);
    expect(range && lines(port)[range.row]).toBe("Sheet | Green | Amber | Red | NA | Total | Reporting");
    expect(range && lines(port)[range.row + 1]).toBe("People | 15 | 1 | 6 | 9 | 31 | 22");
  });

  test("prints landscape, every column on one page wide, so the measure names are not cut off", () => {
    expect(port.sheet("Scorecard Summary").page).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      repeatRows: 1,
      footer: true,
    });
  });
});

describe("measure lists", () => {
  test("the Measure column widens to the longest name (up to 110 characters), so no name is cut off", async () => {
    const long =
      "Completed initial child and family assessments which started as S47, where the child was visited within 1 working day";
    const sheet = (names: string[]) => ({
      name: "People",
      rows: [
        ["Code", "Measure", "Period", "Target", "Value", "Aim"],
        ...names.map((name, i) => [`M${i}`, name, "Q2 2020/21", 90, 95, "Maximise"]),
      ],
    });
    const widthFor = async (names: string[]) => {
      const port = new MemoryPort({ sheets: [sheet(names)] });
      await applyRules(port);
      return port.sheet("Scorecard Summary").widths.get(2);
    };
    expect(await widthFor(["Healthy Settings programme"])).toBe(70);
    expect(await widthFor(["Healthy Settings programme", long.slice(0, 90)])).toBe(92);
    expect(await widthFor([long])).toBe(110);
  });
});

describe("data quality section", () => {
  test("every problem with its sheet and cell", async () => {
    const port = new MemoryPort({
      sheets: [
        {
          name: "S",
          rows: [
            ["Code", "Value", "Target", "Aim"],
            ["A", 1, 2, "Sideways"],
          ],
        },
      ],
    });
    await applyRules(port);
    const text = lines(port);
    const at = text.indexOf("Data quality");
    expect(text.slice(at + 1)).toEqual([
      "Sheet | Cell | Problem",
      `S | D2 | Unknown aim "Sideways": the status is NA.`,
    ]);
  });

  test("says so when there is none", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    await applyRules(port);
    expect(lines(port).slice(-2)).toEqual(["Data quality", "No data problems found."]);
  });
});

describe("the summary sheet is the add-in's own", () => {
  test("regenerating replaces only it", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    await applyRules(port);
    const result = await generateSummary(port);
    expect(result.summarySheet).toBe("Scorecard Summary");
    expect(port.plans[1]).toMatchObject({
      sheets: [],
      ownedSheet: { sheet: "Scorecard Summary", replaces: "Scorecard Summary" },
    });
    expect(port.sheets.map((s) => s.name)).toEqual(["Examples", "Notes", "Scorecard Summary"]);
    expect(parseState(port.state).state.summarySheet).toBe("Scorecard Summary");
  });

  test("a user's sheet of that name is never touched: another name, and a notice", async () => {
    const port = new MemoryPort({
      sheets: [...CONTRACT_EXAMPLES, { name: "scorecard summary", rows: [["My own notes"]] }],
    });
    const userBefore = port.dump("scorecard summary");
    const first = await applyRules(port);
    expect(first.summarySheet).toBe("Scorecard Summary (2)");
    expect(first.notices).toContain(
      `A sheet named "Scorecard Summary" already exists and is not Scorecard's own, so it was left alone and the summary was written to "Scorecard Summary (2)".`,
    );
    const second = await applyRules(port);
    expect(second.summarySheet).toBe("Scorecard Summary (2)");
    expect(port.sheets.map((s) => s.name)).toEqual(["Examples", "Notes", "scorecard summary", "Scorecard Summary (2)"]);
    expect(port.dump("scorecard summary")).toEqual(userBefore);
    // The user's sheet is read like any other (it has no tables), the owned one is skipped.
    const report = await applyRules(port, { summary: false });
    expect(report.sheets.find((s) => s.sheet === "Scorecard Summary (2)")?.skipped).toBe(
      "Scorecard's own summary sheet",
    );
    expect(report.sheets.find((s) => s.sheet === "scorecard summary")?.skipped).toBeUndefined();
  });

  test("a new configured name replaces the old owned sheet", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    await applyRules(port);
    await saveSettings(port, { ...DEFAULT_SETTINGS, summarySheetName: "Committee" });
    expect((await loadSettings(port)).summarySheetName).toBe("Committee");
    await generateSummary(port);
    expect(port.sheets.map((s) => s.name)).toEqual(["Examples", "Notes", "Committee"]);
  });

  test("names stay within Excel's 31 characters and ignore case", () => {
    const long = "A very long summary sheet name!";
    expect(long).toHaveLength(31);
    expect(chooseSummaryName(long, [long.toUpperCase()], null).name).toBe("A very long summary sheet n (2)");
    expect(chooseSummaryName("S", ["s", "S (2)"], null).name).toBe("S (3)");
    expect(chooseSummaryName("S", ["S"], "s")).toEqual({ name: "S", notice: null });
  });
});
