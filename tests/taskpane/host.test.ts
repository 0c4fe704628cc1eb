/** @jest-environment jsdom */
import { isValidElement } from "react";
import type { PaneHost } from "../../src/taskpane/host";

jest.mock("../../src/taskpane/demo", () => ({ startDemo: jest.fn(async () => "the demo view") }));
jest.mock("../../src/hosts/office", () => ({ OfficeWorkbook: jest.fn(() => ({})) }));

type OfficeInfo = { host: string | null };

function installOffice(info: OfficeInfo, theme?: { bodyBackgroundColor: string; isDarkTheme?: boolean }) {
  (globalThis as unknown as { Office: object }).Office = {
    onReady: async () => info,
    HostType: { Excel: "Excel" },
    context: { officeTheme: theme },
  };
}

async function start(): Promise<PaneHost> {
  let host!: Promise<PaneHost>;
  jest.isolateModules(() => {
    host = (require("../../src/taskpane/host") as typeof import("../../src/taskpane/host")).startHost();
  });
  return host;
}

const policy = () => document.head.querySelector('meta[http-equiv="Content-Security-Policy"]');

beforeEach(() => {
  document.head.innerHTML = "";
  delete (globalThis as { Office?: unknown }).Office;
});

describe("pane host", () => {
  it("inside Excel works on the open workbook, in Office's theme, with no demo", async () => {
    installOffice({ host: "Excel" }, { bodyBackgroundColor: "#1F1F1F", isDarkTheme: true });
    const host = await start();
    expect(host.kind).toBe("excel");
    expect(host.theme).toBe("dark");
    expect(isValidElement(host.view)).toBe(true);
    expect(require("../../src/taskpane/demo").startDemo).not.toHaveBeenCalled();
    expect(policy()).toBeNull();
  });

  it("in a plain browser (Office.js loaded, no host) becomes the demo and keeps requests on this origin", async () => {
    installOffice({ host: null });
    const host = await start();
    expect(host).toMatchObject({ kind: "browser", view: "the demo view" });
    expect(policy()?.getAttribute("content")).toContain("frame-src 'self'");
  });

  it("without Office.js at all becomes the demo too", async () => {
    const host = await start();
    expect(host.kind).toBe("browser");
  });
});
