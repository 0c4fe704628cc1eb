/**
 * Issue 11 in real Chromium: a pane that never surprises. Each test is one point of the issue, checked on the page
 * the analyst sees at a laptop's 1366×768.
 */
import { Workbook } from "exceljs";
import type { Page } from "playwright-core";
import { applyAll, demoPages, describeInChromium, generateSummary } from "./harness";

const { open } = demoPages();
const demo = () => open({ width: 1366, height: 768 });

const preview = (page: Page) => page.getByRole("region", { name: /^Preview of sheet/ });
const showSheet = (page: Page, sheet: string) =>
  page.getByRole("tablist", { name: "Workbook sheets" }).getByRole("tab", { name: sheet }).click();

async function housing(): Promise<Buffer> {
  const book = new Workbook();
  book.addWorksheet("Housing").addRows([
    ["Code", "Measure", "Value", "Target", "Aim"],
    ["H1", "Homes built", 96, 100, "Higher is better"],
    ["H2", "Days to relet", 30, 25, "Lower is better"],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function openHousing(page: Page): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({
    name: "housing.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await housing(),
  });
  await page.getByRole("heading", { name: "Workbook: housing.xlsx" }).waitFor();
}

async function downloaded(page: Page): Promise<{ name: string; book: Workbook }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download scored copy" }).click(),
  ]);
  const book = new Workbook();
  await book.xlsx.readFile(await download.path());
  return { name: download.suggestedFilename(), book };
}

describeInChromium("download scored copy", () => {
  it("scores the workbook first: a file never scored comes down rated, as values, with its summary", async () => {
    const page = await demo();
    await openHousing(page);
    const { name, book } = await downloaded(page);
    expect(name).toBe("housing.scored.xlsx");
    const sheet = book.getWorksheet("Housing");
    expect(sheet?.getCell("F1").value).toBe("Status");
    // Values, not KPI.* formulas: the people who download do not have the add-in.
    expect([sheet?.getCell("F2").value, sheet?.getCell("F3").value]).toEqual(["Amber", "Red"]);
    expect(book.getWorksheet("Scorecard Summary")).toBeDefined();
    await page.getByTestId("outcome").getByText("Scored copy saved as housing.scored.xlsx").waitFor();
    // The pane read the workbook again: its sheet list shows the scored statuses.
    expect(await page.getByText("Other sheets: Scorecard Summary (Scorecard's own summary sheet).").count()).toBe(1);
  });
});

describeInChromium("values in the demo, formulas in Excel", () => {
  it("the demo's settings say values for a workbook without Scorecard settings, and Apply writes values", async () => {
    const page = await demo();
    await page.getByRole("tab", { name: "Settings" }).click();
    expect(await page.getByRole("radio", { name: /^Values/ }).isChecked()).toBe(true);
    await page.getByRole("tab", { name: "Sheets" }).click();
    await applyAll(page);
    const { book } = await downloaded(page);
    const people = book.getWorksheet("People");
    const formulas: string[] = [];
    people?.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
    expect(formulas.filter((f) => f.includes("KPI."))).toEqual([]);
  });
});

describeInChromium("scrolling at 1366×768", () => {
  it("pane and preview scroll separately; the page itself does not", async () => {
    const page = await demo();
    const sizes = await page.evaluate(() => ({
      page: document.scrollingElement?.scrollHeight ?? 0,
      window: innerHeight,
    }));
    expect(sizes.page).toBeLessThanOrEqual(sizes.window);
    const pane = page.locator("main").locator("xpath=..");
    const scrolled = await pane.evaluate((el) => {
      el.scrollTop = 400;
      return el.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(0);
    expect(await preview(page).evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    expect(await preview(page).isVisible()).toBe(true);
  });

  it("the outcome of an action stays in view wherever the pane was scrolled to", async () => {
    const page = await demo();
    const pane = page.locator("main").locator("xpath=..");
    await page.getByRole("tab", { name: "Help" }).click();
    await pane.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await applyAll(page);
    expect(await page.getByTestId("outcome").isVisible()).toBe(true);
    const box = await page.getByTestId("outcome").boundingBox();
    expect(box && box.y >= 0 && box.y + Math.min(box.height, 100) <= 768).toBe(true);
    expect(await page.getByRole("button", { name: "Apply rules to all sheets" }).isVisible()).toBe(true);
  });
});

describeInChromium("after Apply", () => {
  it("says where the columns went, and the preview shows them there", async () => {
    const page = await demo();
    const outcome = await applyAll(page);
    expect(outcome).toContain("Status, Short Trend, Long Trend added in columns S–U of Adult Social Care.");
    await showSheet(page, "Adult Social Care");
    const headers = await page.evaluate(() =>
      ["S", "T", "U"].map((col) =>
        [...document.querySelectorAll<HTMLElement>(`[data-cell^="${col}"]`)]
          .map((c) => c.textContent)
          .find((t) => t && /Status|Trend/.test(t)),
      ),
    );
    expect(headers).toEqual(["Status", "Short Trend", "Long Trend"]);
  });

  it("another sheet starts scrolled to its first column", async () => {
    const page = await demo();
    await preview(page).evaluate((el) => (el.scrollLeft = 400));
    expect(await preview(page).evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await showSheet(page, "Adult Social Care");
    expect(await preview(page).evaluate((el) => el.scrollLeft)).toBe(0);
  });

  it("the sticky row numbers hide the cells scrolled beneath them", async () => {
    const page = await demo();
    await preview(page).evaluate((el) => (el.scrollLeft = 300));
    const covered = await page.evaluate(() => {
      const head = document.querySelector<HTMLElement>('[role="region"] tbody tr:nth-child(6) th');
      if (!head) return "no row header";
      const r = head.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top === head || head.contains(top) ? "row header" : (top?.outerHTML.slice(0, 80) ?? "nothing");
    });
    expect(covered).toBe("row header");
    const opaque = await page
      .locator('[role="region"] tbody th')
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(opaque).not.toMatch(/rgba\(.*, 0\)|transparent/);
  });
});

describeInChromium("settings", () => {
  it("Reset to defaults asks first, and then offers to apply the rules again", async () => {
    const page = await demo();
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Reset to defaults…" }).click();
    const question = page.getByRole("group", { name: "Reset every setting to its default?" });
    await question.getByRole("button", { name: "Cancel" }).click();
    expect(await question.count()).toBe(0);
    await page.getByRole("button", { name: "Reset to defaults…" }).click();
    await question.getByRole("button", { name: "Reset" }).click();
    const outcome = page.getByTestId("outcome");
    await outcome.getByText("Settings reset to their defaults").waitFor();
    await outcome.getByRole("button", { name: "Apply rules again" }).click();
    await page.getByTestId("outcome").getByText("Rules applied").waitFor({ timeout: 30_000 });
  });

  it("colours have a picker beside the hex box", async () => {
    const page = await demo();
    await page.getByRole("tab", { name: "Settings" }).click();
    const picker = page.getByLabel("Green fill colour, picker");
    expect(await picker.getAttribute("type")).toBe("color");
    await picker.fill("#00b050");
    expect(await page.getByRole("textbox", { name: "Green fill colour", exact: true }).inputValue()).toBe("#00B050");
  });

  it("uses the officers' words: direction of travel, polarity, Goldilocks as within a range", async () => {
    const page = await demo();
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("radiogroup", { name: /Direction of travel/ }).waitFor();
    await page.getByRole("tab", { name: "Help" }).click();
    const help = page.getByRole("tabpanel");
    expect(await help.textContent()).toContain("The aim (polarity) says");
    expect(await help.textContent()).toContain("Goldilocks (within a range");
    await page.getByRole("button", { name: /What the trends mean \(direction of travel\)/ }).waitFor();
  });
});

describeInChromium("sheet list and summary preview", () => {
  it("unticked sheet names read like ticked ones, not greyed out", async () => {
    const page = await demo();
    const label = (sheet: string) =>
      page
        .locator(`li[data-sheet="${sheet}"] label`)
        .first()
        .evaluate((el) => getComputedStyle(el).color);
    await page.getByRole("checkbox", { name: "People" }).check();
    expect(await label("Adult Social Care")).toBe(await label("People"));
    expect(await label("Adult Social Care")).toBe(
      await page.getByRole("heading", { name: "Sheets", exact: true }).evaluate((el) => getComputedStyle(el).color),
    );
  });

  it("the summary preview shows the whole summary, to its last row", async () => {
    const page = await demo();
    await generateSummary(page);
    expect(await page.getByText(/The preview shows the first/).count()).toBe(0);
    const texts = await preview(page).locator("td").allTextContents();
    expect(texts).toContain("Data quality");
    expect(texts).toContain("Key");
    expect(texts.some((t) => t.startsWith("Period"))).toBe(true);
  });
});
