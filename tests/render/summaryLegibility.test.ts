/**
 * The summary of a big directorate as a committee prints it (new-user finding N2): 1,200 measures, LibreOffice
 * renders the scored workbook to PDF, and the summary's words must be of a readable size (the page fitted to the
 * table, not to a sentence listing 400 codes in one cell: that printed at 0.65 pt, a grey texture) with every Red code
 * in the page text. Skipped, with a warning, only where LibreOffice is not installed; under CI=true a missing tool
 * fails. The PDF stays in tests/.tmp/render-legibility/ to look at.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { Workbook } from "exceljs";
import { run } from "../../src/cli/main";
import { INSTALL_COMMAND, shouldRun, toolSuites } from "../support/externalTools";

const OUT = path.resolve(__dirname, "../.tmp/render-legibility");
const MEASURES = 1_200;

const missing = toolSuites()[1].missing;
const canRender = shouldRun(missing);
if (!canRender) {
  console.warn(`Rendering test SKIPPED: ${missing.join(", ")} not installed here. Install with: ${INSTALL_COMMAND}`);
}

function tool(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status ?? result.signal}): ${result.stderr}`);
  return result.stdout;
}

const code = (i: number): string => `CP${String(i + 1).padStart(4, "0")}`;

(canRender ? describe : describe.skip)(`the summary of ${MEASURES} measures, printed by LibreOffice`, () => {
  /** Per summary page, its words' box heights (points) and its text. */
  let pages: { heights: number[]; text: string }[] = [];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("People");
    sheet.addRow(["Code", "Measure", "Period", "Value", "Target", "Aim"]);
    // A third each Green, Amber and Red: three lists of 400 codes.
    for (let i = 0; i < MEASURES; i++) {
      sheet.addRow([code(i), `Council plan measure ${i + 1}`, "Q2 2025/26", [60, 48, 30][i % 3], 50, "Maximise"]);
    }
    const input = path.join(OUT, "big.xlsx");
    await workbook.xlsx.writeFile(input);
    const scored = path.join(OUT, "big.scored.xlsx");
    const quiet = { out: () => undefined, err: () => undefined, progress: () => null };
    expect(await run(["apply", input, "-o", scored], quiet)).toBe(0);
    const profile = `-env:UserInstallation=file://${path.join(OUT, "profile").replace(/\\/g, "/")}`;
    tool("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", OUT, scored]);
    const pdf = path.join(OUT, "big.scored.pdf");
    // One bbox listing of every page: <page> elements, each with its <word yMin= … yMax= …> boxes.
    const bbox = tool("pdftotext", ["-bbox", pdf, "-"]);
    pages = bbox
      .split("<page ")
      .slice(1)
      .map((page) => {
        const words = [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)];
        return {
          heights: words.map((w) => Number(w[2]) - Number(w[1])),
          text: words.map((w) => w[3]).join(" "),
        };
      })
      .filter((p) => p.text.startsWith("Scorecard summary"));
  }, 300_000);

  it("prints its words at a readable size on every summary page (LibreOffice draws 11 pt at 100% as ~13 pt boxes)", () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const sizes = pages.map((p) => Math.round(median(p.heights) * 10) / 10);
    // Fitted to the table's columns A:I (about 65-75%), never to a sentence of 400 codes (0.65 pt before N2's fix).
    expect(sizes.filter((s) => s < 7)).toEqual([]);
  });

  it("every Red code is in the printed text, in the sentences and the counts", () => {
    const text = pages.map((p) => p.text).join(" ");
    const red = Array.from({ length: MEASURES }, (_, i) => i)
      .filter((i) => i % 3 === 2)
      .map(code);
    expect(red.filter((c) => !text.includes(c))).toEqual([]);
    expect(text).toContain("400 measures are significantly below target (red)");
  });
});
