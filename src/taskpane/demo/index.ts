/** The browser demo, loaded on demand (with ExcelJS) only when the page runs outside Office. */
import { createElement, type ReactElement } from "react";
import { openLastOrSample } from "./demoWorkbook";
import { DemoShell } from "./DemoShell";

export async function startDemo(): Promise<ReactElement> {
  return createElement(DemoShell, { initial: await openLastOrSample() });
}
