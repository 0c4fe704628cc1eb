/** "Sheet!Cell: message", with the sheet quoted as Excel quotes it when its name needs it. */
import type { Problem } from "../workbook/model";

export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function problemLine(problem: Problem): string {
  return `${sheetRef(problem.sheet)}!${problem.cell}: ${problem.message}`;
}
