/** Number helpers shared by the rules: float-noise-proof comparison, rounding and display. */

const SIGNIFICANT_DIGITS = 10;

/** Rounds to 10 significant digits, so 0.1 + 0.2 and 0.3 are the same figure. */
export function round10(x: number): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

/**
 * Compares two figures as they would read to 10 significant digits: -1, 0 or 1.
 * Fast path: when a and b differ by more than any 10-digit rounding could hide, the plain sign is exact.
 */
export function compare10(a: number, b: number): number {
  const diff = a - b;
  if (diff === 0) return 0;
  if (Math.abs(diff) > 2e-9 * Math.max(Math.abs(a), Math.abs(b))) return diff > 0 ? 1 : -1;
  const ra = round10(a);
  const rb = round10(b);
  return ra === rb ? 0 : ra > rb ? 1 : -1;
}

/** Whole-number percentage, rounding halves up, computed in integers so 29/200 gives 15, not 14. */
export function percentHalfUp(count: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((200 * count + total) / (2 * total));
}

/** A figure as people write it: up to 10 significant digits, no float noise, no trailing zeros. */
export function formatNumber(x: number): string {
  return String(round10(x));
}

/** A fraction as a percentage with at most one decimal: 0.0667 -> "6.7%", 0.04 -> "4%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(round10(fraction * 100) * 10) / 10}%`;
}
