/** Properties of the SPEC §3 target grammar: however a target is written, the same figures come out. */
import fc from "fast-check";
import { rateReading, readRow, readTarget } from "../../src/core";
import type { CellValue, Target } from "../../src/core";

/** A figure as people type it, with the number it stands for: 1234.5, "1,234.5", "£1,234.5", "12.5%". */
interface Written {
  readonly text: string;
  readonly value: number;
}

const withCommas = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const written: fc.Arbitrary<Written> = fc
  .record({
    whole: fc.integer({ min: 0, max: 9_999_999 }),
    decimals: fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }),
    style: fc.constantFrom("plain", "commas", "pounds", "percent", "spacedPercent"),
  })
  .map(({ whole, decimals, style }) => {
    const digits = decimals === undefined ? String(whole) : `${whole}.${String(decimals).padStart(2, "0")}`;
    const number = Number(digits);
    switch (style) {
      case "plain":
        return { text: digits, value: number };
      case "commas":
        return {
          text: withCommas(digits.split(".")[0]) + (digits.includes(".") ? `.${digits.split(".")[1]}` : ""),
          value: number,
        };
      case "pounds":
        return { text: `£${withCommas(String(whole))}`, value: whole };
      case "percent":
        return { text: `${digits}%`, value: Number(`${digits}e-2`) };
      default:
        return { text: `${digits} %`, value: Number(`${digits}e-2`) };
    }
  });

const RANGE_FORMS: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `${a}-${b}`,
  (a, b) => `${a} - ${b}`,
  (a, b) => `${a}–${b}`,
  (a, b) => `${a} – ${b}`,
  (a, b) => `${a}—${b}`,
  (a, b) => `${a} — ${b}`,
  (a, b) => `${a} to ${b}`,
  (a, b) => `Between ${a} and ${b}`,
  (a, b) => `between ${a} - ${b}`,
];

const NOTES = ["", " (national average 65)", " (stretch)", " Mid-point 0", " midpoint: 1", " mid point 2 (England)"];

const figures = (target: Target | null): number[] =>
  target === null ? [] : target.kind === "single" ? [target.value] : [target.lo, target.hi];

describe("target grammar properties", () => {
  test("a range written any supported way, with or without a note, reads as the same bounds", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("plain", "percent", "pounds"),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.constantFrom(...RANGE_FORMS),
        fc.constantFrom(...NOTES),
        (unit, a, b, form, note) => {
          const show = (n: number) =>
            unit === "percent" ? `${n}%` : unit === "pounds" ? `£${withCommas(String(n))}` : withCommas(String(n));
          const scale = (n: number) => (unit === "percent" ? Number(`${n}e-2`) : n);
          const reading = readTarget(form(show(a), show(b)) + note);
          expect(reading.kind).toBe("figure");
          if (reading.kind !== "figure") return;
          expect(reading.target).toEqual({ kind: "range", lo: scale(Math.min(a, b)), hi: scale(Math.max(a, b)) });
          expect(reading.aim).toBeNull();
        },
      ),
    );
  });

  const PHRASES: readonly ((f: string) => string)[] = [
    (f) => `≥ ${f}`,
    (f) => `>=${f}`,
    (f) => `At least ${f}`,
    (f) => `Minimum ${f}`,
    (f) => `${f} or above`,
    (f) => `${f} or more`,
    (f) => `${f} or higher`,
    (f) => `≤ ${f}`,
    (f) => `<= ${f}`,
    (f) => `No more than ${f}`,
    (f) => `Maximum ${f}`,
    (f) => `${f} or below`,
    (f) => `${f} or fewer`,
    (f) => `${f} or less`,
    (f) => `${f} or lower`,
    (f) => `> ${f}`,
    (f) => `Above ${f}`,
    (f) => `More than ${f}`,
    (f) => `< ${f}`,
    (f) => `Below ${f}`,
    (f) => `Fewer than ${f}`,
    (f) => `Less than ${f}`,
  ];

  test("a comparison phrase never reads a different figure than the bare figure", () => {
    fc.assert(
      fc.property(written, fc.constantFrom(...PHRASES), (figure, phrase) => {
        const bare = readTarget(figure.text);
        const worded = readTarget(phrase(figure.text));
        expect(bare.kind).toBe("figure");
        expect(worded.kind).toBe("figure");
        expect(figures(bare.kind === "figure" ? bare.target : null)).toEqual([figure.value]);
        expect(figures(worded.kind === "figure" ? worded.target : null)).toEqual([figure.value]);
        expect(worded.kind === "figure" && worded.aim).not.toBeNull();
      }),
    );
  });

  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary" }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: false }),
    fc.constantFrom("#DIV/0!", "#N/A", "#REF!").map((error) => ({ error })),
    // Sentences made of the grammar's own words, where the parser is most likely to trip.
    fc
      .array(
        fc.constantFrom(
          "between",
          "and",
          "to",
          "-",
          "–",
          "(",
          ")",
          "mid-point",
          "≥",
          ">",
          "<",
          "or",
          "more",
          "60",
          "70%",
          "£1,200",
          "at",
          "least",
          "increase",
          ".",
          ":",
        ),
        { maxLength: 8 },
      )
      .map((words) => words.join(" ")),
  );

  test("no input throws: every row reads and rates, with a status from the four", () => {
    fc.assert(
      fc.property(
        fc.record({ value: cell, target: cell, aim: cell, band: cell, floor: cell, targetUpper: cell }),
        (raw) => {
          const row = readRow(raw);
          expect(["Green", "Amber", "Red", "NA"]).toContain(rateReading(row).status);
          expect(typeof rateReading(row).reason).toBe("string");
        },
      ),
      { numRuns: 2000 },
    );
  });
});
