/** Office.js errors (OfficeExtension.Error) turned into sentences an analyst can act on. */
import { isStateName } from "../../workbook/stateSheet";

interface OfficeErrorFields {
  readonly code: string;
  readonly message: string;
  readonly location: string;
}

function officeErrorFields(error: unknown): OfficeErrorFields {
  const record = typeof error === "object" && error !== null ? (error as Record<string, unknown>) : {};
  const debugInfo =
    typeof record.debugInfo === "object" && record.debugInfo !== null
      ? (record.debugInfo as Record<string, unknown>)
      : {};
  return {
    code: typeof record.code === "string" ? record.code : "",
    message: typeof record.message === "string" ? record.message : String(error),
    location: typeof debugInfo.errorLocation === "string" ? debugInfo.errorLocation : "",
  };
}

/** Excel on the web refused a request or its answer for its size (5 MB). */
function isPayloadTooLarge(error: unknown): boolean {
  const { code } = officeErrorFields(error);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

/**
 * Whether a request failed for its size: Excel on the web says so with a payload error
 * (learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices), or often with a
 * bare GeneralException "An internal error has occurred" (office-js#1314, #1012; office-js-docs-reference#354),
 * which only a `large` request (the caller's judgement) is taken to mean.
 */
export function isTooLarge(error: unknown, large: boolean): boolean {
  return isPayloadTooLarge(error) || (large && officeErrorFields(error).code === "GeneralException");
}

const UNSUPPORTED = new Set(["ApiNotFound", "NotImplemented", "UnsupportedFeature", "UnsupportedOperation"]);

/** Why a write to `sheet` failed, and what to do about it. */
export function writeFailureMessage(sheet: string, error: unknown): string {
  const { code, message, location } = officeErrorFields(error);
  const settings = isStateName(sheet);
  // The user renamed or deleted the sheet between the read and the write.
  if (code === "ItemNotFound" && !settings) return missingSheetMessage(sheet);
  const target = settings
    ? "Scorecard could not save its settings in this workbook"
    : `Scorecard could not write to sheet "${sheet}"`;
  if (code === "AccessDenied") {
    return `${target}: it is protected or read-only. Unprotect it (Review › Unprotect Sheet) and apply again.`;
  }
  if (code === "InvalidOperationInCellEditMode") {
    return `${target}: Excel is in the middle of a cell edit. Press Enter or Esc and apply again.`;
  }
  if (UNSUPPORTED.has(code)) {
    return `${target}: this version of Excel does not support ${location || "a feature it needs"} (${message}).`;
  }
  if (code === "InvalidOperation" || code === "Conflict") {
    return `${target}: Excel refused the change (${message}). If someone else is editing the sheet, wait and apply again.`;
  }
  return `${target}: ${message}`;
}

/** The cells of `sheet` were written (the retry proved it); its colours, rules or widths were not. */
export function formatFailureMessage(sheet: string, error: unknown): string {
  const { message } = officeErrorFields(error);
  return `Sheet "${sheet}": the cells were written, but Excel refused their colours and formats (${message}). Apply again to colour them.`;
}

/** An optional part (print layout, chart) Excel would not set; the sheet itself was written. */
export function optionalFailureMessage(what: string, error: unknown): string {
  const { message } = officeErrorFields(error);
  return `Written, but Excel did not set ${what} (${message}).`;
}

export function protectedSheetMessage(sheet: string): string {
  return `Sheet "${sheet}" is protected, so Scorecard did not write to it. Unprotect it (Review › Unprotect Sheet) and apply again.`;
}

export function missingSheetMessage(sheet: string): string {
  return `Sheet "${sheet}" was not found: it was renamed or deleted since the workbook was read. Apply again.`;
}
