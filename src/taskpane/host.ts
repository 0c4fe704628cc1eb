/**
 * Where the pane runs. Inside Excel it works on the open workbook through the Office.js host; in a plain
 * browser it becomes the demo, working on a workbook in memory through the ExcelJS host. The demo (and
 * ExcelJS with it) is imported on demand, so the pane inside Excel never downloads it.
 */
import { createElement, type ReactElement } from "react";
import { OfficeWorkbook } from "../hosts/office";
import { Pane } from "./components/Pane";
import { bindOperations } from "./operations";
import { loadedByOffice } from "./startup";
import { browserThemeName, officeThemeName, type ThemeName } from "./theme";

export interface PaneHost {
  readonly kind: "excel" | "browser";
  readonly theme: ThemeName;
  readonly view: ReactElement;
}

/** Office.onReady never settles on some pages that failed to load Office.js fully; a plain browser must not hang. */
const OFFICE_READY_TIMEOUT_MS = 5000;

/**
 * True inside Excel; false in a plain browser, with or without Office.js loaded. A page Office loaded (startup.ts)
 * waits for Office without a time limit: a slow start must never turn into the demo.
 */
function inExcel(): Promise<boolean> {
  const loaded = typeof Office !== "undefined" && typeof Office.onReady === "function";
  if (loadedByOffice(location.search)) {
    if (!loaded) {
      return Promise.reject(
        new Error(
          "Office.js could not be loaded from Microsoft (appsforoffice.microsoft.com). Check the connection and open the pane again.",
        ),
      );
    }
    return Office.onReady().then((info) => info.host === Office.HostType.Excel);
  }
  if (!loaded) return Promise.resolve(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>(
    (resolve) => (timer = setTimeout(() => resolve(false), OFFICE_READY_TIMEOUT_MS)),
  );
  const ready = Office.onReady().then((info) => info.host === Office.HostType.Excel);
  return Promise.race([ready, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The demo promises that nothing leaves the browser. Office.js, loaded on the page for the Excel case, opens a
 * telemetry frame to Microsoft a few seconds after it starts, even outside Office; a policy added now (browsers
 * enforce a CSP meta element from the moment it is inserted) keeps frames, requests and images on this origin.
 */
function keepToThisOrigin(): void {
  const policy = document.createElement("meta");
  policy.httpEquiv = "Content-Security-Policy";
  policy.content = "frame-src 'self'; connect-src 'self' blob: data:; img-src 'self' blob: data:; form-action 'none'";
  document.head.append(policy);
}

export async function startHost(): Promise<PaneHost> {
  if (await inExcel()) {
    const operations = bindOperations(new OfficeWorkbook());
    return {
      kind: "excel",
      theme: officeThemeName(Office.context.officeTheme),
      view: createElement(Pane, { operations }),
    };
  }
  keepToThisOrigin();
  const { startDemo } = await import(/* webpackChunkName: "demo" */ "./demo");
  return { kind: "browser", theme: browserThemeName(location.search), view: await startDemo() };
}
