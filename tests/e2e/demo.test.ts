/**
 * The task pane in real Chromium, as the browser demo on the sample workbook (no Office host):
 * what the analyst sees, clicks and types, checked on the page itself.
 */
import { Workbook } from "exceljs";
import type { Locator, Page } from "playwright-core";
import { applyAll, demoPages, describeInChromium, generateSummary, waitForPane } from "./harness";

const { open: demo } = demoPages();

const RGB = {
  green: "rgb(198, 239, 206)",
  amber: "rgb(255, 235, 156)",
  red: "rgb(255, 199, 206)",
  na: "rgb(217, 217, 217)",
};

function cell(page: Page, address: string): Locator {
  return page.locator(`[data-cell="${address}"]`);
}

async function background(locator: Locator): Promise<string> {
  return locator.evaluate((el) => getComputedStyle(el).backgroundColor);
}

async function sheetItem(page: Page, sheet: string): Promise<Locator> {
  return page.getByRole("list", { name: "Sheets with measure tables" }).locator(`li[data-sheet="${sheet}"]`);
}

/** The settings form is rebuilt when the stored settings change: wait on the page, not on one element. */
async function waitForBand(page: Page, value: string): Promise<void> {
  await page.waitForFunction(
    (v) => document.querySelector<HTMLInputElement>('input[name="band"]')?.value === v,
    value,
    {
      timeout: 10_000,
    },
  );
}

async function showSheet(page: Page, sheet: string): Promise<void> {
  await page.getByRole("tablist", { name: "Workbook sheets" }).getByRole("tab", { name: sheet }).click();
}

describeInChromium("browser demo", () => {
  it("lists the sample's directorate sheets with tables, measure counts and status counts", async () => {
    const page = await demo();
    const expected = [
      ["People", "3 tables (long) · 19 measures", "Green 6Amber 3Red 5NA 5"],
      ["Adult Social Care", "1 table (wide) · 11 measures", "Green 7Amber 3Red 0NA 1"],
      ["Children's Services", "1 table (single) · 18 measures", "Green 8Amber 4Red 5NA 1"],
    ];
    for (const [sheet, details, counts] of expected) {
      const item = await sheetItem(page, sheet);
      await expect(item.getByRole("checkbox", { name: sheet }).isVisible()).resolves.toBe(true);
      expect(await item.textContent()).toContain(details);
      expect(await item.getByRole("list", { name: `Statuses on ${sheet}` }).textContent()).toBe(counts);
    }
    expect(await page.getByText("Other sheets: Notes (no measure table).").isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Data problems (1)" }).isVisible()).toBe(true);
  });

  it("applies the rules and the preview shows the statuses in their colours", async () => {
    const page = await demo();
    expect(await cell(page, "H7").textContent()).toBe("");
    const message = await applyAll(page);
    expect(message).toContain("109 rows rated on 3 sheets.");
    expect(message).toContain("Status, Short Trend, Long Trend added in columns S–U of Adult Social Care.");

    // People (long layout, newest first): PH14 2019/20 has no value, 2018/19 is 24.0% against 21.5% (Minimise).
    expect(await cell(page, "H6").textContent()).toBe("NA");
    expect(await background(cell(page, "H6"))).toBe(RGB.na);
    expect(await cell(page, "H7").textContent()).toBe("Red");
    expect(await background(cell(page, "H7"))).toBe(RGB.red);
    expect(await cell(page, "H7").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(156, 0, 6)");
    expect(await cell(page, "H14").textContent()).toBe("Green");
    expect(await background(cell(page, "H14"))).toBe(RGB.green);
    expect(await cell(page, "I7").textContent()).toBe("DET");

    // Adult Social Care (wide, with floors): ASC01 73% against target 80%, floor 70% -> Amber by the floor rule.
    await showSheet(page, "Adult Social Care");
    expect(await cell(page, "S4").textContent()).toBe("Status");
    expect(await cell(page, "S5").textContent()).toBe("Amber");
    expect(await background(cell(page, "S5"))).toBe(RGB.amber);
    // The user's own cells keep their values and their own fills.
    expect(await cell(page, "R5").textContent()).toBe("73.0%");
    expect(await background(cell(page, "A4"))).toBe("rgb(217, 225, 242)");
  });

  it("generates the summary sheet and shows it with the right counts", async () => {
    const page = await demo();
    expect(await generateSummary(page)).toContain('"Scorecard Summary" summarises 48 measures on 3 sheets.');
    const tab = page.getByRole("tablist", { name: "Workbook sheets" }).getByRole("tab", { name: "Scorecard Summary" });
    expect(await tab.getAttribute("aria-selected")).toBe("true");
    const row = async (n: number) =>
      Promise.all(["A", "B", "C", "D", "E", "F", "G"].map((c) => cell(page, `${c}${n}`).textContent()));
    expect(await row(6)).toEqual(["Sheet", "Green", "Amber", "Red", "NA", "Total", "Reporting"]);
    expect(await row(7)).toEqual(["People", "6", "3", "5", "5", "19", "14"]);
    expect(await row(8)).toEqual(["Adult Social Care", "7", "3", "0", "1", "11", "10"]);
    expect(await row(9)).toEqual(["Children's Services", "8", "4", "5", "1", "18", "17"]);
    expect(await background(cell(page, "D6"))).toBe(RGB.red);
    // The summary counts agree with what the pane lists for each sheet.
    expect(await (await sheetItem(page, "People")).getByRole("list").textContent()).toBe("Green 6Amber 3Red 5NA 5");
  });

  it("selects a problem's cell: switches to its sheet and highlights it", async () => {
    const page = await demo();
    await page
      .getByRole("list", { name: "Data problems" })
      .getByRole("button", { name: /Children's Services!E21/ })
      .click();
    const tab = page
      .getByRole("tablist", { name: "Workbook sheets" })
      .getByRole("tab", { name: "Children's Services" });
    expect(await tab.getAttribute("aria-selected")).toBe("true");
    const selected = page.locator("[data-selected]");
    expect(await selected.getAttribute("data-cell")).toBe("E21");
    expect(await selected.textContent()).toBe("Lower is btter");
    expect(await selected.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
    await expect(selected.isVisible()).resolves.toBe(true);
    expect(
      await page
        .getByRole("region", { name: /Preview of sheet/ })
        .locator("caption")
        .textContent(),
    ).toContain("cell E21 selected");
  });

  it("keeps the settings in the workbook across a reload, and uses them", async () => {
    const page = await demo();
    await page.getByRole("tab", { name: "Settings" }).click();
    const band = page.getByRole("spinbutton", { name: /Amber band/ });
    expect(await band.inputValue()).toBe("5");
    await band.fill("10");
    await page.getByRole("radio", { name: /Arrows/ }).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByTestId("outcome").getByText("Settings saved in the workbook").waitFor();

    await page.reload();
    await waitForPane(page);
    await page.getByRole("tab", { name: "Settings" }).click();
    expect(await page.getByRole("spinbutton", { name: /Amber band/ }).inputValue()).toBe("10");
    expect(await page.getByRole("radio", { name: /Arrows/ }).isChecked()).toBe(true);

    // With a 10% band, PH15 2018/19 (36.2% against 34.0%, 6.5% short) is Amber instead of Red; trends are arrows.
    await page.getByRole("tab", { name: "Sheets" }).click();
    await applyAll(page);
    expect(await cell(page, "H11").textContent()).toBe("Amber");
    expect(await cell(page, "I7").textContent()).toBe("↓");

    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Reset to defaults…" }).click();
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await page.getByTestId("outcome").getByText("Settings reset to their defaults").waitFor();
    await waitForBand(page, "5");
  });

  it("runs the main flow with the keyboard alone, with visible focus", async () => {
    const page = await demo();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const after = getComputedStyle(el, "::after");
        return {
          // Enough of the accessible name for our controls: aria-label, then label elements, then the text.
          text: (
            el.getAttribute("aria-label") ??
            (el as HTMLInputElement).labels?.[0]?.textContent ??
            el.textContent ??
            ""
          ).trim(),
          role: el.getAttribute("role") ?? el.tagName.toLowerCase(),
          // Fluent draws keyboard focus as an outline, a box shadow or an ::after border.
          visible:
            el.hasAttribute("data-fui-focus-visible") &&
            (style.outlineStyle !== "none" || style.boxShadow !== "none" || after.borderStyle !== "none"),
        };
      });
    const tabTo = async (text: string | RegExp) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const now = await focused();
        if (typeof text === "string" ? now.text === text : text.test(now.text)) return now;
      }
      throw new Error(`Tab never reached ${text}`);
    };

    expect((await tabTo("Apply rules to all sheets")).visible).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("outcome").getByText("Rules applied").waitFor({ timeout: 30_000 });
    expect(await cell(page, "H7").textContent()).toBe("Red");
    // Focus stayed on the button while it was busy, so the user carries on from there.
    expect((await focused()).text).toBe("Apply rules to all sheets");

    expect((await tabTo("Generate summary sheet")).visible).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("outcome").getByText("Summary sheet generated").waitFor({ timeout: 30_000 });

    // A problem entry, from the keyboard.
    expect((await tabTo(/Children's Services!E21/)).visible).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.locator("[data-selected]").getAttribute("data-cell")).toBe("E21");

    // The SPC chart: reach the section tabs, move with the arrow keys, search for a measure, pick it, add its chart.
    await page.keyboard.press("Shift+Tab");
    const sheetsTab = await tabTo("Sheets");
    expect(sheetsTab).toMatchObject({ role: "tab", visible: true });
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("tab", { name: "SPC chart" }).getAttribute("aria-selected")).toBe("true");
    expect(await tabTo("Measure")).toMatchObject({ role: "combobox" });
    await page.keyboard.type("asc09");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByRole("img", { name: /^SPC chart of ASC09 / }).waitFor({ timeout: 30_000 });
    // One Tab from the box: the list's chevron is not a tab stop of its own.
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ text: "Add chart to workbook", visible: true });
    await page.keyboard.press("Enter");
    await page.getByTestId("outcome").getByText("SPC chart added").waitFor({ timeout: 30_000 });
    expect((await focused()).text).toBe("Add chart to workbook");

    // Settings: back to the section tabs, change the band and save.
    await page.getByRole("tab", { name: "SPC chart" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("tab", { name: "Settings" }).getAttribute("aria-selected")).toBe("true");
    await tabTo(/Amber band/);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("7.5");
    expect((await tabTo("Save settings")).visible).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByTestId("outcome").getByText("Settings saved in the workbook").waitFor();
    // The form shows what the workbook now holds, read back after the save.
    await waitForBand(page, "7.5");
  });

  it("opens the user's own .xlsx, scores it and downloads the scored copy", async () => {
    const page = await demo();
    const mine = new Workbook();
    const ws = mine.addWorksheet("Housing");
    ws.addRows([
      ["Code", "Measure", "Value", "Target", "Aim"],
      ["H1", "Homes built", 96, 100, "Higher is better"],
      ["H2", "Days to relet", 30, 25, "Lower is better"],
      ["H3", "Rent collected", "redacted", 98, "Max"],
    ]);
    await page.getByTestId("file-input").setInputFiles({
      name: "housing.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await mine.xlsx.writeBuffer()),
    });
    await page.getByRole("heading", { name: "Workbook: housing.xlsx" }).waitFor();
    const item = await sheetItem(page, "Housing");
    expect(await item.getByRole("list").textContent()).toBe("Green 0Amber 1Red 1NA 1");

    await applyAll(page);
    expect(await cell(page, "F2").textContent()).toBe("Amber");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download scored copy" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("housing.scored.xlsx");
    const scored = new Workbook();
    await scored.xlsx.readFile(await download.path());
    const housing = scored.getWorksheet("Housing")!;
    expect(housing.getCell("F1").value).toBe("Status");
    expect([2, 3, 4].map((r) => housing.getCell(r, 6).result ?? housing.getCell(r, 6).value)).toEqual([
      "Amber",
      "Red",
      "NA",
    ]);
  });

  it("says clearly when a file is not a workbook, and keeps the one it had", async () => {
    const page = await demo();
    await page.getByTestId("file-input").setInputFiles({
      name: "notes.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from("this is not a zip file"),
    });
    await page.getByText(/"notes.xlsx" could not be opened/).waitFor();
    expect(await page.getByRole("heading", { name: "Workbook: sample.xlsx" }).isVisible()).toBe(true);
  });
});
