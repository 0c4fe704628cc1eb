/**
 * The sample workbook as .xlsx bytes, shipped as the file itself (generated from tests/support/buildSample.ts by
 * scripts/generate-sample.mjs), so neither the CLI nor the browser demo loads ExcelJS to make it.
 */
import { SAMPLE_XLSX_BASE64 } from "./sampleXlsx";

export function sampleWorkbookBytes(): Uint8Array {
  const text = atob(SAMPLE_XLSX_BASE64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
