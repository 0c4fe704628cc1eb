/** ExcelJS's conditional formats of a loaded sheet: a plain worksheet property its typings leave out. */
import type { ConditionalFormattingOptions, Worksheet } from "exceljs";

export function conditionalFormattings(ws: Worksheet): ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings?: ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
}
