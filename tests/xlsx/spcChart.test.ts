// The SPC chart in a file (issue 12): the .xlsx host writes the add-in's SPC sheet with a DrawingML line chart part
// (values with markers, mean, dashed limits, target, special-cause markers), its drawing, relationships and
// content types; drawing another measure rewrites the same sheet, drawing and chart part; the user's sheets stay
// byte-identical.
import JSZip from "jszip";
import { opened, reopened, xlsxWorkbook } from "./xlsxFixtures";
import { drawSpcChart } from "../../src/workbook/operations/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { SPC_CHART_COLOURS } from "../../src/workbook/spcChartSheet";
import type { XlsxWorkbook } from "../../src/hosts/xlsx";
import type { MemorySheetInit } from "../support/memoryPort";
import { KENT_MONTHS as MONTHS, KENT_SERIES as KENT } from "../support/kent";

const KENT_SHEET: MemorySheetInit = {
  name: "Adult Social Care",
  rows: [
    ["Code", "Measure", "Aim", "Target", ...MONTHS],
    ...KENT.map(([code, aim, target, months]) => [code, `${code} measure`, aim, target, ...months]),
  ],
};

async function draw(host: XlsxWorkbook, code: string): Promise<void> {
  const result = await drawSpcChart(host, spcMeasureKey("Adult Social Care", code));
  if (!result.ok) throw new Error(result.problem);
  expect(result.writeProblems).toEqual([]);
}

async function parts(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort())
    if (!zip.files[name].dir) out.set(name, await zip.file(name)!.async("string"));
  return out;
}

const hex = (colour: string) => colour.slice(1).toUpperCase();

test("a line chart part over the SPC sheet's table: seven series, each drawn as the port says", async () => {
  const host = await opened(await xlsxWorkbook([KENT_SHEET]));
  const before = await parts(host.save());
  await draw(host, "ASC1");
  const after = await parts(host.save());
  const chart = after.get("xl/charts/chart1.xml")!;
  expect([...after.keys()].filter((p) => p.startsWith("xl/charts/"))).toEqual(["xl/charts/chart1.xml"]);
  expect(chart).toContain('<c:lineChart><c:grouping val="standard"/>');
  expect(chart.match(/<c:ser>/g)).toHaveLength(7);
  // Categories: the periods, A32:A44; the values B32:B44 with their cached figures (the chart shows before a recalc).
  expect(chart).toContain("<c:f>'Scorecard SPC'!$A$32:$A$44</c:f>");
  expect(chart).toContain("<c:f>'Scorecard SPC'!$B$32:$B$44</c:f>");
  expect(chart).toContain(
    '<c:f>\'Scorecard SPC\'!$B$31</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Value</c:v>',
  );
  expect(chart).toContain('<c:pt idx="0"><c:v>0.65</c:v></c:pt><c:pt idx="1"><c:v>0.67</c:v></c:pt>');
  // Concern markers only where a point is marked: points 0-2 of 13, the rest gaps.
  const concern = chart.split("<c:ser>")[7];
  expect(concern).toContain("<c:v>Concern</c:v>");
  expect(concern.split("<c:val>")[1].match(/<c:pt idx="\d+"><c:v>/g)).toHaveLength(3);
  expect(chart).toContain('<c:dispBlanksAs val="gap"/>');
  // Looks: two dashed limits, the mean and target solid, the marker series without a line.
  const series = chart.split("<c:ser>").slice(1);
  const look = (s: string) => ({
    dash: /<a:prstDash val="(\w+)"\/>/.exec(s)?.[1] ?? "none",
    colour: /<a:srgbClr val="(\w+)"\/>/.exec(s)?.[1],
    marker: /<c:symbol val="(\w+)"\/>/.exec(s)?.[1],
  });
  const c = SPC_CHART_COLOURS;
  expect(series.map(look)).toEqual([
    { dash: "solid", colour: hex(c.values), marker: "circle" },
    { dash: "solid", colour: hex(c.mean), marker: "none" },
    { dash: "dash", colour: hex(c.limits), marker: "none" },
    { dash: "dash", colour: hex(c.limits), marker: "none" },
    { dash: "solid", colour: hex(c.target), marker: "none" },
    { dash: "none", colour: hex(c.improvement), marker: "circle" },
    { dash: "none", colour: hex(c.concern), marker: "circle" },
  ]);
  expect(series[5]).toContain("<a:ln><a:noFill/></a:ln>");
  expect(series.map((x) => /<c:size val="(\d+)"\/>/.exec(x)?.[1] ?? null)).toEqual([
    "5",
    null,
    null,
    null,
    null,
    "8",
    "8",
  ]);
  expect(chart).toMatch(
    /<c:scaling><c:orientation val="minMax"\/><c:max val="0\.\d+"\/><c:min val="0\.\d+"\/><\/c:scaling>/,
  );
  // The major unit the pane's preview steps by, after crossBetween as CT_ValAx orders them.
  expect(chart).toContain('<c:crossBetween val="between"/><c:majorUnit val="0.05"/></c:valAx>');
  expect(chart).toContain("<a:t>ASC1 ASC1 measure: Improvement (high), assurance Fail</a:t>");
  expect(chart).toContain('<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0.00" sourceLinked="0"/>');

  const drawing = after.get("xl/drawings/drawing1.xml")!;
  expect(drawing.match(/name="Scorecard SPC chart"/g)).toHaveLength(1);
  expect(after.get("xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
  expect(after.get("[Content_Types].xml")).toContain(
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
  );
  expect(after.get("xl/workbook.xml")).toMatch(/<sheet name="Scorecard SPC" sheetId="\d+" r:id="rId\d+"\/>/);
  // The table's header row (31) prints again on each page the table runs onto.
  expect(after.get("xl/workbook.xml")).toContain(
    `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Scorecard SPC'!$31:$31</definedName>`,
  );
  // The user's sheet is byte-identical, and so is every part but those a new sheet is listed in.
  expect(after.get("xl/worksheets/sheet1.xml")).toBe(before.get("xl/worksheets/sheet1.xml"));
  const changed = [...before.keys()].filter((p) => after.get(p) !== before.get(p));
  expect(changed.sort()).toEqual(
    [
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
      "xl/workbook.xml",
    ].sort(),
  );
});

test("drawing another measure rewrites the same sheet, drawing and chart part; nothing else moves", async () => {
  const host = await opened(await xlsxWorkbook([KENT_SHEET]));
  await draw(host, "ASC1");
  const first = await parts(host.save());
  const again = reopened(host);
  await draw(again, "ASC10");
  const second = await parts(again.save());
  expect([...second.keys()]).toEqual([...first.keys()]);
  expect(second.get("xl/charts/chart1.xml")).toContain("<a:t>ASC10 ASC10 measure: Common cause, assurance Pass</a:t>");
  expect(second.get("xl/charts/chart1.xml")!.match(/<c:ser>/g)).toHaveLength(5);
  // What the chart owns changes (its sheet, chart, anchor — placed right of a table two columns narrower now —, the
  // strings and formats it writes, the state); nothing else does.
  const owned = new Set([
    "xl/worksheets/sheet2.xml",
    "xl/drawings/drawing1.xml",
    "xl/charts/chart1.xml",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "xl/worksheets/sheet3.xml",
  ]);
  const changed = [...second.keys()].filter((p) => second.get(p) !== first.get(p));
  expect(changed.filter((p) => !owned.has(p))).toEqual([]);
  expect(changed).toContain("xl/worksheets/sheet2.xml");
  // Same drawing, one anchor.
  expect(second.get("xl/drawings/drawing1.xml")!.match(/<xdr:twoCellAnchor/g)).toHaveLength(1);
});
