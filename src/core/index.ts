/** Scorecard's rules engine: pure functions over parsed values. No Office, no I/O. */
export type * from "./types";
export { STATUSES } from "./statuses";
export { parseValue, parseFloor, isBlank } from "./values";
export { parseAim } from "./aim";
export { parseTarget, parseBand } from "./target";
export { parsePeriod, comparePeriods } from "./periods";
export { rag, ragStatus, rate, parseRow, relativeGap, naKindOf, DEFAULT_BAND } from "./rag";
export type { RawRow, ParsedRow } from "./rag";
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
export { plural, counted } from "./text";
