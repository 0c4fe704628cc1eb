/** @jest-environment jsdom */
// The SPC switch in the pane's Settings (issue 12): shows the stored setting and saves the change.
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { SettingsPanel } from "../../src/taskpane/components/SettingsPanel";
import { DEFAULT_SETTINGS, type Settings } from "../../src/workbook/settings";

function renderPanel(settings: Settings) {
  const onSave = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <SettingsPanel
        settings={settings}
        sheets={["People"]}
        onSave={onSave}
        defaults={DEFAULT_SETTINGS}
        onReset={jest.fn()}
        disabled={false}
      />
    </FluentProvider>,
  );
  return onSave;
}

const spcSwitch = () => screen.getByRole("switch", { name: /Statistical process control/ });

describe("SPC switch", () => {
  it("is off by default and saves SPC on when switched", () => {
    const onSave = renderPanel(DEFAULT_SETTINGS);
    expect(spcSwitch()).toHaveProperty("checked", false);
    fireEvent.click(spcSwitch());
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, spc: true });
  });

  it("shows a stored SPC setting as on, and switching it off saves off", () => {
    const onSave = renderPanel({ ...DEFAULT_SETTINGS, spc: true });
    expect(spcSwitch()).toHaveProperty("checked", true);
    fireEvent.click(spcSwitch());
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, spc: false });
  });
});
