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

it("downloads a scored copy as name.scored.xlsx, and a scored copy scored again under its own name (F23)", async () => {
  const workbook = new Workbook();
  workbook.addWorksheet("Place").addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
  const bytes = await workbook.xlsx.writeBuffer();
  const name = async (file: string) => (await openFile(file, bytes as ArrayBuffer)).downloadName;
  expect(await name("council.xlsx")).toBe("council.scored.xlsx");
  expect(await name("council.scored.xlsx")).toBe("council.scored.xlsx");
  // The extension follows the workbook's format, not the name it came with (as the CLI's output does).
  expect(await name("Council.SCORED.xlsm")).toBe("Council.scored.xlsx");
});

it("downloads a macro-enabled workbook as .xlsm, whatever it was called", async () => {
  const workbook = new Workbook();
  workbook.addWorksheet("Place").addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const macroTypes = types.replace(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  );
  expect(macroTypes).not.toBe(types);
  const bytes = await zip.file("[Content_Types].xml", macroTypes).generateAsync({ type: "arraybuffer" });
  const demo = await openFile("council.xlsx", bytes);
  expect(demo.downloadName).toBe("council.scored.xlsm");
  // Blob keeps its type in lower case (File API: "converted to ASCII lowercase").
  expect((await demo.toBlob()).type).toBe("application/vnd.ms-excel.sheet.macroenabled.12");
});
