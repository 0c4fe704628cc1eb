/** @jest-environment jsdom */
// The SPC chart tab inside Excel: the pane bound to the Office.js host over the fake Excel (tests/office/fakeExcel.ts),
// as host.ts binds it. Choosing measures reads the workbook once per listing; Add chart to workbook draws one
// LineMarkers chart on Scorecard's own sheet, and another measure redraws that same chart.
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { OfficeWorkbook } from "../../src/hosts/office";
import { Pane } from "../../src/taskpane/components/Pane";
import { bindOperations } from "../../src/taskpane/operations";
import { FakeContext, FakeWorkbook } from "../office/fakeExcel";
import { KENT_MONTHS, KENT_SERIES } from "../support/kent";

function kentInExcel(): FakeContext {
  return new FakeContext(
    new FakeWorkbook([
      {
        name: "Adult Social Care",
        rows: [
          ["Code", "Measure", "Aim", "Target", ...KENT_MONTHS],
          ...KENT_SERIES.map(([code, aim, target, months]) => [
            code,
            `${code} measure`,
            aim,
            target,
            ...months.map((m) => m ?? ""),
          ]),
        ],
      },
    ]),
  );
}

async function choose(code: string): Promise<void> {
  const box = await screen.findByRole("combobox", { name: "Measure" });
  fireEvent.click(box);
  fireEvent.click(await screen.findByRole("option", { name: new RegExp(`^${code} `) }));
  await waitFor(() => expect(screen.getByRole("img").getAttribute("aria-label")).toContain(`SPC chart of ${code} `));
}

async function add(): Promise<string> {
  fireEvent.click(screen.getByRole("button", { name: "Add chart to workbook" }));
  const outcome = await screen.findByTestId("outcome");
  await waitFor(() => expect(outcome.textContent).toContain("SPC chart added"));
  return outcome.textContent ?? "";
}

test("in Excel: the chosen measure's chart goes on Scorecard's own sheet, and the next measure redraws it", async () => {
  const ctx = kentInExcel();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane operations={bindOperations(new OfficeWorkbook(ctx))} />
    </FluentProvider>,
  );
  fireEvent.click(await screen.findByRole("tab", { name: "SPC chart" }));
  await choose("ASC1");
  // Listing the measures read the workbook; drawing the chosen one's preview did not read it again.
  const syncsBeforeSecondChoice = ctx.syncCount;
  await choose("ASC3");
  expect(ctx.syncCount).toBe(syncsBeforeSecondChoice);

  expect(await add()).toContain('The chart of ASC3 ASC3 measure is on the sheet "Scorecard SPC"');
  const sheet = ctx.book.sheet("Scorecard SPC");
  expect(sheet.charts).toHaveLength(1);
  expect(sheet.charts[0]).toMatchObject({ type: "LineMarkers", title: expect.stringMatching(/^ASC3 ASC3 measure: /) });

  fireEvent.click(screen.getByRole("button", { name: "Dismiss" }));
  await choose("ASC9");
  await add();
  expect(ctx.book.sheets.filter((s) => s.name.startsWith("Scorecard SPC"))).toHaveLength(1);
  expect(sheet.charts).toHaveLength(1);
  expect(sheet.charts[0].title).toMatch(/^ASC9 ASC9 measure: /);
});
