export { OfficeWorkbook, type OfficeWorkbookOptions } from "./officeWorkbook";
export type { ExcelRunner, XlContext } from "./excelApi";
