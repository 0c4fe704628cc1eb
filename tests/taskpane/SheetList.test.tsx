/** @jest-environment jsdom */
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { SheetList } from "../../src/taskpane/components/SheetList";
import { DEFAULT_SETTINGS } from "../../src/workbook/settings";

describe("sheet list", () => {
  it("describes each tick box by its own sheet's tables, even when names differ only in punctuation", () => {
    const table = { address: "A1:H5", layout: "long", rows: 4 } as const;
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetList
          sheets={[
            { sheet: "Adults & Health", tables: [{ ...table, measures: 1 }] },
            { sheet: "Adults - Health", tables: [{ ...table, measures: 2 }] },
          ]}
          summary={[]}
          colours={DEFAULT_SETTINGS.colours}
          ticked={new Set()}
          onTick={() => undefined}
          disabled={false}
        />
      </FluentProvider>,
    );
    expect(screen.getByRole("checkbox", { name: "Adults & Health" }).getAttribute("aria-describedby")).not.toBe(
      screen.getByRole("checkbox", { name: "Adults - Health" }).getAttribute("aria-describedby"),
    );
    expect(
      screen.getByRole("checkbox", { name: "Adults - Health", description: "1 table (long) · 2 measures" }),
    ).toBeTruthy();
  });
});
