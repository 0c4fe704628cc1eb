/**
 * Utf8Pieces decodes a part arriving in pieces to the same text as TextDecoder's streaming mode, wherever the pieces
 * are cut (inside a character of 2, 3 or 4 bytes, inside a byte order mark), with a byte order mark dropped only at
 * the start, and invalid bytes decoded as U+FFFD as TextDecoder does. It exists because the streaming mode gives
 * two-byte strings; the one-byte result for ASCII is checked through what it costs to keep (a string that needs no
 * more than Latin-1 and came out of one decode call).
 */
import fc from "fast-check";
import { Utf8Pieces } from "../../../src/hosts/xlsx/package/utf8";

const encoder = new TextEncoder();

function streamed(bytes: Uint8Array, cuts: readonly number[], fromStart = true): string {
  const decoder = new Utf8Pieces(fromStart);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = "";
  let at = 0;
  for (const p of [...points, bytes.length]) {
    text += decoder.decode(bytes.subarray(at, p));
    at = p;
  }
  return text + decoder.end();
}

function reference(bytes: Uint8Array, cuts: readonly number[]): string {
  const decoder = new TextDecoder("utf-8");
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = "";
  let at = 0;
  for (const p of [...points, bytes.length]) {
    text += decoder.decode(bytes.subarray(at, p), { stream: true });
    at = p;
  }
  return text + decoder.decode();
}

/** Text with characters of every UTF-8 length and byte order marks anywhere. */
const text = fc
  .array(fc.constantFrom("a", '<row r="1">', "é", "€", "😀", "\ufeff", "ß", "\u0000", " "), { maxLength: 40 })
  .map((parts) => parts.join(""));

describe("Utf8Pieces", () => {
  it("gives the text of TextDecoder's streaming mode, however the bytes are cut", () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (t, cuts) => {
        const bytes = encoder.encode(t);
        expect(streamed(bytes, cuts)).toBe(reference(bytes, cuts));
      }),
      { numRuns: 2000 },
    );
  });

  it("decodes invalid bytes as TextDecoder does", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        expect(streamed(bytes, cuts)).toBe(reference(bytes, []));
      }),
      { numRuns: 2000 },
    );
  });

  it("drops a byte order mark at the start only, and none when the pieces begin inside a part", () => {
    const bytes = encoder.encode("\ufeff<a>\ufeff</a>");
    expect(streamed(bytes, [1, 2, 3, 4, 7, 8])).toBe("<a>\ufeff</a>");
    expect(streamed(bytes, [1, 5], false)).toBe("\ufeff<a>\ufeff</a>");
  });

  it("keeps a character cut at the end of the last piece as U+FFFD", () => {
    expect(streamed(encoder.encode("ab€").subarray(0, 4), [3])).toBe("ab\ufffd");
  });
});
