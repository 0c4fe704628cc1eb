/**
 * The sheets the add-in owns: the summary, rewritten in place, and the very hidden state sheet.
 *
 * The summary is never deleted and re-added: deleting a sheet turns every formula, name or chart that refers to it
 * into #REF! (committee dashboards link to summary cells). The sheet it replaces is renamed if the name changed
 * (Excel rewrites references to follow), cleared of contents and formats, and written again; Scorecard's chart is
 * found by its name and drawn again. Print layout and chart are optional: they run after the rest and a refusal
 * costs only themselves.
 */
import type { OwnedSheetWrite, PageLayout, WriteProblem } from "../../workbook/port";
import { printTitleRows } from "../../workbook/a1";
import { encodeState, newStateSheet } from "../../workbook/stateSheet";
import type { XlWorksheet } from "./excelApi";
import { ACTION_BYTES, jsonBytes } from "./payload";
import { sameSheetName } from "../../workbook/sheetNames";
import { findSheet, type SheetFacts } from "./sheetFacts";
import { chartOp } from "./chart";
import type { WriteOp, WriteTarget } from "./writeOps";

/** Excel's header and footer codes: the workbook's file name; "Page 3 of 7". */
const FOOTER = { left: "&F", right: "Page &P of &N" };

export function ownedSheetOps(
  owned: OwnedSheetWrite,
  facts: readonly SheetFacts[],
): { problem: WriteProblem } | { create: WriteOp; rest: WriteOp[] } {
  const clash = findSheet(facts, owned.sheet);
  if (clash && !(owned.replaces !== null && sameSheetName(owned.replaces, owned.sheet))) {
    return {
      problem: {
        sheet: owned.sheet,
        message: `A sheet named "${owned.sheet}" already exists and is not Scorecard's own, so ${refused(owned)}`,
      },
    };
  }
  const rest: WriteOp[] = [];
  if (owned.freezeRows) rest.push(freezeOp(owned.sheet, owned.freezeRows));
  if (owned.page) rest.push(...pageLayoutOps(owned.sheet, owned.page));
  if (owned.chart) rest.push(chartOp(owned.sheet, owned.chart, (facts) => ownSheet(facts, owned)));
  return { create: rewriteOp(owned), rest };
}

/**
 * What a refused write leaves undone and how to get it, in the words of the sheet it is about: the SPC chart's sheet
 * is the owned sheet with a line chart (port.ts: LineChartSpec is the SPC chart), the summary's has a bar chart.
 */
function refused(owned: OwnedSheetWrite): string {
  return owned.chart?.kind === "line"
    ? "the SPC chart was not drawn. Rename it and draw the chart again."
    : "the summary was not written. Rename it and generate the summary again.";
}

/**
 * The summary's sheet as it stands: the one it replaces or, on a retry after a batch that failed part-way, one
 * already renamed or added under the new name (a user's sheet of that name was refused above).
 */
function ownSheet(facts: readonly SheetFacts[], owned: OwnedSheetWrite): SheetFacts | undefined {
  return (owned.replaces === null ? undefined : findSheet(facts, owned.replaces)) ?? findSheet(facts, owned.sheet);
}

function rewriteOp(owned: OwnedSheetWrite): WriteOp {
  return {
    sheet: owned.sheet,
    part: "cells",
    bytes: 6 * ACTION_BYTES + jsonBytes([owned.replaces, owned.sheet]),
    queue: (t) => {
      const existing = ownSheet(t.facts, owned);
      if (!existing) {
        t.setSheet(owned.sheet, t.context.workbook.worksheets.add(owned.sheet));
        return;
      }
      const sheet = t.sheet(existing.name);
      if (existing.name !== owned.sheet) sheet.name = owned.sheet;
      t.setSheet(owned.sheet, sheet);
      sheet.getRange().clear("All");
    },
  };
}

function freezeOp(sheet: string, rows: number): WriteOp {
  return { sheet, part: "format", bytes: 3 * ACTION_BYTES, queue: (t) => t.sheet(sheet).freezePanes.freezeRows(rows) };
}

function optionalOp(sheet: string, what: string, bytes: number, queue: (t: WriteTarget) => void): WriteOp {
  return { sheet, part: "optional", what, bytes, queue };
}

/**
 * `{ horizontalFitToPages: 1, verticalFitToPages: 0 }` is what Excel records for "Fit All Columns on One Page":
 * 0 pages tall is "Automatic". Left out, the height could stay at Excel's default of 1 page and squeeze the whole
 * summary onto a single page. Each part is its own operation: a printer without A4 refuses only the paper size.
 */
function pageLayoutOps(sheet: string, page: PageLayout): WriteOp[] {
  const layout = (t: WriteTarget) => t.sheet(sheet).pageLayout;
  const ops = [
    optionalOp(sheet, `the print orientation (${page.orientation})`, 2 * ACTION_BYTES, (t) => {
      layout(t).orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
    }),
    optionalOp(sheet, `the paper size (${page.paper})`, 2 * ACTION_BYTES, (t) => {
      layout(t).paperSize = page.paper;
    }),
  ];
  if (page.fitToWidth) {
    ops.push(
      optionalOp(sheet, "the fit to one page wide", 2 * ACTION_BYTES, (t) => {
        layout(t).zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      }),
    );
  }
  const titleRows = printTitleRows(page);
  if (titleRows !== null) {
    ops.push(
      optionalOp(sheet, "the title rows repeated on every page", 2 * ACTION_BYTES, (t) => {
        layout(t).setPrintTitleRows(titleRows);
      }),
    );
  }
  if (page.footer) {
    ops.push(
      optionalOp(sheet, "the page footer", 4 * ACTION_BYTES, (t) => {
        const footer = layout(t).headersFooters.defaultForAllPages;
        footer.leftFooter = FOOTER.left;
        footer.rightFooter = FOOTER.right;
      }),
    );
  }
  return ops;
}

/**
 * The state's write: into Scorecard's state sheet (`stateSheet`, found by isStateSheet when the workbook was read) or,
 * with none, into a new very hidden sheet under the first of ScorecardState, ScorecardState (2), … that no sheet has,
 * as the .xlsx host does. A user's own sheet of the name is never written: it would lose column A and vanish.
 */
export function stateOp(
  json: string,
  facts: readonly SheetFacts[],
  stateSheet: string | null,
): { op: WriteOp; notice: WriteProblem | null } {
  const { name, notice } =
    stateSheet === null ? newStateSheet(facts.map((f) => f.name)) : { name: stateSheet, notice: null };
  const cells = encodeState(json).map((chunk) => [chunk]);
  const address = `A1:A${cells.length}`;
  const op: WriteOp = {
    sheet: name,
    part: "cells",
    bytes: 6 * ACTION_BYTES + jsonBytes(cells),
    queue: (t) => {
      // The name was free when planned: on a retry after a batch that failed part-way, a sheet of it is the one added.
      const existing = findSheet(t.facts, name);
      let sheet: XlWorksheet;
      if (existing) {
        sheet = t.sheet(existing.name);
        sheet.getRange("A:A").clear("Contents");
      } else {
        sheet = t.context.workbook.worksheets.add(name);
        t.setSheet(name, sheet);
      }
      // Hiding is a change of structure, refused when the workbook's structure is protected: only when needed.
      if (existing?.visibility !== "VeryHidden") sheet.visibility = "VeryHidden";
      // The chunks' prefix keeps Excel from reading any of them as a number, date or formula.
      sheet.getRange(address).values = cells;
    },
  };
  return { op, notice };
}
