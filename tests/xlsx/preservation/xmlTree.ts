/**
 * A small element tree over saxes, for comparing parts semantically: names as written (prefix included), attributes
 * in document order, children elements and text. `canon` serialises an element with sorted attributes so two
 * writers' attribute order or quoting does not count as a change, while every name, value and child does.
 */
import { SaxesParser } from "saxes";

export interface El {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (El | string)[];
}

export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: false });
  const root: { children: (El | string)[] } = { children: [] };
  const stack: { children: (El | string)[] }[] = [root];
  parser.on("opentag", (tag) => {
    const el = {
      name: tag.name,
      attrs: { ...(tag.attributes as Record<string, string>) },
      children: [] as (El | string)[],
    };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => void stack[stack.length - 1].children.push(text));
  parser.on("cdata", (text) => void stack[stack.length - 1].children.push(text));
  parser.write(xml).close();
  const top = root.children.find((c): c is El => typeof c !== "string");
  if (!top) throw new Error("no root element");
  return top;
}

export const elements = (el: El): El[] => el.children.filter((c): c is El => typeof c !== "string");

/** Local name (after the prefix). */
export const local = (name: string): string => name.slice(name.indexOf(":") + 1);

export const child = (el: El, name: string): El | undefined => elements(el).find((c) => local(c.name) === name);

export const childrenNamed = (el: El, name: string): El[] => elements(el).filter((c) => local(c.name) === name);

/** Canonical text of an element: sorted attributes, whitespace-only text between elements dropped. */
export function canon(el: El | string, omit: readonly string[] = []): string {
  if (typeof el === "string") return escapeText(el);
  const attrs = Object.keys(el.attrs)
    .filter((k) => !omit.includes(k))
    .sort()
    .map((k) => ` ${k}="${escapeText(el.attrs[k])}"`)
    .join("");
  const hasElements = el.children.some((c) => typeof c !== "string");
  const kids = el.children
    .filter((c) => !(hasElements && typeof c === "string" && c.trim() === ""))
    .map((c) => canon(c))
    .join("");
  return `<${el.name}${attrs}>${kids}</${el.name}>`;
}

/** Text content of an element (all descendant text). */
export const textOf = (el: El): string => el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");

const escapeText = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
