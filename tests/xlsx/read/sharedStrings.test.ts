/**
 * The shared string table as the reader parses it: each item's text as Excel shows it (rich-text runs joined,
 * phonetic guides left out, entities and Excel's _xHHHH_ escapes undone) and whether a new cell may share it (one
 * plain run). Most items are a lone <t> and are read without the item patterns: both ways must agree, so the
 * table mixes them, next to one another and apart.
 */
import { parseSharedStrings } from "../../../src/hosts/xlsx/read/sharedStrings";

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe("parseSharedStrings", () => {
  it.each([
    ["a lone <t>", "<si><t>Measure 12</t></si>", "Measure 12", true],
    ["entities and Excel's escapes", "<si><t>A &amp; B_x000D_</t></si>", "A & B\r", true],
    ["an empty <t>", "<si><t></t></si>", "", true],
    ["<t> keeping its spaces", '<si><t xml:space="preserve"> lead</t></si>', " lead", true],
    ["an empty item", "<si/>", "", false],
    ["rich-text runs", "<si><r><t>Red</t></r><r><rPr><b/></rPr><t> and bold</t></r></si>", "Red and bold", false],
    ["a phonetic guide", '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>', "東京", false],
    ["a prefix", "<x:si><x:t>Prefixed</x:t></x:si>", "Prefixed", true],
    ["text naming rPh", "<si><t>rPh</t></si>", "rPh", false],
    ["white space before <t>", "<si>\n<t>Indented</t></si>", "Indented", true],
  ])("%s", (_, item, text, plain) => {
    // The item alone, then after another item (read where the last one ended) and after white space.
    for (const items of [item, `<si><t>x</t></si>${item}`, `<si><t>x</t></si>\n${item}`]) {
      const sst = parseSharedStrings(`<sst ${NS}>${items}</sst>`);
      expect({ text: sst.texts.at(-1), plain: sst.plain.at(-1) }).toEqual({ text, plain });
    }
  });

  it("reads a table of many items in order", () => {
    const texts = Array.from({ length: 50 }, (_, i) => (i % 7 === 0 ? `<r><t>R${i}</t></r>` : `<t>T${i}</t>`));
    const sst = parseSharedStrings(`<sst ${NS}>${texts.map((t) => `<si>${t}</si>`).join("")}</sst>`);
    expect(sst.texts).toEqual(texts.map((_, i) => (i % 7 === 0 ? `R${i}` : `T${i}`)));
    expect(sst.plain).toEqual(texts.map((_, i) => i % 7 !== 0));
  });
});
