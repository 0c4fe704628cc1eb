// Formula text as Excel saves it in .xlsx files (src/workbook/fileFormulas.ts), for the file host's --formulas.
import fc from "fast-check";
import { fromFileFormula, toFileFormula } from "../../src/workbook/fileFormulas";

describe("formulas as Excel saves them", () => {
  test.each([
    ["=KPI.RAG(E5,F5,G5)", "=_xldudf_KPI_RAG(E5,F5,G5)"],
    ["=KPI.LONGTREND(E5,{10,11},G5,F5:G5)", "=_xldudf_KPI_LONGTREND(E5,{10,11},G5,F5:G5)"],
    [
      '=SWITCH(KPI.TREND(E5,E4,G5),"IMP","↑","DET","↓","STATIC","→","NA")',
      '=_xlfn.SWITCH(_xldudf_KPI_TREND(E5,E4,G5),"IMP","↑","DET","↓","STATIC","→","NA")',
    ],
    // A long table's interleaved series: FILTER is a dynamic-array function, saved with _xlws. too.
    [
      '=KPI.SPC(FILTER(IF($C$2:$C62="","",$C$2:$C62),$A$2:$A62=A62),E62)',
      '=_xldudf_KPI_SPC(_xlfn._xlws.FILTER(IF($C$2:$C62="","",$C$2:$C62),$A$2:$A62=A62),E62)',
    ],
    ['=KPI.RAG(IF(ISBLANK(E5),"",E5),F5,G5)', '=_xldudf_KPI_RAG(IF(ISBLANK(E5),"",E5),F5,G5)'],
    // Text that only mentions a function, and names that merely end like one, are left alone.
    ['="see KPI.RAG(… or SWITCH(…"', '="see KPI.RAG(… or SWITCH(…"'],
    ["=MYKPI.RAG(A1)+XSWITCH(A1)", "=MYKPI.RAG(A1)+XSWITCH(A1)"],
    ["=kpi.rag(A1,B1,C1)", "=_xldudf_KPI_RAG(A1,B1,C1)"],
    // A call right after a string literal is a call; a quote never closed starts no literal.
    ['="a"&KPI.RAG(A1)&"b"SWITCH(A1)', '="a"&_xldudf_KPI_RAG(A1)&"b"_xlfn.SWITCH(A1)'],
    ['=KPI.RAG("x,SWITCH(A1)', '=_xldudf_KPI_RAG("x,_xlfn.SWITCH(A1)'],
  ])("%s is saved as %s", (shown, saved) => {
    expect(toFileFormula(shown)).toBe(saved);
    expect(fromFileFormula(saved)).toBe(shown.replace(/kpi\.rag/, "KPI.RAG"));
  });

  test("reading back what was saved gives the formula again, for any mix of calls, strings and references", () => {
    const piece = fc.constantFrom(
      "KPI.RAG(",
      "KPI.TREND(",
      "SWITCH(",
      "FILTER(",
      "IF(",
      "E5",
      ",",
      ")",
      '"KPI.GAP("',
      '"a""b"',
      "{1,2}",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const formula = `=${pieces.join("")}`;
        expect(fromFileFormula(toFileFormula(formula))).toBe(formula);
      }),
    );
  });
});
