/**
 * The zip container of an OOXML package, read and written at the level of stored entries: a part Scorecard does not
 * change is copied as the compressed bytes the file already has (same CRC, same method, same time stamp). fflate
 * inflates and deflates; the container itself is simple enough to read here, which is what lets sizes be checked
 * before anything is inflated and compressed bytes be copied unchanged. APPNOTE.TXT (PKWARE) 4.3 is the layout.
 */
import { Deflate, deflateSync, Inflate } from "fflate";
import { concatBytes } from "./bytes";
import { crc32 } from "./crc32";
import { megabytes, PackageError, type SizeLimits } from "./limits";

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  /** As the zip declares them; inflating checks the truth. */
  readonly compressedSize: number;
  readonly size: number;
  /** DOS time and date, kept on copy. */
  readonly time: number;
  readonly date: number;
  /** The compressed bytes (a view into the file). */
  readonly raw: Uint8Array;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UTF8_FLAG = 0x800;
const utf8 = new TextDecoder("utf-8");

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

function findEndOfCentralDirectory(dv: DataView): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  for (let i = dv.byteLength - 22; i >= Math.max(0, dv.byteLength - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === EOCD) return i;
  }
  throw new PackageError("is not a zip package (no end of central directory)");
}

function u64(dv: DataView, at: number): number {
  return dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 0x1_0000_0000;
}

/** The stored entries, in the order of the central directory. Reads headers only: nothing is inflated. */
export function readZip(data: Uint8Array): ZipEntry[] {
  const dv = view(data);
  if (data.length < 22) throw new PackageError("is too short to be a zip package");
  const eocd = findEndOfCentralDirectory(dv);
  let count = dv.getUint16(eocd + 10, true);
  let offset = dv.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const at = u64(dv, eocd - 12);
    if (at + 56 > data.length || dv.getUint32(at, true) !== ZIP64_EOCD)
      throw new PackageError("has a damaged zip64 directory");
    count = u64(dv, at + 32);
    offset = u64(dv, at + 48);
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || dv.getUint32(p, true) !== CENTRAL)
      throw new PackageError("has a damaged zip directory");
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const time = dv.getUint16(p + 12, true);
    const date = dv.getUint16(p + 14, true);
    const crc = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    let local = dv.getUint32(p + 42, true);
    const nameBytes = data.subarray(p + 46, p + 46 + nameLength);
    const name = flags & UTF8_FLAG ? utf8.decode(nameBytes) : latin1(nameBytes);
    // A zip64 extra field carries the sizes and offset that do not fit in 32 bits, in this order.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dv.getUint16(e, true);
      const length = dv.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(dv, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(dv, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(dv, q);
      }
      e += 4 + length;
    }
    if (flags & 1) throw new PackageError("is encrypted");
    if (method !== 0 && method !== 8) throw new PackageError(`has part ${name} compressed in a way .xlsx never uses`);
    if (local + 30 > data.length || dv.getUint32(local, true) !== LOCAL)
      throw new PackageError(`has a damaged entry ${name}`);
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (start + compressedSize > data.length) throw new PackageError(`is cut short (part ${name})`);
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size,
      time,
      date,
      raw: data.subarray(start, start + compressedSize),
    });
    p = extraEnd + commentLength;
  }
  return entries;
}

function latin1(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Refuses a package whose declared sizes pass the limits, before a byte is inflated. */
export function checkDeclaredSizes(entries: readonly ZipEntry[], limits: SizeLimits): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.size > limits.part) {
      throw new PackageError(
        `has a part (${entry.name}) of ${megabytes(entry.size)} uncompressed, over the limit of ${megabytes(limits.part)} per part`,
      );
    }
    total += entry.size;
  }
  if (total > limits.total) {
    throw new PackageError(`would inflate to ${megabytes(total)}, over the limit of ${megabytes(limits.total)}`);
  }
}

/**
 * Compressed bytes fed to the streaming inflate at a time. Small on purpose: each push gives out ~7x its size, and
 * a piece decoded to text over 128 KB is a large object to V8 (old space, freed only by a full collection): with
 * 64 KB pushes a 1,048,576-row sheet left ~560 MB of such pieces behind while it was spliced; with 8 KB, ~70 MB.
 */
const CHUNK = 8 * 1024;

/**
 * Inflates one entry chunk by chunk, handing each piece to `sink`; stops with a PackageError as soon as more comes
 * out than the entry declared (the declared size already passed the limits), so a lying header inflates no further.
 */
export function inflateEntry(entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
  if (entry.method === 0) {
    if (entry.raw.length !== entry.size) throw new PackageError(`has part ${entry.name} whose size does not match`);
    for (let i = 0; i < entry.raw.length; i += CHUNK) sink(entry.raw.subarray(i, i + CHUNK));
    return;
  }
  let produced = 0;
  // fflate calls the sink inside push: what the sink throws (a damaged cell, or an error of ours) is its to tell.
  let inSink = false;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) {
      throw new PackageError(`has part ${entry.name} that inflates to more than the ${entry.size} bytes it declares`);
    }
    inSink = true;
    sink(chunk);
    inSink = false;
  });
  try {
    for (let i = 0; i < entry.raw.length; i += CHUNK) {
      inflate.push(entry.raw.subarray(i, i + CHUNK), i + CHUNK >= entry.raw.length);
    }
    if (entry.raw.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (inSink || error instanceof PackageError) throw error;
    throw new PackageError(`has a damaged part ${entry.name} (${(error as Error).message})`);
  }
  if (produced !== entry.size) throw new PackageError(`has part ${entry.name} whose size does not match`);
}

/**
 * How parts are inflated and deflated. The default is fflate (any JavaScript engine, the browser included); a shell
 * may hand a faster native one (the CLI passes Node's zlib). `inflate` must refuse output beyond `size` bytes.
 */
export interface Codec {
  inflate(entry: ZipEntry): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  /** `previous`: the CRC of the bytes before `data`, for a part checked piece by piece. */
  crc32(data: Uint8Array, previous?: number): number;
  /**
   * A deflater for a part written in pieces (see PartWriter): the pieces' outputs, in order, are one raw deflate
   * stream. Without it, fflate's streaming Deflate is used.
   */
  deflater?(): Deflater;
}

/** Deflates a part piece by piece; `final` on the last piece. Returns the compressed bytes this piece completed. */
export interface Deflater {
  push(data: Uint8Array, final: boolean): Uint8Array[];
}

/** fflate's streaming deflate, at the level FFLATE_CODEC.deflate uses. It copies what it keeps of each piece. */
export function fflateDeflater(): Deflater {
  let out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  return {
    push(data, final) {
      deflate.push(data, final);
      const done = out;
      out = [];
      return done;
    },
  };
}

export const FFLATE_CODEC: Codec = {
  inflate(entry) {
    const out = new Uint8Array(entry.size);
    let at = 0;
    inflateEntry(entry, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    });
    return out;
  },
  deflate: (data) => deflateSync(data, { level: 6 }),
  crc32,
};

/** What goes into a written zip: an entry copied as it was, or new content. */
export type ZipItem = { readonly copy: ZipEntry } | { readonly name: string; readonly data: Uint8Array };

const utf8Encoder = new TextEncoder();
/** 1980-01-01 00:00, the first DOS date: new parts get a fixed stamp, so the same input gives the same bytes. */
export const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;

interface Written {
  readonly name: Uint8Array;
  readonly method: number;
  readonly crc: number;
  readonly compressed: Uint8Array;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  readonly offset: number;
}

export function writeZip(items: readonly ZipItem[], codec: Codec = FFLATE_CODEC): Uint8Array {
  const chunks: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const item of items) {
    const entry =
      "copy" in item
        ? { ...item.copy, compressed: item.copy.raw, nameText: item.copy.name }
        : {
            nameText: item.name,
            method: 8,
            crc: codec.crc32(item.data),
            compressed: codec.deflate(item.data),
            size: item.data.length,
            time: 0,
            date: DOS_EPOCH_DATE,
          };
    const name = utf8Encoder.encode(entry.nameText);
    const header = new Uint8Array(30 + name.length);
    const dv = view(header);
    dv.setUint32(0, LOCAL, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, UTF8_FLAG, true);
    dv.setUint16(8, entry.method, true);
    dv.setUint16(10, entry.time, true);
    dv.setUint16(12, entry.date, true);
    dv.setUint32(14, entry.crc, true);
    dv.setUint32(18, entry.compressed.length, true);
    dv.setUint32(22, entry.size, true);
    dv.setUint16(26, name.length, true);
    header.set(name, 30);
    chunks.push(header, entry.compressed);
    written.push({ ...entry, name, offset });
    offset += header.length + entry.compressed.length;
    if (offset > 0xffffffff) throw new PackageError("would be over 4 GB, which needs zip64");
  }
  const directoryStart = offset;
  for (const w of written) {
    const record = new Uint8Array(46 + w.name.length);
    const dv = view(record);
    dv.setUint32(0, CENTRAL, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(8, UTF8_FLAG, true);
    dv.setUint16(10, w.method, true);
    dv.setUint16(12, w.time, true);
    dv.setUint16(14, w.date, true);
    dv.setUint32(16, w.crc, true);
    dv.setUint32(20, w.compressed.length, true);
    dv.setUint32(24, w.size, true);
    dv.setUint16(28, w.name.length, true);
    dv.setUint32(42, w.offset, true);
    record.set(w.name, 46);
    chunks.push(record);
    offset += record.length;
  }
  const end = new Uint8Array(22);
  const dv = view(end);
  dv.setUint32(0, EOCD, true);
  dv.setUint16(8, written.length, true);
  dv.setUint16(10, written.length, true);
  dv.setUint32(12, offset - directoryStart, true);
  dv.setUint32(16, directoryStart, true);
  chunks.push(end);
  return concatBytes(chunks);
}
