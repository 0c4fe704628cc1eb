/**
 * Ribbon commands. "Generate summary sheet" runs in the shared runtime without opening the pane.
 * How it reports back (what a shared runtime supports):
 * - success: the new summary sheet is activated, and the outcome goes to the shared store, so the pane shows it
 *   if it is open (Office.addin.hide/showAsTaskpane keep the pane's page alive, so it is still listening);
 * - failure: the outcome goes to the store and the pane is shown (Office.addin.showAsTaskpane, SharedRuntime 1.1)
 *   to say what went wrong; where that fails, a small dialog (this page with ?notice=…) says it instead.
 * event.completed() is always called, or Office keeps the button busy.
 */
import { OfficeWorkbook } from "../hosts/office";
import { busyOutcome, errorOutcome, summaryOutcome, type Report } from "../shared/messages";
import { publishOutcome, runExclusive } from "../shared/store";
import { generateSummary } from "../workbook";

const GENERATE_SUMMARY_ACTION = "generateSummary";

export async function generateSummaryCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Stays the busy message unless runExclusive lets the summary run.
    let shown: Report = busyOutcome("another operation is running", "ribbon");
    await runExclusive("generating the summary sheet", async () => {
      shown = await summarise();
    });
    publishOutcome(shown);
    if (shown.intent !== "success") await tellUser(shown);
  } finally {
    event.completed();
  }
}

async function summarise(): Promise<Report> {
  try {
    const port = new OfficeWorkbook();
    const result = await generateSummary(port);
    const report = summaryOutcome(result, "ribbon");
    // Showing the new sheet is how the user sees it worked; if Excel will not switch sheets, the sheet is still there.
    if (report.intent === "success")
      await port.select({ sheet: result.summarySheet, row: 0, col: 0 }).catch(() => undefined);
    return report;
  } catch (error) {
    return errorOutcome("generate the summary sheet", error, "ribbon");
  }
}

/** Shows the pane (it displays the store's outcome); failing that, a dialog. If neither can be shown,
 *  the outcome still waits in the store and the pane shows it when the user opens it. */
async function tellUser(report: Report): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch {
    try {
      await showNoticeDialog(report);
    } catch {
      // Nothing more this Office version can show from a ribbon command; the pane will show it.
    }
  }
}

function showNoticeDialog(report: Report): Promise<void> {
  const url = new URL("commands.html", location.href);
  url.searchParams.set("notice", [report.title, ...report.lines].join("\n"));
  return new Promise((resolve) =>
    Office.context.ui.displayDialogAsync(url.href, { height: 30, width: 30, displayInIframe: true }, () => resolve()),
  );
}

/** In the notice dialog: show the message as plain text (never as HTML: it may quote cell contents). */
function renderNotice(text: string): void {
  const [title, ...lines] = text.split("\n");
  const heading = document.createElement("h1");
  heading.textContent = title;
  heading.style.fontSize = "1.1rem";
  document.body.append(
    heading,
    ...lines.map((line) => Object.assign(document.createElement("p"), { textContent: line })),
  );
  document.body.style.fontFamily = "'Segoe UI', system-ui, sans-serif";
  document.body.style.padding = "0 1rem";
}

const notice =
  typeof location !== "undefined" && location.pathname.endsWith("commands.html")
    ? new URLSearchParams(location.search).get("notice")
    : null;
if (notice !== null) {
  renderNotice(notice);
} else if (typeof Office !== "undefined") {
  Office.onReady(() => Office.actions?.associate(GENERATE_SUMMARY_ACTION, generateSummaryCommand));
}
