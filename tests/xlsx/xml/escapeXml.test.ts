import fc from "fast-check";
import { escapeXml } from "../../../src/hosts/xlsx/xml/scan";

/** The five passes escapeXml always made, before its one-test fast path for text needing none. */
// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const fivePasses = (text: string): string =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);

/** Characters around every class the escape treats: markup, controls kept and rewritten, non-characters, Unicode. */
const CHARS = [
  "a",
  "Z",
  "0",
  " ",
  "'",
  "&",
  "<",
  ">",
  '"',
  "\t",
  "\n",
  "\r",
  "\u0000",
  "\u0008",
  "\u000b",
  "\u000c",
].concat(["\u000e", "\u001f", "\u0020", "\ufffe", "\uffff", "\ufffd", "–", "é", "\ud83d\ude00", "\ud800", "_x000D_"]);

describe("escapeXml", () => {
  test("gives the same text as the five replace passes, with or without anything to escape", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        return escapeXml(text) === fivePasses(text);
      }),
      { numRuns: 20_000 },
    );
  });

  test("examples", () => {
    expect(escapeXml("Red: 6.7% below target 30 (Maximise, amber band 5%)")).toBe(
      "Red: 6.7% below target 30 (Maximise, amber band 5%)",
    );
    expect(escapeXml('a<b & "c">\u0001')).toBe("a&lt;b &amp; &quot;c&quot;&gt;_x0001_");
  });
});
