/**
 * The SPC chart tab in real Chromium, on the demo's sample workbook: pick a measure, see its chart drawn with as many
 * points and marks as the engine finds, at the pane's narrow width and in each theme; the screenshots in
 * docs/screenshots show it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { XlsxWorkbook } from "../../src/hosts/xlsx";
import { formatFigure } from "../../src/taskpane/components/spcChartGeometry";
import { sampleWorkbookBytes } from "../../src/sample/sampleBytes";
import { listSpcMeasures, readSpcChart } from "../../src/workbook/operations/spcChart";
import type { SpcChartData } from "../../src/workbook/spcChart";
import { chooseSpcMeasure, demoPages, describeInChromium, differingPixels } from "./harness";

const SCREENSHOTS = resolve(__dirname, "../../docs/screenshots");
const pages = demoPages();

/** The sample's chart of one measure as the engine computes it, to hold the page to. */
async function engineChart(code: string): Promise<SpcChartData> {
  const port = XlsxWorkbook.open(sampleWorkbookBytes());
  const measure = (await listSpcMeasures(port)).find((m) => m.code === code);
  if (!measure) throw new Error(`the sample has no measure ${code}`);
  const result = await readSpcChart(port, measure.key);
  if (!result.ok) throw new Error(result.problem);
  return result.chart;
}

describeInChromium("SPC chart tab", () => {
  it("lists the sample's measures with a history, greying the short ones", async () => {
    const page = await pages.open();
    await page.getByRole("tab", { name: "SPC chart" }).click();
    await page.getByRole("combobox", { name: "Measure" }).click();
    const group = page.getByRole("group", { name: "Adult Social Care" });
    const asc04 = group.getByRole("option", { name: /^ASC04 / });
    expect(await asc04.getAttribute("aria-disabled")).toBe("true");
    expect(await asc04.textContent()).toContain("10 figures: SPC needs 12");
    expect(await group.getByRole("option", { name: /^ASC01 / }).getAttribute("aria-disabled")).not.toBe("true");
  });

  it("draws the chosen measure with every point and every special-cause mark the engine finds", async () => {
    const expected = await engineChart("ASC01");
    const marked = expected.points.filter((p) => p.mark !== null);
    expect(marked.length).toBeGreaterThan(0); // the sample's ASC01 has special causes: the marks are under test
    const page = await pages.open();
    await chooseSpcMeasure(page, "asc01", /^ASC01 /);
    const svg = page.getByRole("img", { name: /^SPC chart of ASC01 / });
    expect(await svg.locator("[data-point]").count()).toBe(expected.points.length);
    for (const mark of ["improvement", "concern", "neutral"] as const) {
      expect(await svg.locator(`[data-mark="${mark}"]`).count()).toBe(marked.filter((p) => p.mark === mark).length);
    }
    const name = (await svg.getAttribute("aria-label")) ?? "";
    expect(name).toContain(`${expected.points.length} points from ${expected.points[0].period}`);
    expect(name).toContain(`Variation: ${expected.variation}. Assurance: ${expected.assurance}.`);
    // The sample keeps ASC01 as fractions formatted 0.0%: the chart reads them as percentages.
    expect(name).toContain(`Mean ${formatFigure(expected.mean, true)},`);
    expect(formatFigure(expected.mean, true)).toMatch(/^7\d(\.\d)?%$/);
    expect(await svg.getByText("80%").count()).toBe(1);
    expect(await page.getByText(`Variation: ${expected.variation}`).isVisible()).toBe(true);
    expect(await page.getByText(`Assurance: ${expected.assurance}`).isVisible()).toBe(true);
  });

  it("fits a 350 px pane, in the dark and high-contrast themes too", async () => {
    for (const theme of ["light", "dark", "contrast"]) {
      const page = await pages.open({ query: `?theme=${theme}`, width: 350, height: 900 });
      await chooseSpcMeasure(page, "asc09", /^ASC09 /);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
      const box = await page.getByRole("img", { name: /^SPC chart of / }).boundingBox();
      expect(box?.width).toBeGreaterThan(250);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(350);
      // The marks stand out from the pane's background in every theme.
      const colours = await page.evaluate(() => ({
        background: getComputedStyle(document.querySelector("main") as Element).backgroundColor,
        marks: [...document.querySelectorAll("[data-mark]")].map((el) => getComputedStyle(el).fill),
      }));
      for (const fill of colours.marks) expect(fill).not.toBe(colours.background);
    }
  });
});

/** The parts of a downloaded .xlsx, as text, by path. */
function partsOf(bytes: Buffer): Map<string, string> {
  const files = unzipSync(new Uint8Array(bytes));
  return new Map(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

describeInChromium("SPC chart in the downloaded workbook", () => {
  it("adds the chart on Scorecard's own sheet, shows that sheet, and the scored copy holds the line chart", async () => {
    const page = await pages.open();
    await chooseSpcMeasure(page, "asc01", /^ASC01 /);
    await page.getByRole("button", { name: "Add chart to workbook" }).click();
    const outcome = page.getByTestId("outcome");
    await outcome.getByText("SPC chart added").waitFor({ timeout: 30_000 });
    expect(await outcome.textContent()).toContain('is on the sheet "Scorecard SPC"');
    // The preview turns to the new sheet, which is listed with the workbook's sheets.
    const sheetTab = page.getByRole("tablist", { name: "Workbook sheets" }).getByRole("tab", { name: "Scorecard SPC" });
    expect(await sheetTab.getAttribute("aria-selected")).toBe("true");
    // Where the chart sits, the preview says so instead of showing blank cells.
    expect(await page.locator("td[data-chart]").textContent()).toMatch(
      /^Chart: ASC01 .*: Common cause, assurance Fail — drawn in the downloaded file$/,
    );

    // Adding it again redraws the same sheet: no second sheet, no second chart.
    await page.getByRole("button", { name: "Dismiss" }).click();
    await page.getByRole("button", { name: "Add chart to workbook" }).click();
    await outcome.getByText("SPC chart added").waitFor({ timeout: 30_000 });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download scored copy" }).click(),
    ]);
    const parts = partsOf(readFileSync(await download.path()));
    const workbook = parts.get("xl/workbook.xml") ?? "";
    expect(workbook.match(/name="Scorecard SPC[^"]*"/g)).toEqual(['name="Scorecard SPC"']);
    const lineCharts = [...parts].filter(
      ([path, xml]) => /^xl\/charts\/chart\d+\.xml$/.test(path) && xml.includes("<c:lineChart>"),
    );
    expect(lineCharts).toHaveLength(1);
    const [, chartXml] = lineCharts[0];
    const expected = await engineChart("ASC01");
    expect(chartXml).toContain("ASC01");
    // The values' series has a point per figure.
    expect(chartXml).toContain(`<c:ptCount val="${expected.points.length}"/>`);
  });
});

describeInChromium("SPC chart screenshots (docs/screenshots)", () => {
  const NOISE_PIXELS = 200;
  const shot = async (page: Page, name: string) => {
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
    const image = await page.screenshot();
    const file = join(SCREENSHOTS, `${name}.png`);
    if (!existsSync(file) || (await differingPixels(pages.browser, readFileSync(file), image)) > NOISE_PIXELS) {
      writeFileSync(file, image);
    }
  };

  it("the chart in a 350 px pane, light and dark", async () => {
    for (const theme of ["light", "dark"]) {
      const page = await pages.open({ query: `?theme=${theme}`, width: 350, height: 900 });
      await chooseSpcMeasure(page, "asc01", /^ASC01 /);
      await page.getByTestId("spc-chart").evaluate((el) => el.scrollIntoView({ block: "end" }));
      await shot(page, `pane-350-spc-${theme}`);
    }
  });

  it("after Add chart to workbook: the demo shows Scorecard's SPC sheet beside the pane", async () => {
    const page = await pages.open({ width: 1440, height: 760 });
    await chooseSpcMeasure(page, "asc01", /^ASC01 /);
    await page.getByRole("button", { name: "Add chart to workbook" }).click();
    await page.getByTestId("outcome").getByText("SPC chart added").waitFor({ timeout: 30_000 });
    await shot(page, "demo-spc-added");
  });
});
