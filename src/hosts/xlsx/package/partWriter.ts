/**
 * A part written as a stream of text, compressed as it comes: the text is encoded into a buffer of SEGMENT bytes and
 * each full buffer is deflated, so a sheet of a million rows never exists as one string or one byte array. A part
 * that fits in one buffer is deflated whole, exactly as a part given as one text (same bytes as before streaming).
 */
import { fflateDeflater, type Codec, type Deflater } from "./zip";

/** Big enough that every usual part is one piece; small enough to cost nothing beside a big sheet's cells. */
export const SEGMENT = 16 * 1024 * 1024;
/** Texts are gathered up to this many characters before they are encoded (one call per row would cost more). */
const BATCH = 64 * 1024;

export interface WrittenPart {
  /** The raw deflate stream, in pieces. */
  readonly compressed: Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

const encoder = new TextEncoder();

export class PartWriter {
  private buffer: Uint8Array | null = null;
  private at = 0;
  /** Texts not encoded yet, appended with += (cheaper than an array joined: measured on sheet rows). */
  private batch = "";
  private deflater: Deflater | null = null;
  private readonly compressed: Uint8Array[] = [];
  private crc = 0;
  private size = 0;

  constructor(
    private readonly codec: Codec,
    private readonly segment = SEGMENT,
  ) {}

  write(text: string): void {
    this.batch += text;
    if (this.batch.length >= BATCH) this.encodeBatch();
  }

  finish(): WrittenPart {
    this.encodeBatch();
    const data = this.pending();
    if (this.deflater === null) this.compressed.push(this.codec.deflate(data));
    else this.compressed.push(...this.deflater.push(data, true));
    this.count(data);
    this.buffer = null;
    return { compressed: this.compressed, crc: this.crc, size: this.size };
  }

  private encodeBatch(): void {
    if (this.batch.length === 0) return;
    let text = this.batch;
    this.batch = "";
    for (;;) {
      this.buffer ??= new Uint8Array(this.segment);
      // encodeInto never splits a character: what does not fit goes into the next piece.
      const { read, written } = encoder.encodeInto(text, this.buffer.subarray(this.at));
      this.at += written;
      if (read === text.length) return;
      text = text.slice(read);
      this.flushSegment();
    }
  }

  private pending(): Uint8Array {
    return this.buffer === null ? new Uint8Array(0) : this.buffer.subarray(0, this.at);
  }

  /** A full buffer goes to the streaming deflater (which copies what it keeps), and the buffer is reused. */
  private flushSegment(): void {
    const data = this.pending();
    this.deflater ??= this.codec.deflater?.() ?? fflateDeflater();
    this.compressed.push(...this.deflater.push(data, false));
    this.count(data);
    this.at = 0;
  }

  private count(data: Uint8Array): void {
    this.crc = this.codec.crc32(data, this.crc);
    this.size += data.length;
  }
}
