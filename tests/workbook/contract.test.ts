import {
  DEFAULT_SETTINGS,
  applyRules,
  loadSettings,
  parseState,
  saveSettings,
  scanWorkbook,
  toJsonReport,
} from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import { CONTRACT_EXAMPLES, CONTRACT_WANT } from "./fixtures";

describe("the CLI contract's examples sheet", () => {
  test("statuses and short trends as check.mjs wants them", async () => {
    const report = toJsonReport(await scanWorkbook(new MemoryPort({ sheets: CONTRACT_EXAMPLES })));
    for (const [code, [status, shortTrend]] of Object.entries(CONTRACT_WANT)) {
      const m = report.measures.find((x) => x.sheet === "Examples" && x.code === code);
      expect(m).toBeDefined();
      expect(m?.status).toBe(status);
      if (shortTrend) expect(m?.shortTrend).toBe(shortTrend);
    }
    expect(report.summary.sheets).toEqual([
      expect.objectContaining({ sheet: "Examples", total: 10, reporting: 9, na: 1, green: 0, amber: 4, red: 5 }),
    ]);
  });

  test("every field of a JSON measure entry is present", async () => {
    const report = toJsonReport(await scanWorkbook(new MemoryPort({ sheets: CONTRACT_EXAMPLES })));
    const fields = [
      "sheet",
      "group",
      "code",
      "name",
      "period",
      "aim",
      "value",
      "target",
      "floor",
      "status",
      "shortTrend",
      "longTrend",
      "reason",
    ];
    for (const m of report.measures) for (const f of fields) expect(m).toHaveProperty(f);
    const ex8 = report.measures.find((m) => m.code === "EX8");
    expect(ex8).toMatchObject({ target: [60, 70], aim: "Goldilocks", value: 72, period: "Q2 2024/25", floor: null });
    expect(report.measures.find((m) => m.code === "EX6")).toMatchObject({ floor: 70, target: 80 });
    expect(Array.isArray(report.problems)).toBe(true);
  });

  test("apply writes a summary and leaves the Notes sheet alone", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    const notesBefore = port.dump("Notes");
    const report = await applyRules(port);
    expect(report.summarySheet).toBe("Scorecard Summary");
    expect(port.sheets.map((s) => s.name)).toEqual(["Examples", "Notes", "Scorecard Summary"]);
    expect(port.dump("Notes")).toEqual(notesBefore);
    expect(port.value("Examples", "H1")).toBe("Status");
    expect(port.value("Examples", "H2")).toBe("Amber");
    expect(port.cell("Examples", "H2").formula).toBe(
      '=KPI.RAG(IF(D2="","",D2),IF(E2="","",E2),G2,0.05,IF(F2="","",F2))',
    );
  });
});

describe("operations around the rules", () => {
  test("progress is reported while planning and writing, ending at the total", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    const calls: [number, number, string][] = [];
    await applyRules(port, { progress: (done, total, what) => calls.push([done, total, what]) });
    expect(calls[0]).toEqual([0, 1, "Rating Examples"]);
    expect(calls).toContainEqual([1, 1, "Planned"]);
    expect(calls[calls.length - 1]).toEqual([2, 2, "Written"]);
  });

  test("one read, one bold look-up, one number-format look-up and one write per apply, whatever the size", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    await applyRules(port);
    expect(port.calls).toEqual({ readWorkbook: 1, readBold: 1, readNumberFormats: 1, write: 1 });
  });

  test("settings stored in the workbook are used by the next run; per-run overrides are not stored", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES });
    await saveSettings(port, { ...DEFAULT_SETTINGS, output: "values", trendLabels: "arrows" });
    await applyRules(port, { settings: { trendLabels: "words" } });
    expect(port.cell("Examples", "H2")).toMatchObject({ value: "Amber", formula: null });
    expect(port.value("Examples", "I2")).toBe("DET");
    expect((await loadSettings(port)).trendLabels).toBe("arrows");
    await applyRules(port);
    expect(port.value("Examples", "I2")).toBe("↓");
  });

  test("an unreadable stored state: defaults, a notice, and the run goes on", async () => {
    const port = new MemoryPort({ sheets: CONTRACT_EXAMPLES, state: "{broken" });
    const report = await applyRules(port);
    expect(report.notices).toContain("The stored Scorecard settings could not be read; defaults are used.");
    expect(report.rowsRated).toBe(11);
    expect(parseState(port.state).notices).toEqual([]);
  });
});
