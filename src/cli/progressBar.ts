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
  let last = 0;
  let drawn = false;
  return {
    report(done, total, what) {
      const now = Date.now();
      if (now - last < REDRAW_MS && done < total) return;
      last = now;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(fraction * WIDTH);
      const columns = stream.columns ?? 80;
      const line = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.round(fraction * 100)}% ${what}`;
      stream.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
