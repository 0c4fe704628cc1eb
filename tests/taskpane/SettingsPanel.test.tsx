/** @jest-environment jsdom */
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { SettingsPanel } from "../../src/taskpane/components/SettingsPanel";
import { DEFAULT_SETTINGS, type Settings } from "../../src/workbook/settings";

const SHEETS = ["People", "Place"];

const DEMO_DEFAULTS: Settings = { ...DEFAULT_SETTINGS, output: "values" };
let onReset: jest.Mock;

function renderPanel(settings: Settings = DEFAULT_SETTINGS, sheets: readonly string[] = SHEETS) {
  const onSave = jest.fn();
  onReset = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsPanel
        settings={settings}
        sheets={sheets}
        onSave={onSave}
        defaults={DEMO_DEFAULTS}
        onReset={onReset}
        disabled={false}
      />
    </FluentProvider>,
  );
  return onSave;
}

const saveButton = () => screen.getByRole("button", { name: "Save settings" });

describe("settings panel", () => {
  it("shows the stored settings", () => {
    renderPanel({ ...DEFAULT_SETTINGS, band: 0.075, trendLabels: "arrows", output: "values", floorHeader: "Minimum" });
    expect(screen.getByRole("spinbutton", { name: /Amber band/ })).toHaveProperty("value", "7.5");
    expect(screen.getByRole("radio", { name: /Arrows/ })).toHaveProperty("checked", true);
    expect(screen.getByRole("radio", { name: /Values/ })).toHaveProperty("checked", true);
    expect(screen.getByRole("textbox", { name: /Floor column header/ })).toHaveProperty("value", "Minimum");
    expect(screen.getByRole("textbox", { name: "Red fill colour" })).toHaveProperty(
      "value",
      DEFAULT_SETTINGS.colours.Red.fill,
    );
  });

  it("saves what the user changed, with the band as a fraction", () => {
    const onSave = renderPanel();
    fireEvent.change(screen.getByRole("spinbutton", { name: /Amber band/ }), { target: { value: "10" } });
    fireEvent.click(screen.getByRole("radio", { name: /Arrows/ }));
    fireEvent.click(screen.getByRole("radio", { name: /Values/ }));
    fireEvent.change(screen.getByRole("textbox", { name: "Green fill colour" }), { target: { value: "#00B050" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Green text colour" }), { target: { value: "#000000" } });
    fireEvent.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({
      ...DEFAULT_SETTINGS,
      band: 0.1,
      trendLabels: "arrows",
      output: "values",
      colours: { ...DEFAULT_SETTINGS.colours, Green: { fill: "#00B050", font: "#000000" } },
    });
  });

  it("refuses a band that is not a percentage below 100, saying why", () => {
    const onSave = renderPanel();
    fireEvent.change(screen.getByRole("spinbutton", { name: /Amber band/ }), { target: { value: "150" } });
    expect(screen.getByText("Enter a number from 0 to 99.9")).toBeTruthy();
    expect(saveButton()).toHaveProperty("disabled", true);
    fireEvent.click(saveButton());
    expect(onSave).not.toHaveBeenCalled();
  });

  it("refuses a colour that is not #RRGGBB and a sheet name Excel would reject", () => {
    renderPanel();
    fireEvent.change(screen.getByRole("textbox", { name: "Amber fill colour" }), { target: { value: "orange" } });
    expect(screen.getByText("Amber: use colours like #00B050")).toBeTruthy();
    expect(saveButton()).toHaveProperty("disabled", true);
    fireEvent.change(screen.getByRole("textbox", { name: "Amber fill colour" }), { target: { value: "#FFEB9C" } });
    expect(saveButton()).toHaveProperty("disabled", false);
    fireEvent.change(screen.getByRole("textbox", { name: "Summary sheet name" }), { target: { value: "Q2/Q3" } });
    expect(saveButton()).toHaveProperty("disabled", true);
  });

  it("warns when status text would be hard to read on its fill", () => {
    renderPanel();
    fireEvent.change(screen.getByRole("textbox", { name: "Red text colour" }), { target: { value: "#FF9999" } });
    expect(screen.getByText(/Red: text may be hard to read \(contrast 1\.\d:1, aim for 4\.5:1\)/)).toBeTruthy();
  });

  it("asks before resetting to the host's defaults; Cancel leaves everything as it was", async () => {
    const onSave = renderPanel({ ...DEFAULT_SETTINGS, band: 0, sheetBands: { People: 0, Gone: 0.1 } });
    fireEvent.click(screen.getByRole("button", { name: "Reset to defaults…" }));
    const question = screen.getByRole("group", { name: "Reset every setting to its default?" });
    expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Cancel" }));
    fireEvent.click(within(question).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("group", { name: "Reset every setting to its default?" })).toBeNull();
    expect(onReset).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Reset to defaults…" }));
    fireEvent.click(
      within(screen.getByRole("group", { name: "Reset every setting to its default?" })).getByRole("button", {
        name: "Reset",
      }),
    );
    expect(onReset).toHaveBeenCalledWith(DEMO_DEFAULTS);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("offers a colour picker beside each hex box; both edit the same colour", () => {
    const onSave = renderPanel();
    const picker = screen.getByLabelText("Red fill colour, picker");
    expect(picker).toHaveProperty("value", DEFAULT_SETTINGS.colours.Red.fill.toLowerCase());
    fireEvent.input(picker, { target: { value: "#ff0000" } });
    expect(screen.getByRole("textbox", { name: "Red fill colour" })).toHaveProperty("value", "#FF0000");
    fireEvent.click(saveButton());
    expect(onSave.mock.calls[0][0].colours.Red.fill).toBe("#FF0000");
  });

  it("calls the trends the direction of travel, in the officers' words", () => {
    renderPanel();
    expect(screen.getByRole("radiogroup", { name: /Direction of travel/ })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Words: IMP improved, DET worsened, STATIC unchanged" })).toBeTruthy();
  });
});

describe("per-sheet amber band", () => {
  const sheetBand = (name: string) => screen.getByRole("spinbutton", { name });
  const group = () => screen.getByRole("group", { name: "Per-sheet amber band" });

  it("lists the scanned sheets in a labelled group, blank where the workbook's band applies", () => {
    renderPanel({ ...DEFAULT_SETTINGS, sheetBands: { place: 0.1 } });
    expect(
      within(group())
        .getAllByRole("spinbutton")
        .map((input) => input.getAttribute("name")),
    ).toEqual(["sheetBand-People", "sheetBand-Place"]);
    expect(sheetBand("People")).toHaveProperty("value", "");
    // Stored under another case: still this sheet's band, as Excel matches sheet names.
    expect(sheetBand("Place")).toHaveProperty("value", "10");
    expect(group().getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByText(/0 switches Amber off on that sheet/)).toBeTruthy();
  });

  it("saves a band set for one sheet, as a fraction under that sheet's name", () => {
    const onSave = renderPanel();
    fireEvent.change(sheetBand("People"), { target: { value: "0" } });
    fireEvent.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, sheetBands: { People: 0 } });
  });

  it("removes a sheet's band when it is cleared, and renames a key stored in another case", () => {
    const onSave = renderPanel({ ...DEFAULT_SETTINGS, sheetBands: { People: 0.1, PLACE: 0 } });
    expect(sheetBand("People")).toHaveProperty("value", "10");
    fireEvent.change(sheetBand("People"), { target: { value: "" } });
    fireEvent.click(saveButton());
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, sheetBands: { Place: 0 } });
  });

  it("shows a band stored for a sheet the scan did not find, so it can be cleared", () => {
    const onSave = renderPanel({ ...DEFAULT_SETTINGS, sheetBands: { Housing: 0.02 } });
    const stale = sheetBand("Housing (no measure table)");
    expect(stale).toHaveProperty("value", "2");
    fireEvent.click(saveButton());
    expect(onSave).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, sheetBands: { Housing: 0.02 } });
    fireEvent.change(stale, { target: { value: "" } });
    fireEvent.click(saveButton());
    expect(onSave).toHaveBeenLastCalledWith(DEFAULT_SETTINGS);
  });

  it("refuses a sheet band that is not a percentage below 100, saying why", () => {
    const onSave = renderPanel();
    fireEvent.change(sheetBand("Place"), { target: { value: "100" } });
    expect(within(group()).getByText("Enter a number from 0 to 99.9")).toBeTruthy();
    expect(saveButton()).toHaveProperty("disabled", true);
    fireEvent.click(saveButton());
    expect(onSave).not.toHaveBeenCalled();
  });

  it("says so when there are no sheets to list", () => {
    renderPanel(DEFAULT_SETTINGS, []);
    expect(within(group()).queryAllByRole("spinbutton")).toEqual([]);
    expect(screen.getByText("No sheets with measure tables found.")).toBeTruthy();
  });
});
