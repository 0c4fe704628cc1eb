/** Status colours as the settings hold them, in the order the pane lists them. */
import type { Status } from "../../core";
import type { Settings } from "../../workbook/settings";

export type StatusColours = Settings["colours"];

export const STATUS_ORDER: readonly Status[] = ["Green", "Amber", "Red", "NA"];

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
