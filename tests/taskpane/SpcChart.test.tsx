/** @jest-environment jsdom */
import "./jsdomShims";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { Pane } from "../../src/taskpane/components/Pane";
import { SpcChartPreview } from "../../src/taskpane/components/SpcChartPreview";
import { SpcChartTab } from "../../src/taskpane/components/SpcChartTab";
import type { PaneOperations } from "../../src/taskpane/operations";
import type { SpcChartData, SpcChartMeasure } from "../../src/workbook/spcChart";
import { spcMeasureKey } from "../../src/workbook/spcChart";
import { runExclusive } from "../../src/shared/store";
import { deferred, fakeOperations } from "./fixtures";

const SHEET = "Adult Social Care";
const ASC1 = spcMeasureKey(SHEET, "ASC1");

function inTheme(node: React.ReactNode) {
  return <FluentProvider theme={webLightTheme}>{node}</FluentProvider>;
}

function renderTab(operations: Pick<PaneOperations, "spcMeasures" | "spcChart">, selected: string | null = null) {
  const onSelect = jest.fn();
  const view = render(
    inTheme(
      <SpcChartTab
        operations={operations}
        version={1}
        selected={selected}
        onSelect={onSelect}
        onAdd={jest.fn()}
        busy={false}
      />,
    ),
  );
  return { ...view, onSelect };
}

/** The pane on its SPC chart tab with ASC1 chosen and drawn. */
async function paneWithAsc1(ops: PaneOperations) {
  render(inTheme(<Pane operations={ops} />));
  fireEvent.click(await screen.findByRole("tab", { name: "SPC chart" }));
  await openPicker();
  fireEvent.click(screen.getByRole("option", { name: /^ASC1 / }));
  await screen.findByRole("img");
}

async function openPicker(): Promise<HTMLElement> {
  const box = await screen.findByRole("combobox", { name: "Measure" });
  fireEvent.click(box);
  return box;
}

function measure(code: string, points: number, sheet = SHEET): SpcChartMeasure {
  return {
    key: spcMeasureKey(sheet, code),
    sheet,
    cell: "A1",
    code,
    name: `${code} measure`,
    group: null,
    points,
    ready: points >= 12,
  };
}

async function chartOfAsc1(): Promise<SpcChartData> {
  const result = await fakeOperations().spcChart(ASC1);
  if (!result.ok) throw new Error(result.problem);
  return result.chart;
}

describe("SPC chart: the measure picker", () => {
  it("lists the measures with a history by sheet, a short one greyed with its count of figures", async () => {
    renderTab(fakeOperations());
    await openPicker();
    const group = screen.getByRole("group", { name: SHEET });
    const options = within(group).getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual([
      "ASC1 ASC1 measure13 figures",
      "ASC3 ASC3 measure13 figures",
      "ASC4 ASC4 measure10 figures: SPC needs 12",
      "ASC9 ASC9 measure13 figures",
      "ASC10 ASC10 measure13 figures",
    ]);
    expect(options.map((o) => o.getAttribute("aria-disabled") === "true")).toEqual([false, false, true, false, false]);
  });

  it("narrows the list to the measures holding every word typed", async () => {
    renderTab(fakeOperations());
    const box = await openPicker();
    fireEvent.change(box, { target: { value: "asc1" } });
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "ASC1 ASC1 measure13 figures",
      "ASC10 ASC10 measure13 figures",
    ]);
    fireEvent.change(box, { target: { value: "nothing like it" } });
    expect(screen.getByRole("option").textContent).toBe('No measure matches "nothing like it"');
  });

  it("finds a measure by its code and sheet, and lists the exact code before codes that contain it (R12)", async () => {
    // Report order puts ASC10 first on each sheet; the CLI's --measure ranks by the same matcher.
    const two = [measure("ASC10", 13, "North"), measure("ASC1", 13, "North"), measure("ASC10", 13, "South")];
    renderTab(fakeOperations({ spcMeasures: jest.fn(async () => [...two, measure("ASC1", 13, "South")]) }));
    const box = await openPicker();
    fireEvent.change(box, { target: { value: "asc1 north" } });
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "ASC1 ASC1 measure13 figures",
      "ASC10 ASC10 measure13 figures",
    ]);
    fireEvent.change(box, { target: { value: "ASC1" } });
    expect(screen.getAllByRole("group").map((g) => g.textContent)).toEqual([
      "NorthASC1 ASC1 measure13 figuresASC10 ASC10 measure13 figures",
      "SouthASC1 ASC1 measure13 figuresASC10 ASC10 measure13 figures",
    ]);
  });

  it("hands the chosen measure's key to the pane", async () => {
    const { onSelect } = renderTab(fakeOperations());
    await openPicker();
    fireEvent.click(screen.getByRole("option", { name: /^ASC9/ }));
    expect(onSelect).toHaveBeenCalledWith(spcMeasureKey(SHEET, "ASC9"));
  });

  it("brings a newly picked measure's chart into view, not the one chosen before on coming back", async () => {
    const scroll = jest.spyOn(Element.prototype, "scrollIntoView").mockImplementation(() => undefined);
    try {
      await paneWithAsc1(fakeOperations());
      expect(scroll).toHaveBeenCalledTimes(1);
      expect(scroll).toHaveBeenCalledWith({ block: "nearest" });
      expect((scroll.mock.contexts[0] as Element).contains(screen.getByRole("img"))).toBe(true);
      // Back to Sheets and again to the SPC chart: ASC1 is still chosen and drawn, without scrolling to it.
      fireEvent.click(screen.getByRole("tab", { name: "Sheets" }));
      fireEvent.click(screen.getByRole("tab", { name: "SPC chart" }));
      await screen.findByRole("img");
      expect(scroll).toHaveBeenCalledTimes(1);
    } finally {
      scroll.mockRestore();
    }
  });

  it("is disabled, saying why, when no measure has a history", async () => {
    renderTab(fakeOperations({ spcMeasures: jest.fn(async () => []) }));
    const box = await screen.findByRole("combobox", { name: "Measure" });
    expect(box).toHaveProperty("disabled", true);
    expect(screen.getByText(/No measure has a history: an SPC chart needs a table with a row per period/)).toBeTruthy();
  });

  it("renders at most 100 of 2,000 measures, saying how many more typing would narrow; typing narrows", async () => {
    const many = Array.from({ length: 2000 }, (_, i) => measure(`M${i + 1}`, 25, i < 1000 ? SHEET : "Place"));
    renderTab(fakeOperations({ spcMeasures: jest.fn(async () => many) }));
    const box = await openPicker();
    expect(screen.getAllByRole("option")).toHaveLength(100);
    expect(screen.getAllByText("Type to narrow: 1,900 more")).toHaveLength(1);
    // The field's description says it too, for a screen reader.
    expect(box.getAttribute("aria-describedby")).toBeTruthy();
    const hint = document.getElementById(box.getAttribute("aria-describedby")!.split(" ")[0])!;
    expect(hint.textContent).toContain("Type to narrow: 1,900 more.");
    // "M19" is in M19 and M190-M199, M1900-M1999: 111 matches, 100 shown.
    fireEvent.change(box, { target: { value: "M19" } });
    expect(screen.getAllByRole("option")).toHaveLength(100);
    expect(screen.getByText("Type to narrow: 11 more")).toBeTruthy();
    fireEvent.change(box, { target: { value: "M199" } });
    expect(screen.getAllByRole("option").map((o) => o.textContent?.split(" ")[0])).toEqual([
      "M199",
      ...Array.from({ length: 10 }, (_, i) => `M199${i}`),
    ]);
    expect(screen.queryByText(/Type to narrow/)).toBeNull();
  });

  it("the list's chevron is not a tab stop: Tab from the box goes on to the next control", async () => {
    renderTab(fakeOperations());
    await screen.findByRole("combobox", { name: "Measure" });
    const chevron = screen.getByRole("button", { name: /Open/ });
    expect(chevron.getAttribute("tabindex")).toBe("-1");
  });

  it("is disabled, saying how many figures there are, when every history is too short", async () => {
    const short = [measure("A", 8), measure("B", 11, "Place")];
    renderTab(fakeOperations({ spcMeasures: jest.fn(async () => short) }));
    const box = await screen.findByRole("combobox", { name: "Measure" });
    expect(box).toHaveProperty("disabled", true);
    expect(
      screen.getByText(
        "SPC needs 12 or more figures for a measure; the 2 measures with a history here have at most 11. Add more periods to chart them.",
      ),
    ).toBeTruthy();
  });

  it("offers to read the measures again when that failed", async () => {
    const spcMeasures = jest
      .fn<ReturnType<PaneOperations["spcMeasures"]>, []>()
      .mockRejectedValueOnce(new Error("The workbook is busy."));
    const ops = fakeOperations();
    spcMeasures.mockImplementation(() => fakeOperations().spcMeasures());
    renderTab({ ...ops, spcMeasures });
    expect((await screen.findByText("Could not read the measures")).parentElement?.textContent).toContain(
      "The workbook is busy.",
    );
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("combobox", { name: "Measure" })).toBeTruthy();
    expect(spcMeasures).toHaveBeenCalledTimes(2);
  });
});

describe("SPC chart: the preview", () => {
  it("draws Kent's ASC1: 13 points, 3 concern and 9 improvement marks, mean, limits and target", async () => {
    const { container } = render(inTheme(<SpcChartPreview chart={await chartOfAsc1()} />));
    const svg = screen.getByRole("img");
    expect(container.querySelectorAll("[data-point]")).toHaveLength(13);
    expect(svg.querySelectorAll('rect[data-mark="concern"]')).toHaveLength(3);
    expect(svg.querySelectorAll('circle[data-mark="improvement"]')).toHaveLength(9);
    expect(svg.querySelectorAll("[data-mark]")).toHaveLength(12);
    // The unmarked point is Dec 2012 (0.71: below the mean, above the 2σ line, a run of only 4).
    expect(svg.querySelector('[data-point="Dec 2012"]')?.tagName).toBe("circle");
    expect(svg.querySelector('[data-point="Dec 2012"]')?.hasAttribute("data-mark")).toBe(false);
    // Mean, two limits and the target, over the grid lines.
    expect(svg.querySelectorAll("line").length).toBeGreaterThanOrEqual(6);
    expect(screen.getByTestId("spc-values").getAttribute("d")?.match(/[ML]/g)).toHaveLength(13);
  });

  it("names the chart, the axis periods and the variation and assurance words as text", async () => {
    render(inTheme(<SpcChartPreview chart={await chartOfAsc1()} />));
    expect(screen.getByRole("heading", { name: "ASC1 ASC1 measure" })).toBeTruthy();
    expect(screen.getByText("Improvement (high)").parentElement?.textContent).toBe("Variation: Improvement (high)");
    expect(screen.getByText("Fail").parentElement?.textContent).toBe("Assurance: Fail");
    const svg = screen.getByRole("img");
    const periods = [...svg.querySelectorAll("text")].map((t) => t.textContent).filter((t) => / 201\d$/.test(t ?? ""));
    expect(periods[periods.length - 1]).toBe("Sep 2013");
    const key = screen.getByRole("list", { name: "Chart key" });
    expect(
      within(key)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([" Mean 0.729", " Process limits 0.689 to 0.769", " Target 0.8", "Improvement (9)", "Concern (3)"]);
  });

  it("says what it shows in its accessible name", async () => {
    render(inTheme(<SpcChartPreview chart={await chartOfAsc1()} />));
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
      "SPC chart of ASC1 ASC1 measure: 13 points from Sep 2012 to Sep 2013. " +
        "Mean 0.729, process limits 0.689 to 0.769, target 0.8. " +
        "Special cause: 9 improvement points (Jan 2013, Feb 2013, Mar 2013, Apr 2013, May 2013, Jun 2013, Jul 2013, Aug 2013, Sep 2013); " +
        "3 concern points (Sep 2012, Oct 2012, Nov 2012). " +
        "Variation: Improvement (high). Assurance: Fail.",
    );
  });

  it("shows percentages when the measure is one, and every figure with its rule in a table", async () => {
    const { container } = render(inTheme(<SpcChartPreview chart={await chartOfAsc1()} percent />));
    expect(screen.getByRole("img").getAttribute("aria-label")).toContain("Mean 72.9%, process limits 68.9% to 76.9%");
    // Built when opened, not before.
    expect(screen.queryByRole("table")).toBeNull();
    const details = container.querySelector("details") as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event("toggle"));
    const rows = within(screen.getByRole("table")).getAllByRole("row");
    expect(rows).toHaveLength(14);
    expect(rows[1].textContent).toBe("Sep 201265%Concern: below the lower process limit");
    expect(rows[4].textContent).toBe("Dec 201271%");
    expect(rows[9].textContent).toBe("May 201377%Improvement: above the upper process limit");
  });

  it("shows money in the cells' £ format: axis, description and table (F22)", async () => {
    const asc1 = await chartOfAsc1();
    // ASC1's figures scaled to pounds, as a spend measure formatted "£"#,##0 would hold them.
    const pounds = (x: number) => Math.round(x * 1_000_000);
    const chart: SpcChartData = {
      ...asc1,
      valueFormat: '"£"#,##0',
      points: asc1.points.map((p) => ({ ...p, value: pounds(p.value) })),
      mean: pounds(asc1.mean),
      lower: pounds(asc1.lower),
      upper: pounds(asc1.upper),
      target: 800_000,
    };
    const { container } = render(inTheme(<SpcChartPreview chart={chart} />));
    const label = screen.getByRole("img").getAttribute("aria-label") ?? "";
    expect(label).toMatch(/Mean £72\d,\d{3}, process limits £68\d,\d{3} to £76\d,\d{3}, target £800,000\./);
    const ticks = [...container.querySelectorAll("svg text")].map((t) => t.textContent ?? "");
    expect(ticks.slice(0, 4)).toEqual(["£0.60m", "£0.65m", "£0.70m", "£0.75m"]);
    const details = container.querySelector("details") as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event("toggle"));
    expect(within(screen.getByRole("table")).getAllByRole("row")[1].textContent).toBe(
      "Sep 2012£650,000Concern: below the lower process limit",
    );
  });

  it("draws a long history with smaller dots, its latest period still named", async () => {
    const asc1 = await chartOfAsc1();
    const points = Array.from({ length: 400 }, (_, i) => ({
      ...asc1.points[3],
      period: `W${i + 1}`,
      value: 0.7 + (i % 5) / 100,
    }));
    const { container } = render(inTheme(<SpcChartPreview chart={{ ...asc1, points }} />));
    const dots = container.querySelectorAll("svg[role=img] circle[data-point]");
    expect(dots).toHaveLength(400);
    expect(dots[0].getAttribute("r")).toBe("1");
    const labels = [...container.querySelectorAll("svg[role=img] text")].map((t) => t.textContent);
    expect(labels[labels.length - 1]).toBe("W400");
  });

  it("draws a Goldilocks range as two target lines and neutral marks as diamonds", async () => {
    const asc1 = await chartOfAsc1();
    const goldilocks: SpcChartData = {
      ...asc1,
      aim: "Goldilocks",
      target: null,
      targetRange: [0.7, 0.75],
      points: asc1.points.map((p) => ({ ...p, mark: p.mark && "neutral" })),
      variation: "Neutral (high)",
      assurance: "Hit and miss",
    };
    render(inTheme(<SpcChartPreview chart={goldilocks} />));
    const svg = screen.getByRole("img");
    expect(svg.querySelectorAll('polygon[data-mark="neutral"]')).toHaveLength(12);
    expect(svg.getAttribute("aria-label")).toContain("target range 0.7 to 0.75");
    expect(svg.getAttribute("aria-label")).toContain("12 neutral points");
    expect(screen.getByText(/Target range/).textContent).toBe(" Target range 0.7 to 0.75");
  });
});

describe("SPC chart in the pane", () => {
  it("has its own tab: choose a measure and its chart is drawn, and stays chosen across tabs", async () => {
    const ops = fakeOperations();
    render(inTheme(<Pane operations={ops} />));
    fireEvent.click(await screen.findByRole("tab", { name: "SPC chart" }));
    await openPicker();
    fireEvent.click(screen.getByRole("option", { name: /^ASC1 / }));
    const chart = await screen.findByRole("img");
    expect(chart.getAttribute("aria-label")).toMatch(/^SPC chart of ASC1 ASC1 measure: 13 points/);
    // ASC1's figures are formatted as percentages in the workbook: the chart reads them so.
    expect(chart.getAttribute("aria-label")).toContain("Mean 72.9%, process limits 68.9% to 76.9%, target 80%.");
    expect(within(chart).getByText("80%")).toBeTruthy();
    expect(ops.spcChart).toHaveBeenCalledWith(ASC1);
    fireEvent.click(screen.getByRole("tab", { name: "Help" }));
    fireEvent.click(screen.getByRole("tab", { name: "SPC chart" }));
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Measure" })).toHaveProperty("value", "ASC1 ASC1 measure"),
    );
    expect(await screen.findByRole("img")).toBeTruthy();
  });

  it("says why there is no chart when the measure has too few points", async () => {
    const ops = fakeOperations({
      spcChart: jest.fn(async () => ({
        ok: false as const,
        problem: "ASC1 on Adult Social Care has 8 points; an SPC chart needs at least 12.",
      })),
    });
    renderTab(ops, ASC1);
    expect(
      await screen.findByText("ASC1 on Adult Social Care has 8 points; an SPC chart needs at least 12."),
    ).toBeTruthy();
    expect(screen.queryByRole("img")).toBeNull();
  });
});

describe("SPC chart: adding it to the workbook", () => {
  it("draws the chosen measure's chart in the workbook and says on which sheet", async () => {
    const ops = fakeOperations();
    await paneWithAsc1(ops);
    fireEvent.click(screen.getByRole("button", { name: "Add chart to workbook" }));
    const outcome = await screen.findByTestId("outcome");
    expect(outcome.textContent).toContain("SPC chart added");
    expect(outcome.textContent).toContain(
      'The chart of ASC1 ASC1 measure is on the sheet "Scorecard SPC" (Improvement (high); assurance Fail).',
    );
    expect(ops.addSpcChart).toHaveBeenCalledWith(ASC1);
    // The workbook is read again: the new sheet is Scorecard's own.
    await waitFor(() => expect(ops.scan).toHaveBeenCalledTimes(2));
  });

  it("keeps the chart and the button on screen (and focused) while the workbook is read again", async () => {
    const ops = fakeOperations();
    await paneWithAsc1(ops);
    const button = screen.getByRole("button", { name: "Add chart to workbook" });
    const chart = screen.getByRole("img");
    act(() => button.focus()); // the combobox closes on blur
    fireEvent.click(button);
    await screen.findByTestId("outcome");
    await waitFor(() => expect(ops.spcMeasures).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(ops.spcChart).toHaveBeenCalledTimes(2));
    expect(screen.getByRole("button", { name: "Add chart to workbook" })).toBe(button);
    expect(screen.getByRole("img")).toBe(chart);
    expect(document.activeElement).toBe(button);
  });

  it("shows its progress and keeps the button from a second click while it runs", async () => {
    const pending = deferred<Awaited<ReturnType<PaneOperations["addSpcChart"]>>>();
    const ops = fakeOperations({ addSpcChart: jest.fn(() => pending.promise) });
    await paneWithAsc1(ops);
    const button = screen.getByRole("button", { name: "Add chart to workbook" });
    fireEvent.click(button);
    expect((await screen.findByTestId("progress")).textContent).toContain("Adding the SPC chart");
    expect(button.getAttribute("aria-disabled")).toBe("true");
    await act(async () =>
      pending.resolve({ ok: false, problem: "ASC1 on Adult Social Care is not a measure any more." }),
    );
    const outcome = await screen.findByTestId("outcome");
    expect(outcome.textContent).toContain("No SPC chart added");
    expect(outcome.textContent).toContain("ASC1 on Adult Social Care is not a measure any more.");
  });

  it("waits while another operation (the ribbon's) writes to the workbook", async () => {
    const ops = fakeOperations();
    await paneWithAsc1(ops);
    const ribbon = deferred<void>();
    let running: Promise<boolean> = Promise.resolve(true);
    act(() => {
      running = runExclusive("generating the summary sheet", () => ribbon.promise);
    });
    expect(screen.getByRole("button", { name: "Add chart to workbook" }).getAttribute("aria-disabled")).toBe("true");
    await act(async () => {
      ribbon.resolve();
      await running;
    });
    expect(ops.addSpcChart).not.toHaveBeenCalled();
  });
});
