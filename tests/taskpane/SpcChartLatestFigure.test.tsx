/** @jest-environment jsdom */
// The pane's SPC preview says when the variation word is about an older figure than the latest period's (F24).
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { SpcChartPreview } from "../../src/taskpane/components/SpcChartPreview";
import type { SpcChartData } from "../../src/workbook/spcChart";
import { fakeOperations } from "./fixtures";
import { spcMeasureKey } from "../../src/workbook/spcChart";

async function chartOfAsc1(): Promise<SpcChartData> {
  const result = await fakeOperations().spcChart(spcMeasureKey("Adult Social Care", "ASC1"));
  if (!result.ok) throw new Error(result.problem);
  return result.chart;
}

const NOTE = "SPC of figures to Sep 2013: Oct 2013 has none";

describe("SPC preview: the latest period without a figure", () => {
  it("shows the note beside the variation word and in the chart's accessible name", async () => {
    const chart = { ...(await chartOfAsc1()), latestFigureNote: NOTE };
    render(
      <FluentProvider theme={webLightTheme}>
        <SpcChartPreview chart={chart} />
      </FluentProvider>,
    );
    expect(screen.getByText("Improvement (high)").parentElement?.textContent).toBe(
      `Variation: Improvement (high) (${NOTE})`,
    );
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain(
      `Variation: Improvement (high) (${NOTE}). Assurance: Fail.`,
    );
  });

  it("says nothing more when the latest period has its figure", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <SpcChartPreview chart={await chartOfAsc1()} />
      </FluentProvider>,
    );
    expect(screen.getByText("Improvement (high)").parentElement?.textContent).toBe("Variation: Improvement (high)");
  });
});
