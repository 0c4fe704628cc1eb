/**
 * An Excel Table grown by the output columns the add-in adds right of it: its ref, its autoFilter's ref and its
 * tableColumns get the new columns (named as their header cells), and everything else the table has (header row,
 * filter buttons, style, calculated columns, totals) is kept as it is.
 */
import type { CellRange } from "../../../workbook/port";
import { parseRangeRef, rangeToA1 } from "../../../workbook/a1";
import { attribute, childrenOf, escapeXml, rootOf, withAttribute } from "../xml/scan";
import { applyEdits, prefixOf } from "./worksheet";

/** The table part with `headers` (new column names, in order) added at its right; null when it has no header row. */
export function widenedTable(xml: string, range: CellRange, headers: readonly string[]): string | null {
  const root = rootOf(xml);
  if (attribute(xml, root.tag, "headerRowCount") === "0" || headers.length === 0) return null;
  const grow = (ref: string | undefined) => {
    const r = ref ? parseRangeRef(ref) : null;
    return r ? rangeToA1({ ...r, cols: r.cols + headers.length }) : null;
  };
  const edits: { start: number; end: number; text: string }[] = [];
  const open = xml.slice(root.tag.start, root.tag.end);
  edits.push({
    start: root.tag.start,
    end: root.tag.end,
    text: withAttribute(open, "ref", rangeToA1({ ...range, cols: range.cols + headers.length })),
  });
  const children = childrenOf(xml, root);
  const filter = children.find((c) => c.tag.local === "autoFilter");
  if (filter) {
    const grown = grow(attribute(xml, filter.tag, "ref"));
    if (grown)
      edits.push({
        start: filter.tag.start,
        end: filter.tag.end,
        text: withAttribute(xml.slice(filter.tag.start, filter.tag.end), "ref", grown),
      });
  }
  const columns = children.find((c) => c.tag.local === "tableColumns");
  if (!columns) return null;
  const existing = childrenOf(xml, columns).filter((c) => c.tag.local === "tableColumn");
  let id = Math.max(0, ...existing.map((c) => Number(attribute(xml, c.tag, "id") ?? 0)));
  const prefix = prefixOf(columns.tag.name);
  const added = headers.map((name) => `<${prefix}tableColumn id="${++id}" name="${escapeXml(name)}"/>`).join("");
  edits.push({
    start: columns.tag.start,
    end: columns.tag.end,
    text: withAttribute(
      xml.slice(columns.tag.start, columns.tag.end),
      "count",
      String(existing.length + headers.length),
    ),
  });
  edits.push({ start: columns.innerEnd, end: columns.innerEnd, text: added });
  return applyEdits(xml, edits);
}
