import fc from "fast-check";
import { round10 } from "../../src/core/numbers";

/** The definition round10 keeps: the double nearest x's exact decimal value rounded to 10 significant digits. */
const viaText = (x: number): number => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(10)));

/** Same bits, so -0 differs from 0 and NaN equals NaN. */
const sameBits = (a: number, b: number): boolean => Object.is(a, b);

/** The next double up or down from x (x finite, non-zero). */
function step(x: number, up: boolean): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, up === x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

/** 10 significant digits then a trailing 5 (a decimal tie) at a power of ten, and its neighbouring doubles. */
const nearTies = fc
  .tuple(fc.integer({ min: 1_000_000_000, max: 9_999_999_999 }), fc.integer({ min: -20, max: 30 }), fc.boolean())
  .chain(([digits, exponent, negative]) => {
    const x = Number(`${negative ? "-" : ""}${digits}5e${exponent - 10}`);
    return fc.constantFrom(x, step(x, true), step(x, false), step(step(x, true), true), step(step(x, false), false));
  });

/** Figures as people type them (1-15 digits, a decimal point anywhere), and the float noise arithmetic adds. */
const typed = fc
  .tuple(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), fc.integer({ min: -18, max: 18 }), fc.boolean())
  .map(([digits, exponent, negative]) => Number(`${negative ? "-" : ""}${digits}e${exponent}`));
const noisy = fc.tuple(typed, typed).map(([a, b]) => a + b);

/** Next to powers of ten, where log10 may miss by one, and where the 10 digits round up to the next power. */
const nearPowers = fc
  .tuple(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -3, max: 3 }), fc.boolean())
  .map(([exponent, offset, below]) => {
    let x = Number(`1e${exponent}`);
    for (let i = 0; i < Math.abs(offset); i++) x = step(x, offset > 0);
    return below ? Number(`9.9999999995e${exponent - 1}`) : x;
  });

describe("round10's arithmetic path is bit-identical to Number(x.toPrecision(10))", () => {
  test("edge cases", () => {
    const special = [0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.MAX_VALUE, Number.EPSILON, 0.1 + 0.2];
    const written =
      "2.2250738585072014e-308 1e-14 1e-13 1e-7 0.0497 0.12345678905 0.3 0.5 0.95 1.5 2.5 45.3 123.45 " +
      "1234567890.5 9999999999.4999 9999999999.5 12345678905 99999999995 9007199254740991 9007199254740994 " +
      "1e21 1e22 1e23 1e31 1e32 1e33";
    const positive = [...special, 1 / 3, 2 / 3, ...written.split(" ").map(Number)];
    const edges = [...positive, ...positive.map((x) => -x)];
    for (const x of edges) expect([x, round10(x)]).toEqual([x, viaText(x)]);
    for (const x of edges) expect(sameBits(round10(x), viaText(x))).toBe(true);
  });

  test("any double (all bit patterns: subnormals, huge, NaN, infinities)", () => {
    fc.assert(
      fc.property(fc.double(), (x) => sameBits(round10(x), viaText(x))),
      { numRuns: 20_000 },
    );
  });

  test("doubles around decimal ties at the 11th digit", () => {
    fc.assert(
      fc.property(nearTies, (x) => sameBits(round10(x), viaText(x))),
      { numRuns: 20_000 },
    );
  });

  test("typed figures, sums of them (float noise) and neighbours of powers of ten", () => {
    fc.assert(
      fc.property(fc.oneof(typed, noisy, nearPowers), (x) => sameBits(round10(x), viaText(x))),
      { numRuns: 30_000 },
    );
  });

  test("every double in 10 significant digits of a scale, scaled and divided (the reasons' percentages)", () => {
    fc.assert(
      fc.property(typed, fc.integer({ min: 1, max: 12 }), (x, decimals) => {
        const scale = 10 ** decimals;
        const y = Math.round(x * 100 * scale) / scale;
        return sameBits(round10(x * 100), viaText(x * 100)) && sameBits(round10(y), viaText(y));
      }),
      { numRuns: 20_000 },
    );
  });
});
