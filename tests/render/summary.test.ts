/**
 * The summary sheet as a committee prints it: LibreOffice renders the scored sample's summary to PDF and the pages
 * must be A4 landscape with the footer, and the RAG chart must be drawn, its bars in the status colours (counted in
 * the pixels). Skipped, with a warning, only where LibreOffice is not installed; under CI=true a missing tool fails.
 * The pages stay in tests/.tmp/render-summary/ to look at.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { run } from "../../src/cli/main";
import { DEFAULT_SETTINGS } from "../../src/workbook";
import { INSTALL_COMMAND, shouldRun, toolSuites } from "../support/externalTools";
import { solidPixels } from "./pixels";

const OUT = path.resolve(__dirname, "../.tmp/render-summary");
const DPI = 100;

const missing = toolSuites()[1].missing;
// On CI (.ci/run installs LibreOffice and poppler) a missing tool is a failure, never a silent skip.
const canRender = shouldRun(missing);
if (!canRender) {
  console.warn(`Rendering test SKIPPED: ${missing.join(", ")} not installed here. Install with: ${INSTALL_COMMAND}`);
}

function tool(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status ?? result.signal}): ${result.stderr}`);
  return result.stdout;
}

(canRender ? describe : describe.skip)("the summary sheet, printed by LibreOffice", () => {
  let pageCount = 0;
  let summaryPages: number[] = [];
  let text: string[] = [];
  let sizes: string[] = [];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const sample = path.join(OUT, "sample.xlsx");
    const scored = path.join(OUT, "committee.xlsx");
    const quiet = { out: () => undefined, err: () => undefined, progress: () => null };
    expect(await run(["sample", "-o", sample], quiet)).toBe(0);
    expect(await run(["apply", sample, "-o", scored], quiet)).toBe(0);
    const profile = `-env:UserInstallation=file://${path.join(OUT, "profile").replace(/\\/g, "/")}`;
    tool("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", OUT, scored]);
    const pdf = path.join(OUT, "committee.pdf");
    pageCount = Number(/Pages:\s+(\d+)/.exec(tool("pdfinfo", [pdf]))?.[1] ?? 0);
    text = Array.from({ length: pageCount }, (_, i) =>
      tool("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"]),
    );
    sizes = Array.from(
      { length: pageCount },
      (_, i) =>
        /Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/.exec(
          tool("pdfinfo", ["-f", String(i + 1), "-l", String(i + 1), pdf]),
        )?.[1] ?? "",
    );
    summaryPages = text.flatMap((t, i) => (t.includes("Scorecard summary") ? [i] : []));
    tool("pdftoppm", [
      "-png",
      "-r",
      String(DPI),
      "-f",
      String(summaryPages[0] + 1),
      "-l",
      String(summaryPages[0] + 1),
      pdf,
      path.join(OUT, "summary"),
    ]);
  }, 240_000);

  it("prints on A4 landscape pages, title rows repeated, a footer with the workbook and page numbers", () => {
    expect(summaryPages.length).toBeGreaterThanOrEqual(2);
    for (const i of summaryPages) {
      const [w, h] = sizes[i].split(" x ").map(Number);
      expect([Math.round(w), Math.round(h)]).toEqual([842, 595]); // A4 landscape, in points
      expect(text[i]).toContain("Scorecard summary"); // the repeated title row
      expect(text[i]).toMatch(/Page \d+ of \d+/);
      expect(text[i]).toContain("committee");
    }
    expect(text[summaryPages[0]]).toContain("Period");
    expect(text[summaryPages[0]]).toContain("RAG counts by directorate");
  });

  it("draws the RAG chart: solid bars in each status's colour, Green the longest", () => {
    const png = readdirSync(OUT).find((f) => /^summary-\d+\.png$/.test(f));
    expect(png).toBeDefined();
    const { colours } = DEFAULT_SETTINGS;
    const bars = { Green: colours.Green.font, Amber: colours.Amber.font, Red: colours.Red.font, NA: colours.NA.font };
    const counts = solidPixels(path.join(OUT, png as string), bars);
    console.log(`chart bar pixels on the summary's first page at ${DPI} dpi: ${JSON.stringify(counts)}`);
    // The sample: Green 6+7+8, Amber 3+3+4, Red 5+0+5, NA 5+1+1 measures, stacked per directorate.
    expect(counts.Green).toBeGreaterThan(2_000);
    expect(counts.Amber).toBeGreaterThan(1_000);
    expect(counts.Red).toBeGreaterThan(1_000);
    expect(counts.NA).toBeGreaterThan(500);
    // Green bars are the longest: 21 measures against Amber's 10 and Red's 10.
    expect(counts.Green).toBeGreaterThan(counts.Amber);
  });
});
