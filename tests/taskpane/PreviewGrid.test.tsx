/** @jest-environment jsdom */
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import { PreviewGrid } from "../../src/taskpane/demo/PreviewGrid";
import type { PreviewCell, PreviewSheet } from "../../src/taskpane/demo/preview";

const empty: PreviewCell = { text: "" };

function sheet(rows: PreviewCell[][]): PreviewSheet {
  return {
    name: "S",
    columns: ["A", "B", "C", "D"],
    widths: [64, 64, 64, 64],
    rows,
    truncated: false,
    maxRows: 300,
    charts: [],
  };
}

function renderGrid(s: PreviewSheet, highlight: string | null = null) {
  Element.prototype.scrollIntoView = jest.fn();
  const { container } = render(
    <FluentProvider theme={webLightTheme}>
      <PreviewGrid sheet={s} highlight={highlight} />
    </FluentProvider>,
  );
  const td = (address: string) => container.querySelector<HTMLTableCellElement>(`td[data-cell="${address}"]`);
  return { td };
}

const LONG = "The total number of measures for this outcome is 9.";

describe("preview grid", () => {
  it("lets long text run on into empty cells, as Excel does, and stops at the first cell with content or fill", () => {
    const { td } = renderGrid(
      sheet([
        [{ text: LONG }, empty, empty, empty],
        [{ text: LONG }, empty, { text: "", fill: "#FFC7CE" }, empty],
        [{ text: LONG }, { text: "x" }, empty, empty],
      ]),
    );
    expect(td("A1")?.colSpan).toBe(4);
    expect(td("B1")).toBeNull();
    expect(td("A2")?.colSpan).toBe(2);
    expect(td("C2")?.style.backgroundColor).toBe("rgb(255, 199, 206)");
    expect(td("A3")?.colSpan).toBe(1);
  });

  it("keeps short text, numbers and the selected cell in their own cells", () => {
    const { td } = renderGrid(
      sheet([
        [{ text: "PH14" }, empty, { text: "1234567890123", numeric: true }, empty],
        [{ text: LONG }, empty, empty, empty],
      ]),
      "C2",
    );
    expect(td("A1")?.colSpan).toBe(1);
    expect(td("C1")?.colSpan).toBe(1);
    expect(td("A2")?.colSpan).toBe(2);
    expect(td("C2")?.dataset.selected).toBe("true");
  });

  it("shows a chart as one box over its cells, naming it, and text does not run on under it", () => {
    const chart = { row: 1, col: 1, rows: 2, cols: 2, title: "SPC of ASC1" };
    const { td } = renderGrid({
      ...sheet([
        [{ text: "Title" }, empty, empty, empty],
        [{ text: LONG }, empty, empty, empty],
        [empty, { text: "hidden under the chart" }, empty, { text: "D3" }],
        [empty, empty, empty, empty],
      ]),
      charts: [chart],
    });
    const box = document.querySelector<HTMLTableCellElement>("td[data-chart]")!;
    expect(box.textContent).toBe("Chart: SPC of ASC1 — drawn in the downloaded file");
    expect([box.rowSpan, box.colSpan]).toEqual([2, 2]);
    // A2's text stops at the chart; the chart's cells are not drawn; D3 beside it is.
    expect(td("A2")?.colSpan).toBe(1);
    for (const covered of ["B2", "C2", "B3", "C3"]) expect(td(covered)).toBeNull();
    expect(td("D3")?.textContent).toBe("D3");
    expect(td("B4")).not.toBeNull();
  });
});
