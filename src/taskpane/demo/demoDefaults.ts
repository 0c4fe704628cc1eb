/**
 * The demo's users do not have the add-in: live KPI.* formulas would show #NAME? in the file they download. So a
 * workbook the demo opens without Scorecard settings of its own starts with values; its own settings are kept.
 */
import { saveSettings } from "../../workbook";
import { DEFAULT_SETTINGS, type Settings } from "../../workbook/settings";
import type { WorkbookPort } from "../../workbook/port";

export const DEMO_DEFAULTS: Settings = { ...DEFAULT_SETTINGS, output: "values" };

export async function seedDemoDefaults(port: WorkbookPort): Promise<void> {
  if ((await port.readWorkbook()).state === null) await saveSettings(port, DEMO_DEFAULTS);
}
