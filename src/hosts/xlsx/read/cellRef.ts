/** Cell references as the sheet XML writes them ("AB12"), read fast: the reader parses one per cell. */

/** "AB12" -> column 27 (0-based), or -1 when it is not a cell reference. */
export function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** "AB12" -> row 11 (0-based), or -1. */
export function refRow(ref: string): number {
  let i = 0;
  while (i < ref.length && ref.charCodeAt(i) > 57) i++;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 ? row - 1 : -1;
}
