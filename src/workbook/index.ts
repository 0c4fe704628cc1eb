/**
 * Workbook operations over the port: scan, apply the rules in place, generate the summary, settings. Each reads one
 * snapshot (plus one batched bold look-up), computes a plan with pure code, and hands it to the host in one write.
 * Each operation lives in a file named for it under ./operations; this is the public face.
 */
export { scanWorkbook } from "./operations/scan";
export { applyRules } from "./operations/applyRules";
export type { ApplyOptions } from "./operations/applyRules";
export { generateSummary } from "./operations/summary";
export { loadSettings, saveSettings } from "./operations/settings";
export { drawSpcChart, listSpcMeasures, readSpcChart } from "./operations/spcChart";
export type { DrawSpcChartResult } from "./operations/spcChart";
export type { SpcChartData, SpcChartMeasure, SpcChartPoint, SpcChartResult, SpcPointMark } from "./spcChart";
export { toA1, rangeToA1, columnLetters } from "./a1";
export { DEFAULT_SETTINGS, parseSettings, serialiseSettings, parseState, contrastRatio } from "./settings";
export type { Settings, StatusColours } from "./settings";
export { toJsonReport } from "./report";
export type { JsonReport } from "./report";
export type * from "./model";
