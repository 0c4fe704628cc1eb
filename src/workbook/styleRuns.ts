import type { CellStyle, StyledColumn, StyledRange, StyleWrite } from "./port";

/**
 * Every CellStyle field, so a field added to CellStyle fails to compile here until it is listed: sameStyle compares
 * them all and styleKey (the .xlsx writer's cell style cache) keys on them all.
 */
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

/** A text equal for styles equal in every field (sameStyle) and different otherwise, whatever characters they hold. */
export const styleKey = (style: CellStyle): string => JSON.stringify(STYLE_FIELDS.map((f) => style[f] ?? null));

/**
 * A column's styles as a StyledColumn, built row by row (`set(i, style)`, rows left unset have none): equal looks
 * share one index, so a run of equal index is a run of equal styles. One byte a row while a column has under 256 looks.
 */
export class StyledColumnBuilder {
  private index: Uint8Array | Uint16Array;
  private readonly looks: CellStyle[] = [];

  constructor(
    private readonly col: number,
    private readonly firstRow: number,
    rows: number,
  ) {
    this.index = new Uint8Array(rows);
  }

  set(i: number, style: CellStyle | null): void {
    if (style === null) return;
    let look = this.looks.indexOf(style);
    if (look < 0) look = this.looks.findIndex((other) => sameStyle(other, style));
    if (look < 0) {
      look = this.looks.push(style) - 1;
      if (look === 255) this.index = Uint16Array.from(this.index);
      else if (look === 65535) throw new Error(`more than 65,535 distinct styles in column ${this.col + 1}`);
    }
    this.index[i] = look + 1;
  }

  done(): StyledColumn {
    return { row: this.firstRow, col: this.col, index: this.index, looks: this.looks };
  }
}

export const isStyledColumn = (write: StyleWrite): write is StyledColumn => !("range" in write);

/** Every style write as ranges, in plan order: a StyledColumn as one range per run of equal index. */
export function* styledRanges(styles: readonly StyleWrite[]): Generator<StyledRange> {
  for (const write of styles) {
    if (!isStyledColumn(write)) {
      yield write;
      continue;
    }
    const { index, looks, row, col } = write;
    let start = 0;
    for (let i = 1; i <= index.length; i++) {
      if (i < index.length && index[i] === index[start]) continue;
      const look = index[start];
      if (look > 0) yield { range: { row: row + start, col, rows: i - start, cols: 1 }, style: looks[look - 1] };
      start = i;
    }
  }
}
