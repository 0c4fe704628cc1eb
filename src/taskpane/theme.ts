/** Which Fluent theme the pane uses: Office's theme inside Excel, the system's (or ?theme=) in a browser. */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark" | "contrast";

export const FLUENT_THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** The Office colours the pane can see; isDarkTheme is missing on older clients. */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor: string;
  readonly isDarkTheme?: boolean;
}

/** Windows high contrast reaches the page as forced colours, inside Office and in a browser alike. */
function forcedColours(): boolean {
  return typeof matchMedia === "function" && matchMedia("(forced-colors: active)").matches;
}

export function officeThemeName(theme: OfficeThemeColours | undefined): ThemeName {
  if (forcedColours()) return "contrast";
  if (!theme) return "light";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  return luminance(theme.bodyBackgroundColor) < 0.4 ? "dark" : "light";
}

/** `?theme=dark|light|contrast` wins (screenshots, testing); then forced colours; then prefers-color-scheme. */
export function browserThemeName(search: string): ThemeName {
  const asked = new URLSearchParams(search).get("theme");
  if (asked === "dark" || asked === "light" || asked === "contrast") return asked;
  if (forcedColours()) return "contrast";
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/**
 * Luma 0..1 of "#RRGGBB": Rec. 709 weights on the raw channels, without the gamma step of WCAG's relative
 * luminance (enough to tell a dark background from a light one). Unreadable colours count as light.
 */
function luminance(hex: string): number {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) return 1;
  const [r, g, b] = match.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
