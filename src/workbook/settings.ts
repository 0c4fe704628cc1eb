/**
 * Settings and the add-in's stored state. Both hosts keep one JSON text in the workbook (the port's `state`):
 * the settings, the name of the summary sheet the add-in owns, and the output columns it added, so that a re-run
 * replaces only what is its own. Unreadable or invalid state never stops a run: defaults are used and a notice says so.
 */
import { DEFAULT_BAND, STATUSES } from "../core";
import type { Status } from "../core";
import type { CellStyle } from "./port";
import { sameSheetName } from "./sheetNames";

export interface StatusColours {
  /** "#RRGGBB" */
  readonly fill: string;
  readonly font: string;
}

export interface Settings {
  /** Amber band as a fraction (0.05 = 5%); 0 switches Amber off. */
  readonly band: number;
  /** Header of the floor column; "" finds it by the usual header words. */
  readonly floorHeader: string;
  readonly trendLabels: "words" | "arrows";
  readonly output: "formulas" | "values";
  readonly colours: Readonly<Record<Status, StatusColours>>;
  readonly summarySheetName: string;
  /** Amber band per sheet name, overriding `band`. */
  readonly sheetBands: Readonly<Record<string, number>>;
  /** Statistical process control (SPEC §7): Variation and Assurance columns for measures with a history. */
  readonly spc: boolean;
}

/** Excel's Good / Neutral / Bad cell styles and a grey for NA; every pair has text contrast of at least 4.5:1. */
export const DEFAULT_SETTINGS: Settings = {
  band: DEFAULT_BAND,
  floorHeader: "",
  trendLabels: "words",
  output: "formulas",
  colours: {
    Green: { fill: "#C6EFCE", font: "#006100" },
    Amber: { fill: "#FFEB9C", font: "#9C5700" },
    Red: { fill: "#FFC7CE", font: "#9C0006" },
    NA: { fill: "#D9D9D9", font: "#3A3A3A" },
  },
  summarySheetName: "Scorecard Summary",
  sheetBands: {},
  spc: false,
};

/** An output column the add-in added (not one it found and reused): its header cell. */
export interface OwnedColumn {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly header: string;
}

/**
 * One style object per colour pair, made once: the .xlsx host caches cell formats by style identity, and a long
 * table has a colour run (one styled range) per row, so a fresh object each time cost a cache entry and a format
 * lookup per row (~10% of `scorecard apply` on 40,000 rows).
 */
const STYLE_OF_COLOURS = new WeakMap<StatusColours, CellStyle>();

/** The fill and text colour of a status cell (a trend cell borrows its status's). */
export function statusStyle(settings: Settings, status: Status): CellStyle {
  const colours = settings.colours[status];
  let style = STYLE_OF_COLOURS.get(colours);
  if (!style) STYLE_OF_COLOURS.set(colours, (style = { fill: colours.fill, font: colours.font }));
  return style;
}

export interface AddinState {
  readonly settings: Settings;
  /** The summary sheet the add-in created, if any: the only sheet it may replace. */
  readonly summarySheet: string | null;
  /** The SPC chart's sheet the add-in created, if any (absent until a chart is drawn). */
  readonly spcSheet?: string;
  readonly ownedColumns: readonly OwnedColumn[];
}

const STATE_VERSION = 1;
const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
/** Excel's rule for sheet names. */
const BAD_SHEET_NAME = /[[\]:*?/\\]|^'|'$/;
/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

function relativeLuminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two "#RRGGBB" colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export function isValidSheetName(name: string): boolean {
  return name.trim().length > 0 && name.length <= 31 && !BAD_SHEET_NAME.test(name);
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isBand = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0 && x < 1;

/** Reads each setting on its own: one bad field falls back to its default and is named in a notice. */
function readSettings(raw: Record<string, unknown>, notices: string[]): Settings {
  const d = DEFAULT_SETTINGS;
  const take = <T>(key: keyof Settings, ok: (x: unknown) => x is T, fallback: T): T => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (ok(value)) return value;
    notices.push(`Stored setting "${key}" (${JSON.stringify(value)}) is not valid; the default is used.`);
    return fallback;
  };
  const colours = readColours(raw.colours, notices);
  const sheetBands: Record<string, number> = {};
  if (isRecord(raw.sheetBands)) {
    for (const [sheet, band] of Object.entries(raw.sheetBands)) {
      if (isBand(band)) sheetBands[sheet] = band;
      else
        notices.push(`Stored amber band for sheet "${sheet}" (${JSON.stringify(band)}) is not valid; it is ignored.`);
    }
  } else if (raw.sheetBands !== undefined) {
    notices.push(`Stored setting "sheetBands" is not valid; no per-sheet bands are used.`);
  }
  return {
    band: take("band", isBand, d.band),
    floorHeader: take("floorHeader", (x): x is string => typeof x === "string", d.floorHeader),
    trendLabels: take("trendLabels", (x): x is "words" | "arrows" => x === "words" || x === "arrows", d.trendLabels),
    output: take("output", (x): x is "formulas" | "values" => x === "formulas" || x === "values", d.output),
    colours,
    summarySheetName: take(
      "summarySheetName",
      (x): x is string => typeof x === "string" && isValidSheetName(x),
      d.summarySheetName,
    ),
    sheetBands,
    spc: take("spc", (x): x is boolean => typeof x === "boolean", d.spc),
  };
}

function readColours(raw: unknown, notices: string[]): Settings["colours"] {
  if (raw === undefined) return DEFAULT_SETTINGS.colours;
  const stored = isRecord(raw) ? raw : {};
  const colours = { ...DEFAULT_SETTINGS.colours };
  for (const status of STATUSES) {
    const pair = stored[status];
    if (pair === undefined) continue;
    if (!isRecord(pair) || typeof pair.fill !== "string" || typeof pair.font !== "string") {
      notices.push(`Stored colours for ${status} are not valid; the default colours are used.`);
      continue;
    }
    if (!HEX_COLOUR.test(pair.fill) || !HEX_COLOUR.test(pair.font)) {
      notices.push(`Stored colours for ${status} are not #RRGGBB colours; the default colours are used.`);
      continue;
    }
    const fill = pair.fill.toUpperCase();
    const font = pair.font.toUpperCase();
    const ratio = contrastRatio(fill, font);
    if (ratio < MIN_CONTRAST) {
      notices.push(
        `${status} text ${font} on ${fill} has a contrast of ${ratio.toFixed(1)}:1, below ${MIN_CONTRAST}:1; it may be hard to read.`,
      );
    }
    colours[status] = { fill, font };
  }
  return colours;
}

function readOwnedColumns(raw: unknown): OwnedColumn[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (c): c is OwnedColumn =>
      isRecord(c) &&
      typeof c.sheet === "string" &&
      Number.isInteger(c.row) &&
      Number.isInteger(c.col) &&
      typeof c.header === "string",
  );
}

const DEFAULT_STATE: AddinState = { settings: DEFAULT_SETTINGS, summarySheet: null, ownedColumns: [] };

/** The stored state, or defaults with notices saying what could not be read. Never throws. */
export function parseState(json: string | null): { state: AddinState; notices: string[] } {
  if (json === null || json.trim() === "") return { state: DEFAULT_STATE, notices: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { state: DEFAULT_STATE, notices: ["The stored Scorecard settings could not be read; defaults are used."] };
  }
  if (!isRecord(raw)) {
    return { state: DEFAULT_STATE, notices: ["The stored Scorecard settings are not valid; defaults are used."] };
  }
  const notices: string[] = [];
  const settings = isRecord(raw.settings) ? readSettings(raw.settings, notices) : DEFAULT_SETTINGS;
  if (raw.settings !== undefined && !isRecord(raw.settings)) {
    notices.push("The stored Scorecard settings are not valid; defaults are used.");
  }
  const summarySheet = typeof raw.summarySheet === "string" ? raw.summarySheet : null;
  const ownedColumns = readOwnedColumns(raw.ownedColumns);
  const state: AddinState =
    typeof raw.spcSheet === "string"
      ? { settings, summarySheet, spcSheet: raw.spcSheet, ownedColumns }
      : { settings, summarySheet, ownedColumns };
  return { state, notices };
}

export function serialiseState(state: AddinState): string {
  return JSON.stringify({
    version: STATE_VERSION,
    settings: state.settings,
    summarySheet: state.summarySheet,
    // Left out until a chart is drawn (JSON.stringify drops undefined), so a state without one reads as before.
    spcSheet: state.spcSheet,
    ownedColumns: state.ownedColumns,
  });
}

/** Settings from the stored state (defaults where it cannot be read). */
export function parseSettings(json: string | null): Settings {
  return parseState(json).state.settings;
}

/** The state with new settings, keeping what the add-in owns from `previous` (the stored state, if any). */
export function serialiseSettings(settings: Settings, previous: string | null = null): string {
  return serialiseState({ ...parseState(previous).state, settings });
}

/** Applies per-run overrides (e.g. the CLI's --values) on top of stored settings. */
export function withOverrides(settings: Settings, overrides: Partial<Settings> | undefined): Settings {
  return overrides ? { ...settings, ...overrides } : settings;
}

/**
 * The key of `sheet` in `sheetBands`, matched as Excel matches sheet names (case-blind; an exact match first), so
 * a band set for "people" still applies after the sheet is renamed "People".
 */
export function sheetBandKey(sheetBands: Settings["sheetBands"], sheet: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(sheetBands, sheet)) return sheet;
  return Object.keys(sheetBands).find((key) => sameSheetName(key, sheet));
}

/** The amber band for a sheet: its own if set, else the workbook's. */
export function bandFor(settings: Settings, sheet: string): number {
  const key = sheetBandKey(settings.sheetBands, sheet);
  return key === undefined ? settings.band : settings.sheetBands[key];
}
