/** [Content_Types].xml: which content type each part has, and the overrides Scorecard adds or removes. */
import { attributes, childrenOf, escapeXml, rootOf } from "../xml/scan";

export const CONTENT_TYPES_PART = "[Content_Types].xml";

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The override for `part` set to `type`, replacing any override it had. */
export function withOverride(xml: string, part: string, type: string): string {
  const without = withoutOverride(xml, part);
  const root = rootOf(without);
  const element = `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`;
  return without.slice(0, root.innerEnd) + element + without.slice(root.innerEnd);
}

export function withoutOverride(xml: string, part: string): string {
  const root = rootOf(xml);
  for (const child of childrenOf(xml, root)) {
    if (child.tag.local !== "Override") continue;
    const name = attributes(xml, child.tag).get("PartName") ?? "";
    if (name.replace(/^\//, "").toLowerCase() === part.toLowerCase()) {
      return xml.slice(0, child.tag.start) + xml.slice(child.end);
    }
  }
  return xml;
}

/** A part's content type: its Override, else the Default for its extension; null when neither says. */
export function contentTypeOf(xml: string, part: string): string | null {
  const children = childrenOf(xml, rootOf(xml));
  const extension = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  let byDefault: string | null = null;
  for (const child of children) {
    const attrs = attributes(xml, child.tag);
    if (
      child.tag.local === "Override" &&
      (attrs.get("PartName") ?? "").replace(/^\//, "").toLowerCase() === part.toLowerCase()
    ) {
      return attrs.get("ContentType") ?? null;
    }
    if (child.tag.local === "Default" && (attrs.get("Extension") ?? "").toLowerCase() === extension) {
      byDefault = attrs.get("ContentType") ?? null;
    }
  }
  return byDefault;
}
