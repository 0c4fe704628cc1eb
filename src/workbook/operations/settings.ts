/** Load and save the workbook's Scorecard settings, keeping what the add-in owns. */
import type { WorkbookPort } from "../port";
import { parseState, serialiseSettings } from "../settings";
import type { Settings } from "../settings";

/** The stored settings (defaults where none are stored or they cannot be read). */
export async function loadSettings(port: WorkbookPort): Promise<Settings> {
  return parseState((await port.readWorkbook()).state).state.settings;
}

/** Stores settings in the workbook, keeping what the add-in owns. */
export async function saveSettings(port: WorkbookPort, settings: Settings): Promise<void> {
  const previous = (await port.readWorkbook()).state;
  await port.write({ sheets: [], state: serialiseSettings(settings, previous) });
}
