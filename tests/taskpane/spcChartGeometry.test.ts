import fc from "fast-check";
import {
  formatFigure,
  formatTick,
  layoutSpcChart,
  periodLabelIndices,
  type ChartBox,
  type SpcChartFigures,
} from "../../src/taskpane/components/spcChartGeometry";
import { readFigureFormat } from "../../src/core/figureFormat";
import { KENT_MONTHS, kentSeries } from "../support/kent";

const BOX: ChartBox = { width: 320, height: 200, top: 10, right: 10, bottom: 30, left: 40 };

describe("labels", () => {
  it.each([
    [0.75, 0.05, true, "75%"],
    [0.725, 0.005, true, "72.5%"],
    [1500, 500, false, "1500"],
    [0.2, 0.1, false, "0.2"],
    [-0, 1, false, "0"],
  ])("tick %p (step %p, percent %p) reads %p", (value, step, percent, text) => {
    expect(formatTick(value, step, percent)).toBe(text);
  });

  it.each([
    [0.74123, true, "74.1%"],
    [1263.4, false, "1263"],
    [5.678, false, "5.68"],
    [0.0004567, false, "0.000457"],
    [-0.0001, false, "-0.0001"],
  ])("figure %p (percent %p) reads %p", (value, percent, text) => {
    expect(formatFigure(value, percent)).toBe(text);
  });
});

describe("periodLabelIndices", () => {
  it("labels every period when they fit", () => {
    expect(periodLabelIndices(4, 400, 40)).toEqual([0, 1, 2, 3]);
  });

  it("labels every k-th period counted back from the latest when they do not", () => {
    // 13 months on 270 px are 22.5 px apart; a 37 px label and its 8 px gap take 2 of those, so every 2nd.
    expect(periodLabelIndices(13, 270, 37)).toEqual([0, 2, 4, 6, 8, 10, 12]);
    // 24.5 px apart, 60 px labels: every 3rd, ending on the latest.
    expect(periodLabelIndices(12, 270, 60)).toEqual([2, 5, 8, 11]);
  });

  it("always names the latest period and never lets labels overlap", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 50, max: 2000 }),
        fc.integer({ min: 10, max: 120 }),
        (count, width, labelWidth) => {
          const indices = periodLabelIndices(count, width, labelWidth);
          expect(indices[indices.length - 1]).toBe(count - 1);
          if (indices.length > 1) {
            const spacing = ((indices[1] - indices[0]) / Math.max(1, count - 1)) * width;
            expect(spacing).toBeGreaterThanOrEqual(labelWidth);
          }
        },
      ),
    );
  });
});

function kentFigures(): SpcChartFigures {
  const [, , target, months] = kentSeries("ASC1");
  return {
    periods: KENT_MONTHS,
    values: months.filter((v): v is number => v !== null),
    mean: 0.733,
    lower: 0.68,
    upper: 0.79,
    targets: [target],
    percent: true,
  };
}

describe("layoutSpcChart", () => {
  it("puts the first and last points on the plot's edges and every point inside it", () => {
    const layout = layoutSpcChart(kentFigures(), BOX);
    // The right margin grows from 10 to 21 for half of the latest label ("Sep-13", about 37 px).
    expect(layout.plot).toEqual({ left: 40, top: 10, right: 299, bottom: 170 });
    expect(layout.points).toHaveLength(13);
    expect(layout.points[0].x).toBe(40);
    expect(layout.points[12].x).toBe(299);
    for (const p of layout.points) {
      expect(p.y).toBeGreaterThanOrEqual(10);
      expect(p.y).toBeLessThanOrEqual(170);
    }
  });

  it("draws higher values higher up, and the lines where their figures are", () => {
    const layout = layoutSpcChart(kentFigures(), BOX);
    // ASC1 starts at 65% and peaks at 77% in May-13.
    expect(layout.points[8].y).toBeLessThan(layout.points[0].y);
    expect(layout.upper).toBeLessThan(layout.mean);
    expect(layout.mean).toBeLessThan(layout.lower);
    // The target of 80% is the highest figure: the top tick is at or above it.
    expect(layout.targets).toHaveLength(1);
    expect(layout.targets[0]).toBeGreaterThanOrEqual(layout.yTicks[layout.yTicks.length - 1].y);
    expect(layout.targets[0]).toBeLessThan(layout.upper);
  });

  it("labels the ticks as percentages and the periods without overlapping", () => {
    const layout = layoutSpcChart(kentFigures(), BOX);
    // The Excel chart's scale (core niceAxis): 65% to 80% padded out to whole steps of 5%.
    expect(layout.yTicks.map((t) => t.label)).toEqual(["60%", "65%", "70%", "75%", "80%", "85%"]);
    expect(layout.yTicks[0].y).toBe(170);
    expect(layout.yTicks[1].y).toBe(138);
    expect(layout.yTicks[5].y).toBe(10);
    expect(layout.periodLabels.map((l) => l.label)).toEqual(["Sep-12", "Dec-12", "Mar-13", "Jun-13", "Sep-13"]);
  });

  it("writes the values line through every point in order", () => {
    const layout = layoutSpcChart(kentFigures(), BOX);
    const moves = layout.valuesPath.split(" L");
    expect(moves).toHaveLength(13);
    expect(layout.valuesPath.startsWith(`M${layout.points[0].x} ${layout.points[0].y}`)).toBe(true);
    expect(moves[12]).toBe(`${layout.points[12].x} ${layout.points[12].y}`);
  });

  it("draws a flat series (limits on the mean) across the middle", () => {
    const flat: SpcChartFigures = {
      periods: Array.from({ length: 12 }, (_, i) => `M${i + 1}`),
      values: Array(12).fill(5),
      mean: 5,
      lower: 5,
      upper: 5,
      targets: [],
      percent: false,
    };
    const layout = layoutSpcChart(flat, BOX);
    expect(layout.targets).toEqual([]);
    expect(layout.mean).toBe(90);
    expect(new Set(layout.points.map((p) => p.y))).toEqual(new Set([90]));
  });

  it("refuses a chart without points", () => {
    expect(() => layoutSpcChart({ ...kentFigures(), values: [], periods: [] }, BOX)).toThrow(RangeError);
  });
});

describe("money (F22): the cells' £ format on the axis and in the figures, the labels inside the SVG", () => {
  const pounds = readFigureFormat('"£"#,##0');

  it.each([
    [1150000, 50000, "£1.15m"],
    [1300000, 50000, "£1.30m"],
    [210000, 10000, "£210k"],
    [1200, 200, "£1,200"],
    [-2000000, 1000000, "-£2m"],
  ])("tick %p (step %p) reads %p", (value, step, text) => {
    expect(formatTick(value, step, false, pounds)).toBe(text);
  });

  it("figures as the sheet shows money: thousands separators and the symbol", () => {
    expect(formatFigure(1220833.333, false, pounds)).toBe("£1,220,833");
    expect(formatFigure(12.3456, false, pounds)).toBe("£12.3");
  });

  it("widens the left margin to the widest tick label, so none is drawn outside the SVG", () => {
    const spend: SpcChartFigures = {
      periods: Array.from({ length: 12 }, (_, i) => `M${i + 1}`),
      values: [
        1150000, 1180000, 1200000, 1210000, 1220000, 1230000, 1240000, 1250000, 1260000, 1240000, 1230000, 1290000,
      ],
      mean: 1220833,
      lower: 1153551,
      upper: 1288116,
      targets: [1200000],
      percent: false,
    };
    const plain = layoutSpcChart(spend, BOX);
    const widest = (layout: typeof plain) => Math.max(...layout.yTicks.map((t) => t.label.length));
    // "1300000" is 7 characters: about 43 px of text right-aligned 4 px left of the axis.
    expect(plain.yTicks.map((t) => t.label)).toContain("1300000");
    expect(plain.plot.left - 4).toBeGreaterThanOrEqual(widest(plain) * 6.2);
    const money = layoutSpcChart({ ...spend, money: pounds }, BOX);
    expect(money.yTicks.map((t) => t.label)).toEqual(["£1.10m", "£1.15m", "£1.20m", "£1.25m", "£1.30m"]);
    expect(money.plot.left - 4).toBeGreaterThanOrEqual(widest(money) * 6.2);
    // Percentages keep the box's own margin.
    expect(layoutSpcChart(kentFigures(), BOX).plot.left).toBe(BOX.left);
  });
});
