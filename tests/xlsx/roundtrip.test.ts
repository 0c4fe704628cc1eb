/**
 * Round trips through files on the sample: apply, save, reopen, re-apply gives the same bytes, and no cell outside
 * the add-in's own columns and sheets changes (values, formulas, styles), checked cell by cell with ExcelJS reading
 * both the input and the host's output.
 */
import { Workbook, type Worksheet } from "exceljs";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { inspected, reloaded, reopened } from "./xlsxFixtures";
import { buildSampleWorkbook } from "../support/buildSample";
import { applyRules } from "../../src/workbook";
import { conditionalFormattings } from "./exceljsShapes";
import { differences, ownedCells, sheetSettings } from "./workbookDiff";

/** Conditional formats as stored: ExcelJS adds dxfId and ref to each rule object when it saves a workbook. */
function formatsOf(ws: Worksheet): unknown {
  return conditionalFormattings(ws).map(({ ref, rules }) => ({
    ref,
    rules: rules.map((rule) => {
      const copy: Record<string, unknown> = { ...rule };
      delete copy.dxfId;
      delete copy.ref;
      return copy;
    }),
  }));
}

describe.each(["values", "formulas"] as const)("the sample, scored with %s", (output) => {
  /** The sample file as ExcelJS reads it, never scored. */
  let input: Workbook;
  let first: Workbook;
  /** `first` read again: what `second` is compared with. */
  let firstControl: Workbook;
  let second: Workbook;
  let firstBytes: Uint8Array;
  let secondBytes: Uint8Array;
  let report: Awaited<ReturnType<typeof applyRules>>;

  beforeAll(async () => {
    const bytes = new Uint8Array(await buildSampleWorkbook().xlsx.writeBuffer());
    input = new Workbook();
    await input.xlsx.load(bytes as unknown as ArrayBuffer);
    const host = XlsxWorkbook.open(bytes);
    report = await applyRules(host, { settings: { output } });
    firstBytes = host.save();
    first = await inspected(host);
    firstControl = await inspected(host);
    const again = reopened(host);
    await applyRules(again, { settings: { output } });
    secondBytes = again.save();
    second = await inspected(again);
  });

  it("rates every measure and adds the summary sheet", () => {
    expect(report.measures).toHaveLength(48);
    expect(report.writeProblems).toEqual([]);
    expect(first.worksheets.map((ws) => ws.name)).toEqual([
      "People",
      "Adult Social Care",
      "Children's Services",
      "Notes",
      "Scorecard Summary",
      "ScorecardState",
    ]);
    expect(first.getWorksheet("ScorecardState")!.state).toBe("veryHidden");
  });

  it("changes no cell outside its output columns and its own sheets", () => {
    const owned = ownedCells(first, report, report.summarySheet);
    expect(differences(input, first, owned)).toEqual([]);
    // The owned area is not everything: most cells are the user's and were compared.
    expect(owned("People", "B6")).toBe(false);
    expect(owned("People", "H6")).toBe(true);
  });

  it("keeps merges, widths, views and page setup of every user sheet, and leaves the Notes sheet exactly as it was", () => {
    for (const ws of input.worksheets) {
      const settings = sheetSettings(ws) as { columns: unknown[] };
      const after = sheetSettings(first.getWorksheet(ws.name)!) as { columns: unknown[] };
      // Added output columns get a width; the user's columns keep theirs.
      expect({ ...after, columns: after.columns.slice(0, settings.columns.length) }).toEqual(settings);
    }
    expect(differences(input, first).filter((d) => d.sheet === "Notes")).toEqual([]);
    expect(formatsOf(first.getWorksheet("Notes")!)).toEqual([]);
  });

  it("gives the same bytes when applied again to its own output", () => {
    expect(Buffer.from(secondBytes).equals(Buffer.from(firstBytes))).toBe(true);
  });

  it("gives an identical workbook when applied again", () => {
    expect(differences(firstControl, second)).toEqual([]);
    expect(second.worksheets.map((ws) => ws.name)).toEqual(firstControl.worksheets.map((ws) => ws.name));
    for (const ws of firstControl.worksheets) {
      const again = second.getWorksheet(ws.name)!;
      expect(sheetSettings(again)).toEqual(sheetSettings(ws));
      expect(formatsOf(again)).toEqual(formatsOf(ws));
    }
  });

  it("writes conditional formats once per output column, never stacked", () => {
    const refs = conditionalFormattings(second.getWorksheet("People")!).map((cf) => cf.ref);
    expect(refs).toEqual(conditionalFormattings(first.getWorksheet("People")!).map((cf) => cf.ref));
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs.length).toBeGreaterThan(0);
  });
});

describe("the cell-by-cell comparison itself", () => {
  it("notices a changed value, formula or style in a user's cell, and a cell added outside the owned area", async () => {
    const input = await reloaded(buildSampleWorkbook());
    const changed = (edit: (wb: Workbook) => void) =>
      reloaded(input).then((copy) => {
        edit(copy);
        return differences(input, copy).map((d) => `${d.sheet}!${d.address}`);
      });
    expect(await changed(() => undefined)).toEqual([]);
    expect(await changed((wb) => (wb.getWorksheet("People")!.getCell("E7").value = 0.25))).toEqual(["People!E7"]);
    expect(
      await changed((wb) => (wb.getWorksheet("Notes")!.getCell("C6").value = { formula: "1+1", result: 2 })),
    ).toEqual(["Notes!C6"]);
    expect(await changed((wb) => (wb.getWorksheet("People")!.getCell("B6").style = { font: { bold: true } }))).toEqual([
      "People!B6",
    ]);
    expect(await changed((wb) => (wb.getWorksheet("Notes")!.getCell("Z99").value = "x"))).toEqual(["Notes!Z99"]);
  });
});
