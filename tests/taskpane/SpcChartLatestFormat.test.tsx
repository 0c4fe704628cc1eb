/** @jest-environment jsdom */
// New-user findings N7/N3: the pane's SPC preview of a measure whose latest month is an error keeps its £ (the format
// of its latest figure) and says the variation is about an older figure.
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { SpcChartPreview } from "../../src/taskpane/components/SpcChartPreview";
import { bindOperations } from "../../src/taskpane/operations";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { MemoryPort } from "../support/memoryPort";

const MONTHS = [
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
];

function smokingSpend(): MemoryPort {
  const rows = MONTHS.map((month, i) => [
    "PH04",
    "Stop smoking spend",
    `${month} ${i < 6 ? 2024 : 2025}`,
    i === MONTHS.length - 1 ? { error: "#DIV/0!" } : 21000 + (i % 3) * 100,
    21000,
    "Minimise",
  ]);
  // £ on the figures; the error cell has no format of its own.
  const numberFormats = Object.fromEntries(rows.slice(0, -1).map((_, i) => [`D${i + 2}`, '"£"#,##0']));
  return new MemoryPort({
    sheets: [
      {
        name: "Public Health",
        rows: [["Code", "Measure", "Period", "Value", "Target", "Aim"], ...rows],
        numberFormats,
      },
    ],
  });
}

describe("SPC preview of a measure whose latest month is an error (N7)", () => {
  it("labels the figures with £ and says which figure the variation is about", async () => {
    const result = await bindOperations(smokingSpend()).spcChart(spcMeasureKey("Public Health", "PH04"));
    if (!result.ok) throw new Error(result.problem);
    expect(result.chart.valueFormat).toBe('"£"#,##0');
    render(
      <FluentProvider theme={webLightTheme}>
        <SpcChartPreview chart={result.chart} percent={result.percent} />
      </FluentProvider>,
    );
    const name = screen.getByRole("img").getAttribute("aria-label") ?? "";
    expect(name).toContain("Mean £21,");
    expect(name).toContain(", target £21,000.");
    expect(name).toContain("(SPC of figures to Aug 2025: Sep 2025 has none)");
    expect(name).not.toMatch(/ 21\d{3}\b/);
  });
});
