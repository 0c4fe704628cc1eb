// R12: one matcher for "the measure a person types", used by the pane's picker (every tier, best first) and the
// CLI's --measure (the best tier, which must be one measure): exact code, exact name, the code as a word with every
// other word found, every word found in code, name and sheet.
import fc from "fast-check";
import {
  findSpcMeasure,
  matchingMeasures,
  measureTiers,
  spcMeasureKey,
  type SpcChartMeasure,
} from "../../src/workbook/spcChart";
import { sameSheetName } from "../../src/workbook/sheetNames";

function measure(sheet: string, code: string, name: string): SpcChartMeasure {
  const key = spcMeasureKey(sheet, code);
  return { key, sheet, cell: "A2", code, name, group: null, points: 13, ready: true };
}

const ASC10_NORTH = measure("North", "ASC10", "Carers assessed");
const ASC1_NORTH = measure("North", "ASC1", "Personal budgets");
const ASC1_SOUTH = measure("South", "ASC1", "Personal budgets");
/** Its name is another measure's code: the exact code ranks first. */
const PB_SOUTH = measure("South", "PB", "asc1");
const DP_SOUTH = measure("South", "DP", "Direct payments");
const ALL = [ASC10_NORTH, ASC1_NORTH, ASC1_SOUTH, PB_SOUTH, DP_SOUTH];

const codes = (tiers: SpcChartMeasure[][]) => tiers.map((tier) => tier.map((m) => `${m.code}@${m.sheet}`));

describe("measureTiers", () => {
  it.each([
    ["asc1", [["ASC1@North", "ASC1@South"], ["PB@South"], ["ASC10@North"]]],
    ["  ASC1 ", [["ASC1@North", "ASC1@South"], ["PB@South"], ["ASC10@North"]]],
    ["personal budgets", [["ASC1@North", "ASC1@South"]]],
    ["asc1 north", [["ASC1@North"], ["ASC10@North"]]],
    ["north ASC1", [["ASC1@North"], ["ASC10@North"]]],
    ["payments", [["DP@South"]]],
    ["budgets south", [["ASC1@South"]]],
    ["nothing like it", []],
  ])("%p: %p", (query, expected) => {
    expect(codes(measureTiers(ALL, query))).toEqual(expected);
  });

  it("names every measure, in report order, when nothing is typed", () => {
    expect(measureTiers(ALL, " ")).toEqual([ALL]);
  });
});

test("the pane lists every tier, best first: the exact code before a code that only contains it", () => {
  expect(matchingMeasures(ALL, "asc1").map((m) => `${m.code}@${m.sheet}`)).toEqual([
    "ASC1@North",
    "ASC1@South",
    "PB@South",
    "ASC10@North",
  ]);
  expect(matchingMeasures(ALL, "")).toEqual(ALL);
});

describe("findSpcMeasure (the CLI's --measure)", () => {
  it("takes the best tier when it is one measure", () => {
    expect(findSpcMeasure(ALL, "asc1 north", null)).toEqual({ ok: true, measure: ASC1_NORTH });
    expect(findSpcMeasure(ALL, "Direct Payments", null)).toEqual({ ok: true, measure: DP_SOUTH });
    expect(findSpcMeasure(ALL, "asc1", "south")).toEqual({ ok: true, measure: ASC1_SOUTH });
  });

  it("asks for --sheet when the best tier is one code on several sheets", () => {
    expect(findSpcMeasure(ALL, "asc1", null)).toEqual({
      ok: false,
      problem: '"asc1" is a measure on 2 sheets (North, South); name one with --sheet.',
    });
  });

  it("lists the measures when the best tier holds several", () => {
    expect(findSpcMeasure(ALL, "south", null)).toEqual({
      ok: false,
      problem:
        '"south" matches 3 measures: ASC1 Personal budgets (South), PB asc1 (South), DP Direct payments (South); ' +
        "give more of the code, name or sheet.",
    });
  });

  it("finds nothing for nothing typed", () => {
    expect(findSpcMeasure(ALL, "  ", null)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^No measure " {2}"/),
    });
  });

  it("compares sheet names as Excel does (sheetNames.sameSheetName)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 8 }), (a, b) => {
        const found = findSpcMeasure([measure(a, "M1", "One")], "M1", b);
        expect(found.ok).toBe(sameSheetName(a, b));
      }),
    );
    // "ß" upper-cases to "SS": Excel's key, which lower-casing alone would miss.
    expect(findSpcMeasure([measure("Straße", "M1", "One")], "M1", "STRASSE").ok).toBe(true);
  });
});
