// Draws the Scorecard icon (a card with green, amber and red status squares beside text lines) as PNGs in assets/.
// Only Node built-ins: the shapes are drawn in unit coordinates with 4×4 supersampling and written with zlib.
// Run: node scripts/make-icons.mjs
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const SIZES = [16, 32, 64, 80];
const SUPERSAMPLE = 4;

const INK = [50, 49, 48];
const PAPER = [255, 255, 255];
const LINE = [138, 136, 134];
const STATUS = [
  [16, 124, 16], // green
  [234, 163, 0], // amber
  [209, 52, 56], // red
];

/** Shapes in unit coordinates, painted in order; `r` rounds the corners. */
function shapes() {
  const list = [
    { x0: 0.03, y0: 0.03, x1: 0.97, y1: 0.97, r: 0.12, colour: INK },
    { x0: 0.09, y0: 0.09, x1: 0.91, y1: 0.91, r: 0.07, colour: PAPER },
  ];
  const rowTops = [0.15, 0.41, 0.67];
  rowTops.forEach((top, i) => {
    list.push({ x0: 0.15, y0: top, x1: 0.39, y1: top + 0.18, r: 0.03, colour: STATUS[i] });
    list.push({ x0: 0.47, y0: top + 0.05, x1: 0.85, y1: top + 0.13, r: 0.0, colour: LINE });
  });
  return list;
}

function inside(shape, x, y) {
  if (x < shape.x0 || x > shape.x1 || y < shape.y0 || y > shape.y1) return false;
  const cx = Math.min(Math.max(x, shape.x0 + shape.r), shape.x1 - shape.r);
  const cy = Math.min(Math.max(y, shape.y0 + shape.r), shape.y1 - shape.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= shape.r ** 2;
}

/** RGBA pixels: each pixel averages SUPERSAMPLE² samples of the topmost shape (transparent outside the card). */
function render(size) {
  const list = shapes();
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          const top = list.findLast((shape) => inside(shape, x, y));
          if (!top) continue;
          sum[0] += top.colour[0];
          sum[1] += top.colour[1];
          sum[2] += top.colour[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const at = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[at + c] = covered ? Math.round(sum[c] / covered) : 0;
      pixels[at + 3] = Math.round(sum[3] / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0])); // filter: none
    rows.push(rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = join(assets, `icon-${size}.png`);
  writeFileSync(file, png(size, render(size)));
  console.log(`wrote ${file}`);
}
