// KPI.SPC and KPI.ASSURANCE inside a real formula engine (HyperFormula) and through the Excel wrappers: Kent's
// monthly series as a wide sheet (one measure per row) and as a column, gaps and errors skipped, blocks spilling
// one result per measure, and the problems that make #VALUE!.
import { DetailedCellError, HyperFormula } from "hyperformula";
import type { RawCellContent } from "hyperformula";
import { registerSpcFunctions } from "./support/spcHyperFormula";
import { cellAddress as A1 } from "./support/kpiHyperFormula";
import { KENT_SERIES, kentSeries } from "./support/kent";
import { evaluateSpc } from "../src/functions/spc";

registerSpcFunctions();

// A code, B aim, C target, D target upper, E..Q the 13 months Sep-12 … Sep-13 (Kent ASC dashboard 2013).
const ASC9 = kentSeries("ASC9")[3];
const KENT: RawCellContent[][] = [
  [
    "Code",
    "Aim",
    "Target",
    "Upper",
    ...["Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep"],
  ],
  ...KENT_SERIES.map(([code, aim, target, months]) => [code, aim, target, null, ...months]),
  ["ASC9G", "Goldilocks", 1250, 1280, ...ASC9],
  ["ASC9X", "Lower is better", "1250-1280", null, ...ASC9],
];

function build(data: RawCellContent[][], formulas: Record<string, string>): HyperFormula {
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  hf.batch(() => {
    for (const [ref, formula] of Object.entries(formulas)) hf.setCellContents(A1(ref), formula);
  });
  return hf;
}

const column = (hf: HyperFormula, from: string, to: string) =>
  hf.getRangeValues({ start: A1(from), end: A1(to) }).map(([v]) => v);

describe("one measure per formula, a row of months", () => {
  const rows = [2, 3, 4, 5, 6, 7, 8];
  const hf = build(
    KENT,
    Object.fromEntries(
      rows.flatMap((r) => [
        [`S${r}`, `=KPI.SPC(E${r}:Q${r},B${r})`],
        [
          `T${r}`,
          r === 7 ? `=KPI.ASSURANCE(E${r}:Q${r},B${r},C${r}:D${r})` : `=KPI.ASSURANCE(E${r}:Q${r},B${r},C${r})`,
        ],
      ]),
    ),
  );

  test("variation: shift up, astronomical high, too few points, astronomical low (Minimise), common cause", () => {
    expect(column(hf, "S2", "S8")).toEqual([
      "Improvement (high)",
      "Improvement (high)",
      "NA",
      "Improvement (low)",
      "Common cause",
      "Neutral (low)",
      "Improvement (low)",
    ]);
  });

  test("assurance: 80% beyond the upper limit Fails; within Hit and miss; 75% below the lower limit Passes", () => {
    // ASC9G: the limits 1253.7–1277.7 lie within the range 1250–1280: Pass. ASC9X: a range for a Minimise measure: NA.
    expect(column(hf, "T2", "T8")).toEqual(["Fail", "Hit and miss", "NA", "Hit and miss", "Pass", "Pass", "NA"]);
  });

  test("recalculates: a new month beyond the lower limit turns common cause into concern", () => {
    hf.setCellContents(A1("Q6"), 0.7);
    expect(hf.getCellValue(A1("S6"))).toBe("Concern (low)");
    hf.setCellContents(A1("Q6"), 0.85);
    expect(hf.getCellValue(A1("S6"))).toBe("Common cause");
  });
});

describe("a block of measures spills one result per row", () => {
  const hf = build(KENT, {
    S2: "=KPI.SPC(E2:Q6,B2:B6)",
    T2: "=KPI.ASSURANCE(E2:Q6,B2:B6,C2:C6)",
    U2: '=KPI.SPC(E2:Q6,"Max")',
  });

  test("variation and assurance per measure, with aim and target per row or once for all", () => {
    expect(column(hf, "S2", "S6")).toEqual([
      "Improvement (high)",
      "Improvement (high)",
      "NA",
      "Improvement (low)",
      "Common cause",
    ]);
    expect(column(hf, "T2", "T6")).toEqual(["Fail", "Hit and miss", "NA", "Hit and miss", "Pass"]);
    expect(column(hf, "U2", "U6")).toEqual([
      "Improvement (high)",
      "Improvement (high)",
      "NA",
      "Concern (low)",
      "Common cause",
    ]);
  });
});

describe("a column of months, with gaps", () => {
  // ASC1 down column B, with a blank, an NA word and an error in between: they are skipped, not points.
  const months = [0.65, 0.67, 0.7, 0.71, 0.74, 0.73, 0.76, 0.76, 0.77, 0.76, 0.76, 0.74, 0.73];
  const gappy: RawCellContent[] = [
    ...months.slice(0, 3),
    null,
    "n/a",
    ...months.slice(3, 9),
    "=NA()",
    ...months.slice(9),
  ];
  const data: RawCellContent[][] = gappy.map((v, i) => [`M${i + 1}`, v]);
  const last = data.length;
  const hf = build(data, {
    D1: `=KPI.SPC(B1:B${last},"Maximise")`,
    D2: `=KPI.ASSURANCE(B1:B${last},"Maximise","80%")`,
    D3: `=KPI.SPC(B1:B${last - 2},"Maximise")`,
    D4: `=KPI.SPC(B1:B${last},"Sideways")`,
    D5: `=KPI.SPC(B1:B${last},C1:C3)`,
    D6: `=KPI.ASSURANCE(B1:B${last},"Maximise",C1:E1)`,
  });

  test("13 figures among 16 cells: the same result as the row of months", () => {
    expect(hf.getCellValue(A1("D1"))).toBe("Improvement (high)");
    expect(hf.getCellValue(A1("D2"))).toBe("Fail");
  });

  test("11 figures: NA", () => {
    expect(hf.getCellValue(A1("D3"))).toBe("NA");
  });

  test("an unknown aim, or ranges that do not line up, are #VALUE! with the reason", () => {
    const sideways = hf.getCellValue(A1("D4")) as DetailedCellError;
    expect(sideways).toBeInstanceOf(DetailedCellError);
    expect(sideways.message).toBe('unknown aim "Sideways"');
    expect((hf.getCellValue(A1("D5")) as DetailedCellError).message).toBe(
      "aim has 3 rows but values is one series (give one aim)",
    );
    expect((hf.getCellValue(A1("D6")) as DetailedCellError).message).toBe(
      "target has 3 columns: give one, or two (lower, upper) for a Goldilocks range",
    );
  });
});

describe("evaluateSpc (the shared implementation)", () => {
  const months = [65, 67, 70, 71, 74, 73, 76, 76, 77, 76, 76, 74, 73];

  test("a single row or a single column is one series; a bad aim in one row of a block is that row only", () => {
    expect(evaluateSpc("SPC", [[months], [["Max"]]])).toEqual([["Improvement (high)"]]);
    expect(evaluateSpc("SPC", [months.map((m) => [m]), [["Max"]]])).toEqual([["Improvement (high)"]]);
    expect(
      evaluateSpc("SPC", [
        [months, months],
        [["Max"], ["Up-ish"]],
      ]),
    ).toEqual([["Improvement (high)"], [{ invalid: 'unknown aim "Up-ish"' }]]);
  });

  test("a blank aim is no aim: NA; a missing argument is a problem with the call", () => {
    expect(evaluateSpc("SPC", [[months], [[null]]])).toEqual([["NA"]]);
    expect(evaluateSpc("ASSURANCE", [[months], [["Max"]], [[null]]])).toEqual([["NA"]]);
    expect(evaluateSpc("ASSURANCE", [[months], [["Max"]]])).toEqual({ invalid: "KPI.ASSURANCE needs target" });
  });

  test("errors in values are skipped like blanks", () => {
    const withErrors = [[...months.slice(0, 6), { error: "#DIV/0!" }, ...months.slice(6), { error: "#N/A" }]];
    expect(evaluateSpc("SPC", [withErrors, [["Max"]]])).toEqual([["Improvement (high)"]]);
  });
});
