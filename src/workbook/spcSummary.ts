/**
 * The SPC part of the summary sheet (issue 12), when the SPC setting is on: for a directorate or a group, the
 * sentences and a count row per variation and assurance word, each label coloured as its cells are.
 */
import { countSpc, spcNarrative } from "../core/spcSummary";
import type { SpcCounts, SpcOutcome } from "../core/spcSummary";
import type { CellStyle } from "./port";
import { SPC_STYLES } from "./spcStyles";
import { codesCell, sentenceCut } from "./excelLimits";

export interface SummaryRow {
  readonly values: readonly (string | number | null)[];
  /** The label cell's style. */
  readonly style?: CellStyle;
}

const COUNT_ROWS: readonly [string, keyof Omit<SpcCounts, "charted">, CellStyle][] = [
  ["Common cause", "commonCause", SPC_STYLES["Common cause"]],
  ["Improvement", "improvement", SPC_STYLES["Improvement (high)"]],
  ["Concern", "concern", SPC_STYLES["Concern (high)"]],
  ["Neutral", "neutral", SPC_STYLES["Neutral (high)"]],
  ["Pass", "pass", SPC_STYLES.Pass],
  ["Fail", "fail", SPC_STYLES.Fail],
  ["Hit and miss", "hitAndMiss", SPC_STYLES["Hit and miss"]],
];

/** What the SPC words mean, for the summary's key, each coloured as its cells are. */
export function spcLegendRows(): SummaryRow[] {
  const meanings: [string, string, CellStyle][] = [
    ["Common cause", "SPC variation: the latest figure is within the usual ups and downs.", SPC_STYLES["Common cause"]],
    [
      "Improvement",
      "SPC variation: special cause on the good side (high or low): beyond a process limit, a run of 7, or 2 of 3 near a limit.",
      SPC_STYLES["Improvement (high)"],
    ],
    ["Concern", "SPC variation: special cause on the bad side (high or low).", SPC_STYLES["Concern (high)"]],
    ["Neutral", "SPC variation: special cause for a measure aiming within a range.", SPC_STYLES["Neutral (high)"]],
    ["Pass", "SPC assurance: the process limits say the target is met every time.", SPC_STYLES.Pass],
    ["Fail", "SPC assurance: the target lies beyond the process limits; not met without a change.", SPC_STYLES.Fail],
    [
      "Hit and miss",
      "SPC assurance: the target lies within the process limits; met some periods only.",
      SPC_STYLES["Hit and miss"],
    ],
  ];
  return meanings.map(([word, meaning, style]) => ({ values: [word, meaning], style }));
}

/**
 * The SPC sentences and count rows of a directorate or group. The measure table has no SPC column, so a list of codes
 * cut at Excel's cell limit points to the Variation and Assurance columns the rules write beside each table.
 */
export function spcSummaryRows(measures: readonly SpcOutcome[], scope: "directorate" | "outcome"): SummaryRow[] {
  const counts = countSpc(measures);
  const sentences = spcNarrative(counts, scope, sentenceCut("SPC columns"));
  const rows: SummaryRow[] = sentences.map((sentence) => ({ values: [sentence] }));
  if (counts.charted === 0) return rows;
  for (const [label, key, style] of COUNT_ROWS) {
    const codes = counts[key];
    rows.push({ values: [`SPC: ${label}`, codes.length, codesCell(codes, "SPC columns")], style });
  }
  return rows;
}
