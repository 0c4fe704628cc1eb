/**
 * How the page starts inside Office. The manifest's URLs carry `?host=office`, so the page knows Office loaded it:
 * there it waits for Office however long Office takes (a slow machine must never fall back to the browser demo), and
 * taskpane.html loads Office.js from Microsoft's CDN rather than the local copy the demo uses.
 *
 * In the shared runtime Office also loads this page, hidden, when a workbook with KPI formulas opens: the pane then
 * starts (and scans the workbook) only when it is first shown. Office says so with onVisibilityModeChanged
 * (learn.microsoft.com/office/dev/add-ins/develop/show-hide-add-in); a page that Office opened as the pane is already
 * showing and gets no such event (the docs' shared-runtime sample counts its first open at onReady), so the page's
 * own visibility and size tell the two apart.
 */

/** The marker the manifest puts on the page's URL. */
export const OFFICE_MARKER = { name: "host", value: "office" } as const;

export function loadedByOffice(search: string): boolean {
  return new URLSearchParams(search).get(OFFICE_MARKER.name) === OFFICE_MARKER.value;
}

/** The slice of Office.addin used here. */
export interface AddinVisibility {
  onVisibilityModeChanged(handler: (args: { visibilityMode: string }) => void): Promise<unknown>;
}

function showing(view: Window): boolean {
  return view.document.visibilityState === "visible" && view.innerWidth > 0 && view.innerHeight > 0;
}

/** Resolves when the task pane is first shown: at once when it is showing now. */
export function whenFirstShown(addin: AddinVisibility, view: Window): Promise<void> {
  if (showing(view)) return Promise.resolve();
  return new Promise((resolve) => {
    void addin.onVisibilityModeChanged((args) => {
      if (args.visibilityMode === "Taskpane") resolve();
    });
    view.document.addEventListener("visibilitychange", () => {
      if (showing(view)) resolve();
    });
  });
}
