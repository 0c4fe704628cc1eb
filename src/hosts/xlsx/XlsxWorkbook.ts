/**
 * The ExcelJS host of the workbook port: the operations run on an in-memory ExcelJS Workbook.
 * No file system here (the browser demo uses it too); loading and saving files is the CLI's job.
 */
import type { Workbook, Worksheet } from "exceljs";
import type {
  CellRef,
  OwnedSheetWrite,
  Progress,
  SheetWrite,
  WorkbookPort,
  WorkbookSnapshot,
  WritePlan,
  WriteProblem,
} from "../../workbook/port";
import { isProtected, setSheetPosition, sheetPosition } from "./exceljsShapes";
import { setPageLayout } from "./pageLayout";
import { readSheet } from "./readSheet";
import { isStateSheet, readState, writeState } from "./stateStore";
import { CellStyler } from "./styles";
import { sameSheetName } from "../../workbook/sheetNames";
import { writeSheet } from "./writeSheet";

export class XlsxWorkbook implements WorkbookPort {
  constructor(readonly workbook: Workbook) {}

  async readWorkbook(): Promise<WorkbookSnapshot> {
    const sheets = this.workbook.worksheets.filter((ws) => !isStateSheet(ws)).map(readSheet);
    return { sheets, state: readState(this.workbook) };
  }

  async readBold(cells: readonly CellRef[]): Promise<boolean[]> {
    return cells.map(({ sheet, row, col }) => {
      const cell = this.workbook.getWorksheet(sheet)?.findCell(row + 1, col + 1);
      return cell?.font?.bold === true;
    });
  }

  async write(plan: WritePlan, progress?: Progress): Promise<readonly WriteProblem[]> {
    const problems: WriteProblem[] = [];
    const styler = new CellStyler();
    const total = plan.sheets.length + (plan.ownedSheet ? 1 : 0);
    let done = 0;
    for (const sheetWrite of plan.sheets) {
      progress?.(done, total, `Writing ${sheetWrite.sheet}`);
      const problem = this.writeUserSheet(sheetWrite, styler);
      if (problem) problems.push(problem);
      done++;
    }
    if (plan.ownedSheet) {
      progress?.(done, total, `Writing ${plan.ownedSheet.sheet}`);
      const problem = this.writeOwnedSheet(plan.ownedSheet, styler);
      if (problem) problems.push(problem);
      done++;
    }
    if (plan.state !== undefined) writeState(this.workbook, plan.state);
    progress?.(done, total, "Written");
    return problems;
  }

  private writeUserSheet(write: SheetWrite, styler: CellStyler): WriteProblem | null {
    const ws = this.workbook.getWorksheet(write.sheet);
    if (!ws)
      return { sheet: write.sheet, message: `Sheet "${write.sheet}" no longer exists; nothing was written to it.` };
    if (isProtected(ws)) {
      return { sheet: write.sheet, message: `Sheet "${write.sheet}" is protected; unprotect it and run again.` };
    }
    writeSheet(ws, write, styler);
    return null;
  }

  /**
   * Rebuilds the add-in's own sheet whole, in the place of the one it replaces. When a user's sheet has the new
   * name, nothing changes: the old summary stays rather than leaving the workbook with none.
   */
  private writeOwnedSheet(write: OwnedSheetWrite, styler: CellStyler): WriteProblem | null {
    const replaced = write.replaces === null ? undefined : this.workbook.getWorksheet(write.replaces);
    const clash = this.workbook.worksheets.find((ws) => sameSheetName(ws.name, write.sheet));
    if (clash && clash !== replaced) {
      return {
        sheet: write.sheet,
        message: `A sheet named "${write.sheet}" already exists and is not Scorecard's; it was left alone.`,
      };
    }
    const position = replaced ? sheetPosition(replaced) : undefined;
    if (replaced) this.workbook.removeWorksheet(replaced.id);
    let ws: Worksheet;
    try {
      ws = this.workbook.addWorksheet(write.sheet);
    } catch (error) {
      return { sheet: write.sheet, message: `Could not add sheet "${write.sheet}": ${(error as Error).message}` };
    }
    if (position !== undefined) setSheetPosition(ws, position);
    writeSheet(ws, write, styler);
    if (write.freezeRows) ws.views = [{ state: "frozen", ySplit: write.freezeRows, xSplit: 0 }];
    if (write.page) setPageLayout(ws, write.page);
    return null;
  }
}
