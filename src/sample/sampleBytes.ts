/** The sample workbook as .xlsx bytes (for now built with ExcelJS on demand). */
import { buildSampleWorkbook } from "./buildSample";

export async function sampleWorkbookBytes(): Promise<Uint8Array> {
  return new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer());
}
