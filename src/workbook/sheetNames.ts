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

/**
 * A sheet name as someone types it, for finding a sheet (the CLI's --sheet), never for telling sheets apart: Excel's
 * key with curly apostrophes and primes (’ ‘ ʼ ′) made straight. Word and Outlook turn "Children's" into
 * "Children’s" as it is typed, and a name copied from a report keeps it; Excel holds the two as different names,
 * so an exact match (findByName) is tried before this one.
 */
export function typedSheetKey(name: string): string {
  return sheetKey(name.replace(/[\u2018\u2019\u02BC\u2032]/g, "'").trim());
}

/** The item whose name is `name` as Excel matches it, exactly spelt ones first. */
export function findByName<T extends { readonly name: string }>(items: readonly T[], name: string): T | undefined {
  const exact = items.find((item) => item.name === name);
  if (exact) return exact;
  const wanted = sheetKey(name);
  return items.find((item) => sheetKey(item.name) === wanted);
}

/**
 * `desired`, or the first of "desired (2)", "desired (3)"… (cut to Excel's 31 characters) that no sheet but the
 * add-in's own `owned` has: a user's sheet of the name is never taken over.
 */
export function freeSheetName(desired: string, sheetNames: readonly string[], owned: string | null): string {
  const taken = new Set(sheetNames.map(sheetKey).filter((n) => owned === null || n !== sheetKey(owned)));
  if (!taken.has(sheetKey(desired))) return desired;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = desired.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(sheetKey(name))) return name;
  }
}
