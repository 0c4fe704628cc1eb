/**
 * How the pane looks and who can use it: axe-core on the live page in each theme and state, the narrow
 * pane width, the first-paint bundle, and the screenshots kept in docs/screenshots (look at them after a change).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import {
  applyAll,
  chooseSpcMeasure,
  describeInChromium,
  differingPixels,
  DIST,
  generateSummary,
  demoPages,
  waitForPane,
} from "./harness";

const AXE = require.resolve("axe-core/axe.min.js");
const SCREENSHOTS = resolve(__dirname, "../../docs/screenshots");

const pages = demoPages();
const demo = pages.open;

beforeAll(() => mkdirSync(SCREENSHOTS, { recursive: true }));

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** No operation running and no transition under way (colours half-way through a fade fail contrast checks). */
async function settle(page: Page): Promise<void> {
  await page.locator('main[aria-busy="false"]').waitFor();
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

/** Every axe-core violation, of any impact, on the page once it has settled, one readable line each. */
async function violations(page: Page): Promise<string[]> {
  await settle(page);
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: object, opts: object) => Promise<{ violations: Violation[] }> } }
    ).axe;
    // The whole page, nothing excluded: the pane keeps out Fluent's TabList and Dialog, whose tabster focus
    // sentinels (<i tabindex=0 aria-hidden>) axe reports as aria-hidden-focus (microsoft/tabster#288).
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  });
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function openAllHelp(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "Help" }).click();
  for (const name of [/What the trends mean/, /Worksheet functions/, /The summary sheet/]) {
    await page.getByRole("button", { name }).click();
  }
}

describeInChromium("accessibility (axe-core)", () => {
  for (const theme of ["light", "dark", "contrast"] as const) {
    it(`has no violations of any impact in the ${theme} theme, before and after applying, in settings, help, the SPC chart and the summary`, async () => {
      const page = await demo({ query: `?theme=${theme}` });
      expect(await page.locator("[data-theme]").getAttribute("data-theme")).toBe(theme);
      expect(await violations(page)).toEqual([]);
      await applyAll(page);
      expect(await violations(page)).toEqual([]);
      await page.getByRole("tab", { name: "Settings" }).click();
      expect(await violations(page)).toEqual([]);
      await page.getByRole("button", { name: "Reset to defaults…" }).click();
      expect(await violations(page)).toEqual([]);
      await page.getByRole("button", { name: "Cancel" }).click();
      await openAllHelp(page);
      expect(await violations(page)).toEqual([]);
      await chooseSpcMeasure(page, "asc01", /^ASC01 /);
      await page.getByText("The figures").click();
      expect(await violations(page)).toEqual([]);
      await page.getByRole("tab", { name: "Sheets" }).click();
      await generateSummary(page);
      expect(await violations(page)).toEqual([]);
    });
  }

  it("follows the system: dark colour scheme, and forced colours (Windows high contrast)", async () => {
    const page = await demo({ colorScheme: "dark" });
    expect(await page.locator("[data-theme]").getAttribute("data-theme")).toBe("dark");
    await page.emulateMedia({ forcedColors: "active" });
    await page.reload();
    await waitForPane(page);
    expect(await page.locator("[data-theme]").getAttribute("data-theme")).toBe("contrast");
  });
});

describeInChromium("narrow pane (320 px)", () => {
  it("keeps every control inside the width, with no sideways scrolling", async () => {
    const page = await demo({ width: 320, height: 900 });
    await applyAll(page);
    for (const tab of ["Sheets", "SPC chart", "Settings", "Help"]) {
      await page.getByRole("tab", { name: tab }).click();
      if (tab === "Help") await openAllHelp(page);
      if (tab === "SPC chart") await chooseSpcMeasure(page, "asc01", /^ASC01 /);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const outside = await page.evaluate(() =>
        [...document.querySelectorAll("main button, main input, main [role=tab], main li, main p, main svg")]
          .filter((el) => el.getBoundingClientRect().right > 320.5)
          .map((el) => `${el.tagName} ${(el.textContent ?? "").slice(0, 40)}`),
      );
      expect(outside).toEqual([]);
    }
  });
});

describeInChromium("bundle", () => {
  it("keeps ExcelJS and the demo out of the first paint", () => {
    const html = readFileSync(join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="?([^" >]+)"?/g)].map((m) => m[1]);
    const ours = scripts.filter((src) => !src.startsWith("office-js/"));
    expect(ours).toContain("taskpane.js");
    expect(ours.filter((src) => /exceljs|demo/.test(src))).toEqual([]);
    // A class name only ExcelJS's code has: none of the first-paint scripts carries it.
    for (const src of ours) expect(readFileSync(join(DIST, src), "utf8")).not.toContain("WorkbookWriter");
    const firstPaint = ours.reduce((n, src) => n + statSync(join(DIST, src)).size, 0);
    expect(firstPaint).toBeLessThan(900_000);
  });

  it("holds no request outside this origin even after Office.js's telemetry timer (3 s)", async () => {
    const page = await demo();
    await page.waitForTimeout(4_000);
    // afterEach asserts that nothing left 127.0.0.1.
    expect(await page.getByRole("heading", { name: "Workbook: sample.xlsx" }).isVisible()).toBe(true);
  });
});

describeInChromium("screenshots (docs/screenshots)", () => {
  /** Rendering differs by a few anti-aliased pixels from run to run: keep the committed file unless the picture changed. */
  const NOISE_PIXELS = 200;
  const shot = async (page: Page, name: string) => {
    await page.mouse.move(0, 0); // no hover colour on the button last clicked
    await settle(page);
    const image = await page.screenshot();
    const file = join(SCREENSHOTS, `${name}.png`);
    if (!existsSync(file) || (await differingPixels(pages.browser, readFileSync(file), image)) > NOISE_PIXELS) {
      writeFileSync(file, image);
    }
  };

  it("light and dark: pane and preview after applying the rules", async () => {
    for (const theme of ["light", "dark"]) {
      const page = await demo({ query: `?theme=${theme}`, width: 1440, height: 760 });
      await applyAll(page);
      await shot(page, `demo-${theme}`);
    }
  });

  it("the summary sheet: period, key, counts and the table of measures", async () => {
    const page = await demo({ width: 1440, height: 760 });
    await generateSummary(page);
    await shot(page, "summary-light");
    const preview = page.getByRole("region", { name: /^Preview of sheet/ });
    await preview.evaluate((el) => {
      const table = [...el.querySelectorAll("td")].find((td) => td.textContent === "Measure");
      el.scrollTop = (table?.getBoundingClientRect().top ?? 0) - el.getBoundingClientRect().top - 200;
    });
    await shot(page, "summary-tables-light");
  });

  it("at 1366×768: the outcome says where the columns went; reset asks first", async () => {
    const page = await demo({ width: 1366, height: 768 });
    await applyAll(page);
    await page
      .getByRole("tablist", { name: "Workbook sheets" })
      .getByRole("tab", { name: "Adult Social Care" })
      .click();
    await page.getByRole("region", { name: /^Preview of sheet/ }).evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await shot(page, "demo-1366-applied");
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Reset to defaults…" }).click();
    await page.getByRole("button", { name: "Cancel" }).scrollIntoViewIfNeeded();
    await shot(page, "demo-1366-reset");
  });

  it("the pane at 320 px: sheets, settings (dark), help (high contrast)", async () => {
    const light = await demo({ width: 320, height: 900 });
    await applyAll(light);
    await shot(light, "pane-320-light");
    const dark = await demo({ query: "?theme=dark", width: 320, height: 900 });
    await dark.getByRole("tab", { name: "Settings" }).click();
    await shot(dark, "pane-320-settings-dark");
    const contrast = await demo({ query: "?theme=contrast", width: 320, height: 900 });
    await contrast.getByRole("tab", { name: "Help" }).click();
    await shot(contrast, "pane-320-help-contrast");
  });
});
