/** The browser demo opens a user's file with the .xlsx host: a damaged sheet is told on opening, as the CLI tells it. */
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { openFile } from "../../src/taskpane/demo/demoWorkbook";

it("refuses a file whose sheet files a cell under another row, naming the sheet, the part and the cell", async () => {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("Place");
  ws.addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
  ws.addRow(["P1", "Measure 1", "Q1 2024/25", 10, 12, "Maximise"]);
  ws.addRow(["P1", "Measure 1", "Q2 2024/25", 11, 12, "Maximise"]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  zip.file("xl/worksheets/sheet1.xml", xml.replace('r="D3"', 'r="D9"'));
  const damaged = await zip.generateAsync({ type: "arraybuffer" });
  await expect(openFile("council.xlsx", damaged)).rejects.toThrow(
    '"council.xlsx" could not be opened: it has a damaged sheet "Place" (part xl/worksheets/sheet1.xml: cell D9 is filed under row 3).',
  );
  const intact = await zip.file("xl/worksheets/sheet1.xml", xml).generateAsync({ type: "arraybuffer" });
  await expect(openFile("council.xlsx", intact)).resolves.toBeDefined();
});
