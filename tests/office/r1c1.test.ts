import fc from "fast-check";
import { toR1C1 } from "../../src/hosts/office/r1c1";
import { letters, r1c1ToA1 } from "./fakeExcel";

describe("A1 formulas in relative R1C1 notation", () => {
  it("makes the same rule down a column one text", () => {
    // G5 and G6 (0-based rows 4 and 5, column 6) hold the same rule for their own row.
    expect(toR1C1("=KPI.RAG(E5,D5,F5)", 4, 6)).toBe("=KPI.RAG(RC[-2],RC[-3],RC[-1])");
    expect(toR1C1("=KPI.RAG(E6,D6,F6)", 5, 6)).toBe("=KPI.RAG(RC[-2],RC[-3],RC[-1])");
  });

  it("writes offsets to other rows, ranges, absolute parts and whole columns", () => {
    expect(toR1C1("=KPI.LONGTREND(D6,D7:D10,F6)", 5, 8)).toBe("=KPI.LONGTREND(RC[-5],R[1]C[-5]:R[4]C[-5],RC[-3])");
    expect(toR1C1("=$H$2+H$2+$H2", 4, 7)).toBe("=R2C8+R2C+R[-3]C8");
    expect(toR1C1("=SUM(B:B)", 0, 2)).toBe("=SUM(C[-1]:C[-1])");
    expect(toR1C1("=SUM(3:4)", 2, 0)).toBe("=SUM(R:R[1])");
  });

  it("leaves strings, names, function names that look like cells, sheet names and errors alone", () => {
    expect(toR1C1('=IF(H5="A1","B2",LOG10(A1))', 4, 7)).toBe('=IF(RC="A1","B2",LOG10(R[-4]C[-7]))');
    expect(toR1C1("=Sheet1!A1+'Q1 2020'!B2+Q1!C3", 0, 0)).toBe("=Sheet1!RC+'Q1 2020'!R[1]C[1]+Q1!R[2]C[2]");
    expect(toR1C1("=Table1[Value]*TargetRate+#REF!", 0, 0)).toBe("=Table1[Value]*TargetRate+#REF!");
    expect(toR1C1('=SWITCH(KPI.TREND(D5,D6,F5),"IMP","↑","NA")', 4, 7)).toBe(
      '=SWITCH(KPI.TREND(RC[-4],R[1]C[-4],RC[-2]),"IMP","↑","NA")',
    );
  });

  it("keeps numbers and literal arrays", () => {
    expect(toR1C1("=KPI.LONGTREND(D5,{97,96.5,1E3},F5)", 4, 7)).toBe("=KPI.LONGTREND(RC[-4],{97,96.5,1E3},RC[-2])");
    expect(toR1C1("=KPI.RAG(D5,E5,F5,0.05)", 4, 6)).toBe("=KPI.RAG(RC[-3],RC[-2],RC[-1],0.05)");
  });

  it("round-trips through an independent R1C1 reader for any cell reference", () => {
    const ref = fc.record({
      row: fc.integer({ min: 0, max: 200_000 }),
      col: fc.integer({ min: 0, max: 700 }),
      absRow: fc.boolean(),
      absCol: fc.boolean(),
    });
    fc.assert(
      fc.property(
        ref,
        ref,
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 700 }),
        (a, b, row, col) => {
          const a1 = (r: typeof a) => `${r.absCol ? "$" : ""}${letters(r.col)}${r.absRow ? "$" : ""}${r.row + 1}`;
          const formula = `=KPI.TREND(${a1(a)},${a1(b)}:${a1(b)},"x")`;
          expect(r1c1ToA1(toR1C1(formula, row, col), row, col)).toBe(formula);
        },
      ),
    );
  });
});
