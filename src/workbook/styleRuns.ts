import type { CellStyle, StyledRange } from "./port";

/** Every CellStyle field, so a field added to CellStyle fails to compile here until it is compared too. */
const STYLE_FIELDS = Object.keys({
  fill: true,
  font: true,
  bold: true,
  italic: true,
  numberFormat: true,
  wrap: true,
  plain: true,
} satisfies Record<keyof CellStyle, true>) as (keyof CellStyle)[];

/** Equal in every field: a style differing only in bold (or any other part) is a run of its own. */
export const sameStyle = (a: CellStyle | null, b: CellStyle | null): boolean =>
  a === b || (a !== null && b !== null && STYLE_FIELDS.every((f) => a[f] === b[f]));

/** One styled range per run of equal styles down a column; rows without a style (null) get none. */
export function colourRuns(
  col: number,
  firstRow: number,
  styles: readonly (CellStyle | null)[],
  into: StyledRange[],
): void {
  let start = 0;
  for (let i = 1; i <= styles.length; i++) {
    if (i < styles.length && sameStyle(styles[i], styles[start])) continue;
    const style = styles[start];
    if (style !== null) into.push({ range: { row: firstRow + start, col, rows: i - start, cols: 1 }, style });
    start = i;
  }
}
