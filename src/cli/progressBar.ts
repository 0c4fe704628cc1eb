/** A one-line progress bar on stderr, only when stderr is a terminal (never in pipes, logs or CI). */
import type { Progress } from "../workbook/port";

const WIDTH = 24;
const REDRAW_MS = 100;

export interface ProgressBar {
  readonly report: Progress;
  /** Erases the bar so the next message starts on a clean line. */
  done(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar | null {
  if (!stream.isTTY) return null;
  let lastDraw = 0;
  let lastWhat = "";
  let shown = 0;
  let drawn = false;
  return {
    report(done, total, what) {
      // Stages report their own totals (rating, then writing): the bar only moves forward.
      shown = Math.max(shown, total > 0 ? Math.min(1, done / total) : 0);
      const now = Date.now();
      if (what === lastWhat && now - lastDraw < REDRAW_MS) return;
      lastDraw = now;
      lastWhat = what;
      const filled = Math.round(shown * WIDTH);
      const line = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.round(shown * 100)}% ${what}`;
      stream.write(`\r${line.slice(0, (stream.columns || 80) - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
