/** New-user finding F19 through the CLI: `apply` without --spc on an earlier --spc output blanks its SPC cells. */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import { run, type Console } from "../../src/cli/main";
import { KENT_MONTHS as MONTHS, kentSeries } from "../support/kent";

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-spc-rerun-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const quiet: Console = { out: () => undefined, err: () => undefined, progress: () => null };
const [, , , ASC1] = kentSeries("ASC1");

test("an SPC run's Variation/Assurance cells are blank and unfilled after a run without --spc", async () => {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Adult Social Care");
  sheet.addRow(["Code", "Aim", "Target", ...MONTHS]);
  sheet.addRow(["ASC1", "Higher is better", 0.8, ...ASC1]);
  const input = path.join(dir, "kent.xlsx");
  await workbook.xlsx.writeFile(input);
  const first = path.join(dir, "k1.xlsx");
  const second = path.join(dir, "k2.xlsx");
  expect(await run(["apply", input, "-o", first, "--spc"], quiet)).toBe(0);
  expect(await run(["apply", first, "-o", second], quiet)).toBe(0);

  const read = async (file: string) => {
    const book = new Workbook();
    await book.xlsx.readFile(file);
    const ws = book.getWorksheet("Adult Social Care")!;
    const col = (ws.getRow(1).values as unknown[]).indexOf("Variation");
    return { ws, col };
  };
  const before = await read(first);
  expect(before.ws.getCell(2, before.col).value).toBe("Improvement (high)");
  const { ws, col } = await read(second);
  expect(col).toBe(before.col);
  for (const c of [col, col + 1]) {
    expect(ws.getCell(2, c).value).toBeNull();
    const fill = ws.getCell(2, c).fill as { type?: string; pattern?: string } | undefined;
    expect(fill?.pattern ?? "none").toBe("none");
    // The workbook's default font again (a theme colour, no RGB): not the SPC word's red or green.
    expect((ws.getCell(2, c).font as { color?: { argb?: string } } | undefined)?.color?.argb).toBeUndefined();
  }
  expect(ws.getCell(2, col - 3).value).toBe("Red");
});
