import { browserThemeName, officeThemeName } from "../../src/taskpane/theme";

function withMedia(matches: Record<string, boolean>, run: () => void) {
  const original = globalThis.matchMedia;
  globalThis.matchMedia = ((query: string) => ({ matches: matches[query] ?? false })) as typeof matchMedia;
  try {
    run();
  } finally {
    globalThis.matchMedia = original;
  }
}

describe("theme", () => {
  it("follows Office's dark flag, or the body colour on clients without it", () => {
    expect(officeThemeName({ bodyBackgroundColor: "#FFFFFF", isDarkTheme: true })).toBe("dark");
    expect(officeThemeName({ bodyBackgroundColor: "#262626", isDarkTheme: false })).toBe("light");
    expect(officeThemeName({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(officeThemeName({ bodyBackgroundColor: "#F3F3F3" })).toBe("light");
    expect(officeThemeName(undefined)).toBe("light");
  });

  it("uses high contrast whenever the system forces colours", () => {
    withMedia({ "(forced-colors: active)": true }, () => {
      expect(officeThemeName({ bodyBackgroundColor: "#FFFFFF", isDarkTheme: false })).toBe("contrast");
      expect(browserThemeName("")).toBe("contrast");
    });
  });

  it("in a browser, takes ?theme= first, then the system preference", () => {
    withMedia({ "(prefers-color-scheme: dark)": true }, () => {
      expect(browserThemeName("")).toBe("dark");
      expect(browserThemeName("?theme=light")).toBe("light");
    });
    withMedia({}, () => {
      expect(browserThemeName("?theme=dark")).toBe("dark");
      expect(browserThemeName("?theme=contrast")).toBe("contrast");
      expect(browserThemeName("?theme=purple")).toBe("light");
    });
  });
});
