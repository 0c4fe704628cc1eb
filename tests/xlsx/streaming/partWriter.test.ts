/**
 * PartWriter: a part written as a stream of text is held only compressed, in pieces of SEGMENT bytes. The pieces
 * must inflate to exactly the text written, carry the CRC of the whole, and a part that fits in one piece must be
 * the very bytes a whole deflate gives (so every usual file is saved byte for byte as before streaming).
 */
import { crc32 as zlibCrc32 } from "node:zlib";
import { inflateSync } from "fflate";
import { NODE_CODEC } from "../../../src/cli/nodeCodec";
import { PartWriter } from "../../../src/hosts/xlsx/package/partWriter";
import { concatBytes } from "../../../src/hosts/xlsx/package/bytes";
import { FFLATE_CODEC, type Codec } from "../../../src/hosts/xlsx/package/zip";

const encoder = new TextEncoder();

/** Rows of sheet XML with characters of one to four UTF-8 bytes, so pieces end mid-character if they can. */
function texts(rows: number): string[] {
  return Array.from(
    { length: rows },
    (_, r) =>
      `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>Ré ${"€".repeat(r % 5)} 😀 ${r}</t></is></c></row>`,
  );
}

describe.each([
  ["fflate", FFLATE_CODEC],
  ["Node zlib", NODE_CODEC],
] as [string, Codec][])("PartWriter with the %s codec", (_, codec) => {
  it.each([16, 61, 1000, 64 * 1024])("pieces of %i bytes inflate to the text written, with its CRC", (segment) => {
    const writer = new PartWriter(codec, segment);
    const parts = texts(500);
    parts.forEach((t) => writer.write(t));
    const written = writer.finish();
    const whole = encoder.encode(parts.join(""));
    expect(inflateSync(concatBytes(written.compressed))).toEqual(whole);
    expect(written.size).toBe(whole.length);
    expect(written.crc).toBe(zlibCrc32(whole));
    if (segment < whole.length) expect(written.compressed.length).toBeGreaterThan(1);
  });

  it("a part that fits in one piece is deflated whole: the same bytes as the codec's deflate", () => {
    const writer = new PartWriter(codec, 1 << 20);
    const parts = texts(200);
    parts.forEach((t) => writer.write(t));
    const written = writer.finish();
    const whole = encoder.encode(parts.join(""));
    expect(written.compressed).toHaveLength(1);
    expect(written.compressed[0]).toEqual(codec.deflate(whole));
  });

  it("an empty part is a valid empty deflate stream", () => {
    const written = new PartWriter(codec, 16).finish();
    expect(inflateSync(concatBytes(written.compressed))).toEqual(new Uint8Array(0));
    expect(written.size).toBe(0);
    expect(written.crc).toBe(0);
  });
});
