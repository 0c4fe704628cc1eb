/** A scan report and a fake set of pane operations, so the components are tested without any host. */
import { summarise, type MeasureOutcome, type Status } from "../../src/core";
import type { ApplyReport, ScanReport, SummaryResult } from "../../src/workbook/model";
import { DEFAULT_SETTINGS, type Settings } from "../../src/workbook/settings";
import { bindOperations, type PaneOperations } from "../../src/taskpane/operations";
import { columnLetters } from "../../src/workbook/a1";
import { MemoryPort } from "../support/memoryPort";
import { KENT_MONTHS, KENT_SERIES } from "../support/kent";

function measure(sheet: string, code: string, status: Status): MeasureOutcome {
  return { sheet, group: null, code, name: `Measure ${code}`, status, shortTrend: "IMP", longTrend: "DET" };
}

const MEASURES: MeasureOutcome[] = [
  measure("People", "P1", "Green"),
  measure("People", "P2", "Green"),
  measure("People", "P3", "Amber"),
  measure("People", "P4", "Red"),
  measure("People", "P5", "NA"),
  measure("Place", "PL1", "Red"),
  measure("Place", "PL2", "Red"),
];

export function scanReport(settings: Settings = DEFAULT_SETTINGS): ScanReport {
  return {
    settings,
    sheets: [
      { sheet: "People", tables: [{ address: "A3:H23", layout: "long", measures: 5, rows: 20 }] },
      { sheet: "Place", tables: [{ address: "B2:R4", layout: "wide", measures: 2, rows: 2 }] },
      { sheet: "Notes", tables: [] },
    ],
    problems: [
      { sheet: "People", cell: "G12", message: 'unknown aim "Sideways"' },
      { sheet: "Place", cell: "C4", message: 'unparseable period "Q5 2020/21"' },
    ],
    measures: MEASURES.map((m) => ({
      ...m,
      period: "Q2 2020/21",
      aim: "Maximise",
      aimImplied: false,
      value: 1,
      target: 1,
      floor: null,
      naKind: m.status === "NA" ? ("notRated" as const) : null,
      variation: "NA" as const,
      assurance: "NA" as const,
      reason: m.status,
      cell: "A1",
    })),
    summary: summarise(MEASURES),
  };
}

export function applyReport(): ApplyReport {
  const added = (cols: number[]) =>
    ["Status", "Short Trend", "Long Trend"].map((header, i) => ({ header, col: cols[i], added: true }));
  return {
    ...scanReport(),
    rowsRated: 27,
    columnsAdded: 6,
    outputColumns: [
      { sheet: "People", columns: added([8, 9, 10]) },
      { sheet: "Place", columns: added([18, 19, 20]) },
    ],
    summarySheet: null,
    protectedSheets: [],
    spcCleared: [],
    notices: [],
    writeProblems: [],
  };
}

export function summaryResult(): SummaryResult {
  return { summarySheet: "Scorecard Summary", summary: summarise(MEASURES), notices: [], writeProblems: [] };
}

/** Promise whose settling the test controls, to look at the pane while an operation runs. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Kent's ASC dashboard as a wide table: ASC1, ASC3, ASC9 and ASC10 have 13 monthly figures, ASC4 only 10. The
 * shares (ASC1, ASC4, ASC10) are fractions formatted "0%", as the dashboard keeps them.
 */
export function kentPort(): MemoryPort {
  const monthColumns = KENT_MONTHS.map((_, i) => columnLetters(4 + i));
  const formats: Record<string, string> = {};
  KENT_SERIES.forEach(([code], i) => {
    if (["ASC1", "ASC4", "ASC10"].includes(code)) for (const col of monthColumns) formats[`${col}${i + 2}`] = "0%";
  });
  return new MemoryPort({
    sheets: [
      {
        name: "Adult Social Care",
        rows: [
          ["Code", "Measure", "Aim", "Target", ...KENT_MONTHS],
          ...KENT_SERIES.map(([code, aim, target, months]) => [code, `${code} measure`, aim, target, ...months]),
        ],
        numberFormats: formats,
      },
    ],
  });
}

export function fakeOperations(overrides: Partial<PaneOperations> = {}): jest.Mocked<PaneOperations> {
  // The SPC chart's data comes from the real operations on Kent's figures: its marks are the engine's, not made up.
  const kent = bindOperations(kentPort());
  return {
    spcMeasures: jest.fn(() => kent.spcMeasures()),
    spcChart: jest.fn((key: string) => kent.spcChart(key)),
    addSpcChart: jest.fn((key: string) => kent.addSpcChart(key)),
    scan: jest.fn(async () => scanReport()),
    // As applyRules: only the sheets asked for (all when none) get output columns.
    apply: jest.fn(async (sheets?: readonly string[]) => {
      const report = applyReport();
      const asked = (sheet: string) => sheets === undefined || sheets.includes(sheet);
      return { ...report, outputColumns: report.outputColumns.filter((o) => asked(o.sheet)) };
    }),
    summary: jest.fn(async () => summaryResult()),
    saveSettings: jest.fn(async () => undefined),
    select: jest.fn(async () => undefined),
    ...overrides,
  } as jest.Mocked<PaneOperations>;
}
