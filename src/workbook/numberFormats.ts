/**
 * Number formats of the figures the summary and the reasons show (new-user finding F4): a value cell formatted `0.0%`
 * holds 0.803, and a committee reads "80.3% against 85%", not "0.803 against 0.85". The snapshot carries no format
 * per cell (a 1,048,576-row sheet would pay for it on every cell); after rating, one lazy port call asks for the
 * value and target cells of each measure's latest row, and only those.
 */
import { excelErrorOf, isBlank, rag } from "../core";
import type { CellValue, FigureStyle } from "../core";
import type { FigureStyles } from "../core/rag";
import { figure } from "../core/rag";
import { formatNumber } from "../core/numbers";
import { isCurrencyFormat, readFigureFormat } from "../core/figureFormat";
import { parseRangeRef, toA1 } from "./a1";
import type { CellAt, EvaluatedTable, RowOutcome } from "./evaluate";
import type { MeasureReport, Problem } from "./model";
import type { CellRef, WorkbookPort, WorkbookSnapshot } from "./port";
import { cellReader } from "./scan";

/**
 * A format shows a percentage when its first section (the one positive numbers use) has a `%` that is not text:
 * quoted literals (`"%"`), escaped characters (`\%`) and bracketed codes (`[Red]`) do not count.
 */
export function isPercentFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*]/g, "");
  return bare.split(";")[0].includes("%");
}

/** A percentage typed as text ("80.3%", "≥ 95%", "60–70%") is shown with the decimals typed: "0.0%", "0%". */
export function typedPercentFormat(raw: CellValue): string | null {
  if (typeof raw !== "string" || !/\d\s?%/.test(raw)) return null;
  const decimals = /\d\.(\d+)\s?%/.exec(raw)?.[1].length ?? 0;
  return decimals === 0 ? "0%" : `0.${"0".repeat(Math.min(decimals, 4))}%`;
}

/**
 * Money typed as text ("£1,200,000", "≤ £21,000") is shown as typed: its symbol, its thousands separators and its
 * decimals, `"£"#,##0` (new-user finding N15), not "1200000".
 */
export function typedMoneyFormat(raw: CellValue): string | null {
  if (typeof raw !== "string") return null;
  const symbol = /([£$€¥])\s?\d/.exec(raw)?.[1];
  if (symbol === undefined) return null;
  const thousands = /\d,\d{3}/.test(raw) ? "#,##0" : "0";
  const decimals = /[£$€¥]\s?[\d,]*\.(\d+)/.exec(raw)?.[1].length ?? 0;
  return `"${symbol}"${thousands}${decimals === 0 ? "" : `.${"0".repeat(Math.min(decimals, 4))}`}`;
}

/** The format a figure typed as text shows: a percentage or money as typed; null for plain text. */
function typedFormat(raw: CellValue): string | undefined {
  return typedPercentFormat(raw) ?? typedMoneyFormat(raw) ?? undefined;
}

/** The outcome of the table row a measure reports (outcomes are in sheet order, one per row). */
function outcomeAt(rows: readonly RowOutcome[], row: number): RowOutcome | null {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = rows[mid].row;
    if (at === row) return rows[mid];
    if (at < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** What one measure needs: its outcome and the raw value and target cells. */
interface Asked {
  readonly outcome: RowOutcome;
  /** The band of the outcome's table, the row's unless it has its own. */
  readonly band: number;
  readonly valueRaw: CellValue;
  readonly targetRaw: CellValue;
  /** A1 of the target cell of the measure's latest row, where a problem with its figure is named. */
  readonly targetCell: string | null;
  /** Where its cells' formats land in the port's answer, -1 when not asked (text, or no column). */
  readonly valueAt: number;
  readonly targetAt: number;
}

const shown = (format: string | undefined): format is string => format !== undefined && !/^general$/i.test(format);
const percentShown = (format: string | undefined): boolean => shown(format) && isPercentFormat(format);

/** How a reason prints a figure whose cell shows `format`: as a percentage, as money, or plainly. */
function styleOf(format: string | undefined): FigureStyle {
  if (!shown(format)) return "plain";
  if (isPercentFormat(format)) return "percent";
  const money = readFigureFormat(format);
  return isCurrencyFormat(money) ? { money } : "plain";
}

/** The largest size of a target: its figure, or a range's farther bound. */
function targetSize(target: NonNullable<MeasureReport["target"]>): number {
  return typeof target === "number" ? Math.abs(target) : Math.max(Math.abs(target[0]), Math.abs(target[1]));
}

/**
 * Value and target on different scales (new-user finding N13): exactly one of them shows a percentage, and the other
 * is a plain number above 1 and over ten times the percentage's figure, nearer its ×100 than itself: 0.96 shown 96%
 * beside 95, or 96 beside 95%. A General 0.8 beside 87% is on the same scale (it reads 80%, finding F3); 3 beside
 * 250% (2.5) is too. False when either figure is missing: nothing to compare.
 */
export function scalesDiffer(
  value: number | null,
  target: MeasureReport["target"],
  valueFormat: string | undefined,
  targetFormat: string | undefined,
): boolean {
  const valuePercent = percentShown(valueFormat);
  if (value === null || target === null || valuePercent === percentShown(targetFormat)) return false;
  const [percentSide, plainSide] = valuePercent
    ? [Math.abs(value), targetSize(target)]
    : [targetSize(target), Math.abs(value)];
  return plainSide > 1 && plainSide > 10 * percentSide;
}

/**
 * How the reasons print a measure's figures (the RAG reason, the SPC chart's): each as its cell shows it, and a
 * General value beside a percentage target on its scale (0.94 beside "≥ 95%") as a percentage, "94%".
 * `targetFormat` is the measure's (a General target has taken the value's format where it reads as it).
 */
export function figureStyles(
  valueFormat: string | undefined,
  targetFormat: string | undefined,
  differ: boolean,
): FigureStyles {
  return {
    value: !shown(valueFormat) && percentShown(targetFormat) && !differ ? "percent" : styleOf(valueFormat),
    target: styleOf(targetFormat),
  };
}

/** "95" as typed, or "60–70" for a range, with a style for each figure. */
function shownTarget(target: NonNullable<MeasureReport["target"]>, style: FigureStyle, scale = 1): string {
  return typeof target === "number"
    ? figure(target * scale, style)
    : `${figure(target[0] * scale, style)}–${figure(target[1] * scale, style)}`;
}

/**
 * The data problem of a value and target on different scales: both figures as their cells show them, what the rule
 * compared, and what to type. The status stays what the rule gives (the statuses written to the sheet, and a KPI.RAG
 * formula, compare the cells' numbers, which carry no format), so the summary agrees with the sheet, and this says
 * why it may be wrong.
 */
function scaleProblem(m: MeasureReport, value: number, cell: string, valuePercent: boolean): Problem {
  const target = m.target as NonNullable<MeasureReport["target"]>;
  const compared = `so the status compares ${formatNumber(value)} with ${shownTarget(target, "plain")}`;
  const asPercentage = typeof target === "number" ? "a percentage" : "percentages";
  const message = valuePercent
    ? `Value ${figure(value, "percent")} and target ${shownTarget(target, "plain")} look like different scales ` +
      `(a percentage and a plain number), ${compared}. If the target is ${shownTarget(target, "percent", 0.01)}, ` +
      `type it as ${shownTarget(target, "percent", 0.01)} (or ${shownTarget(target, "plain", 0.01)} formatted as ` +
      `${asPercentage}).`
    : `Value ${formatNumber(value)} and target ${shownTarget(target, "percent")} look like different scales ` +
      `(a plain number and a percentage), ${compared}. Type the value as ${figure(value / 100, "percent")} (or ` +
      `${formatNumber(value / 100)} formatted as a percentage), or the target as ${shownTarget(target, "plain", 100)} ` +
      `without the %, as the value is written.`;
  return { sheet: m.sheet, cell, message };
}

/**
 * The reason again with each figure as its cell shows it, when the RAG rule gave it: the status's reason is its start
 * (a trend note may follow), so it is swapped only where it matches what the rule says with plain figures. NA
 * reasons from the row's reading (an unknown aim, an unreadable target) print no figure and stay as they are.
 */
function styledReason(m: MeasureReport, outcome: RowOutcome, tableBand: number, styles: FigureStyles): string {
  if (m.value === null || outcome.target === null || outcome.aim === null) return m.reason;
  const band = outcome.ownBand ?? tableBand;
  const input = { value: m.value, target: outcome.target, aim: outcome.aim, band, floor: m.floor };
  const plain = rag(input).reason;
  if (!m.reason.startsWith(plain)) return m.reason;
  return rag(input, styles).reason + m.reason.slice(plain.length);
}

/** The measures with their figures' formats, and the problems those formats show (N13). */
export interface FormattedMeasures {
  readonly measures: MeasureReport[];
  readonly problems: Problem[];
}

/**
 * The measures with the number formats of their value and target cells (`valueFormat`, `targetFormat`, left out when
 * General; a General target beside percentage values on the same scale takes the values' format) and reasons that
 * print each figure as its cell shows it. The value's format is that of the measure's latest cell holding a figure
 * (new-user finding N3: an error or a blank in the latest period keeps the measure's £ or %), else that of its latest
 * cell. A percentage beside a plain number on another scale is a data problem at the target cell. One port call,
 * whatever the count.
 */
export async function withNumberFormats(
  port: WorkbookPort,
  snapshot: WorkbookSnapshot,
  tables: ReadonlyMap<string, readonly EvaluatedTable[]>,
  measures: readonly MeasureReport[],
): Promise<FormattedMeasures> {
  const questions: CellRef[] = [];
  const asked = new Map<MeasureReport, Asked>();
  const ask = (sheet: string, at: CellAt): number => {
    questions.push({ sheet, row: at.row, col: at.col });
    return questions.length - 1;
  };
  for (const sheet of snapshot.sheets) {
    const evaluated = tables.get(sheet.name);
    if (!evaluated) continue;
    const read = cellReader(sheet);
    for (const t of evaluated) {
      const targetCol = t.table.header.fields.target;
      for (const m of t.measures) {
        const row = parseRangeRef(m.cell)?.row;
        const outcome = row === undefined ? null : outcomeAt(t.rows, row);
        if (outcome === null) continue;
        const valueCell = t.figureCells.get(m) ?? outcome.valueCell;
        const valueRaw = read(valueCell.row, valueCell.col);
        const targetRaw = targetCol === undefined ? undefined : read(outcome.row, targetCol);
        // An error or a blank cell still shows its format (the column's, for a cell never written).
        const valueAsked = typeof valueRaw === "number" || isBlank(valueRaw) || excelErrorOf(valueRaw) !== null;
        asked.set(m, {
          outcome,
          band: t.band,
          valueRaw,
          targetRaw,
          targetCell: targetCol === undefined ? null : toA1(outcome.row, targetCol),
          valueAt: valueAsked ? ask(sheet.name, valueCell) : -1,
          targetAt:
            targetCol !== undefined && typeof targetRaw === "number"
              ? ask(sheet.name, { row: outcome.row, col: targetCol })
              : -1,
        });
      }
    }
  }
  const formats = questions.length > 0 ? await port.readNumberFormats(questions) : [];
  const problems: Problem[] = [];
  const formatted = measures.map((m) => {
    const a = asked.get(m);
    if (!a) return m;
    const valueFormat = a.valueAt >= 0 ? formats[a.valueAt] : typedFormat(a.valueRaw);
    const ownTargetFormat = a.targetAt >= 0 ? formats[a.targetAt] : typedFormat(a.targetRaw);
    const differ = scalesDiffer(m.value, m.target, valueFormat, ownTargetFormat);
    if (differ && a.targetCell !== null) {
      problems.push(scaleProblem(m, m.value as number, a.targetCell, percentShown(valueFormat)));
    }
    // A General target is shown as the values are where it reads so: beside percentages on their scale (0.8 beside
    // 87.0%, "target 80%", new-user finding F3) or money ("£21,000"); on another scale (95 beside 96%) it is shown as
    // typed, never "9500%" (N13).
    const inherits =
      !shown(ownTargetFormat) &&
      shown(valueFormat) &&
      (isPercentFormat(valueFormat) ? !differ : isCurrencyFormat(readFigureFormat(valueFormat)));
    const targetFormat = inherits ? valueFormat : ownTargetFormat;
    if (!shown(valueFormat) && !shown(targetFormat)) return m;
    const styles = figureStyles(valueFormat, targetFormat, differ);
    const plain = styles.value === "plain" && styles.target === "plain";
    return {
      ...m,
      ...(shown(valueFormat) ? { valueFormat } : {}),
      ...(shown(targetFormat) ? { targetFormat } : {}),
      reason: plain ? m.reason : styledReason(m, a.outcome, a.band, styles),
    };
  });
  return { measures: formatted, problems };
}
