import { saveSettings, scanWorkbook } from "../../src/workbook";
import {
  DEFAULT_SETTINGS,
  MIN_CONTRAST,
  bandFor,
  contrastRatio,
  parseSettings,
  parseState,
  serialiseSettings,
  serialiseState,
} from "../../src/workbook/settings";
import type { Status } from "../../src/core";
import { MemoryPort } from "../support/memoryPort";
import { HEADER } from "./fixtures";

describe("default settings", () => {
  test("as the brief sets them", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      band: 0.05,
      trendLabels: "words",
      output: "formulas",
      summarySheetName: "Scorecard Summary",
      floorHeader: "",
      sheetBands: {},
    });
    expect(DEFAULT_SETTINGS.colours.Green).toEqual({ fill: "#C6EFCE", font: "#006100" });
    expect(DEFAULT_SETTINGS.colours.Red).toEqual({ fill: "#FFC7CE", font: "#9C0006" });
  });

  test.each<Status>(["Green", "Amber", "Red", "NA"])("%s text is readable on its fill (>= 4.5:1)", (status) => {
    const { fill, font } = DEFAULT_SETTINGS.colours[status];
    expect(contrastRatio(fill, font)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });

  test("contrast ratio of black on white is 21", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBeCloseTo(1, 5);
  });
});

describe("stored state", () => {
  test("nothing stored: defaults, no notice", () => {
    expect(parseState(null)).toEqual({
      state: { settings: DEFAULT_SETTINGS, summarySheet: null, ownedColumns: [] },
      notices: [],
    });
  });

  test("unreadable JSON: defaults and a notice", () => {
    const { state, notices } = parseState("{not json");
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual(["The stored Scorecard settings could not be read; defaults are used."]);
    expect(parseState("[1,2]").notices).toHaveLength(1);
  });

  test("round trip keeps settings, the owned summary sheet and owned columns", () => {
    const settings = { ...DEFAULT_SETTINGS, band: 0, trendLabels: "arrows" as const, sheetBands: { People: 0.1 } };
    const json = serialiseState({
      settings,
      summarySheet: "Scorecard Summary (2)",
      ownedColumns: [{ sheet: "People", row: 0, col: 7, header: "Status" }],
    });
    const { state, notices } = parseState(json);
    expect(notices).toEqual([]);
    expect(state.settings).toEqual(settings);
    expect(state.summarySheet).toBe("Scorecard Summary (2)");
    expect(state.ownedColumns).toEqual([{ sheet: "People", row: 0, col: 7, header: "Status" }]);
  });

  test("one bad field falls back to its default, named in a notice; the rest is kept", () => {
    const json = JSON.stringify({
      settings: { band: 7, output: "values", summarySheetName: "Bad/Name", sheetBands: { A: 0.1, B: "x" } },
    });
    const { state, notices } = parseState(json);
    expect(state.settings.band).toBe(0.05);
    expect(state.settings.output).toBe("values");
    expect(state.settings.summarySheetName).toBe("Scorecard Summary");
    expect(state.settings.sheetBands).toEqual({ A: 0.1 });
    expect(notices).toHaveLength(3);
    expect(notices.join(" ")).toMatch(/"band"/);
    expect(notices.join(" ")).toMatch(/summarySheetName/);
    expect(notices.join(" ")).toMatch(/sheet "B"/);
  });

  test("colours: invalid ones are replaced, hard-to-read ones kept with a warning", () => {
    const json = JSON.stringify({
      settings: { colours: { Green: { fill: "green", font: "#000000" }, Red: { fill: "#ffffff", font: "#eeeeee" } } },
    });
    const { state, notices } = parseState(json);
    expect(state.settings.colours.Green).toEqual(DEFAULT_SETTINGS.colours.Green);
    expect(state.settings.colours.Red).toEqual({ fill: "#FFFFFF", font: "#EEEEEE" });
    expect(notices).toHaveLength(2);
    expect(notices[1]).toMatch(/contrast of 1\.\d:1/);
  });

  test("saving settings keeps what the add-in owns", () => {
    const previous = serialiseState({
      settings: DEFAULT_SETTINGS,
      summarySheet: "Scorecard Summary",
      ownedColumns: [{ sheet: "S", row: 1, col: 2, header: "Status" }],
    });
    const json = serialiseSettings({ ...DEFAULT_SETTINGS, output: "values" }, previous);
    expect(parseSettings(json).output).toBe("values");
    expect(parseState(json).state.summarySheet).toBe("Scorecard Summary");
    expect(parseState(json).state.ownedColumns).toHaveLength(1);
  });
});

describe("per-sheet amber band", () => {
  test("a sheet's band is found whatever the case of its name, as Excel matches sheet names", () => {
    const settings = { ...DEFAULT_SETTINGS, band: 0.05, sheetBands: { people: 0, PLACE: 0.1 } };
    expect(bandFor(settings, "People")).toBe(0);
    expect(bandFor(settings, "Place")).toBe(0.1);
    expect(bandFor(settings, "Children's Services")).toBe(0.05);
    // An exact match wins over a case-blind one.
    expect(bandFor({ ...settings, sheetBands: { PEOPLE: 0.2, People: 0.3 } }, "People")).toBe(0.3);
  });

  test("a stored band of 0 makes an otherwise-Amber measure Red on that sheet only", async () => {
    // Maximise 96 against 100: 4% short, Amber with the 5% band.
    const rows = [HEADER, ["P1", "Homes built", "Q2 2020/21", 96, 100, "Max"]];
    const port = new MemoryPort({
      sheets: [
        { name: "People", rows },
        { name: "Place", rows },
      ],
    });
    await saveSettings(port, { ...DEFAULT_SETTINGS, sheetBands: { PEOPLE: 0 } });
    const report = await scanWorkbook(port);
    const status = (sheet: string) => report.measures.find((m) => m.sheet === sheet)?.status;
    expect(status("People")).toBe("Red");
    expect(status("Place")).toBe("Amber");
  });
});
