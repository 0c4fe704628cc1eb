/**
 * Open Packaging Conventions (ECMA-376 Part 2): relationships and part names. Parts are found by following
 * relationships from the package root, never by guessing names (ClosedXML writes sheets as xl/worksheets/sheet1.xml
 * but others need not). Relationship types are matched by their last segment so Strict OOXML
 * (http://purl.oclc.org/ooxml/officeDocument/relationships/…) and Transitional
 * (http://schemas.openxmlformats.org/officeDocument/2006/relationships/…) both work.
 */
import { attribute, attributes, childrenOf, escapeXml, rootOf } from "../xml/scan";

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** "…/relationships/worksheet" -> "worksheet" */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf("/") + 1);
}

export function parseRelationships(xml: string): Relationship[] {
  const root = rootOf(xml);
  return childrenOf(xml, root)
    .filter((child) => child.tag.local === "Relationship")
    .map((child) => {
      const attrs = attributes(xml, child.tag);
      return {
        id: attrs.get("Id") ?? "",
        type: attrs.get("Type") ?? "",
        target: attrs.get("Target") ?? "",
        external: attrs.get("TargetMode") === "External",
      };
    });
}

/** The rels part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" (the package) -> "_rels/.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name (no leading slash), resolved against the source part's folder. */
export function resolveTarget(source: string, target: string): string {
  const path = target.split("#")[0];
  const base = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(decodeURIComponent(segment));
  }
  return base.join("/");
}

/** The target to write in `source`'s rels for `part`: relative to the source's folder, as Excel writes it. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Adds a relationship to rels XML (creating the rels document when there is none); returns the XML and the new id. */
export function addRelationship(xml: string | null, type: string, target: string): { xml: string; id: string } {
  const doc =
    xml ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ids = new Set(parseRelationships(doc).map((rel) => rel.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const element = `<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  const root = rootOf(doc);
  if (root.tag.kind === "empty") {
    const open = doc.slice(root.tag.start, root.tag.end - 2).replace(/\s+$/, "") + ">";
    return { xml: doc.slice(0, root.tag.start) + open + element + `</${root.tag.name}>` + doc.slice(root.end), id };
  }
  return { xml: doc.slice(0, root.innerEnd) + element + doc.slice(root.innerEnd), id };
}

/** Removes the relationship with this id. */
export function removeRelationship(xml: string, id: string): string {
  const root = rootOf(xml);
  for (const child of childrenOf(xml, root)) {
    if (child.tag.local === "Relationship" && attribute(xml, child.tag, "Id") === id) {
      return xml.slice(0, child.tag.start) + xml.slice(child.end);
    }
  }
  return xml;
}

/** Relationship type URIs in the namespace family the package already uses (Strict or Transitional). */
export function relType(strict: boolean, kind: string): string {
  return strict
    ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}`
    : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
}
