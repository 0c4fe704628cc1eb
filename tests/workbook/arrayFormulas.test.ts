/**
 * A formula with a range inside IF (`IF(E2:F2="","",E2:F2)`, the blank-safe history of a wide row) must be
 * evaluated as an array: a file stores it as a one-cell array formula, `<f t="array" ref="J2">`, since a plain `<f>`
 * is loaded as a legacy formula with implicit intersection (IF would see one cell). Single-cell formulas stay plain.
 */
import JSZip from "jszip";
import { applyRules } from "../../src/workbook";
import type { OutCell } from "../../src/workbook/port";
import { MemoryPort } from "../support/memoryPort";
import { inspected, opened, xlsxWorkbook } from "../xlsx/xlsxFixtures";
import { blockCellAt } from "../../src/workbook/blockRows";

const WIDE = {
  name: "Adults",
  rows: [
    ["Ref", "Indicator", "Aim", "Target", "Q1 2024/25", "Q2 2024/25", "Q3 2024/25"],
    ["A1", "Clients with budget", "Max", 0.8, 0.7, 0.72, 0.74],
  ],
};
const FORMULAS = { output: "formulas" } as const;

function plannedCell(port: MemoryPort, row: number, col: number): OutCell | undefined {
  for (const sheet of port.plans[0].sheets)
    for (const b of sheet.blocks) {
      const cell = blockCellAt(b, row, col);
      if (cell) return cell;
    }
  return undefined;
}

test("the plan marks the long trend over a history range as an array formula, the single-cell ones not", async () => {
  const port = new MemoryPort({ sheets: [WIDE] });
  await applyRules(port, { settings: FORMULAS });
  expect(port.cell("Adults", "J2").formula).toBe('=KPI.LONGTREND(IF(G2="","",G2),IF(E2:F2="","",E2:F2),C2)');
  expect(plannedCell(port, 1, 9)).toMatchObject({ array: true });
  expect(plannedCell(port, 1, 7)?.formula).toMatch(/^=KPI\.RAG\(/);
  expect(plannedCell(port, 1, 7)?.array).toBeUndefined();
  expect(plannedCell(port, 1, 8)?.formula).toMatch(/^=KPI\.TREND\(/);
  expect(plannedCell(port, 1, 8)?.array).toBeUndefined();
});

test('the .xlsx host writes it as <f t="array" ref="J2">, which ExcelJS reads as an array formula', async () => {
  const host = await opened(await xlsxWorkbook([WIDE]));
  await applyRules(host, { settings: FORMULAS });
  const zip = await JSZip.loadAsync(host.save());
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(xml).toMatch(
    /<c r="J2"[^>]*><f t="array" ref="J2">_xldudf_KPI_LONGTREND\(IF\(G2=&quot;&quot;,&quot;&quot;,G2\),IF\(E2:F2=/,
  );
  expect(xml).toMatch(/<c r="H2"[^>]*><f>_xldudf_KPI_RAG\(/);
  const j2 = (await inspected(host)).getWorksheet("Adults")!.getCell("J2").value;
  expect(j2).toMatchObject({ shareType: "array", ref: "J2" });
});

test("a long table's interleaved series: FILTER inside the array formula, saved as _xlfn._xlws.FILTER", async () => {
  const header = ["Code", "Period", "Value", "Target", "Aim"];
  const months = ["Q1 2024/25", "Q2 2024/25", "Q3 2024/25"];
  const rows = months.flatMap((m, i) => [
    ["A1", m, 10 + i, 12, "Max"],
    ["B2", m, 5 - i, 4, "Min"],
  ]);
  const host = await opened(await xlsxWorkbook([{ name: "Long", rows: [header, ...rows] }]));
  await applyRules(host, { settings: { ...FORMULAS, spc: true } });
  const zip = await JSZip.loadAsync(host.save());
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  // Row 6 is A1's third quarter (rows 2 and 4 before it); I is Variation (after Status, Short and Long Trend).
  expect(xml).toContain(
    '<f t="array" ref="I6">_xldudf_KPI_SPC(_xlfn._xlws.FILTER(IF($C$2:$C6=&quot;&quot;,&quot;&quot;,$C$2:$C6),$A$2:$A6=A6),E6)</f>',
  );
  expect(xml).toContain(
    '<f t="array" ref="H6">_xldudf_KPI_LONGTREND(IF(C6=&quot;&quot;,&quot;&quot;,C6),_xlfn._xlws.FILTER(IF(C2:C4=&quot;&quot;,&quot;&quot;,C2:C4),A2:A4=A6),E6)</f>',
  );
});
