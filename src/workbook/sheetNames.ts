/**
 * Sheet names as Excel compares them: without regard to case, so "People" and "PEOPLE" cannot both exist and name
 * the same sheet (Excel refuses the second; ExcelJS's addWorksheet too). Upper-casing without a locale folds the
 * letters Excel folds and gives the same key on every machine.
 */

/** Names with the same key are the same sheet. */
export function sheetKey(name: string): string {
  return name.toUpperCase();
}

export function sameSheetName(a: string, b: string): boolean {
  return sheetKey(a) === sheetKey(b);
}

/** The item whose name is `name` as Excel matches it, exactly spelt ones first. */
export function findByName<T extends { readonly name: string }>(items: readonly T[], name: string): T | undefined {
  const exact = items.find((item) => item.name === name);
  if (exact) return exact;
  const wanted = sheetKey(name);
  return items.find((item) => sheetKey(item.name) === wanted);
}
