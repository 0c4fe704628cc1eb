/** Scorecard's rules engine: pure functions over parsed values. No Office, no I/O. */
export type * from "./types";
export { STATUSES } from "./statuses";
export { parseValue, parseFloor, isBlank, excelErrorOf } from "./values";
export { parseAim } from "./aim";
export { parseTarget, readTarget, parseBand } from "./target";
export type { TargetReading } from "./target";
export { parsePeriod, comparePeriods, statedPeriod, dateOfCell, yearReadAsDay } from "./periods";
export { rag, ragStatus, relativeGap, naKindOf, DEFAULT_BAND } from "./rag";
export type { FigureStyle } from "./rag";
export { readRow, rateReading, statusOf, rate } from "./row";
export type { RawRow, RowField, RowProblem, RowReading } from "./row";
export { trend, longTrend, formatTrend, parseTrend } from "./trend";
export {
  summarise,
  count,
  narrative,
  improvedLine,
  improvementLines,
  whyNa,
  periodsCovered,
  periodLine,
} from "./summary";
export type { MeasureOutcome, Counts, GroupSummary, SheetSummary, PeriodCount } from "./summary";
export { percentHalfUp, compare10 } from "./numbers";
export { andList, plural, counted, capitalise } from "./text";
