// The KPI functions inside a real formula engine: the same implementation Excel runs, registered in HyperFormula,
// evaluated from formulas on a scorecard-shaped sheet — references, ranges, spills, errors and recalculation.
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { CellValue, RawCellContent } from "hyperformula";
import { cellAddress as A1, registerKpiFunctions } from "./support/kpiHyperFormula";

registerKpiFunctions();

// Columns: A code, B value, C target, D target upper (Goldilocks), E aim, F previous, G floor, H..K history.
const DATA: RawCellContent[][] = [
  ["Code", "Value", "Target", "Upper", "Aim", "Previous", "Floor", "Q1", "Q2", "Q3", "Q4"],
  ["AB1", 96, 100, null, "Maximise", 94, null, 90, 92, 94, 95],
  ["AB2", 95, 100, null, "Higher is better", 97, null, 99, 98, 97, 96],
  ["CD3", 10.4, 10, null, "Minimise", 10.4, null, 10, 10.4, 10.4, 10.8],
  ["CD4", 72, 60, 70, "Goldilocks", 75, null, 80, 78, 76, 75],
  ["CD5", "redacted", 100, null, "Max", 90, null, 90, 90, 90, 90],
  ["CD6", 75, 80, null, "Max", 70, 70, 60, 65, 70, 72],
  ["CD7", 96, 100, null, "Sideways", 94, null, 90, 92, 94, 95],
  ["CD8", "=NA()", 100, null, "Max", 1, null, 1, 1, 1, 1],
];

function build(formulas: Record<string, string>): HyperFormula {
  const hf = HyperFormula.buildFromArray(DATA, { licenseKey: "gpl-v3" });
  hf.batch(() => {
    for (const [ref, formula] of Object.entries(formulas)) hf.setCellContents(A1(ref), formula);
  });
  return hf;
}

const values = (hf: HyperFormula, from: string, to: string): CellValue[][] => {
  const start = A1(from);
  const end = A1(to);
  return hf.getRangeValues({ start, end });
};

describe("single-cell formulas", () => {
  const hf = build({
    M2: "=KPI.RAG(B2,C2,E2)",
    M3: "=KPI.RAG(B3,C3,E3)",
    M4: "=KPI.RAG(B4,C4,E4)",
    M5: "=KPI.RAG(B5,C5:D5,E5)",
    M6: "=KPI.RAG(B6,C6,E6)",
    M7: "=KPI.RAG(B7,C7,E7,,G7)",
    N2: "=KPI.TREND(B2,F2,E2)",
    N3: "=KPI.TREND(B3,F3,E3)",
    N4: "=KPI.TREND(B4,F4,E4)",
    N5: "=KPI.TREND(B5,F5,E5,C5:D5)",
    O2: "=KPI.LONGTREND(B2,H2:K2,E2)",
    O3: "=KPI.LONGTREND(B3,H3:K3,E3)",
    P2: "=KPI.GAP(B2,C2,E2)",
    P5: "=KPI.GAP(B5,C5:D5,E5)",
    Q2: '=KPI.REASON(30*0+28,30,"Max")',
    Q3: '=KPI.RAG(96,100,"Max",0)',
  });

  test("RAG per SPEC: 96/100 Amber, 95/100 Red, Min 10.4/10 Amber, Goldilocks 72 in [60,70] Amber, NA, floor", () => {
    expect(values(hf, "M2", "M7").map(([v]) => v)).toEqual(["Amber", "Red", "Amber", "Amber", "NA", "Amber"]);
  });

  test("short trends, Goldilocks trend with its two-cell target, and long trends against the mean", () => {
    expect(values(hf, "N2", "N5").map(([v]) => v)).toEqual(["IMP", "DET", "STATIC", "IMP"]);
    expect(hf.getCellValue(A1("O2"))).toBe("IMP"); // 96 vs mean 92.75
    expect(hf.getCellValue(A1("O3"))).toBe("DET"); // 95 vs mean 97.5
  });

  test("GAP and REASON, with literals and expressions as arguments", () => {
    expect(hf.getCellValue(A1("P2"))).toBeCloseTo(-0.04, 10);
    expect(hf.getCellValue(A1("P5"))).toBeCloseTo(-2 / 70, 9);
    expect(hf.getCellValue(A1("Q2"))).toBe("Red: 6.7% below target 30 (Maximise, amber band 5%)");
    expect(hf.getCellValue(A1("Q3"))).toBe("Red"); // amber off
  });
});

describe("ranges spill one result per row", () => {
  const hf = build({
    M2: "=KPI.RAG(B2:B9,C2:C9,E2:E9)",
    N2: "=KPI.TREND(B2:B9,F2:F9,E2:E9,C2:C9)",
    O2: "=KPI.LONGTREND(B2:B9,H2:K9,E2:E9)",
    P2: '=KPI.RAG(B2:B4,100,"Max")',
    Q2: '=KPI.RAG(B5:B5,C5:D5,"Goldilocks")',
    R2: '=KPI.RAG(H2:K2,95,"Max")',
  });

  test("a column formula fills the column; bad rows are #VALUE! in place; #N/A values are NA", () => {
    const col = values(hf, "M2", "M9").map(([v]) => v);
    // Row 5 gets only column C (60) as its target here: Goldilocks around the single figure 60, 72 is 20% off: Red.
    // Row 7 has no floor in this formula: 75 is 6.25% below 80: Red.
    expect(col.slice(0, 6)).toEqual(["Amber", "Red", "Amber", "Red", "NA", "Red"]);
    const invalid = col[6];
    expect(invalid).toBeInstanceOf(DetailedCellError);
    expect((invalid as DetailedCellError).value).toBe("#VALUE!");
    expect((invalid as DetailedCellError).message).toBe('unknown aim "Sideways"');
    expect(col[7]).toBe("NA"); // =NA() in the value column
    expect(hf.getCellFormula(A1("M3"))).toBeUndefined(); // spilled, not a formula of its own
  });

  test("trend columns spill too", () => {
    // Row 5: Goldilocks around 60, so 72 (12 away) improved on 75 (15 away).
    expect(values(hf, "N2", "N5").map(([v]) => v)).toEqual(["IMP", "DET", "STATIC", "IMP"]);
    // Means of the four quarters: 92.75, 97.5, 10.4 (equal to CD3's 10.4: STATIC).
    expect(values(hf, "O2", "O4").map(([v]) => v)).toEqual(["IMP", "DET", "STATIC"]);
  });

  test("single cells broadcast over a range; a two-column target range is a Goldilocks range", () => {
    expect(values(hf, "P2", "P4").map(([v]) => v)).toEqual(["Amber", "Red", "Red"]);
    expect(hf.getCellValue(A1("Q2"))).toBe("Amber");
  });

  test("a row of history values rated against one target spills a row", () => {
    expect(values(hf, "R2", "U2")).toEqual([["Red", "Amber", "Amber", "Green"]]); // 90 92 94 95 against 95
  });

  test("editing a value recalculates the spilled statuses", () => {
    hf.setCellContents(A1("B3"), 100);
    expect(hf.getCellValue(A1("M3"))).toBe("Green");
    hf.setCellContents(A1("E8"), "Max");
    expect(hf.getCellValue(A1("M8"))).toBe("Amber");
  });
});

describe("errors name the problem", () => {
  const hf = build({
    M2: '=KPI.RAG(B2,"lots",E2)',
    M3: "=KPI.RAG(B2:B4,C2:C3,E2)",
    M4: '=KPI.RAG(B4,C4:D4,"Goldilocks","plenty")',
  });

  const error = (ref: string) => {
    const value = hf.getCellValue(A1(ref));
    expect(value).toBeInstanceOf(DetailedCellError);
    return { value: (value as DetailedCellError).value, message: (value as DetailedCellError).message };
  };

  test("malformed target, mismatched ranges and a bad band give #VALUE! with a message", () => {
    expect(error("M2")).toEqual({ value: "#VALUE!", message: expect.stringMatching(/^target "lots" is not a number/) });
    expect(error("M3")).toEqual({ value: "#VALUE!", message: "target has 2 rows but 3 are needed (or a single cell)" });
    expect(error("M4")).toEqual({ value: "#VALUE!", message: expect.stringMatching(/^amber band "plenty"/) });
  });

  test("an aim that contradicts the target is #VALUE! naming both", () => {
    const hf = build({ M2: '=KPI.RAG(0.96,"At least 95%","Minimise")' });
    expect(error("M2")).toEqual({
      value: "#VALUE!",
      message: 'aim "Minimise" contradicts target "At least 95%", which means Maximise',
    });
    function error(ref: string) {
      const value = hf.getCellValue(A1(ref));
      expect(value).toBeInstanceOf(DetailedCellError);
      return { value: (value as DetailedCellError).value, message: (value as DetailedCellError).message };
    }
  });
});

describe("the aim is optional: a target such as ≥ 95% implies it (SPEC §3)", () => {
  const hf = build({
    M2: '=KPI.RAG(0.96,"≥ 95%")',
    M3: '=KPI.RAG(0.95,"> 95%")',
    M4: '=KPI.RAG(0.95,"> 95%",,0)',
    M5: '=KPI.RAG(11,"No more than 10")',
    M6: "=KPI.RAG(B2,C2)",
    M7: '=KPI.REASON(B2,"Increase")',
    M8: '=KPI.TREND(B2,F2,,"At least 90")',
    M9: '=KPI.RAG(B2,"≥ 95%",E2)',
  });
  test.each([
    ["M2", "Green"],
    ["M3", "Amber"],
    ["M4", "Red"],
    ["M5", "Red"],
    ["M6", "NA"],
    ["M7", "NA: no numeric target"],
    ["M8", "IMP"],
    ["M9", "Green"],
  ])("%s is %s", (ref, expected) => {
    expect(hf.getCellValue(A1(ref))).toBe(expected);
  });
});

describe("an Excel error in any field is NA, and the reason names it (SPEC §1)", () => {
  // Each error is made by a formula in the cell the KPI function reads, as a broken workbook would hold it.
  const ERRORS: [string, string][] = [
    ["#DIV/0!", "=1/0"],
    ["#N/A", "=NA()"],
    ["#VALUE!", '="a"+1'],
    ["#NUM!", "=SQRT(-1)"],
    ["#REF!", "=#REF!"],
    ["#NAME?", "=NOSUCHFUNCTION()"],
  ];
  const FIELDS = [
    ["value", (e: string) => `=KPI.REASON(${e},100,"Max")`, (e: string) => `=KPI.RAG(${e},100,"Max")`],
    ["target", (e: string) => `=KPI.REASON(96,${e},"Max")`, (e: string) => `=KPI.RAG(96,${e},"Max")`],
    ["aim", (e: string) => `=KPI.REASON(96,100,${e})`, (e: string) => `=KPI.RAG(96,100,${e})`],
    ["amber band", (e: string) => `=KPI.REASON(96,100,"Max",${e})`, (e: string) => `=KPI.RAG(96,100,"Max",${e})`],
    ["floor", (e: string) => `=KPI.REASON(96,100,"Max",,${e})`, (e: string) => `=KPI.RAG(96,100,"Max",,${e})`],
  ] as const;
  const cases = ERRORS.flatMap(([error, formula]) =>
    FIELDS.map(([field, reason, rag]) => ({ error, formula, field, reason, rag })),
  );

  test.each(cases)("$error in the $field", ({ error, formula, field, reason, rag }) => {
    const hf = build({ Z1: formula, M2: reason("Z1"), M3: rag("Z1") });
    expect(hf.getCellValue(A1("Z1"))).toBeInstanceOf(DetailedCellError);
    expect(hf.getCellValue(A1("M2"))).toBe(`NA: ${field} is the error ${error}`);
    expect(hf.getCellValue(A1("M3"))).toBe("NA");
  });

  test("an error given directly as an argument reaches the rules too, as Excel passes it", () => {
    const hf = build({ M2: "=KPI.REASON(NA(),C2,E2)" });
    expect(hf.getCellValue(A1("M2"))).toBe("NA: value is the error #N/A");
  });
});
