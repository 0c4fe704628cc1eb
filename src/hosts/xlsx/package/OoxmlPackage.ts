/**
 * An OOXML package held as its zip entries: parts are inflated only when read, and only the parts Scorecard
 * changes are written anew; every other part is copied as the compressed bytes it came with.
 */
import { CONTENT_TYPES_PART, withOverride, withoutOverride } from "./contentTypes";
import { DEFAULT_LIMITS, PackageError, type SizeLimits } from "./limits";
import {
  addRelationship,
  parseRelationships,
  removeRelationship,
  relKind,
  relsPartOf,
  resolveTarget,
  type Relationship,
} from "./opc";
import { PartWriter } from "./partWriter";
import {
  checkDeclaredSizes,
  DOS_EPOCH_DATE,
  FFLATE_CODEC,
  inflateEntry,
  readZip,
  writeZip,
  type Codec,
  type ZipEntry,
  type ZipItem,
} from "./zip";
import { concatBytes } from "./bytes";

const utf8 = new TextDecoder("utf-8");
/** A codec that inflates whole still feeds the streaming reader in pieces of this size (under V8's 128 KB large
 * objects once decoded, see zip.ts CHUNK). */
const STREAM_CHUNK = 64 * 1024;
/**
 * Parts bigger than this are streamed with fflate's inflate even when the codec is faster whole: a big sheet then
 * never sits in memory inflated (a 1,048,576-row sheet is ~230 MB of XML), for about 7 ms of CPU per megabyte.
 */
const WHOLE_INFLATE_LIMIT = 64 * 1024 * 1024;
const encoder = new TextEncoder();

/** Bytes inflated whole, handed on in STREAM_CHUNK pieces. */
function chunks(whole: Uint8Array, sink: (chunk: Uint8Array) => void): void {
  for (let i = 0; i < whole.length; i += STREAM_CHUNK) sink(whole.subarray(i, i + STREAM_CHUNK));
}

export class OoxmlPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Part name (lower case) -> the name as stored, in the package's order; new parts at the end. */
  private readonly order = new Map<string, string>();
  private readonly changed = new Map<string, string>();
  private readonly texts = new Map<string, string>();

  private constructor(
    entries: readonly ZipEntry[],
    private readonly codec: Codec,
  ) {
    for (const entry of entries) {
      const key = entry.name.toLowerCase();
      if (entry.name.endsWith("/")) continue;
      this.entries.set(key, entry);
      this.order.set(key, entry.name);
    }
  }

  /** Reads the zip's directory and checks the declared sizes; nothing is inflated yet. */
  static open(data: Uint8Array, limits: SizeLimits = DEFAULT_LIMITS, codec: Codec = FFLATE_CODEC): OoxmlPackage {
    const entries = readZip(data);
    checkDeclaredSizes(entries, limits);
    const pkg = new OoxmlPackage(entries, codec);
    if (!pkg.has(CONTENT_TYPES_PART))
      throw new PackageError("is a zip file but not an Office document (no [Content_Types].xml)");
    return pkg;
  }

  has(part: string): boolean {
    const key = part.toLowerCase();
    return this.changed.has(key) || (this.entries.has(key) && this.order.has(key));
  }

  /** The part as text (UTF-8), or null when the package has no such part. Cached: edited parts are read once. */
  text(part: string): string | null {
    const key = part.toLowerCase();
    const changed = this.changed.get(key);
    if (changed !== undefined) return changed;
    if (!this.order.has(key)) return null;
    const cached = this.texts.get(key);
    if (cached !== undefined) return cached;
    const entry = this.entries.get(key);
    if (!entry) return null;
    const text = decodeXml(this.codec.inflate(entry));
    this.texts.set(key, text);
    return text;
  }

  /** Streams the part's bytes in chunks, without holding it whole (the big sheets). */
  stream(part: string, sink: (chunk: Uint8Array) => void): void {
    const key = part.toLowerCase();
    const changed = this.changed.get(key);
    if (changed !== undefined) return sink(encoder.encode(changed));
    const entry = this.order.has(key) ? this.entries.get(key) : undefined;
    if (!entry) throw new PackageError(`has no part ${part}`);
    if (this.inflatesInPieces(entry)) return inflateEntry(entry, sink);
    chunks(this.codec.inflate(entry), sink);
  }

  /** Streams the part as UTF-8 bytes, in pieces (a UTF-16 part, rare and small, is decoded whole and re-encoded). */
  streamUtf8(part: string, sink: (chunk: Uint8Array) => void): void {
    this.utf8Of(part, (bytes) => this.stream(part, bytes), sink);
  }

  /**
   * The part's UTF-8 bytes as a source to stream more than once (the splice reads a sheet twice): a part the codec
   * inflates whole anyway is inflated once for every reading (held while the source is); one inflated in pieces is
   * inflated anew each time, so it is never held whole.
   */
  utf8Source(part: string): (sink: (chunk: Uint8Array) => void) => void {
    const key = part.toLowerCase();
    const entry = !this.changed.has(key) && this.order.has(key) ? this.entries.get(key) : undefined;
    if (!entry || this.inflatesInPieces(entry)) return (sink) => this.streamUtf8(part, sink);
    let whole: Uint8Array | null = null;
    return (sink) => this.utf8Of(part, (bytes) => chunks((whole ??= this.codec.inflate(entry)), bytes), sink);
  }

  private inflatesInPieces(entry: ZipEntry): boolean {
    return this.codec === FFLATE_CODEC || entry.size > WHOLE_INFLATE_LIMIT;
  }

  private utf8Of(part: string, source: (sink: (chunk: Uint8Array) => void) => void, sink: (chunk: Uint8Array) => void) {
    let utf16: boolean | null = null;
    source((chunk) => {
      if (chunk.length === 0) return;
      utf16 ??= (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      if (!utf16) sink(chunk);
    });
    if (utf16) sink(encoder.encode(this.text(part) ?? ""));
  }

  /**
   * Writes a part as a stream of text (`produce` calls `write` piece by piece), compressed as it comes: the part is
   * held only compressed. Read back like any part.
   */
  writePart(part: string, produce: (write: (text: string) => void) => void): void {
    const writer = new PartWriter(this.codec);
    produce((text) => writer.write(text));
    const { compressed, crc, size } = writer.finish();
    const key = part.toLowerCase();
    const raw = compressed.length === 1 ? compressed[0] : concatBytes(compressed);
    // A new entry in place of the old: saved as copied bytes, with the stamp every new part gets.
    this.entries.set(key, {
      name: this.order.get(key) ?? part,
      method: 8,
      crc,
      compressedSize: raw.length,
      size,
      time: 0,
      date: DOS_EPOCH_DATE,
      raw,
    });
    if (!this.order.has(key)) this.order.set(key, part);
    this.changed.delete(key);
    this.texts.delete(key);
  }

  /** Drops the cached text of a part that will not be read again (keeps memory flat over many sheets). */
  forget(part: string): void {
    this.texts.delete(part.toLowerCase());
  }

  setText(part: string, text: string): void {
    const key = part.toLowerCase();
    if (!this.order.has(key)) this.order.set(key, part);
    this.changed.set(key, text);
    this.texts.delete(key);
  }

  remove(part: string): void {
    const key = part.toLowerCase();
    this.order.delete(key);
    this.changed.delete(key);
    this.texts.delete(key);
  }

  /** A part name not used yet: "xl/worksheets/sheet" + n + ".xml". */
  freePartName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  relationships(part: string): Relationship[] {
    const xml = this.text(relsPartOf(part));
    return xml === null ? [] : parseRelationships(xml);
  }

  /** Parts `part` points to with relationships of this kind ("worksheet", "table"…), resolved. */
  related(part: string, kind: string): { rel: Relationship; part: string }[] {
    return this.relationships(part)
      .filter((rel) => !rel.external && relKind(rel.type) === kind)
      .map((rel) => ({ rel, part: resolveTarget(part, rel.target) }));
  }

  addRelationship(source: string, type: string, target: string): string {
    const rels = relsPartOf(source);
    const { xml, id } = addRelationship(this.text(rels), type, target);
    this.setText(rels, xml);
    return id;
  }

  removeRelationship(source: string, id: string): void {
    const rels = relsPartOf(source);
    const xml = this.text(rels);
    if (xml !== null) this.setText(rels, removeRelationship(xml, id));
  }

  setContentType(part: string, type: string): void {
    this.setText(CONTENT_TYPES_PART, withOverride(this.text(CONTENT_TYPES_PART) ?? "", part, type));
  }

  removeContentType(part: string): void {
    this.setText(CONTENT_TYPES_PART, withoutOverride(this.text(CONTENT_TYPES_PART) ?? "", part));
  }

  /** The package as zip bytes: changed parts deflated, the rest copied compressed. */
  save(): Uint8Array {
    const items: ZipItem[] = [];
    for (const [key, name] of this.order) {
      const changed = this.changed.get(key);
      if (changed !== undefined) items.push({ name, data: encoder.encode(changed) });
      else {
        const entry = this.entries.get(key);
        if (entry) items.push({ copy: entry });
      }
    }
    return writeZip(items, this.codec);
  }
}

/** XML parts are UTF-8 or UTF-16 (with a byte order mark); Excel writes UTF-8. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return utf8.decode(bytes);
}
