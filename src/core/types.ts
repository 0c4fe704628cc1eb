/** Vocabulary shared by every part of Scorecard. Pure data: no Office, no I/O. */
import type { STATUSES } from "./statuses";

export type Aim = "Maximise" | "Minimise" | "Goldilocks";
export type Status = (typeof STATUSES)[number];
export type Trend = "IMP" | "DET" | "STATIC" | "NA";

/**
 * A target is one figure, or an inclusive range for Goldilocks measures. A strict figure (`> 95%`, `Below 10`) must
 * be beaten: a value equal to it falls short.
 */
export type Target =
  | { readonly kind: "single"; readonly value: number; readonly strict?: boolean }
  | { readonly kind: "range"; readonly lo: number; readonly hi: number };

/** Excel error values as hosts deliver them (ExcelJS `{ error: "#N/A" }`). */
export interface CellError {
  readonly error: string;
}

/** Anything a cell can hold, as either host reads it. */
export type CellValue = string | number | boolean | Date | CellError | null | undefined;

/** Result of parsing one input: a value, "not available" (blank, NA words), or invalid with a reason. */
export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly na: boolean; readonly reason: string };

/** Everything the RAG rule needs for one row, already parsed. */
export interface RagInput {
  readonly value: number | null;
  readonly target: Target | null;
  readonly aim: Aim;
  /** Amber band as a fraction (0.05 = 5%); 0 switches Amber off. */
  readonly band: number;
  /** Minimum acceptable level; replaces the band when present. */
  readonly floor: number | null;
}

/**
 * Why a status is NA (SPEC §5): "noData" = no value for the period (data not available); "notRated" = a value but no
 * usable target or aim (not rated).
 */
export type NaKind = "noData" | "notRated";

export interface RagResult {
  readonly status: Status;
  /** Set exactly when the status is NA. */
  readonly naKind: NaKind | null;
  /** One line that explains the status, e.g. `Red: 6.7% below target 30 (Maximise, amber band 5%)`. */
  readonly reason: string;
  /** Signed relative shortfall (positive = worse than target); null when undefined. */
  readonly gap: number | null;
}

export type PeriodKind = "quarter" | "year" | "month" | "calendarYear";

/** A parsed reporting period; `order` sorts periods in time (larger = later). */
export interface Period {
  readonly kind: PeriodKind;
  readonly order: number;
  /** Canonical label, e.g. `Q2 2020/21`, `2018/19`, `Sep 2013`, `2017`. */
  readonly label: string;
}
