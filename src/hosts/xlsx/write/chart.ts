/**
 * The add-in's charts as DrawingML chart parts (ECMA-376 Part 1, 21.2): the summary's stacked bar chart of the RAG
 * counts, one series per status in its colour, and the SPC sheet's line chart (values with markers, mean, dashed
 * limits, target, special-cause markers), each reading the sheet's own cells (with caches, so it shows before any
 * recalculation). A chart sits in its sheet's drawing, found again by its name: a second run rewrites the same
 * chart part and anchor instead of adding another, and whatever else the drawing holds is kept.
 */
import type { ChartSpec, LineChartSpec, LineSeriesStyle, OutCell, StackedBarChartSpec } from "../../../workbook/port";
import { absoluteRangeA1 } from "../../../workbook/a1";
import { SUMMARY_CHART_NAME } from "../../../workbook/summary";
import type { OoxmlPackage } from "../package/OoxmlPackage";
import { CONTENT_TYPE } from "../package/contentTypes";
import { relativeTarget, relType, resolveTarget } from "../package/opc";
import { attribute, childrenOf, escapeXml, findElement, rootOf, type Element } from "../xml/scan";
import { XML_DECLARATION, type Namespaces } from "./namespaces";
import { applyEdits } from "./worksheet";
import { quotedSheet } from "./workbookEdit";

/** What the chart needs to know of the sheet: its name (for references) and the values written into its cells. */
export interface ChartSource {
  readonly sheet: string;
  readonly valueAt: (row: number, col: number) => OutCell["value"];
}

const ANCHORS = new Set(["twoCellAnchor", "oneCellAnchor", "absoluteAnchor"]);

/** Writes, rewrites or (chart null) removes the add-in's chart; returns the sheet's drawing relationship id, if any. */
export function writeChart(
  pkg: OoxmlPackage,
  sheetPart: string,
  chart: ChartSpec | null,
  source: ChartSource,
  ns: Namespaces,
  strict: boolean,
): string | null {
  let drawing = pkg.related(sheetPart, "drawing")[0];
  if (!chart) {
    if (drawing) removeChart(pkg, drawing.part, SUMMARY_CHART_NAME);
    return drawing?.rel.id ?? null;
  }
  if (!drawing) {
    const part = pkg.freePartName(resolveTarget(sheetPart, "../drawings/drawing"), ".xml");
    pkg.setText(part, `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${ns.drawing}" xmlns:a="${ns.a}"></xdr:wsDr>`);
    pkg.setContentType(part, CONTENT_TYPE.drawing);
    const id = pkg.addRelationship(sheetPart, relType(strict, "drawing"), relativeTarget(sheetPart, part));
    drawing = { rel: { id, type: relType(strict, "drawing"), target: part, external: false }, part };
  }
  const xml = pkg.text(drawing.part) ?? "";
  const root = rootOf(xml);
  const found = ourAnchor(xml, root, chart.name);
  let chartPart: string;
  let relId: string;
  if (found) {
    relId = found.relId;
    chartPart = resolveTarget(drawing.part, pkg.relationships(drawing.part).find((r) => r.id === relId)?.target ?? "");
  } else {
    chartPart = pkg.freePartName(resolveTarget(drawing.part, "../charts/chart"), ".xml");
    pkg.setContentType(chartPart, CONTENT_TYPE.chart);
    relId = pkg.addRelationship(drawing.part, relType(strict, "chart"), relativeTarget(drawing.part, chartPart));
  }
  pkg.setText(chartPart, chartXml(chart, source, ns));
  const ids = [...xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sid="(\d+)"/g)].map((m) => Number(m[1]));
  const anchor = anchorXml(root.tag.name, chart, found?.id ?? Math.max(1, ...ids) + 1, relId, ns, strict);
  const edit = found
    ? { start: found.element.tag.start, end: found.element.end, text: anchor }
    : { start: root.innerEnd, end: root.innerEnd, text: anchor };
  pkg.setText(drawing.part, applyEdits(xml, [edit]));
  return drawing.rel.id;
}

/** The anchor of the graphic frame named `name`, with its shape id and the chart relationship it points to. */
function ourAnchor(xml: string, root: Element, name: string): { element: Element; id: number; relId: string } | null {
  for (const anchor of childrenOf(xml, root)) {
    if (!ANCHORS.has(anchor.tag.local)) continue;
    const props = findElement(xml, "cNvPr", anchor.innerStart, anchor.innerEnd);
    if (!props || attribute(xml, props.tag, "name") !== name) continue;
    const chart = findElement(xml, "chart", anchor.innerStart, anchor.innerEnd);
    const relId = chart ? attribute(xml, chart.tag, "id") : undefined;
    if (relId) return { element: anchor, id: Number(attribute(xml, props.tag, "id") ?? 2), relId };
  }
  return null;
}

/** Takes the add-in's chart out of the drawing (its anchor, relationship, part and content type); the rest stays. */
function removeChart(pkg: OoxmlPackage, drawingPart: string, name: string): void {
  const xml = pkg.text(drawingPart);
  if (xml === null) return;
  const found = ourAnchor(xml, rootOf(xml), name);
  if (!found) return;
  const rel = pkg.relationships(drawingPart).find((r) => r.id === found.relId);
  if (rel) {
    const part = resolveTarget(drawingPart, rel.target);
    pkg.remove(part);
    pkg.removeContentType(part);
    pkg.removeRelationship(drawingPart, rel.id);
  }
  pkg.setText(drawingPart, applyEdits(xml, [{ start: found.element.tag.start, end: found.element.end, text: "" }]));
}

/** Rows and columns the chart covers: the cells the sheet keeps free for it, else enough for every bar and the legend. */
function chartSize(chart: ChartSpec): { rows: number; cols: number } {
  if (chart.span) return chart.span;
  return chart.kind === "stackedBar" ? { rows: Math.max(14, 6 + 2 * (chart.range.rows - 1)), cols: 9 } : LINE_SIZE;
}

/** Excel's default chart size in cells, for a line chart placed without a span. */
const LINE_SIZE = { rows: 15, cols: 8 };

function anchorXml(
  rootName: string,
  chart: ChartSpec,
  id: number,
  relId: string,
  ns: Namespaces,
  strict: boolean,
): string {
  const x = rootName.includes(":") ? rootName.slice(0, rootName.indexOf(":") + 1) : "";
  const { rows, cols } = chartSize(chart);
  const at = (tag: string, col: number, row: number) =>
    `<${x}${tag}><${x}col>${col}</${x}col><${x}colOff>0</${x}colOff><${x}row>${row}</${x}row><${x}rowOff>0</${x}rowOff></${x}${tag}>`;
  const uri = strict
    ? "http://purl.oclc.org/ooxml/drawingml/chart"
    : "http://schemas.openxmlformats.org/drawingml/2006/chart";
  return (
    `<${x}twoCellAnchor editAs="oneCell">${at("from", chart.anchor.col, chart.anchor.row)}` +
    `${at("to", chart.anchor.col + cols, chart.anchor.row + rows)}<${x}graphicFrame macro="">` +
    `<${x}nvGraphicFramePr><${x}cNvPr id="${id}" name="${escapeXml(chart.name)}"/><${x}cNvGraphicFramePr/></${x}nvGraphicFramePr>` +
    `<${x}xfrm><a:off xmlns:a="${ns.a}" x="0" y="0"/><a:ext xmlns:a="${ns.a}" cx="0" cy="0"/></${x}xfrm>` +
    `<a:graphic xmlns:a="${ns.a}"><a:graphicData uri="${uri}"><c:chart xmlns:c="${ns.chart}" xmlns:r="${ns.rel}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    `</${x}graphicFrame><${x}clientData/></${x}twoCellAnchor>`
  );
}

/** A reference to cells of the summary, absolute, as a chart series holds it. */
function absolute(sheet: string, row: number, col: number, rows = 1): string {
  return `${quotedSheet(sheet)}!${absoluteRangeA1({ row, col, rows, cols: 1 })}`;
}

function strCache(values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numCache(values: readonly (number | null)[]): string {
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

const hex = (colour: string): string => colour.replace(/^#/, "").toUpperCase();

/**
 * What both kinds read: the categories (first column below the header) and, per further column, the series' index,
 * name (`head`, before its look) and values (after the categories), as CT_BarSer and CT_LineSer order them.
 */
interface Grid {
  readonly categories: string;
  readonly series: (s: number) => { readonly head: string; readonly values: string };
}

function grid(range: ChartSpec["range"], source: ChartSource): Grid {
  const { row, col, rows } = range;
  const text = (r: number, c: number) => String(source.valueAt(r, c) ?? "");
  const number = (r: number, c: number) => {
    const v = source.valueAt(r, c);
    return typeof v === "number" ? v : null;
  };
  const n = rows - 1;
  const categories = Array.from({ length: n }, (_, i) => text(row + 1 + i, col));
  return {
    categories: `<c:cat><c:strRef><c:f>${escapeXml(absolute(source.sheet, row + 1, col, n))}</c:f>${strCache(categories)}</c:strRef></c:cat>`,
    series: (s) => {
      const c = col + 1 + s;
      const values = Array.from({ length: n }, (_, i) => number(row + 1 + i, c));
      return {
        head:
          `<c:idx val="${s}"/><c:order val="${s}"/>` +
          `<c:tx><c:strRef><c:f>${escapeXml(absolute(source.sheet, row, c))}</c:f>${strCache([text(row, c)])}</c:strRef></c:tx>`,
        values: `<c:val><c:numRef><c:f>${escapeXml(absolute(source.sheet, row + 1, c, n))}</c:f>${numCache(values)}</c:numRef></c:val>`,
      };
    },
  };
}

function barPlot(chart: StackedBarChartSpec, source: ChartSource): string {
  const g = grid(chart.range, source);
  const series = Array.from({ length: chart.range.cols - 1 }, (_, s) => {
    const { head, values } = g.series(s);
    const colour = hex(chart.seriesColours[s] ?? "#808080");
    return (
      `<c:ser>${head}<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>` +
      `<c:invertIfNegative val="0"/>${g.categories}${values}</c:ser>`
    );
  });
  const axes =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="t"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/>` +
    `<c:crossBetween val="between"/></c:valAx>`;
  return (
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>${axes}`
  );
}

/** A line 2¼ pt wide (EMU), dashed or solid, or none; the markers filled and edged in the series colour. */
function lineSeriesLook(style: LineSeriesStyle): string {
  const colour = hex(style.colour);
  const fill = `<a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>`;
  const line =
    style.line === "none"
      ? `<a:ln><a:noFill/></a:ln>`
      : `<a:ln w="28575" cap="rnd">${fill}<a:prstDash val="${style.line === "dash" ? "dash" : "solid"}"/><a:round/></a:ln>`;
  const marker =
    style.marker === null
      ? `<c:marker><c:symbol val="none"/></c:marker>`
      : `<c:marker><c:symbol val="circle"/><c:size val="${style.marker.size}"/><c:spPr>${fill}<a:ln w="9525">${fill}</a:ln></c:spPr></c:marker>`;
  return `<c:spPr>${line}</c:spPr>${marker}`;
}

function linePlot(chart: LineChartSpec, source: ChartSource): string {
  const g = grid(chart.range, source);
  const series = chart.series.map((style, s) => {
    const { head, values } = g.series(s);
    return `<c:ser>${head}${lineSeriesLook(style)}${g.categories}${values}<c:smooth val="0"/></c:ser>`;
  });
  const axes =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/>` +
    `<c:max val="${chart.axis.max}"/><c:min val="${chart.axis.min}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(chart.axis.numberFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="${chart.axis.step}"/></c:valAx>`;
  return (
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>${axes}`
  );
}

export function chartXml(chart: ChartSpec, source: ChartSource, ns: Namespaces): string {
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-GB" b="1"/>` +
    `<a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const plot = chart.kind === "stackedBar" ? barPlot(chart, source) : linePlot(chart, source);
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${ns.chart}" xmlns:a="${ns.a}" xmlns:r="${ns.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `${plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
