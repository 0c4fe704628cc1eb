/** @jest-environment jsdom */
// Starting inside Office: the page knows Office loaded it, and the pane waits until it is first shown.
import type { PaneHost } from "../../src/taskpane/host";
import { loadedByOffice, whenFirstShown, type AddinVisibility } from "../../src/taskpane/startup";

jest.mock("../../src/taskpane/demo", () => ({ startDemo: jest.fn(async () => "the demo view") }));
jest.mock("../../src/hosts/office", () => ({ OfficeWorkbook: jest.fn(() => ({})) }));

/** A window whose visibility and size the test sets, as a shown pane or a hidden shared-runtime page has them. */
function view(state: "visible" | "hidden", width: number): Window {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  return { document, innerWidth: width, innerHeight: width > 0 ? 600 : 0 } as unknown as Window;
}

function addin(): AddinVisibility & { show(): void } {
  let handler: ((args: { visibilityMode: string }) => void) | null = null;
  return {
    onVisibilityModeChanged: async (h) => {
      handler = h;
      return () => undefined;
    },
    show: () => handler?.({ visibilityMode: "Taskpane" }),
  };
}

const settled = async (promise: Promise<void>): Promise<boolean> => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
};

describe("startup inside Office", () => {
  test.each([
    ["?host=office", true],
    ["?host=office&_host_Info=Excel$Win32$16.01$en-GB", true],
    ["", false],
    ["?theme=dark", false],
    ["?host=officex", false],
  ])("%s marks a page Office loaded: %s", (search, expected) => {
    expect(loadedByOffice(search)).toBe(expected);
  });

  test("a page Office opened as the pane starts at once", async () => {
    expect(await settled(whenFirstShown(addin(), view("visible", 350)))).toBe(true);
  });

  test("a page the shared runtime loaded hidden waits until the pane is shown", async () => {
    const office = addin();
    const shown = whenFirstShown(office, view("hidden", 0));
    expect(await settled(shown)).toBe(false);
    office.show();
    expect(await settled(shown)).toBe(true);
  });
});

describe("a slow Office", () => {
  /** Office.js that takes 20 s to say it is ready (a cold start on a slow machine). */
  function slowOffice() {
    (globalThis as unknown as { Office: object }).Office = {
      onReady: () => new Promise((resolve) => setTimeout(() => resolve({ host: "Excel" }), 20_000)),
      HostType: { Excel: "Excel" },
      context: { officeTheme: undefined },
    };
  }

  afterEach(() => {
    jest.useRealTimers();
    delete (globalThis as { Office?: unknown }).Office;
    window.history.replaceState({}, "", "/");
  });

  async function start(search: string): Promise<PaneHost> {
    window.history.replaceState({}, "", `/taskpane.html${search}`);
    jest.useFakeTimers();
    slowOffice();
    let host!: Promise<PaneHost>;
    jest.isolateModules(() => {
      host = (require("../../src/taskpane/host") as typeof import("../../src/taskpane/host")).startHost();
    });
    await jest.advanceTimersByTimeAsync(20_000);
    return host;
  }

  test("a page Office loaded waits for it and never turns into the browser demo", async () => {
    expect((await start("?host=office")).kind).toBe("excel");
  });

  test("a page opened in a browser stops waiting and becomes the demo", async () => {
    expect((await start("")).kind).toBe("browser");
  });
});
