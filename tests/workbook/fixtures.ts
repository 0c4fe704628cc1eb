/** Workbooks the operation tests share, built as in-memory sheets. */
import type { CellValue } from "../../src/core/types";
import type { MemorySheetInit } from "../support/memoryPort";

/** The plainest long-table header, for the tests' small hand-written tables. */
export const HEADER = ["Code", "Measure", "Period", "Value", "Target", "Aim"];

/** /work/shared/contract/examples.xlsx, sheet "Examples" (values as check.mjs expects), and its "Notes" sheet. */
export const CONTRACT_EXAMPLES: readonly MemorySheetInit[] = [
  {
    name: "Examples",
    rows: [
      ["Code", "Measure", "Period", "Value", "Target", "Floor", "Aim"],
      ["EX1", "Max 4% short", "Q2 2024/25", 96, 100, null, "Maximise"],
      ["EX1", "Max 4% short", "Q1 2024/25", 97, 100, null, "Maximise"],
      ["EX2", "Max exactly 5% short", "Q2 2024/25", 95, 100, null, "Maximise"],
      ["EX3", "Min 4% over", "Q2 2024/25", 10.4, 10, null, "Minimise"],
      ["EX4", "Min 6% over", "Q2 2024/25", 10.6, 10, null, "Minimise"],
      ["EX5", "Relative not points", "Q2 2024/25", 28, 30, null, "Max"],
      ["EX6", "Floor amber", "Q2 2024/25", 75, 80, 70, "Higher is better"],
      ["EX7", "Floor red", "Q2 2024/25", 69, 80, 70, "Higher is better"],
      ["EX8", "Goldilocks amber", "Q2 2024/25", 72, "Between 60 and 70", null, "Goldilocks"],
      ["EX9", "Goldilocks red", "Q2 2024/25", 74, "60-70", null, "Goldilocks"],
      ["EX10", "Not available", "Q2 2024/25", "NA", 50, null, "Maximise"],
    ],
  },
  { name: "Notes", rows: [["Left alone by the add-in"]] },
];

/** check.mjs `want`: status and (where given) short trend per code. */
export const CONTRACT_WANT: Record<string, [string, string?]> = {
  EX1: ["Amber", "DET"],
  EX2: ["Red"],
  EX3: ["Amber"],
  EX4: ["Red"],
  EX5: ["Red"],
  EX6: ["Amber"],
  EX7: ["Red"],
  EX8: ["Amber"],
  EX9: ["Red"],
  EX10: ["NA", "NA"],
};

type Trend = "IMP" | "DET" | "STATIC";

/**
 * Medway People Q2 2020/21 (seed medway-people-q2-2020-21.txt, page 1): 31 measures, each with its status and
 * long / short trend as the report prints them. NA measures have no current figure.
 */
export const MEDWAY_PAGE1: readonly {
  code: string;
  status: "Green" | "Amber" | "Red" | "NA";
  long?: Trend;
  short?: Trend;
}[] = [
  { code: "PH26", status: "Green", long: "DET", short: "IMP" },
  { code: "ILAC1", status: "Green", long: "DET", short: "DET" },
  { code: "ILAC2", status: "Green", long: "IMP", short: "IMP" },
  { code: "ILAC3", status: "Green", long: "IMP", short: "IMP" },
  { code: "ILAC5", status: "Green", long: "IMP", short: "IMP" },
  { code: "ILAC6", status: "Green", long: "IMP", short: "IMP" },
  { code: "CA13", status: "Green", long: "IMP", short: "STATIC" },
  { code: "CASEIKS4 Ofsted", status: "Green", long: "IMP", short: "STATIC" },
  { code: "CASEISPEC Ofsted", status: "Green", long: "STATIC", short: "STATIC" },
  { code: "SE2 OEPr", status: "Green", long: "IMP", short: "IMP" },
  { code: "CASEIEYFS Gap", status: "Green", long: "IMP", short: "IMP" },
  { code: "ASCGBT001", status: "Green", long: "IMP", short: "IMP" },
  { code: "ASCOF 2A(2)", status: "Green", long: "IMP", short: "IMP" },
  { code: "OfstedPrim Mnt", status: "Green", long: "IMP", short: "IMP" },
  { code: "CSC0006", status: "Green", long: "IMP", short: "IMP" },
  { code: "ASCOF 1G (n)", status: "Amber", long: "IMP", short: "DET" },
  { code: "A1", status: "Red", long: "IMP", short: "IMP" },
  { code: "ILAC4", status: "Red", long: "DET", short: "DET" },
  { code: "EDU3(b)", status: "Red", long: "DET", short: "STATIC" },
  { code: "CSC0004", status: "Red", long: "DET", short: "DET" },
  { code: "ASCOF 1C(2i)", status: "Red", long: "DET", short: "DET" },
  { code: "PH16", status: "Red", long: "DET", short: "DET" },
  { code: "PH14", status: "NA" },
  { code: "PH15", status: "NA" },
  { code: "SEKS4A8", status: "NA" },
  { code: "ILAC7", status: "NA" },
  { code: "SE KS2Mnt", status: "NA" },
  { code: "ASCOF 2Cii", status: "NA" },
  { code: "SE KS2", status: "NA" },
  { code: "N23", status: "NA" },
  { code: "ASCOF 2A(1)", status: "NA" },
];

const QUARTERS = ["Q2 2020/21", "Q1 2020/21", "Q4 2019/20", "Q3 2019/20", "Q2 2019/20"];

/**
 * The Medway page as a long table, newest period first, five quarters per measure: figures are chosen so that each
 * measure gets the report's status (target 100, Maximise) and trends (short: vs Q1; long: vs the mean of the 4
 * quarters before). Two outcomes as bold title rows.
 */
export function medwaySheet(): MemorySheetInit {
  const rows: CellValue[][] = [["Code", "Measure", "Period", "Target", "Value", "Aim to"]];
  const bold = ["A2"];
  rows.push(["Outcome: Healthy and active communities"]);
  MEDWAY_PAGE1.forEach((m, i) => {
    if (i === 16) {
      rows.push(["Outcome: Resilient families"]);
      bold.push(`A${rows.length}`);
    }
    const current = m.status === "Green" ? 104 : m.status === "Amber" ? 97 : 80;
    const step = (t: Trend | undefined, size: number) => (t === "IMP" ? -size : t === "DET" ? size : 0);
    const previous = current + step(m.short, 1);
    const mean = current + step(m.long, 2);
    const older = (4 * mean - previous) / 3;
    const figures = m.status === "NA" ? ["NA", 90, 91, 92, 93] : [current, previous, older, older, older];
    figures.forEach((value, q) => rows.push([m.code, `Measure ${m.code}`, QUARTERS[q], 100, value, "Maximise"]));
  });
  return { name: "People", rows, bold };
}
