/**
 * Node's zlib as the .xlsx host's codec: native inflate and deflate, several times faster than JavaScript on a big
 * workbook. maxOutputLength stops inflating at the size the zip declared, so a lying header inflates no further.
 */
import zlib from "node:zlib";
import { PackageError } from "../hosts/xlsx/package/limits";
import type { Codec } from "../hosts/xlsx/package/zip";

/** Larger parts are streamed (OoxmlPackage.stream), never inflated here whole. */
const MAX_CHUNK = 64 * 1024 * 1024;

export const NODE_CODEC: Codec = {
  inflate(entry) {
    if (entry.method === 0) {
      if (entry.raw.length !== entry.size) throw new PackageError(`has part ${entry.name} whose size does not match`);
      return entry.raw;
    }
    let out: Buffer;
    try {
      // One output chunk of the declared size: zlib's default 16 KB chunks cost a copy of each into the result.
      out = zlib.inflateRawSync(entry.raw, {
        maxOutputLength: Math.max(entry.size, 1),
        chunkSize: Math.min(Math.max(entry.size, 64), MAX_CHUNK),
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new PackageError(`has part ${entry.name} that inflates to more than the ${entry.size} bytes it declares`);
      }
      throw new PackageError(`has a damaged part ${entry.name} (${(error as Error).message})`);
    }
    if (out.length !== entry.size) throw new PackageError(`has part ${entry.name} whose size does not match`);
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  // Level 4: a third of level 6's time on a big sheet for about a tenth more bytes.
  deflate(data) {
    const out = zlib.deflateRawSync(data, { level: 4 });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  crc32: (data, previous) => zlib.crc32(data, previous),
  // Each piece is deflated on its own and ends on a byte boundary (a sync flush), the last one finishing the stream:
  // the pieces in order are one valid raw deflate stream (RFC 1951: blocks follow one another; no back-reference
  // crosses a piece, the window is just smaller at its start). Node has no synchronous streaming deflate.
  deflater: () => ({
    push(data, final) {
      const out = zlib.deflateRawSync(data, {
        level: 4,
        finishFlush: final ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
      });
      return [new Uint8Array(out.buffer, out.byteOffset, out.length)];
    },
  }),
};
