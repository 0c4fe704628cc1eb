/**
 * The scored sample as a person sees it: LibreOffice renders out/sample.scored.xlsx to PDF, poppler turns the pages
 * into PNGs, and the status fills must be there in the pixels (and the status words in the text). Skipped, with a
 * warning, only where LibreOffice is not installed; CI installs it (.ci/run: libreoffice-calc-nogui, poppler-utils).
 * The pages stay in tests/.tmp/render/ to look at.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { run } from "../../src/cli/main";
import { DEFAULT_SETTINGS } from "../../src/workbook";
import { INSTALL_COMMAND, shouldRun, toolSuites } from "../support/externalTools";

const OUT = path.resolve(__dirname, "../.tmp/render");

const missing = toolSuites()[1].missing;
// On CI (.ci/run installs LibreOffice and poppler) a missing tool is a failure, never a silent skip.
const canRender = shouldRun(missing);
if (!canRender) {
  console.warn(`Rendering test SKIPPED: ${missing.join(", ")} not installed here. Install with: ${INSTALL_COMMAND}`);
}

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** A fill, not the grey edge of anti-aliased text: at least this many matching pixels side by side. */
const MIN_RUN = 8;

const near = (data: Buffer, i: number, [r, g, b]: readonly number[]): boolean =>
  Math.abs(data[i] - r) <= 4 && Math.abs(data[i + 1] - g) <= 4 && Math.abs(data[i + 2] - b) <= 4;

/** Pixels of each fill colour over all pages, counted in horizontal runs of at least MIN_RUN. */
function countColours(pages: readonly string[], colours: Record<string, string>): Record<string, number> {
  const targets = Object.entries(colours).map(([name, hex]) => [name, rgb(hex)] as const);
  const counts: Record<string, number> = Object.fromEntries(targets.map(([name]) => [name, 0]));
  for (const page of pages) {
    const { data, width, height } = PNG.sync.read(readFileSync(page));
    for (let y = 0; y < height; y++) {
      // One pass per row: the colour of the run in progress and its length.
      let current = -1;
      let run = 0;
      for (let x = 0; x <= width; x++) {
        const i = (y * width + x) * 4;
        const paper = data[i] > 250 && data[i + 1] > 250 && data[i + 2] > 250; // most of every page
        const match = x === width || paper ? -1 : targets.findIndex(([, colour]) => near(data, i, colour));
        if (match === current) {
          run++;
          continue;
        }
        if (current >= 0 && run >= MIN_RUN) counts[targets[current][0]] += run;
        current = match;
        run = 1;
      }
    }
  }
  return counts;
}

function tool(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status ?? result.signal}): ${result.stderr}`);
  return result.stdout;
}

(canRender ? describe : describe.skip)("the scored sample, rendered by LibreOffice", () => {
  const { colours } = DEFAULT_SETTINGS;
  const fills = { Green: colours.Green.fill, Amber: colours.Amber.fill, Red: colours.Red.fill, NA: colours.NA.fill };
  let pages: { scored: string[]; plain: string[] };
  let text: string;

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const sample = path.join(OUT, "sample.xlsx");
    const scored = path.join(OUT, "sample.scored.xlsx");
    const quiet = { out: () => undefined, err: () => undefined, progress: () => null };
    expect(await run(["sample", "-o", sample], quiet)).toBe(0);
    expect(await run(["apply", sample, "-o", scored], quiet)).toBe(0);
    // Its own profile folder: never clashes with another LibreOffice running on the machine.
    const profile = `-env:UserInstallation=file://${path.join(OUT, "profile").replace(/\\/g, "/")}`;
    tool("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", OUT, scored, sample]);
    tool("pdftoppm", ["-png", "-r", "60", path.join(OUT, "sample.scored.pdf"), path.join(OUT, "page")]);
    tool("pdftoppm", ["-png", "-r", "60", path.join(OUT, "sample.pdf"), path.join(OUT, "unscored")]);
    const png = (prefix: string) =>
      readdirSync(OUT)
        .filter((f) => new RegExp(`^${prefix}-\\d+\\.png$`).test(f))
        .sort()
        .map((f) => path.join(OUT, f));
    pages = { scored: png("page"), plain: png("unscored") };
    text = tool("pdftotext", ["-layout", path.join(OUT, "sample.scored.pdf"), "-"]);
  }, 240_000);

  it("renders every sheet onto pages", () => {
    expect(pages.scored.length).toBeGreaterThanOrEqual(5);
    for (const title of [
      "Council Priority: People",
      "Adult Social Care Dashboard",
      "Directorate Scorecard",
      "About this workbook",
      "Scorecard summary",
    ]) {
      expect(text).toContain(title);
    }
  });

  it("shows the green, amber, red and grey status fills, which the unscored sample does not have", () => {
    const counts = countColours(pages.scored, fills);
    console.log(`status fill pixels over ${pages.scored.length} pages: ${JSON.stringify(counts)}`);
    // A status cell at 60 dpi is about 40 x 12 pixels; the sample has dozens of each status.
    expect(counts.Green).toBeGreaterThan(20_000);
    expect(counts.Amber).toBeGreaterThan(10_000);
    expect(counts.Red).toBeGreaterThan(10_000);
    expect(counts.NA).toBeGreaterThan(10_000);
    const before = countColours(pages.plain, fills);
    for (const status of Object.keys(fills)) expect({ status, pixels: before[status] }).toEqual({ status, pixels: 0 });
  });

  it("says the status in words too, never by colour alone", () => {
    for (const word of [" Green ", " Amber ", " Red ", " NA ", " IMP ", " DET "]) expect(text).toContain(word);
  });
});
