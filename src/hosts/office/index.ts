export { OfficeWorkbook, type OfficeWorkbookOptions } from "./officeWorkbook";
export type { ApiSupport, ExcelRunner, XlContext } from "./excelApi";
