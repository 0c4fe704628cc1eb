/**
 * New-user finding F18: with many directorates the summary's chart covered the first directorate's heading and
 * narrative. Whatever the number of bars, the chart's drawn rectangle in the written file (its twoCellAnchor) holds
 * no written cell of the summary sheet.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { run, type Console } from "../../src/cli/main";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-chart-room-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const quiet: Console = { out: () => undefined, err: () => undefined, progress: () => null };

async function scored(directorates: number): Promise<string> {
  const workbook = new Workbook();
  for (let d = 0; d < directorates; d++) {
    const sheet = workbook.addWorksheet(`Directorate ${d + 1}`);
    sheet.addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
    for (let m = 0; m < 3 + (d % 4); m++) sheet.addRow([`D${d}M${m}`, `Measure ${m}`, "Q1 2024/25", 90 + m, 95, "Max"]);
  }
  const input = path.join(dir, `in${directorates}.xlsx`);
  const output = path.join(dir, `out${directorates}.xlsx`);
  await workbook.xlsx.writeFile(input);
  expect(await run(["apply", input, "-o", output], quiet)).toBe(0);
  return output;
}

/** The chart's cell rectangle from the drawing's twoCellAnchor: rows/cols [from, to), 0-based. */
function chartRectangle(file: Buffer): { row: number; col: number; toRow: number; toCol: number } {
  const parts = unzipSync(new Uint8Array(file));
  const drawings = Object.keys(parts).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
  expect(drawings).toHaveLength(1);
  const xml = strFromU8(parts[drawings[0]]);
  const at = (end: "from" | "to", what: "row" | "col"): number =>
    Number(new RegExp(`<xdr:${end}>.*?<xdr:${what}>(\\d+)</xdr:${what}>`).exec(xml)?.[1]);
  return { row: at("from", "row"), col: at("from", "col"), toRow: at("to", "row"), toCol: at("to", "col") };
}

test.each([1, 3, 8, 20])("%i directorates: no written summary cell lies under the chart", async (directorates) => {
  const output = await scored(directorates);
  const rect = chartRectangle(await fs.readFile(output));
  expect(rect.toRow - rect.row).toBeGreaterThanOrEqual(15);
  const book = new Workbook();
  await book.xlsx.readFile(output);
  const summary = book.getWorksheet("Scorecard Summary")!;
  const covered: string[] = [];
  summary.eachRow((row, rowNumber) =>
    row.eachCell((cell, colNumber) => {
      const inside =
        rowNumber - 1 >= rect.row &&
        rowNumber - 1 < rect.toRow &&
        colNumber - 1 >= rect.col &&
        colNumber - 1 < rect.toCol;
      if (inside && cell.value !== null && cell.value !== "") covered.push(cell.address);
    }),
  );
  expect(covered).toEqual([]);
  // The counts table the chart draws is complete above it: one row per directorate.
  const labels = summary.getColumn(1).values.filter((v) => typeof v === "string" && v.startsWith("Directorate "));
  expect(labels.length).toBeGreaterThanOrEqual(directorates);
});
