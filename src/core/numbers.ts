/** Number helpers shared by the rules: float-noise-proof comparison, rounding and display. */

const SIGNIFICANT_DIGITS = 10;

/** 10^0 … 10^22: every one is an exact double, so a product or quotient by one is rounded once. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** How close to a rounding tie the scaled figure may come before the exact decimal path decides (≫ its error). */
const TIE_MARGIN = 1e-5;

/**
 * Rounds to 10 significant digits, so 0.1 + 0.2 and 0.3 are the same figure. Bit-identical to
 * `Number(x.toPrecision(10))`, which it falls back to when unsure; the fast path avoids building and parsing a string
 * (it runs for every figure a reason prints). Scaling x to 10 integer digits errs by at most half a unit in the last
 * place (< 2e-6 below 1e10), so away from a tie Math.round picks the same 10 digits as toPrecision's exact decimal
 * expansion; n / 10^k (or n × 10^k) with both exact doubles is then the correctly rounded value of the decimal
 * n·10^-k, i.e. exactly what Number() parses from toPrecision's text.
 */
export function round10(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const size = Math.abs(x);
  const shift = SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(size));
  if (shift > 22 || shift < -22) return Number(x.toPrecision(SIGNIFICANT_DIGITS));
  const scaled = shift >= 0 ? size * POWERS_OF_TEN[shift] : size / POWERS_OF_TEN[-shift];
  // log10 can miss by one next to a power of ten; a scaled figure outside 10 digits goes the exact way.
  if (scaled < 1e9 || scaled >= 1e10 || Math.abs(scaled - Math.floor(scaled) - 0.5) < TIE_MARGIN) {
    return Number(x.toPrecision(SIGNIFICANT_DIGITS));
  }
  const digits = Math.round(scaled);
  const rounded = shift >= 0 ? digits / POWERS_OF_TEN[shift] : digits * POWERS_OF_TEN[-shift];
  return x < 0 ? -rounded : rounded;
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
