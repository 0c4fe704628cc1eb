// The SPC value axis (core niceAxis): one scale for the Excel chart's bounds and major unit and the pane's ticks.
import fc from "fast-check";
import { axisTicks, niceAxis } from "../../src/core/niceAxis";

describe("niceAxis", () => {
  it.each([
    ["a count", [5, 1, 9, 2, 3, 8], { min: 0, max: 10, step: 2 }],
    ["Kent ASC1, a percentage", [0.729, 0.689, 0.769, 0.65, 0.8], { min: 0.6, max: 0.85, step: 0.05 }],
    ["hundreds with a target above", [1700, 1100, 2300, 1240, 2276, 2500], { min: 1000, max: 3000, step: 500 }],
    ["either side of zero", [0, -4, 4, -3, 2], { min: -6, max: 6, step: 2 }],
    ["a flat series", [5, 5, 5], { min: 4, max: 6, step: 1 }],
    ["a flat series below zero", [-5, -5], { min: -6, max: -4, step: 1 }],
    ["all zero: the axis stays at or above zero", [0, 0], { min: 0, max: 0.2, step: 0.2 }],
  ])("%s", (_what, figures, expected) => {
    expect(niceAxis(figures)).toEqual(expected);
  });

  it("refuses no figures or a figure that is not a number", () => {
    expect(() => niceAxis([])).toThrow(RangeError);
    expect(() => niceAxis([1, Number.NaN])).toThrow(RangeError);
    expect(() => niceAxis([1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
  });

  it("holds every figure on whole round steps, 2 to 8 of them, and stays at or above zero for figures that are", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 20 }),
        (low, span, shares) => {
          const figures = [low, low + span, ...shares.map((s) => low + s * span)];
          const { min, max, step } = niceAxis(figures);
          for (const f of figures) {
            expect(min).toBeLessThanOrEqual(f);
            expect(max).toBeGreaterThanOrEqual(f);
          }
          const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
          expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
          expect(Math.abs(min / step - Math.round(min / step))).toBeLessThan(1e-6);
          expect(Math.abs(max / step - Math.round(max / step))).toBeLessThan(1e-6);
          const steps = Math.round((max - min) / step);
          expect(steps).toBeGreaterThanOrEqual(2);
          expect(steps).toBeLessThanOrEqual(8);
          if (low >= 0) expect(min).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe("axisTicks", () => {
  it("lists the gridlines from min to max without float noise", () => {
    expect(axisTicks({ min: 0.6, max: 0.85, step: 0.05 })).toEqual([0.6, 0.65, 0.7, 0.75, 0.8, 0.85]);
    expect(axisTicks({ min: -0.3, max: 0.3, step: 0.1 })).toEqual([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3]);
    expect(axisTicks({ min: 1000, max: 3000, step: 500 })).toEqual([1000, 1500, 2000, 2500, 3000]);
  });
});
