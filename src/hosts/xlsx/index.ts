export { XlsxWorkbook } from "./XlsxWorkbook";
