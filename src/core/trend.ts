/** Short and long trends (SPEC §4): IMP / DET / STATIC / NA. */
import type { Aim, Target, Trend } from "./types";
import { compare10 } from "./numbers";

function midpoint(target: Target): number {
  return target.kind === "range" ? (target.lo + target.hi) / 2 : target.value;
}

/**
 * Direction from `before` to `now`. Maximise: higher is better; Minimise: lower is better; Goldilocks: closer to the
 * target's mid-point is better (NA without a target). Equal to 10 significant digits is STATIC.
 */
export function trend(current: number | null, previous: number | null, aim: Aim, target?: Target | null): Trend {
  if (current === null || previous === null) return "NA";
  let change: number;
  if (aim === "Goldilocks") {
    if (!target) return "NA";
    const mid = midpoint(target);
    change = compare10(Math.abs(previous - mid), Math.abs(current - mid));
  } else {
    change = aim === "Maximise" ? compare10(current, previous) : compare10(previous, current);
  }
  return change > 0 ? "IMP" : change < 0 ? "DET" : "STATIC";
}

/** Current value against the mean of the numbers in `previous` (the caller passes up to 4 previous periods). */
export function longTrend(
  current: number | null,
  previous: readonly (number | null)[],
  aim: Aim,
  target?: Target | null,
): Trend {
  let sum = 0;
  let count = 0;
  for (const value of previous) {
    if (value !== null && Number.isFinite(value)) {
      sum += value;
      count++;
    }
  }
  return count === 0 ? "NA" : trend(current, sum / count, aim, target);
}

const ARROWS: Record<Trend, string> = { IMP: "↑", DET: "↓", STATIC: "→", NA: "NA" };
const FROM_ARROW = new Map<string, Trend>([
  ["↑", "IMP"],
  ["↓", "DET"],
  ["→", "STATIC"],
]);

/** Trend as words (IMP/DET/STATIC/NA) or Kent-style arrows (↑ ↓ →); same rule, different display. */
export function formatTrend(value: Trend, labels: "words" | "arrows"): string {
  return labels === "arrows" ? ARROWS[value] : value;
}

/** Reads a trend cell back, whichever display it uses (`Imp`, `↑`, `static`…); null if it is not a trend. */
export function parseTrend(text: string): Trend | null {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "IMP" || upper === "DET" || upper === "STATIC" || upper === "NA") return upper;
  return FROM_ARROW.get(trimmed) ?? null;
}
