/**
 * Each cell's style (xf) index, kept compactly so a later readNumberFormats can answer without a second pass over the
 * sheet: per column, the rows where the index changes going down it, in two growable typed arrays. A column whose
 * cells share one style costs one entry whatever its length (a 1,048,576-row sheet of uniformly formatted columns:
 * a few entries per column); the worst case, a style change on every row, costs 8 bytes a cell.
 * Cells arrive in sheet order (row by row), so each column's rows only grow. A cell that is absent reads as the
 * last style above it in its column: only cells holding a figure are ever asked about.
 * A sheet may give its rows out of order (ECMA-376 asks for ascending rows and Excel never writes otherwise, but other
 * generators may, and the reader is lenient): a cell above the lowest row read so far would break the runs, so it is
 * kept apart, by row in its column, and answers before them. An in-order sheet pays one comparison a cell for this.
 */

class ColumnRuns {
  rows: Uint32Array = new Uint32Array(4);
  xfs: Uint32Array = new Uint32Array(4);
  length = 0;
  /** Cells noted after a row below them (rows out of order): row -> style index; null while there are none. */
  private late: Map<number, number> | null = null;

  note(row: number, xf: number): void {
    const n = this.length;
    if (n > 0 && this.xfs[n - 1] === xf) return;
    if (n === this.rows.length) {
      this.rows = grow(this.rows);
      this.xfs = grow(this.xfs);
    }
    this.rows[n] = row;
    this.xfs[n] = xf;
    this.length = n + 1;
  }

  /**
   * A cell above the lowest row noted so far. The runs' answer for it is final (later cells only append changes
   * below), so only a cell whose style differs from it is kept apart.
   */
  noteAbove(row: number, xf: number): void {
    if (this.runAt(row) === xf) this.late?.delete(row);
    else (this.late ??= new Map()).set(row, xf);
  }

  /** The style index of the cell in `row`. */
  at(row: number): number {
    return this.late?.get(row) ?? this.runAt(row);
  }

  /** The index of the last change at or above `row`; 0 (the default style) above the first. */
  private runAt(row: number): number {
    let lo = 0;
    let hi = this.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid] <= row) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : this.xfs[found];
  }
}

function grow(array: Uint32Array): Uint32Array {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export class FormatRuns {
  /** By column index; an array rather than a Map, as it is touched once per cell of the sheet. */
  private readonly columns: (ColumnRuns | undefined)[] = [];
  /** The lowest row noted so far: a cell above it comes out of order. */
  private bottom = 0;

  note(row: number, col: number, xf: number): void {
    if (row < this.bottom) {
      this.noteAbove(row, col, xf);
      return;
    }
    this.bottom = row;
    let runs = this.columns[col];
    if (!runs) {
      // A column that starts on the default style needs no entry until its style changes.
      if (xf === 0) return;
      runs = new ColumnRuns();
      this.columns[col] = runs;
    }
    runs.note(row, xf);
  }

  private noteAbove(row: number, col: number, xf: number): void {
    let runs = this.columns[col];
    if (!runs) {
      // Every cell of this column so far has the default style, and a run started later begins below this row.
      if (xf === 0) return;
      runs = new ColumnRuns();
      this.columns[col] = runs;
    }
    runs.noteAbove(row, xf);
  }

  /** The style index of the cell at (row, col). */
  xf(row: number, col: number): number {
    return this.columns[col]?.at(row) ?? 0;
  }
}
