/** A sheet's print layout in ExcelJS terms. */
import type { Worksheet } from "exceljs";
import type { PageLayout } from "../../workbook/port";

export function setPageLayout(ws: Worksheet, page: PageLayout): void {
  ws.pageSetup.orientation = page.orientation;
  // fitToHeight 0 is Excel's "Automatic": one page wide, as many pages tall as the rows need.
  if (page.fitToWidth) Object.assign(ws.pageSetup, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
}
