/** The browser demo, loaded on demand (with ExcelJS) only when the page runs outside Office. */
import { createElement, type ReactElement } from "react";
import { openLastOrSample } from "./demoWorkbook";
import { seedDemoDefaults } from "./demoDefaults";
import { DemoShell } from "./DemoShell";

export async function startDemo(): Promise<ReactElement> {
  const initial = await openLastOrSample();
  await seedDemoDefaults(initial.port);
  return createElement(DemoShell, { initial });
}
