import { Workbook } from "exceljs";
import { formatValue, previewSheet } from "../../src/taskpane/demo/preview";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { drawSpcChart } from "../../src/workbook/operations/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { KENT_MONTHS, KENT_SERIES } from "../support/kent";

/** The ExcelJS-built fixture as the demo gets a file: bytes opened by the .xlsx host. */
async function hostOf(workbook: Workbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

function sheetWithStatuses() {
  const workbook = new Workbook();
  const ws = workbook.addWorksheet("People");
  ws.addRow(["Code", "Value", "Status"]);
  ws.addRow(["P1", 0.224, "Red"]);
  ws.addRow(["P2", 1234.5, { formula: 'IF(B3>1000,"Green","Red")', result: "Green" }]);
  ws.addRow(["P3", null, "NA"]);
  ws.getCell("B2").numFmt = "0.0%";
  ws.getCell("B3").numFmt = "#,##0.00";
  ws.getCell("A1").font = { bold: true };
  ws.getCell("A2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } };
  return { workbook, ws };
}

describe("demo preview", () => {
  it("shows values as Excel formats them, formula results and static fills", async () => {
    const { workbook } = sheetWithStatuses();
    const preview = previewSheet(await hostOf(workbook), "People")!;
    expect(preview.columns).toEqual(["A", "B", "C"]);
    expect(preview.rows.map((r) => r.map((c) => c.text))).toEqual([
      ["Code", "Value", "Status"],
      ["P1", "22.4%", "Red"],
      ["P2", "1,234.50", "Green"],
      ["P3", "", "NA"],
    ]);
    expect(preview.rows[0][0].bold).toBe(true);
    expect(preview.rows[1][0].fill).toBe("#00B050");
    expect(preview.rows[1][1].numeric).toBe(true);
  });

  it("paints cells the way the add-in's conditional formats (written by the .xlsx host) would", async () => {
    const { workbook } = sheetWithStatuses();
    const port = await hostOf(workbook);
    const range = { row: 1, col: 2, rows: 3, cols: 1 };
    await port.write({
      sheets: [
        {
          sheet: "People",
          blocks: [],
          styles: [],
          conditionalRules: [
            { range, formula: '=$C2="Green"', style: { fill: "#C6EFCE", font: "#006100" } },
            { range, formula: '=$C2="Red"', style: { fill: "#FFC7CE", font: "#9C0006" } },
          ],
        },
      ],
    });
    const rows = previewSheet(port, "People")!.rows;
    expect(rows[1][2]).toMatchObject({ text: "Red", fill: "#FFC7CE", font: "#9C0006" });
    expect(rows[2][2]).toMatchObject({ text: "Green", fill: "#C6EFCE", font: "#006100" });
    expect(rows[3][2].fill).toBeUndefined();
    // Outside the rule's range nothing changes, even where the text matches.
    expect(rows[0][2].fill).toBeUndefined();

    // The demo keeps the workbook as a file between visits: the colours must survive a save and load.
    const again = previewSheet(XlsxWorkbook.open(port.save()), "People")!.rows;
    expect(again[1][2]).toMatchObject({ text: "Red", fill: "#FFC7CE", font: "#9C0006" });
    expect(again[2][2]).toMatchObject({ text: "Green", fill: "#C6EFCE" });
  });

  it("places a box naming each chart over the cells its drawing anchors it to (the SPC chart: A6 down 24 rows)", async () => {
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("Adult Social Care");
    ws.addRow(["Code", "Measure", "Aim", "Target", ...KENT_MONTHS]);
    for (const [code, aim, target, months] of KENT_SERIES) ws.addRow([code, `${code} & co`, aim, target, ...months]);
    const host = await hostOf(workbook);
    expect(previewSheet(host, "Adult Social Care")!.charts).toEqual([]);
    const drawn = await drawSpcChart(host, spcMeasureKey("Adult Social Care", "ASC1"));
    expect(drawn.ok).toBe(true);
    const preview = previewSheet(XlsxWorkbook.open(host.save()), "Scorecard SPC")!;
    expect(preview.charts).toEqual([
      {
        row: 5,
        col: 0,
        rows: 24,
        cols: preview.columns.length,
        // The chart part's title, its XML escapes undone.
        title: "ASC1 ASC1 & co: Improvement (high), assurance Fail",
      },
    ]);
  });

  it("formats months, dates and plain numbers", () => {
    const sep13 = new Date(Date.UTC(2013, 8, 1));
    expect(formatValue(sep13, "mmm-yy")).toBe("Sep-13");
    expect(formatValue(sep13, "mmm yyyy")).toBe("Sep 2013");
    expect(formatValue(sep13, "dd/mm/yyyy")).toBe("01/09/2013");
    // Every month by the core's own labels (periods.MONTH_LABELS), as a period label writes it.
    const year = Array.from({ length: 12 }, (_, m) => formatValue(new Date(Date.UTC(2013, m, 1)), "mmm-yy"));
    expect(year.join(" ")).toBe("Jan-13 Feb-13 Mar-13 Apr-13 May-13 Jun-13 Jul-13 Aug-13 Sep-13 Oct-13 Nov-13 Dec-13");
    expect(formatValue(96, undefined)).toBe("96");
    expect(formatValue(10.456, "General")).toBe("10.456");
    expect(formatValue(1 / 15, undefined)).toBe("0.0667");
    expect(formatValue(true, undefined)).toBe("TRUE");
  });
});
