/**
 * The summary's chart as a DrawingML chart part (ECMA-376 Part 1, 21.2): a stacked bar chart of the RAG counts, one
 * series per status in its colour, reading the summary's own count cells (with caches, so it shows before any
 * recalculation). It sits in the summary sheet's drawing, found again by its name: a second run rewrites the same
 * chart part and anchor instead of adding another, and whatever else the drawing holds is kept.
 */
import type { ChartSpec, OutCell } from "../../../workbook/port";
import { rangeToA1 } from "../../../workbook/a1";
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

/** Rows and columns the chart covers: the cells the summary keeps free for it, else enough for every bar and the legend. */
function chartSize(chart: ChartSpec): { rows: number; cols: number } {
  return chart.span ?? { rows: Math.max(14, 6 + 2 * (chart.range.rows - 1)), cols: 9 };
}

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
  const ref = rangeToA1({ row, col, rows, cols: 1 }).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${quotedSheet(sheet)}!${ref}`;
}

function strCache(values: readonly string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

function numCache(values: readonly (number | null)[]): string {
  const points = values.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

export function chartXml(chart: ChartSpec, source: ChartSource, ns: Namespaces): string {
  const { row, col, rows, cols } = chart.range;
  const text = (r: number, c: number) => String(source.valueAt(r, c) ?? "");
  const number = (r: number, c: number) => {
    const v = source.valueAt(r, c);
    return typeof v === "number" ? v : null;
  };
  const categoryRows = rows - 1;
  const categories = Array.from({ length: categoryRows }, (_, i) => text(row + 1 + i, col));
  const series = Array.from({ length: cols - 1 }, (_, s) => {
    const c = col + 1 + s;
    const colour = (chart.seriesColours[s] ?? "#808080").replace(/^#/, "").toUpperCase();
    const values = Array.from({ length: categoryRows }, (_, i) => number(row + 1 + i, c));
    return (
      `<c:ser><c:idx val="${s}"/><c:order val="${s}"/>` +
      `<c:tx><c:strRef><c:f>${escapeXml(absolute(source.sheet, row, c))}</c:f>${strCache([text(row, c)])}</c:strRef></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${escapeXml(absolute(source.sheet, row + 1, col, categoryRows))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(absolute(source.sheet, row + 1, c, categoryRows))}</c:f>${numCache(values)}</c:numRef></c:val>` +
      `</c:ser>`
    );
  });
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-GB" b="1"/>` +
    `<a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
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
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${ns.chart}" xmlns:a="${ns.a}" xmlns:r="${ns.rel}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series.join("")}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    `${axes}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}
