/**
 * Programs some suites need beyond node_modules: Chromium for the pane (tests/e2e), LibreOffice and poppler for the
 * rendering (tests/render). Without them those suites are skipped and say so loudly, with the one command that
 * installs everything; under CI=true (.ci/run installs them) they run anyway and fail, so CI never skips silently.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export const INSTALL_COMMAND =
  "sudo apt-get install -y --no-install-recommends chromium libreoffice-calc-nogui poppler-utils fonts-dejavu-core";

function onPath(program: string): boolean {
  return (process.env.PATH ?? "").split(path.delimiter).some((dir) => existsSync(path.join(dir, program)));
}

export interface ToolSuite {
  readonly suite: string;
  /** Programs that are missing here (empty: the suite can run). */
  readonly missing: readonly string[];
}

export function toolSuites(): ToolSuite[] {
  return [
    { suite: "tests/e2e (the task pane in Chromium)", missing: existsSync(chromiumPath()) ? [] : [chromiumPath()] },
    {
      suite: "tests/render (LibreOffice renders the scored workbook and the summary)",
      missing: ["soffice", "pdftoppm", "pdftotext", "pdfinfo"].filter((p) => !onPath(p)),
    },
  ];
}

/** Whether a suite should run: its tools are here, or this is CI, where a missing tool must fail the run. */
export function shouldRun(missing: readonly string[]): boolean {
  return missing.length === 0 || process.env.CI === "true";
}

/** The banner npm test prints first when suites will be skipped (jest's globalSetup). */
export function skipBanner(): string | null {
  if (process.env.CI === "true") return null;
  const skipped = toolSuites().filter((s) => s.missing.length > 0);
  if (skipped.length === 0) return null;
  const line = "!".repeat(100);
  return [
    line,
    "SKIPPED SUITES: these need programs that are not installed on this machine.",
    ...skipped.map((s) => `  - ${s.suite}: missing ${s.missing.join(", ")}`),
    "Install them all with:",
    `  ${INSTALL_COMMAND}`,
    "(.ci/run installs them itself; with CI=true a missing program fails the run instead.)",
    line,
  ].join("\n");
}
