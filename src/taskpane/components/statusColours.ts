/** Status colours as the settings hold them. */
import type { Settings } from "../../workbook/settings";

export type StatusColours = Settings["colours"];

export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
