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
    expect(text).toContain(
      "64% (14 out of 22) improved long term and 55% (12 out of 22) improved over the short term.",
    );
    expect(text).toContain("The total number of measures for this directorate is 31.");
    expect(text).toContain(
      "We are reporting on 22 as data for 9 measures are not available (PH14, PH15, SEKS4A8, ILAC7, SE KS2Mnt, ASCOF 2Cii, SE KS2, N23, ASCOF 2A(1)).",
    );
    expect(text).toContain("2 of the 15 green measures are deteriorating long term (PH26, ILAC1).");
    expect(text).toContain("The total number of measures for this outcome is 16.");
  });

  test("counts with codes, per directorate and per group, NA split by why", () => {
    const text = lines(port);
    expect(text).toContain("Measures | 31");
    expect(text).toContain("Reporting | 22");
    expect(text).toContain(
      "NA: data not available | 9 | PH14, PH15, SEKS4A8, ILAC7, SE KS2Mnt, ASCOF 2Cii, SE KS2, N23, ASCOF 2A(1)",
    );
    expect(text).toContain("NA: not rated | 0");
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

  test("names the period it covers", () => {
    expect(lines(port).slice(0, 2)).toEqual(["Scorecard summary", "Period: Q2 2020/21."]);
  });

  test("per group, a table of every measure: Red, Amber, Green, then NA", () => {
    const text = lines(port);
    const group = text.indexOf("Resilient families");
    const header = text.indexOf(
      "Measure | Code | Period | Value | Target | Status | Short trend | Long trend | Note",
      group,
    );
    expect(header).toBeGreaterThan(group);
    const rows = text.slice(header + 1, header + 16);
    expect(rows.map((l) => l.split(" | ")[1])).toEqual([
      "A1",
      "ILAC4",
      "EDU3(b)",
      "CSC0004",
      "ASCOF 1C(2i)",
      "PH16",
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
    expect(rows[0]).toBe("Measure A1 | A1 | Q2 2020/21 | 80 | 100 | Red | IMP | IMP");
    // No value this period: the Value cell is empty and the note says why it is NA.
    expect(rows[6]).toBe("Measure PH14 | PH14 | Q2 2020/21 | 100 | NA | NA | NA | Data not available");
    const first = text.indexOf("Measure | Code | Period | Value | Target | Status | Short trend | Long trend | Note");
    expect(text[first + 1]).toBe("Measure ASCOF 1G (n) | ASCOF 1G (n) | Q2 2020/21 | 97 | 100 | Amber | DET | IMP");
    expect(text[first + 2]).toBe("Measure PH26 | PH26 | Q2 2020/21 | 104 | 100 | Green | IMP | DET");
  });

  test("a key: the colours with the band in force, and the direction-of-travel words", () => {
    const text = lines(port);
    const key = text.indexOf("Key");
    expect(text.slice(key + 1, key + 9)).toEqual([
      "Green | Target met or beaten (inside the range for a measure aiming within a range).",
      "Amber | Short of target by less than 5% of the target (the amber band), or not worse than the measure's floor.",
      "Red | Short of target by 5% of the target or more, or worse than the measure's floor.",
      "NA | Data not available (no value for the period), or not rated (no usable target or aim).",
      "IMP | Direction of travel: performance has improved.",
      "DET | Direction of travel: performance has worsened.",
      "STATIC | Direction of travel: performance is unchanged.",
      "Short trend: against the previous period. Long trend: against the average of up to 4 earlier periods.",
    ]);
  });

  test("styled: headings, status fills on counts and table cells, widths, frozen title rows", () => {
    const sheet = port.sheet("Scorecard Summary");
    const text = lines(port);
    const row = (t: string) => text.indexOf(t) + 1;
    expect(port.cell("Scorecard Summary", `A${row("People")}`).style.bold).toBe(true);
    expect(port.cell("Scorecard Summary", `A${row("Resilient families")}`).style.bold).toBe(true);
    const redRow = text.findIndex((l) => l.startsWith("Red | 6")) + 1;
    expect(port.cell("Scorecard Summary", `A${redRow}`).style).toMatchObject({ fill: "#FFC7CE", font: "#9C0006" });
    const a1Row = text.findIndex((l) => l.startsWith("Measure A1 |")) + 1;
    expect(port.cell("Scorecard Summary", `F${a1Row}`).style).toMatchObject({ fill: "#FFC7CE", font: "#9C0006" });
    expect(port.cell("Scorecard Summary", `F${a1Row + 5}`).style).toMatchObject({ fill: "#FFC7CE" });
    expect(port.cell("Scorecard Summary", `F${a1Row + 6}`).style).toMatchObject({ fill: "#D9D9D9" });
    expect(sheet.widths.get(0)).toBe(60);
    expect(sheet.freezeRows).toBe(2);
  });

  test("a chart of the RAG counts that reads the summary's own count cells, with empty cells left for it", () => {
    const sheet = port.sheet("Scorecard Summary");
    const chart = sheet.chart;
    expect(chart).toMatchObject({
      name: "Scorecard RAG chart",
      title: "RAG status by directorate",
      seriesColours: ["#006100", "#9C5700", "#9C0006", "#3A3A3A"],
    });
    if (!chart) throw new Error("no chart");
    const grid = port.grid("Scorecard Summary");
    const { row, col, rows, cols } = chart.range;
    expect(grid.slice(row, row + rows).map((r) => r.slice(col, col + cols))).toEqual([
      ["Sheet", "Green", "Amber", "Red", "NA"],
      ["People", 15, 1, 6, 9],
    ]);
    const span = chart.span ?? { rows: 0, cols: 0 };
    expect(span.rows).toBeGreaterThanOrEqual(15);
    const covered = grid.slice(chart.anchor.row, chart.anchor.row + span.rows).flatMap((r) => r.slice(0, span.cols));
    expect(covered.filter((v) => v !== null && v !== "")).toEqual([]);
  });

  test("prints A4 landscape, one page wide, title rows repeated, a footer", () => {
    expect(port.sheet("Scorecard Summary").page).toEqual({
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      repeatRows: 2,
      footer: true,
    });
  });
});

describe("periods, targets and NA", () => {
  const rows = [
    ["Code", "Measure", "Period", "Value", "Target", "Aim"],
    ["A", "Range", "Q2 2020/21", 65, "60-70", "Goldilocks"],
    ["B", "No value", "Q2 2020/21", null, 50, "Maximise"],
    ["C", "No target", "Q1 2020/21", 40, null, "Maximise"],
    ["D", "Red", "Q1 2020/21", 10, 50, "Maximise"],
  ];
  let text: string[];
  beforeAll(async () => {
    const port = new MemoryPort({ sheets: [{ name: "S", rows }] });
    await applyRules(port);
    text = lines(port);
  });

  test("where the measures' latest periods differ, each period with its count, latest first", () => {
    expect(text[1]).toBe("Periods: Q2 2020/21 (2 measures), Q1 2020/21 (2 measures).");
  });

  test("a range target as written; NA split into data not available and not rated, in that order", () => {
    const header = text.findIndex((l) => l.startsWith("Measure | Code |"));
    expect(text.slice(header + 1, header + 5)).toEqual([
      "Red | D | Q1 2020/21 | 10 | 50 | Red | NA | NA",
      "Range | A | Q2 2020/21 | 65 | 60–70 | Green | NA | NA",
      "No value | B | Q2 2020/21 | 50 | NA | NA | NA | Data not available",
      "No target | C | Q1 2020/21 | 40 | NA | NA | NA | Not rated: no target",
    ]);
    expect(text).toContain("NA: data not available | 1 | B");
    expect(text).toContain("NA: not rated | 1 | C");
    expect(text).toContain("1 measure is not rated: no usable target or aim (C).");
  });

  test("the key says when Amber is off, and names a sheet's own band", async () => {
    const port = new MemoryPort({ sheets: [{ name: "S", rows }] });
    await saveSettings(port, { ...DEFAULT_SETTINGS, band: 0, sheetBands: { s: 0.1 }, trendLabels: "arrows" });
    await applyRules(port);
    const key = lines(port);
    expect(key).toContain("Amber | Not used: the amber band is off, so any shortfall is Red.");
    expect(key).toContain("Amber band on these sheets: S 10%.");
    expect(key).toContain("↑ | Direction of travel: performance has improved.");
    expect(key).toContain("→ | Direction of travel: performance is unchanged.");
  });
});

describe("measure lists", () => {
  test("the Measure column (first) widens to the longest name (up to 110 characters), so no name is cut off", async () => {
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
      return port.sheet("Scorecard Summary").widths.get(0);
    };
    expect(await widthFor(["Healthy Settings programme"])).toBe(60);
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
      `A sheet named "Scorecard Summary" already exists and is not Scorecard's own, so the summary was written to "Scorecard Summary (2)"; "Scorecard Summary" is treated as one of your sheets (a measure table on it is rated like any other).`,
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

describe("cells that dashboards link to (new-user finding F21)", () => {
  /** The RAG counts table as the grid holds it: its top-left row (0-based) and its rows. */
  const countsTable = (port: MemoryPort) => {
    const grid = port.grid("Scorecard Summary");
    const at = grid.findIndex((r) => r[0] === "RAG counts by directorate");
    return { at, rows: grid.slice(at + 1, at + 3).map((r) => r.slice(0, 7)) };
  };

  test("the RAG counts stay in A5:G7 when SPC, a sheet's own band or arrows change the key's length", async () => {
    const port = new MemoryPort({ sheets: [medwaySheet()] });
    await applyRules(port);
    const before = countsTable(port);
    expect(before).toEqual({
      at: 4,
      rows: [
        ["Sheet", "Green", "Amber", "Red", "NA", "Total", "Reporting"],
        ["People", 15, 1, 6, 9, 31, 22],
      ],
    });
    // "People" alone is the directorate's heading, below the key.
    const headingBefore = lines(port).indexOf("People");
    await saveSettings(port, { ...DEFAULT_SETTINGS, spc: true, sheetBands: { people: 0.1 }, trendLabels: "arrows" });
    await applyRules(port);
    expect(countsTable(port)).toEqual(before);
    // The key did grow (SPC rows, the sheet's band), so the rows below it moved: the counts did not.
    expect(lines(port).indexOf("People")).toBeGreaterThan(headingBefore);
  });
});
