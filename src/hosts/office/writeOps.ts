/**
 * A WritePlan as a list of small queued operations, each with the sheet it belongs to (to pin a failure
 * on that sheet) and its estimated request size (to pack operations into syncs under the payload limit).
 */
import type {
  CellRange,
  CellStyle,
  ChartSpec,
  ConditionalRule,
  OwnedSheetWrite,
  PageLayout,
  SheetWrite,
  StyledRange,
  WritePlan,
  WriteProblem,
} from "../../workbook/port";
import { columnAddress, rangeToA1, toA1 } from "../../workbook/a1";
import { encodeState, STATE_SHEET_NAME } from "../../workbook/stateSheet";
import { appendAll } from "./arrays";
import { planBlock, type RangeWrite } from "./blockWrites";
import type { ApiSupport, XlContext, XlRangeFormat, XlWorksheet } from "./excelApi";
import { missingSheetMessage, protectedSheetMessage } from "./officeErrors";
import { ACTION_BYTES, jsonBytes } from "./payload";
import { findSheet, type SheetFacts } from "./sheetFacts";
import { sameSheetName } from "../../workbook/sheetNames";

/** What an operation queues against: the request context, the sheets known to exist, proxies by name. */
export interface WriteTarget {
  readonly context: XlContext;
  readonly facts: readonly SheetFacts[];
  sheet(name: string): XlWorksheet;
  /** Records a sheet added (or, with null, deleted) earlier in the same batch. */
  setSheet(name: string, sheet: XlWorksheet | null): void;
}

export interface WriteOp {
  readonly sheet: string;
  readonly bytes: number;
  queue(target: WriteTarget): void;
}

const CHART_NAME = "Scorecard RAG chart";

export function planWriteOps(
  plan: WritePlan,
  facts: readonly SheetFacts[],
  supports: ApiSupport,
  maxArrayBytes: number,
): { ops: WriteOp[]; problems: WriteProblem[] } {
  const ops: WriteOp[] = [];
  const problems: WriteProblem[] = [];
  for (const write of plan.sheets) {
    const known = findSheet(facts, write.sheet);
    if (!known) problems.push({ sheet: write.sheet, message: missingSheetMessage(write.sheet) });
    else if (known.protected) problems.push({ sheet: write.sheet, message: protectedSheetMessage(write.sheet) });
    else appendAll(ops, sheetOps(write, true, supports, maxArrayBytes, problems));
  }
  if (plan.ownedSheet) appendAll(ops, ownedSheetOps(plan.ownedSheet, facts, supports, maxArrayBytes, problems));
  if (plan.state !== undefined) ops.push(stateOp(plan.state));
  return { ops, problems };
}

function sheetOps(
  write: SheetWrite,
  existing: boolean,
  supports: ApiSupport,
  maxArrayBytes: number,
  problems: WriteProblem[],
): WriteOp[] {
  const ops: WriteOp[] = [];
  for (const block of write.blocks) {
    appendAll(
      ops,
      planBlock(block, maxArrayBytes).map((w) => rangeWriteOp(write.sheet, w)),
    );
  }
  appendAll(ops, styleOps(write.sheet, write.styles, supports));
  if (write.conditionalRules.length > 0) {
    if (supports("1.6")) {
      appendAll(
        ops,
        overlapGroups(write.conditionalRules).map((group) => ruleGroupOp(write.sheet, group, existing)),
      );
    } else {
      problems.push({
        sheet: write.sheet,
        message: `Sheet "${write.sheet}": this version of Excel cannot add conditional formats (Excel API 1.6), so the colours were not applied. The statuses and trends were written.`,
      });
    }
  }
  if (write.columnWidths && write.columnWidths.length > 0) ops.push(widthsOp(write.sheet, write.columnWidths));
  return ops;
}

function rangeWriteOp(sheet: string, write: RangeWrite): WriteOp {
  const address = rangeToA1(write.range);
  if (write.kind === "fill") {
    return {
      sheet,
      bytes: 2 * ACTION_BYTES + jsonBytes(address) + jsonBytes(write.r1c1),
      queue: (t) => {
        t.sheet(sheet).getRange(address).formulasR1C1 = write.r1c1;
      },
    };
  }
  return {
    sheet,
    bytes: 2 * ACTION_BYTES + jsonBytes(address) + jsonBytes(write.formulas),
    queue: (t) => {
      t.sheet(sheet).getRange(address).formulas = write.formulas;
    },
  };
}

/** Consecutive ranges with one style, stacked in the same columns, become one range. */
function mergeStyles(styles: readonly StyledRange[]): StyledRange[] {
  const merged: StyledRange[] = [];
  for (const styled of styles) {
    const last = merged[merged.length - 1];
    if (
      last &&
      last.range.col === styled.range.col &&
      last.range.cols === styled.range.cols &&
      last.range.row + last.range.rows === styled.range.row &&
      JSON.stringify(last.style) === JSON.stringify(styled.style)
    ) {
      merged[merged.length - 1] = {
        style: last.style,
        range: { ...last.range, rows: last.range.rows + styled.range.rows },
      };
    } else merged.push(styled);
  }
  return merged;
}

/** Longest address list handed to getRanges: Excel refuses some lists of ~8,000 characters (office-js#5198). */
const AREAS_ADDRESS_CHARS = 2_000;

/**
 * Status colours come as one range per run of equal statuses down a column: tens of thousands on a long
 * table. When no two ranges overlap (so the order they are applied in cannot matter), ranges of one style
 * are styled together through multi-area ranges (ExcelApi 1.9), a few hundred areas per call.
 */
function styleOps(sheet: string, styles: readonly StyledRange[], supports: ApiSupport): WriteOp[] {
  const merged = mergeStyles(styles);
  if (merged.length < 2 || !supports("1.9") || !disjoint(merged.map((s) => s.range))) {
    return merged.map((s) => styleOp(sheet, s));
  }
  const byStyle = new Map<string, StyledRange[]>();
  for (const styled of merged) {
    const key = JSON.stringify(styled.style);
    const list = byStyle.get(key);
    if (list) list.push(styled);
    else byStyle.set(key, [styled]);
  }
  const ops: WriteOp[] = [];
  for (const group of byStyle.values()) {
    const { style } = group[0];
    // Multi-area ranges have no number format; those few go range by range.
    if (group.length === 1 || style.numberFormat !== undefined)
      appendAll(
        ops,
        group.map((s) => styleOp(sheet, s)),
      );
    else
      appendAll(
        ops,
        addressLists(group.map((s) => rangeToA1(s.range))).map((list) => areasStyleOp(sheet, list, style)),
      );
  }
  return ops;
}

/** Whether no cell is in two of the ranges. */
function disjoint(ranges: readonly CellRange[]): boolean {
  const byColumn = new Map<number, [number, number][]>();
  for (const r of ranges) {
    for (let c = r.col; c < r.col + r.cols; c += 1) {
      const spans = byColumn.get(c) ?? [];
      spans.push([r.row, r.row + r.rows]);
      byColumn.set(c, spans);
    }
  }
  for (const spans of byColumn.values()) {
    spans.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i += 1) if (spans[i][0] < spans[i - 1][1]) return false;
  }
  return true;
}

function addressLists(addresses: readonly string[]): string[] {
  const lists: string[] = [];
  let current = "";
  for (const address of addresses) {
    if (current && current.length + 1 + address.length > AREAS_ADDRESS_CHARS) {
      lists.push(current);
      current = "";
    }
    current = current ? `${current},${address}` : address;
  }
  if (current) lists.push(current);
  return lists;
}

/** The font, fill and wrap parts of a style, the same for one range and for multi-area ranges. */
function applyFormat({ format }: { readonly format: XlRangeFormat }, style: CellStyle): void {
  if (style.font !== undefined) format.font.color = style.font;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
}

function areasStyleOp(sheet: string, addresses: string, style: CellStyle): WriteOp {
  return {
    sheet,
    bytes: (2 + Object.keys(style).length) * ACTION_BYTES + jsonBytes(addresses) + jsonBytes(style),
    queue: (t) => {
      applyFormat(t.sheet(sheet).getRanges(addresses), style);
    },
  };
}

function styleOp(sheet: string, styled: StyledRange): WriteOp {
  const address = rangeToA1(styled.range);
  const { style } = styled;
  return {
    sheet,
    bytes: (2 + Object.keys(style).length) * ACTION_BYTES + jsonBytes(address) + jsonBytes(style),
    queue: (t) => {
      const range = t.sheet(sheet).getRange(address);
      applyFormat(range, style);
      // A single number format applies to every cell of the range (multi-area ranges have no numberFormat).
      if (style.numberFormat !== undefined) range.numberFormat = style.numberFormat;
    },
  };
}

/**
 * Rules whose ranges overlap, directly or through others, in plan order. Each group is cleared and
 * re-added in one operation, so a retry never adds a rule twice, and clearing one range can never
 * remove a rule just added to an overlapping one.
 */
function overlapGroups(rules: readonly ConditionalRule[]): ConditionalRule[][] {
  const groupOf = rules.map((_, i) => i);
  const root = (i: number): number => (groupOf[i] === i ? i : (groupOf[i] = root(groupOf[i])));
  rules.forEach((a, i) => {
    for (let j = 0; j < i; j += 1) if (overlaps(a.range, rules[j].range)) groupOf[root(i)] = root(j);
  });
  const groups = new Map<number, ConditionalRule[]>();
  rules.forEach((rule, i) => {
    const list = groups.get(root(i));
    if (list) list.push(rule);
    else groups.set(root(i), [rule]);
  });
  return [...groups.values()];
}

function overlaps(a: ConditionalRule["range"], b: ConditionalRule["range"]): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/**
 * The plan's rule ranges are the add-in's own output cells, so every conditional format on them is
 * the add-in's: clearing them all is how earlier runs' rules are replaced (and never duplicated)
 * without reading rules back, which Office.js does unreliably when rule types are mixed.
 */
function ruleGroupOp(sheet: string, rules: readonly ConditionalRule[], clear: boolean): WriteOp {
  const addresses = [...new Set(rules.map((r) => rangeToA1(r.range)))];
  const ruleBytes = rules.reduce((n, r) => n + jsonBytes(r.formula) + jsonBytes(r.style) + 8 * ACTION_BYTES, 0);
  return {
    sheet,
    bytes: ruleBytes + addresses.reduce((n, a) => n + jsonBytes(a) + 3 * ACTION_BYTES, 0),
    queue: (t) => {
      const target = t.sheet(sheet);
      if (clear) for (const address of addresses) target.getRange(address).conditionalFormats.clearAll();
      for (const rule of rules) {
        const custom = target.getRange(rangeToA1(rule.range)).conditionalFormats.add("Custom").custom;
        custom.rule.formula = rule.formula;
        if (rule.style.font !== undefined) custom.format.font.color = rule.style.font;
        if (rule.style.bold !== undefined) custom.format.font.bold = rule.style.bold;
        if (rule.style.italic !== undefined) custom.format.font.italic = rule.style.italic;
        if (rule.style.fill !== undefined) custom.format.fill.color = rule.style.fill;
        if (rule.style.numberFormat !== undefined) custom.format.numberFormat = rule.style.numberFormat;
      }
    },
  };
}

/** The port's widths are in characters (as in ExcelJS); Office.js wants points: 7 px a character plus 5 px padding. */
function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function widthsOp(sheet: string, widths: NonNullable<SheetWrite["columnWidths"]>): WriteOp {
  return {
    sheet,
    bytes: widths.length * (4 * ACTION_BYTES + 24),
    queue: (t) => {
      for (const { col, width } of widths)
        t.sheet(sheet).getRange(columnAddress(col)).format.columnWidth = widthInPoints(width);
    },
  };
}

function ownedSheetOps(
  owned: OwnedSheetWrite,
  facts: readonly SheetFacts[],
  supports: ApiSupport,
  maxArrayBytes: number,
  problems: WriteProblem[],
): WriteOp[] {
  const clash = findSheet(facts, owned.sheet);
  if (clash && !(owned.replaces !== null && sameSheetName(owned.replaces, owned.sheet))) {
    problems.push({
      sheet: owned.sheet,
      message: `A sheet named "${owned.sheet}" already exists and is not Scorecard's own, so the summary was not written. Rename it and generate the summary again.`,
    });
    return [];
  }
  const ops = [createOwnedOp(owned), ...sheetOps(owned, false, supports, maxArrayBytes, problems)];
  if (owned.freezeRows) {
    if (supports("1.7")) ops.push(freezeOp(owned.sheet, owned.freezeRows));
    else
      problems.push({
        sheet: owned.sheet,
        message: `The summary's header rows were not frozen: this version of Excel cannot freeze panes (Excel API 1.7).`,
      });
  }
  if (owned.page) {
    if (supports("1.9")) ops.push(pageLayoutOp(owned.sheet, owned.page));
    else
      problems.push({
        sheet: owned.sheet,
        message: `The summary's print layout (${describePage(owned.page)}) was not set: this version of Excel cannot set it (Excel API 1.9). Set it under Page Layout before printing.`,
      });
  }
  if (owned.chart) ops.push(chartOp(owned.sheet, owned.chart));
  return ops;
}

/**
 * Deletes the summary this one replaces and adds the new sheet in its place in the tab order, so a
 * regenerated workbook is the same workbook. On a retry after a failed batch, a sheet with the new name
 * can only be this operation's own half-finished work (a user's sheet of that name was refused above),
 * so it is deleted too.
 */
function createOwnedOp(owned: OwnedSheetWrite): WriteOp {
  const names = [owned.replaces, owned.sheet].filter((n): n is string => n !== null);
  return {
    sheet: owned.sheet,
    bytes: 6 * ACTION_BYTES + jsonBytes(names),
    queue: (t) => {
      const replaced = owned.replaces === null ? undefined : findSheet(t.facts, owned.replaces);
      const deleted: string[] = [];
      for (const name of names) {
        const present = findSheet(t.facts, name);
        if (!present || deleted.some((d) => sameSheetName(d, present.name))) continue;
        t.sheet(present.name).delete();
        t.setSheet(present.name, null);
        deleted.push(present.name);
      }
      const added = t.context.workbook.worksheets.add(owned.sheet);
      if (replaced) added.position = replaced.position;
      t.setSheet(owned.sheet, added);
    },
  };
}

function freezeOp(sheet: string, rows: number): WriteOp {
  return { sheet, bytes: 3 * ACTION_BYTES, queue: (t) => t.sheet(sheet).freezePanes.freezeRows(rows) };
}

/**
 * `{ horizontalFitToPages: 1, verticalFitToPages: 0 }` is what Excel records for "Fit All Columns on One Page":
 * 0 pages tall is "Automatic". Left out, the height could stay at Excel's default of 1 page and squeeze the whole
 * summary onto a single page.
 */
function pageLayoutOp(sheet: string, page: PageLayout): WriteOp {
  return {
    sheet,
    bytes: 4 * ACTION_BYTES,
    queue: (t) => {
      const layout = t.sheet(sheet).pageLayout;
      layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
      if (page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    },
  };
}

function describePage(page: PageLayout): string {
  return page.fitToWidth ? `${page.orientation}, all columns on one page wide` : page.orientation;
}

function chartOp(sheet: string, spec: ChartSpec): WriteOp {
  const source = rangeToA1(spec.range);
  // Columns after the first are the series; colour no more series than the data has.
  const colours = spec.seriesColours.slice(0, Math.max(0, spec.range.cols - 1));
  return {
    sheet,
    bytes: (6 + 5 * colours.length) * ACTION_BYTES + jsonBytes(spec),
    queue: (t) => {
      const target = t.sheet(sheet);
      const chart = target.charts.add("ColumnClustered", target.getRange(source), "Columns");
      chart.name = CHART_NAME;
      chart.title.text = spec.title;
      chart.setPosition(toA1(spec.anchor.row, spec.anchor.col));
      colours.forEach((colour, i) => chart.series.getItemAt(i).format.fill.setSolidColor(colour));
    },
  };
}

function stateOp(json: string): WriteOp {
  const cells = encodeState(json).map((chunk) => [chunk]);
  const address = `A1:A${cells.length}`;
  return {
    sheet: STATE_SHEET_NAME,
    bytes: 6 * ACTION_BYTES + jsonBytes(cells),
    queue: (t) => {
      const existing = findSheet(t.facts, STATE_SHEET_NAME);
      let sheet: XlWorksheet;
      if (existing) {
        sheet = t.sheet(existing.name);
        sheet.getRange("A:A").clear("Contents");
      } else {
        sheet = t.context.workbook.worksheets.add(STATE_SHEET_NAME);
        t.setSheet(STATE_SHEET_NAME, sheet);
      }
      sheet.visibility = "VeryHidden";
      // The chunks' prefix keeps Excel from reading any of them as a number, date or formula.
      sheet.getRange(address).values = cells;
    },
  };
}
