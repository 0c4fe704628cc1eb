// The SPC setting through the workbook (SPEC §7, issue 12): Variation and Assurance columns beside the outputs for
// wide and long tables, coloured as the Making Data Count icons, the JSON report's fields, the setting stored in the
// workbook, and what stays untouched when SPC is off.
import type { CellValue } from "../../src/core/types";
import {
  applyRules,
  contrastRatio,
  saveSettings,
  scanWorkbook,
  toJsonReport,
  DEFAULT_SETTINGS,
} from "../../src/workbook";
import { SPC_STYLES } from "../../src/workbook/spcStyles";
import { HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { MemoryPort } from "../support/memoryPort";
import { passBlanksAsZero, registerKpiFunctions } from "../support/kpiHyperFormula";
import { registerSpcFunctions } from "../support/spcHyperFormula";
import type { MemorySheetInit } from "../support/memoryPort";
import { KENT_MONTHS as MONTHS, KENT_SERIES as KENT } from "../support/kent";

const EXPECTED: Record<string, [string, string]> = {
  ASC1: ["Improvement (high)", "Fail"],
  ASC3: ["Improvement (high)", "Hit and miss"],
  ASC4: ["NA", "NA"],
  ASC9: ["Improvement (low)", "Hit and miss"],
  ASC10: ["Common cause", "Pass"],
};

const wide: MemorySheetInit = {
  name: "Wide",
  rows: [
    ["Code", "Aim", "Target", ...MONTHS],
    ...KENT.map(([code, aim, target, months]) => [code, aim, target, ...months]),
  ],
};

const long: MemorySheetInit = {
  name: "Long",
  rows: [
    ["Code", "Period", "Value", "Target", "Aim"],
    ...KENT.flatMap(([code, aim, target, months]) =>
      months.map((v, i): CellValue[] => [code, MONTHS[i], v, target, aim]),
    ),
  ],
};

const single: MemorySheetInit = {
  name: "Single",
  rows: [
    ["Code", "Value", "Previous", "Target", "Aim"],
    ["S1", 5, 4, 6, "Max"],
  ],
};

const columnOf = (port: MemoryPort, sheet: string, header: string): string => {
  const [headers] = port.grid(sheet);
  const col = headers.indexOf(header);
  if (col < 0) throw new Error(`no ${header} column on ${sheet}`);
  return String.fromCharCode(65 + col);
};

describe("SPC on: wide layout", () => {
  test("Variation and Assurance columns follow the trends, one word per measure, coloured as the icons", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    const report = await applyRules(port, { settings: { spc: true } });
    const [headers] = port.grid("Wide");
    expect(headers.slice(16)).toEqual(["Status", "Short Trend", "Long Trend", "Variation", "Assurance"]);
    KENT.forEach(([code], i) => {
      expect([code, port.value("Wide", `T${i + 2}`), port.value("Wide", `U${i + 2}`)]).toEqual([
        code,
        ...EXPECTED[code],
      ]);
    });
    expect(port.cell("Wide", "T2").style).toMatchObject(SPC_STYLES["Improvement (high)"]);
    expect(port.cell("Wide", "U2").style).toMatchObject(SPC_STYLES.Fail);
    expect(port.cell("Wide", "T6").style).toMatchObject(SPC_STYLES["Common cause"]);
    const rules = port.sheet("Wide").rules.filter((r) => r.range.col === 19);
    expect(rules.map((r) => r.formula)).toContain('=$T2="Concern (low)"');
    expect(report.measures.map((m) => [m.code, m.variation, m.assurance])).toEqual(
      KENT.map(([code]) => [code, ...EXPECTED[code]]),
    );
  });

  test("a second run rewrites the same columns and adds none", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    await applyRules(port, { settings: { spc: true } });
    const first = port.grid("Wide");
    const again = await applyRules(port, { settings: { spc: true } });
    expect(again.columnsAdded).toBe(0);
    expect(port.grid("Wide")).toEqual(first);
  });
});

describe("SPC on: formulas", () => {
  afterAll(() => passBlanksAsZero(false));

  // Both ways Excel passes an empty cell to a custom function: null (web), 0 (some desktop builds, office-js#4702).
  test.each([
    ["blank", false],
    ["0", true],
  ])(
    "a wide row gets live KPI.SPC / KPI.ASSURANCE formulas that recalculate to the words written (blanks as %s)",
    async (_, zero) => {
      registerKpiFunctions();
      registerSpcFunctions();
      passBlanksAsZero(zero);
      const port = new MemoryPort({ sheets: [wide] });
      await applyRules(port, { summary: false, settings: { spc: true, output: "formulas" } });
      expect(port.cell("Wide", "T2").formula).toBe('=KPI.SPC(IF(D2:P2="","",D2:P2),B2)');
      expect(port.cell("Wide", "U2").formula).toBe('=KPI.ASSURANCE(IF(D2:P2="","",D2:P2),B2,IF(C2="","",C2))');
      const grid: RawCellContent[][] = port
        .grid("Wide")
        .map((row, r) =>
          row.map((value, c) => (port.sheet("Wide").cells.get(`${r},${c}`)?.formula ?? value) as RawCellContent),
        );
      const hf = HyperFormula.buildFromArray(grid, { licenseKey: "gpl-v3", useArrayArithmetic: true });
      for (let row = 1; row <= KENT.length; row++) {
        for (const col of [19, 20]) {
          const written = port.sheet("Wide").cells.get(`${row},${col}`)!;
          expect(written.formula).not.toBeNull();
          expect([row, col, hf.getCellValue({ sheet: 0, row, col })]).toEqual([row, col, written.value]);
        }
      }
      hf.destroy();
    },
  );

  test("a long table's rows of a measure, one after another: the range of its rows up to the row", async () => {
    const port = new MemoryPort({ sheets: [long] });
    await applyRules(port, { summary: false, settings: { spc: true, output: "formulas" } });
    const variation = columnOf(port, "Long", "Variation");
    expect(port.cell("Long", `${variation}14`)).toMatchObject({
      value: EXPECTED.ASC1[0],
      formula: '=KPI.SPC(IF(C2:C14="","",C2:C14),E14)',
    });
  });
});

describe("SPC on: long layout", () => {
  test("each row's SPC is of the series up to its own period; the latest row is the measure's", async () => {
    const port = new MemoryPort({ sheets: [long] });
    const report = await applyRules(port, { settings: { spc: true } });
    const variation = columnOf(port, "Long", "Variation");
    const assurance = columnOf(port, "Long", "Assurance");
    // ASC1 is rows 2-14: eleven periods are too few, the twelfth (Aug-13) and thirteenth are computed.
    expect(port.value("Long", `${variation}12`)).toBe("NA");
    expect(port.value("Long", `${variation}13`)).not.toBe("NA");
    expect([port.value("Long", `${variation}14`), port.value("Long", `${assurance}14`)]).toEqual(EXPECTED.ASC1);
    for (const m of report.measures) expect([m.code, m.variation, m.assurance]).toEqual([m.code, ...EXPECTED[m.code]]);
  });

  test("a gap (ASC4's blank months) is skipped, not a point: 10 figures are too few", async () => {
    const report = await scanWorkbook(new MemoryPort({ sheets: [long] }));
    expect(report.measures.find((m) => m.code === "ASC4")).toMatchObject({ variation: "NA", assurance: "NA" });
  });
});

describe("the summary", () => {
  const sentences = [
    "4 measures have 12 or more periods and a usable aim: 1 measure shows common cause variation (ASC10) and 3 measures show special cause improvement (ASC1, ASC3, ASC9).",
    // ASC4 has 10 figures: named, not silently left out of the count (new-user finding N16).
    "1 measure has no SPC result, for fewer than 12 periods or no usable aim (ASC4).",
    "1 measure will consistently meet its target (ASC10), 1 measure will consistently miss its target (ASC1) and 2 measures will hit and miss their target (ASC3, ASC9).",
  ];
  const firstColumn = (port: MemoryPort) => port.grid("Scorecard Summary").map((row) => row[0]);

  test("on: the directorate's SPC sentences and counts, labels coloured as the cells", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    await applyRules(port, { settings: { spc: true } });
    const grid = port.grid("Scorecard Summary");
    const at = grid.findIndex((row) => row[0] === sentences[0]);
    expect(at).toBeGreaterThan(0);
    expect(grid[at + 1][0]).toBe(sentences[1]);
    expect(grid[at + 2][0]).toBe(sentences[2]);
    expect(grid[at + 4].slice(0, 3)).toEqual(["SPC: Improvement", 3, "ASC1, ASC3, ASC9"]);
    expect(port.cell("Scorecard Summary", `A${at + 5}`).style).toMatchObject(SPC_STYLES["Improvement (high)"]);
    const key = grid.findIndex((row) => row[0] === "Hit and miss");
    expect(key).toBeGreaterThan(0);
    expect(key).toBeLessThan(at);
    expect(grid[key][1]).toBe("SPC assurance: the target lies within the process limits; met some periods only.");
  });

  test("off: no SPC lines", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    await applyRules(port);
    expect(
      firstColumn(port).some((v) => typeof v === "string" && /12 or more periods|^SPC:|^Hit and miss$/.test(v)),
    ).toBe(false);
  });

  test("the JSON summary counts SPC per sheet (zeros when off)", async () => {
    const on = toJsonReport(await applyRules(new MemoryPort({ sheets: [wide] }), { settings: { spc: true } }));
    expect(on.summary.sheets[0].spc).toEqual({
      commonCause: 1,
      improvement: 3,
      concern: 0,
      neutral: 0,
      pass: 1,
      fail: 1,
      hitAndMiss: 2,
    });
    const off = toJsonReport(await scanWorkbook(new MemoryPort({ sheets: [wide] })));
    expect(Object.values(off.summary.sheets[0].spc).every((n) => n === 0)).toBe(true);
  });
});

describe("SPC off, single layout, and the setting", () => {
  test("off (the default): no SPC columns, and the report says NA for every measure", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    const report = await applyRules(port);
    expect(port.grid("Wide")[0]).not.toContain("Variation");
    const json = toJsonReport(report);
    expect(json.measures.every((m) => m.variation === "NA" && m.assurance === "NA")).toBe(true);
    expect(Object.keys(json.measures[0])).toEqual(expect.arrayContaining(["variation", "assurance"]));
  });

  test("off: a column of the user's headed Variation is left alone", async () => {
    const own: MemorySheetInit = {
      name: "Own",
      rows: [
        ["Code", "Value", "Target", "Aim", "Variation"],
        ["X1", 5, 6, "Max", "budget +2%"],
      ],
    };
    const port = new MemoryPort({ sheets: [own] });
    await applyRules(port);
    expect(port.value("Own", "E2")).toBe("budget +2%");
  });

  test("a single-row table has no series: no SPC columns, NA in the report", async () => {
    const port = new MemoryPort({ sheets: [single] });
    const report = await applyRules(port, { settings: { spc: true } });
    expect(port.grid("Single")[0]).not.toContain("Variation");
    expect(report.measures[0]).toMatchObject({ code: "S1", variation: "NA", assurance: "NA" });
  });

  test("the setting is stored in the workbook and a later run uses it", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    await saveSettings(port, { ...DEFAULT_SETTINGS, spc: true });
    await applyRules(port);
    expect(port.grid("Wide")[0]).toContain("Variation");
  });

  test("every SPC colour pair is readable (4.5:1 or more)", () => {
    for (const style of Object.values(SPC_STYLES)) {
      expect(contrastRatio(style.fill as string, style.font as string)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
