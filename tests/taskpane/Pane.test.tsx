/** @jest-environment jsdom */
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Pane } from "../../src/taskpane/components/Pane";
import { publishOutcome, runExclusive } from "../../src/shared/store";
import { applyReport, deferred, fakeOperations, scanReport } from "./fixtures";
import type { ApplyReport } from "../../src/workbook/model";
import type { PaneOperations } from "../../src/taskpane/operations";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";

function renderPane(operations: PaneOperations) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane operations={operations} />
    </FluentProvider>,
  );
}

async function sheetsList() {
  return screen.findByRole("list", { name: "Sheets with measure tables" });
}

describe("task pane", () => {
  it("lists each sheet with its tables, measure count and status counts in words", async () => {
    renderPane(fakeOperations());
    const list = await sheetsList();
    const people = within(list).getByRole("checkbox", { name: "People" }).closest("li") as HTMLElement;
    expect(people.textContent).toContain("1 table (long) · 5 measures");
    const counts = within(people).getByRole("list", { name: "Statuses on People" });
    expect(counts.textContent).toBe("Green 2Amber 1Red 1NA 1");
    const place = within(list).getByRole("checkbox", { name: "Place" }).closest("li") as HTMLElement;
    expect(within(place).getByRole("list", { name: "Statuses on Place" }).textContent).toBe("Green 0Amber 0Red 2NA 0");
    expect(screen.getByText(/Other sheets: Notes \(no measure table\)/)).toBeTruthy();
  });

  it("applies the rules to all sheets, showing progress and then what changed", async () => {
    const ops = fakeOperations();
    const pending = deferred<ApplyReport>();
    ops.apply.mockImplementation(async (_sheets, progress) => {
      progress(1, 3, "Writing People");
      return pending.promise;
    });
    renderPane(ops);
    await sheetsList();
    fireEvent.click(screen.getByRole("button", { name: "Apply rules to all sheets" }));
    const progress = await screen.findByTestId("progress");
    expect(progress.textContent).toContain("Applying rules");
    expect(progress.textContent).toContain("Writing People");
    expect(screen.getByRole("button", { name: "Generate summary sheet" }).getAttribute("aria-disabled")).toBe("true");
    await act(async () => pending.resolve(applyReport()));
    const outcome = await screen.findByTestId("outcome");
    expect(outcome.textContent).toContain("Rules applied");
    expect(outcome.textContent).toContain("27 rows rated on 2 sheets.");
    expect(outcome.textContent).toContain("Status, Short Trend, Long Trend added in columns I–K of People.");
    expect(ops.apply).toHaveBeenCalledWith(undefined, expect.any(Function));
    expect(screen.queryByTestId("progress")).toBeNull();
  });

  it("applies the rules to the ticked sheets only", async () => {
    const ops = fakeOperations();
    renderPane(ops);
    fireEvent.click(within(await sheetsList()).getByRole("checkbox", { name: "Place" }));
    fireEvent.click(screen.getByRole("button", { name: "Apply rules to 1 ticked sheet" }));
    expect((await screen.findByTestId("outcome")).textContent).toContain("rows rated on 1 sheet.");
    expect(ops.apply).toHaveBeenCalledWith(["Place"], expect.any(Function));
  });

  it("forgets a ticked sheet that is no longer in the workbook", async () => {
    const ops = fakeOperations();
    renderPane(ops);
    fireEvent.click(within(await sheetsList()).getByRole("checkbox", { name: "Place" }));
    expect(screen.getByRole("button", { name: "Apply rules to 1 ticked sheet" })).toBeTruthy();
    // The ribbon's summary (or the user) renamed the sheet: the next read no longer has it.
    const renamed = scanReport();
    ops.scan.mockResolvedValue({ ...renamed, sheets: renamed.sheets.filter((s) => s.sheet !== "Place") });
    act(() => publishOutcome({ source: "ribbon", intent: "success", title: "Summary sheet generated", lines: [] }));
    await waitFor(() =>
      expect(
        within(screen.getByRole("list", { name: "Sheets with measure tables" })).queryByRole("checkbox", {
          name: "Place",
        }),
      ).toBeNull(),
    );
    fireEvent.click(screen.getByRole("button", { name: "Apply rules to all sheets" }));
    await waitFor(() => expect(ops.apply).toHaveBeenCalledWith(undefined, expect.any(Function)));
  });

  it("reports a failed operation as an error message, without a stack trace", async () => {
    const ops = fakeOperations({
      summary: jest.fn(async () => Promise.reject(new Error("Sheet People is protected."))),
    });
    renderPane(ops);
    await sheetsList();
    fireEvent.click(screen.getByRole("button", { name: "Generate summary sheet" }));
    const outcome = await screen.findByTestId("outcome");
    expect(outcome.textContent).toContain("Could not generate the summary sheet");
    expect(outcome.textContent).toContain("Sheet People is protected.");
    expect(outcome.textContent).not.toMatch(/at .*\.ts/);
  });

  it("names the summary sheet it generated and reads the workbook again", async () => {
    const ops = fakeOperations();
    renderPane(ops);
    await sheetsList();
    fireEvent.click(screen.getByRole("button", { name: "Generate summary sheet" }));
    const outcome = await screen.findByTestId("outcome");
    expect(outcome.textContent).toContain('"Scorecard Summary" summarises 7 measures on 2 sheets.');
    await waitFor(() => expect(ops.scan).toHaveBeenCalledTimes(2));
  });

  it("takes the user to a problem's cell", async () => {
    const ops = fakeOperations();
    renderPane(ops);
    const problems = await screen.findByRole("list", { name: "Data problems" });
    expect(screen.getByRole("heading", { name: "Data problems (2)" })).toBeTruthy();
    fireEvent.click(within(problems).getByRole("button", { name: /People!G12.*unknown aim "Sideways"/ }));
    expect(ops.select).toHaveBeenCalledWith(expect.objectContaining({ sheet: "People", cell: "G12" }));
  });

  it("disables its actions while the ribbon runs an operation, and shows the ribbon's outcome", async () => {
    const ops = fakeOperations();
    renderPane(ops);
    await sheetsList();
    const ribbon = deferred<void>();
    let running!: Promise<boolean>;
    act(() => {
      running = runExclusive("generating the summary sheet", () => ribbon.promise);
    });
    expect(screen.getByRole("button", { name: "Apply rules to all sheets" }).getAttribute("aria-disabled")).toBe(
      "true",
    );
    await act(async () => {
      ribbon.resolve();
      await running;
      publishOutcome({
        source: "ribbon",
        intent: "success",
        title: "Summary sheet generated",
        lines: ["From the ribbon."],
      });
    });
    expect((await screen.findByTestId("outcome")).textContent).toContain("From the ribbon.");
    expect(screen.getByRole("button", { name: "Apply rules to all sheets" }).getAttribute("aria-disabled")).toBeNull();
    await waitFor(() => expect(ops.scan).toHaveBeenCalledTimes(2));
  });

  it("names its tab panel after the selected tab", async () => {
    renderPane(fakeOperations());
    await sheetsList();
    expect(screen.getByRole("tabpanel", { name: "Sheets" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Help" }));
    expect(screen.getByRole("tabpanel", { name: "Help" })).toBeTruthy();
  });

  it("offers a per-sheet amber band for each directorate sheet and saves it with the settings", async () => {
    const ops = fakeOperations();
    renderPane(ops);
    await sheetsList();
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    const group = screen.getByRole("group", { name: "Per-sheet amber band" });
    // Notes has no measure table: nothing to band.
    expect(
      within(group)
        .getAllByRole("spinbutton")
        .map((input) => input.getAttribute("name")),
    ).toEqual(["sheetBand-People", "sheetBand-Place"]);
    fireEvent.change(within(group).getByRole("spinbutton", { name: "Place" }), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() =>
      expect(ops.saveSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, sheetBands: { Place: 0 } }),
    );
  });

  it("says so when the workbook cannot be read, and can try again", async () => {
    const ops = fakeOperations({ scan: jest.fn(async () => Promise.reject(new Error("The workbook is busy."))) });
    renderPane(ops);
    const message = await screen.findByText(/The workbook is busy\./);
    expect(message.textContent).toBe("Could not read the workbookThe workbook is busy.");
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(ops.scan).toHaveBeenCalledTimes(2));
  });

  it("after reset, confirmed, offers to apply the rules again, and does so", async () => {
    const ops = fakeOperations({ defaults: { ...DEFAULT_SETTINGS, output: "values" } });
    renderPane(ops);
    await sheetsList();
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    fireEvent.click(screen.getByRole("button", { name: "Reset to defaults…" }));
    expect(ops.saveSettings).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Reset" }));
    await waitFor(() => expect(ops.saveSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, output: "values" }));
    const outcome = await screen.findByTestId("outcome");
    expect(outcome.textContent).toContain("Settings reset to their defaults");
    fireEvent.click(within(outcome).getByRole("button", { name: "Apply rules again" }));
    await waitFor(() => expect(ops.apply).toHaveBeenCalledWith(undefined, expect.any(Function)));
    expect((await screen.findByTestId("outcome")).textContent).toContain("Rules applied");
  });

  it("reads the workbook again after the demo wrote to it (a scored download), not after its own outcomes", async () => {
    const ops = fakeOperations();
    renderPane(ops);
    await sheetsList();
    act(() => publishOutcome({ source: "pane", intent: "success", title: "Own", lines: [] }));
    act(() => publishOutcome({ source: "demo", intent: "success", title: "Scored copy saved", lines: [] }));
    await waitFor(() => expect(ops.scan).toHaveBeenCalledTimes(2));
    expect((await screen.findByTestId("outcome")).textContent).toContain("Scored copy saved");
  });

  it("moves between its tabs with the arrow keys, one tab in the Tab order", async () => {
    renderPane(fakeOperations());
    await sheetsList();
    const tabs = within(screen.getByRole("tablist", { name: "Scorecard sections" })).getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("tabindex"))).toEqual(["0", "-1", "-1", "-1"]);
    fireEvent.keyDown(tabs[0], { key: "ArrowRight" });
    expect(screen.getByRole("tabpanel", { name: "SPC chart" })).toBeTruthy();
    expect(document.activeElement).toBe(tabs[1]);
    fireEvent.keyDown(tabs[1], { key: "ArrowRight" });
    expect(screen.getByRole("tabpanel", { name: "Settings" })).toBeTruthy();
    fireEvent.keyDown(tabs[2], { key: "End" });
    expect(screen.getByRole("tabpanel", { name: "Help" })).toBeTruthy();
    fireEvent.keyDown(tabs[3], { key: "ArrowRight" });
    expect(screen.getByRole("tabpanel", { name: "Sheets" })).toBeTruthy();
  });
});

describe("unsaved settings (new-user finding F9)", () => {
  it("says beside Apply that an edited amber band is not used until saved, and stops saying it once saved", async () => {
    // The workbook as the fake keeps it: the pane reads the saved settings back after saving.
    let stored = DEFAULT_SETTINGS;
    const ops = fakeOperations({
      scan: jest.fn(async () => scanReport(stored)),
      saveSettings: jest.fn(async (settings) => {
        stored = settings;
      }),
    });
    renderPane(ops);
    await sheetsList();
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    expect(screen.queryByText(/Settings not saved/)).toBeNull();
    fireEvent.change(screen.getByRole("spinbutton", { name: /Amber band/ }), { target: { value: "25" } });
    expect(screen.getByRole("status").textContent).toBe(
      "Settings not saved: Apply rules and the summary use the saved settings until you click Save settings.",
    );
    // Typing the stored value back: nothing pending.
    fireEvent.change(screen.getByRole("spinbutton", { name: /Amber band/ }), { target: { value: "5" } });
    expect(screen.queryByText(/Settings not saved/)).toBeNull();
    fireEvent.change(screen.getByRole("spinbutton", { name: /Amber band/ }), { target: { value: "25" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(ops.saveSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, band: 0.25 }));
    await waitFor(() => expect(screen.queryByText(/Settings not saved/)).toBeNull());
  });
});
