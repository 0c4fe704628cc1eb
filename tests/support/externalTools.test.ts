import { INSTALL_COMMAND, shouldRun, skipBanner, toolSuites } from "./externalTools";

describe("suites that need Chromium or LibreOffice", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  test("without them: each skipped suite named, with the one install command", () => {
    process.env = { ...saved, CI: "", CHROMIUM_PATH: "/nowhere/chromium", PATH: "/nowhere" };
    const banner = skipBanner() ?? "";
    expect(banner).toContain("tests/e2e (the task pane in Chromium): missing /nowhere/chromium");
    expect(banner).toContain("tests/render (LibreOffice renders the scored workbook and the summary): missing soffice");
    expect(banner).toContain(INSTALL_COMMAND);
    expect(toolSuites().every((s) => !shouldRun(s.missing))).toBe(true);
  });

  test("under CI=true nothing is skipped: a missing program fails its suite", () => {
    process.env = { ...saved, CI: "true", CHROMIUM_PATH: "/nowhere/chromium", PATH: "/nowhere" };
    expect(skipBanner()).toBeNull();
    expect(toolSuites().every((s) => shouldRun(s.missing))).toBe(true);
  });
});
