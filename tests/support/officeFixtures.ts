/**
 * The operation tests' workbooks (MemorySheetInit, as in tests/workbook/fixtures.ts) as fake Excel
 * workbooks for the Office.js host, so both run on the same fixtures; and large generated scorecards.
 */
import type { CellValue } from "../../src/core/types";
import { encodeState, STATE_SHEET_NAME } from "../../src/workbook/stateSheet";
import { FakeContext, FakeWorkbook, type FakeCellSpec } from "../office/fakeExcel";
import type { MemorySheetInit } from "./memoryPort";
import { random } from "./random";

/** A fake Excel workbook holding the same sheets (and add-in state) as a MemoryPort built from `sheets`. */
export function fakeWorkbook(sheets: readonly MemorySheetInit[], state: string | null = null): FakeWorkbook {
  const book = new FakeWorkbook(
    sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => row.map(asTyped)),
      top: s.top,
      left: s.left,
      visibility: s.visible === false ? "Hidden" : "Visible",
      protected: s.protected,
      tables: (s.tables ?? []).map((t) => ({ name: t.name, range: rangeOf(t.ref) })),
    })),
  );
  sheets.forEach((s) => {
    const sheet = book.sheet(s.name);
    for (const a1 of s.bold ?? []) {
      const { row, col } = cellOf(a1);
      sheet.styles.push({ range: { row, col, rows: 1, cols: 1 }, style: { bold: true } });
    }
    for (const [a1, numberFormat] of Object.entries(s.numberFormats ?? {})) {
      const { row, col } = cellOf(a1);
      sheet.styles.push({ range: { row, col, rows: 1, cols: 1 }, style: { numberFormat } });
    }
  });
  if (state !== null) {
    book.addSheet({ name: STATE_SHEET_NAME, rows: encodeState(state).map((c) => [c]), visibility: "VeryHidden" });
  }
  return book;
}

export function fakeContext(sheets: readonly MemorySheetInit[], state: string | null = null): FakeContext {
  return new FakeContext(fakeWorkbook(sheets, state));
}

/** What Office.js holds for a value: dates as serial numbers, errors as their text. */
function asTyped(value: CellValue): FakeCellSpec {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25_569;
  if (typeof value === "object") return value.error;
  return value;
}

function cellOf(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell: ${a1}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function rangeOf(ref: string): { row: number; col: number; rows: number; cols: number } {
  const [a, b = a] = ref.split(":");
  const from = cellOf(a);
  const to = cellOf(b);
  return { row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
}

const QUARTERS = ["Q4 2020/21", "Q3 2020/21", "Q2 2020/21", "Q1 2020/21"];
const AIMS = ["Maximise", "Minimise", "Higher is better", "Goldilocks"];
const MEASURES_PER_OUTCOME = 250;

/**
 * A long-layout directorate sheet with `rows` measure rows: four quarters per measure, newest first,
 * values scattered around each target (so statuses and trends change from row to row, the worst case
 * for colour runs), an NA now and then, a mix of aims, and a bold outcome title row every 250 measures.
 */
export function longScorecard(rows: number, name = "Directorate"): MemorySheetInit {
  const next = random(rows);
  const out: CellValue[][] = [["Code", "Measure", "Period", "Value", "Target", "Aim"]];
  const bold: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    const measure = Math.floor(i / 4);
    if (i % 4 === 0 && measure % MEASURES_PER_OUTCOME === 0) {
      out.push([`Outcome ${measure / MEASURES_PER_OUTCOME + 1}`]);
      bold.push(`A${out.length}`);
    }
    const aim = AIMS[measure % AIMS.length];
    const goldilocks = aim === "Goldilocks";
    const target = goldilocks ? "Between 60 and 70" : 100;
    const centre = goldilocks ? 65 : 100;
    const value = next() < 0.04 ? "NA" : Math.round(centre * (0.85 + next() * 0.3) * 10) / 10;
    out.push([`M${measure + 1}`, `Measure ${measure + 1}`, QUARTERS[i % 4], value, target, aim]);
  }
  return { name, rows: out, bold };
}
