/**
 * The shared string table as Scorecard extends it: a text already there as a plain item is shared, a new text is
 * appended at the end (existing indexes never move), and the part is rewritten only when something was added.
 */
import type { SharedStrings } from "../read/sharedStrings";
import { escapeXml, shallowRootOf, withAttribute } from "../xml/scan";

export const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';

export class StringTable {
  private size: number;
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private references = 0;

  /** `parsed` is the table as the reader parsed it; `xml` gives the part's text when it must be rewritten. */
  constructor(
    parsed: SharedStrings,
    private readonly xml: () => string | null,
  ) {
    this.size = parsed.texts.length;
    parsed.texts.forEach((text, i) => {
      if (parsed.plain[i] && !this.index.has(text)) this.index.set(text, i);
    });
  }

  indexOf(text: string): number {
    this.references++;
    const found = this.index.get(text);
    if (found !== undefined) return found;
    const i = this.size++;
    this.added.push(text);
    this.index.set(text, i);
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The sst part with the new items appended (count grows by the references written: an upper bound Excel accepts). */
  result(): string {
    const xml = this.xml() ?? EMPTY_SST;
    const root = shallowRootOf(xml);
    const name = root.tag.name;
    const prefix = name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
    const items = this.added
      .map(
        (text) =>
          `<${prefix}si><${prefix}t${/^\s|\s$/.test(text) ? ' xml:space="preserve"' : ""}>${escapeXml(text)}</${prefix}t></${prefix}si>`,
      )
      .join("");
    let open = xml.slice(root.tag.start, root.tag.end);
    if (root.tag.kind === "empty") open = `${open.slice(0, -2).replace(/\s+$/, "")}>`;
    const count = Number(/\scount="(\d+)"/.exec(open)?.[1] ?? 0) + this.references;
    open = withAttribute(withAttribute(open, "count", String(count)), "uniqueCount", String(this.size));
    const inner = root.tag.kind === "empty" ? "" : xml.slice(root.innerStart, root.innerEnd);
    return `${xml.slice(0, root.tag.start)}${open}${inner}${items}</${name}>${xml.slice(root.end)}`;
  }
}
