/** Counting a rendered page's pixels by colour: what the render tests read a chart by. */
import { readFileSync } from "node:fs";
import { PNG } from "pngjs";

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * Pixels of each colour that lie in solid blocks (at least `side` × `side` of the one colour): chart bars, not text
 * in that colour, whose strokes are a pixel or two wide.
 */
export function solidPixels(file: string, colours: Record<string, string>, side = 6): Record<string, number> {
  const { data, width, height } = PNG.sync.read(readFileSync(file));
  const targets = Object.entries(colours).map(([name, hex]) => [name, rgb(hex)] as const);
  const at = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return targets.findIndex(
      ([, [r, g, b]]) => Math.abs(data[i] - r) <= 6 && Math.abs(data[i + 1] - g) <= 6 && Math.abs(data[i + 2] - b) <= 6,
    );
  };
  const colourOf = new Int8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) colourOf[y * width + x] = at(x, y);
  const counts: Record<string, number> = Object.fromEntries(targets.map(([name]) => [name, 0]));
  for (let y = 0; y + side <= height; y += side) {
    for (let x = 0; x + side <= width; x += side) {
      const c = colourOf[y * width + x];
      if (c < 0) continue;
      let solid = true;
      for (let dy = 0; dy < side && solid; dy++)
        for (let dx = 0; dx < side && solid; dx++) solid = colourOf[(y + dy) * width + x + dx] === c;
      if (solid) counts[targets[c][0]] += side * side;
    }
  }
  return counts;
}
