/**
 * Number formats of the figures the summary and the reasons show (new-user finding F4): a value cell formatted `0.0%`
 * holds 0.803, and a committee reads "80.3% against 85%", not "0.803 against 0.85". The snapshot carries no format
 * per cell (a 1,048,576-row sheet would pay for it on every cell); after rating, one lazy port call asks for the
 * value and target cells of each measure's latest row, and only those.
 */
import { rag } from "../core";
import type { CellValue } from "../core";
import { parseRangeRef } from "./a1";
import type { EvaluatedTable, RowOutcome } from "./evaluate";
import type { MeasureReport } from "./model";
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
  /** Where its cells' formats land in the port's answer, -1 when not asked (text, blank or no column). */
  readonly valueAt: number;
  readonly targetAt: number;
}

const shown = (format: string | undefined): format is string => format !== undefined && !/^general$/i.test(format);

/**
 * The reason again with percentage figures, when the RAG rule gave it: the status's reason is its start (a trend note
 * may follow), so it is swapped only where it matches what the rule says with plain figures. NA reasons from the
 * row's reading (an unknown aim, an unreadable target) print no figure and stay as they are.
 */
function percentReason(m: MeasureReport, outcome: RowOutcome, tableBand: number): string {
  if (m.value === null || outcome.target === null || outcome.aim === null) return m.reason;
  const band = outcome.ownBand ?? tableBand;
  const input = { value: m.value, target: outcome.target, aim: outcome.aim, band, floor: m.floor };
  const plain = rag(input).reason;
  if (!m.reason.startsWith(plain)) return m.reason;
  return rag(input, "percent").reason + m.reason.slice(plain.length);
}

/**
 * The measures with the number formats of their value and target cells (`valueFormat`, `targetFormat`, left out when
 * General; a General target beside percentage values takes the values' format) and, where either shows a percentage,
 * reasons that print percentages. One port call, whatever the count.
 */
export async function withNumberFormats(
  port: WorkbookPort,
  snapshot: WorkbookSnapshot,
  tables: ReadonlyMap<string, readonly EvaluatedTable[]>,
  measures: readonly MeasureReport[],
): Promise<MeasureReport[]> {
  const questions: CellRef[] = [];
  const asked = new Map<MeasureReport, Asked>();
  const ask = (sheet: string, row: number, col: number, raw: CellValue): number => {
    if (typeof raw !== "number") return -1;
    questions.push({ sheet, row, col });
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
        const { valueCell } = outcome;
        const valueRaw = read(valueCell.row, valueCell.col);
        const targetRaw = targetCol === undefined ? undefined : read(outcome.row, targetCol);
        asked.set(m, {
          outcome,
          band: t.band,
          valueRaw,
          targetRaw,
          valueAt: ask(sheet.name, valueCell.row, valueCell.col, valueRaw),
          targetAt: targetCol === undefined ? -1 : ask(sheet.name, outcome.row, targetCol, targetRaw),
        });
      }
    }
  }
  const formats = questions.length > 0 ? await port.readNumberFormats(questions) : [];
  return measures.map((m) => {
    const a = asked.get(m);
    if (!a) return m;
    const valueFormat = a.valueAt >= 0 ? formats[a.valueAt] : (typedPercentFormat(a.valueRaw) ?? undefined);
    const ownTargetFormat = a.targetAt >= 0 ? formats[a.targetAt] : (typedPercentFormat(a.targetRaw) ?? undefined);
    // A General target beside percentage values (0.8 beside 87.0%) is read as a percentage by the reason ("target
    // 80%"), so the summary shows it in the value's format too, not as "0.8" (new-user finding F3).
    const targetFormat =
      !shown(ownTargetFormat) && shown(valueFormat) && isPercentFormat(valueFormat) ? valueFormat : ownTargetFormat;
    if (!shown(valueFormat) && !shown(targetFormat)) return m;
    const percent = [valueFormat, targetFormat].some((f) => shown(f) && isPercentFormat(f));
    return {
      ...m,
      ...(shown(valueFormat) ? { valueFormat } : {}),
      ...(shown(targetFormat) ? { targetFormat } : {}),
      reason: percent ? percentReason(m, a.outcome, a.band) : m.reason,
    };
  });
}
