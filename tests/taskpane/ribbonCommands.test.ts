/** @jest-environment jsdom */
import type { WorkbookPort } from "../../src/workbook/port";
import type { SummaryResult } from "../../src/workbook/model";

const port = { select: jest.fn(async () => undefined) } as unknown as jest.Mocked<WorkbookPort>;
const generateSummary = jest.fn<Promise<SummaryResult>, [WorkbookPort]>();

jest.mock("../../src/hosts/office", () => ({ OfficeWorkbook: jest.fn(() => port) }));
jest.mock("../../src/workbook", () => ({ generateSummary: (p: WorkbookPort) => generateSummary(p) }));

interface FakeOffice {
  onReady: (callback: () => void) => void;
  actions: { associate: jest.Mock };
  addin: { showAsTaskpane: jest.Mock };
  context: { ui: { displayDialogAsync: jest.Mock } };
}

function installOffice(): FakeOffice {
  const office: FakeOffice = {
    onReady: (callback) => callback(),
    actions: { associate: jest.fn() },
    addin: { showAsTaskpane: jest.fn(async () => undefined) },
    context: { ui: { displayDialogAsync: jest.fn((_url: string, _options: object, done: () => void) => done()) } },
  };
  (globalThis as unknown as { Office: FakeOffice }).Office = office;
  return office;
}

type Commands = typeof import("../../src/commands/commands");
type Store = typeof import("../../src/shared/store");

/** A fresh copy of the command module and the store it shares with the pane. */
function load(): { commands: Commands; store: Store } {
  let loaded!: { commands: Commands; store: Store };
  jest.isolateModules(() => {
    loaded = { commands: require("../../src/commands/commands"), store: require("../../src/shared/store") };
  });
  return loaded;
}

function ribbonEvent() {
  return { completed: jest.fn() } as unknown as Office.AddinCommands.Event & { completed: jest.Mock };
}

const RESULT: SummaryResult = { summarySheet: "Scorecard Summary", summary: [], notices: [], writeProblems: [] };

beforeEach(() => {
  jest.clearAllMocks();
  window.history.replaceState({}, "", "/taskpane.html");
});

describe("ribbon: Generate summary sheet", () => {
  it("is associated with the manifest's function name once Office is ready", () => {
    const office = installOffice();
    const { commands } = load();
    expect(office.actions.associate).toHaveBeenCalledWith("generateSummary", commands.generateSummaryCommand);
  });

  it("generates the summary without the pane, activates the sheet and tells a pane that is open", async () => {
    const office = installOffice();
    const { commands, store } = load();
    generateSummary.mockResolvedValue(RESULT);
    const event = ribbonEvent();
    await commands.generateSummaryCommand(event);
    expect(port.select).toHaveBeenCalledWith({ sheet: "Scorecard Summary", row: 0, col: 0 });
    expect(store.getSharedState().outcome).toMatchObject({
      source: "ribbon",
      intent: "success",
      title: "Summary sheet generated",
    });
    expect(office.addin.showAsTaskpane).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("on failure shows the pane with the reason, and still completes the event", async () => {
    const office = installOffice();
    const { commands, store } = load();
    generateSummary.mockRejectedValue(new Error('Sheet "People" is protected.'));
    const event = ribbonEvent();
    await commands.generateSummaryCommand(event);
    expect(store.getSharedState().outcome).toMatchObject({
      source: "ribbon",
      intent: "error",
      title: "Could not generate the summary sheet",
      lines: ['Sheet "People" is protected.'],
    });
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(store.getSharedState().busy).toBeNull();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("shows the pane when the summary could not be written whole", async () => {
    const office = installOffice();
    const { commands, store } = load();
    const clash = { sheet: "Scorecard Summary", message: 'A sheet named "Scorecard Summary" already exists.' };
    generateSummary.mockResolvedValue({ ...RESULT, writeProblems: [clash] });
    const event = ribbonEvent();
    await commands.generateSummaryCommand(event);
    expect(store.getSharedState().outcome).toMatchObject({
      intent: "warning",
      title: "Summary sheet not fully written",
    });
    expect(port.select).not.toHaveBeenCalled();
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("falls back to a dialog when the pane cannot be shown", async () => {
    const office = installOffice();
    office.addin.showAsTaskpane.mockRejectedValue(new Error("not supported"));
    const { commands } = load();
    generateSummary.mockRejectedValue(new Error("The workbook is busy."));
    const event = ribbonEvent();
    await commands.generateSummaryCommand(event);
    const url = new URL(office.context.ui.displayDialogAsync.mock.calls[0][0] as string);
    expect(url.pathname).toBe("/commands.html");
    expect(url.searchParams.get("notice")).toBe("Could not generate the summary sheet\nThe workbook is busy.");
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("refuses to run while the pane is applying rules, saying so", async () => {
    const office = installOffice();
    const { commands, store } = load();
    let finish!: () => void;
    const pane = store.runExclusive("applying rules", () => new Promise<void>((resolve) => (finish = resolve)));
    const event = ribbonEvent();
    await commands.generateSummaryCommand(event);
    expect(generateSummary).not.toHaveBeenCalled();
    expect(store.getSharedState().outcome).toMatchObject({ source: "ribbon", title: "Please wait" });
    expect(office.addin.showAsTaskpane).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    finish();
    await pane;
  });

  it("completes the event even when neither pane nor dialog can be shown; the pane shows it later", async () => {
    const office = installOffice();
    office.addin.showAsTaskpane.mockRejectedValue(new Error("no pane"));
    office.context.ui.displayDialogAsync.mockImplementation(() => {
      throw new Error("no dialog");
    });
    const { commands, store } = load();
    generateSummary.mockRejectedValue(new Error("boom"));
    const event = ribbonEvent();
    await expect(commands.generateSummaryCommand(event)).resolves.toBeUndefined();
    expect(store.getSharedState().outcome).toMatchObject({ intent: "error", lines: ["boom"] });
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("the notice dialog shows the message as text, never as markup", () => {
    installOffice();
    window.history.replaceState(
      {},
      "",
      `/commands.html?notice=${encodeURIComponent("Could not do it\n<b>Sheet</b> is odd")}`,
    );
    document.body.innerHTML = "";
    load();
    expect(document.querySelector("h1")?.textContent).toBe("Could not do it");
    expect(document.querySelector("p")?.textContent).toBe("<b>Sheet</b> is odd");
    expect(document.querySelector("b")).toBeNull();
  });
});
