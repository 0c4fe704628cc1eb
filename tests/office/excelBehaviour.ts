/**
 * How real Excel behaves where it is less kind than a naive fake, in one place: each behaviour the fakes model
 * (tests/office/fakeExcel.ts for Office.js, callCustomFunction below for the KPI.* functions, the HyperFormula
 * harness's blanks-as-0 mode) is listed here beside the Microsoft page or office-js issue that shows it, so the
 * model can be checked against its evidence and extended.
 */

export interface Behaviour {
  readonly what: string;
  readonly evidence: readonly string[];
}

export const EXCEL_BEHAVIOURS = {
  errorArgumentsBlocked: {
    what:
      "Unless functions.json sets the top-level allowErrorForDataTypeAny, Excel does not call a custom function whose " +
      "argument holds an error: the whole call, a whole-column spill included, shows that error.",
    evidence: [
      "https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors#errors-as-custom-function-inputs",
      "https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany",
    ],
  },
  errorArgumentShape: {
    what:
      "With allowCustomDataForDataTypeAny (the metadata generator's default) an error reaches an `any` parameter as an " +
      'ErrorCellValue: { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }.',
    evidence: [
      "https://learn.microsoft.com/javascript/api/excel/excel.notavailableerrorcellvalue",
      "https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-data-types-concepts",
      "https://github.com/OfficeDev/Office-Addin-Scripts/pull/829",
    ],
  },
  blanksAsZero: {
    what:
      "Some Excel desktop builds pass an empty cell to an `any` parameter as 0 (Excel on the web passes null), in " +
      "single cells and in ranges alike.",
    evidence: [
      "https://github.com/OfficeDev/office-js/issues/4702",
      "https://github.com/OfficeDev/office-js/issues/5262",
      "https://github.com/OfficeDev/office-js/issues/1951",
    ],
  },
  listSeparator: {
    what:
      'Worksheet.getRanges wants its areas separated by the list separator of Excel\'s locale: under a ";" locale ' +
      'Excel desktop throws InvalidArgument for "E5:E9,E12:E20".',
    evidence: [
      "https://github.com/OfficeDev/office-js/issues/1167",
      "https://github.com/OfficeDev/office-js/issues/1985",
    ],
  },
  partialSync: {
    what:
      "A sync that fails part-way is not rolled back: the calls queued before the failing one stay applied, the " +
      "rest never run.",
    evidence: [
      "https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling",
      "https://github.com/OfficeDev/office-js/issues/1985",
    ],
  },
  valuesNull: {
    what: "Reading more than five million cells can give Range.values === null instead of an error.",
    evidence: [
      "https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices",
      "https://github.com/OfficeDev/office-js-docs-pr/pull/5821",
    ],
  },
  payloadAsGeneralException: {
    what:
      "Excel on the web limits requests and responses to 5 MB and often reports an oversized payload as a bare " +
      'GeneralException ("An internal error has occurred") rather than a payload error.',
    evidence: [
      "https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins",
      "https://github.com/OfficeDev/office-js/issues/1314",
      "https://github.com/OfficeDev/office-js/issues/1012",
    ],
  },
  deletedSheetRef: {
    what:
      "Deleting a sheet turns every formula that refers to it into #REF! (='Scorecard Summary'!B7 becomes =#REF!B7); " +
      "renaming it rewrites those references instead.",
    evidence: [
      "https://support.microsoft.com/office/how-to-correct-a-ref-error-822c8e46-e610-4d02-bf29-ec4b8c5ff4ac",
      "https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1)",
    ],
  },
} satisfies Record<string, Behaviour>;

/** The part of functions.json the call model reads. */
export interface FunctionsMetadata {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly functions: readonly { readonly id: string; readonly parameters: readonly { readonly type?: string }[] }[];
}

/** A cell as a formula argument holds it: a value, an error ("#N/A"), or empty (null). */
export type ArgumentCell = string | number | boolean | { readonly error: string } | null;

const ERROR_TYPES: Readonly<Record<string, string>> = {
  "#N/A": "NotAvailable",
  "#DIV/0!": "Div0",
  "#VALUE!": "Value",
  "#REF!": "Ref",
  "#NAME?": "Name",
  "#NUM!": "Num",
  "#NULL!": "Null",
};

export interface CallOptions {
  /** Model the desktop builds that pass empty cells as 0. */
  readonly blanksAsZero?: boolean;
}

/**
 * Calls a custom function the way Excel does: an error argument stops the call unless the metadata allows errors
 * (the result is then that error, `{ error }`), errors arrive as ErrorCellValue objects, and empty cells arrive as
 * null (or 0 with blanksAsZero).
 */
export function callCustomFunction<R>(
  metadata: FunctionsMetadata,
  id: string,
  implementation: (...args: unknown[][][]) => R,
  args: readonly (readonly (readonly ArgumentCell[])[] | undefined)[],
  options: CallOptions = {},
): R | { readonly error: string } {
  const spec = metadata.functions.find((f) => f.id === id);
  if (!spec) throw new Error(`functions.json has no function ${id}`);
  const firstError = args.flatMap((grid) => (grid ?? []).flat()).find(isError);
  if (firstError && metadata.allowErrorForDataTypeAny !== true) return { error: firstError.error };
  const passed = args.map((grid, i) => {
    if (grid === undefined) return undefined;
    if (spec.parameters[i]?.type !== "any" && grid.flat().some(isError)) {
      throw new Error(`parameter ${i} of ${id} is not of type any: Excel would not pass it an error`);
    }
    return grid.map((row) => row.map((cell) => asPassed(cell, options)));
  });
  return implementation(...(passed as unknown[][][]));
}

function isError(cell: ArgumentCell): cell is { readonly error: string } {
  return typeof cell === "object" && cell !== null;
}

function asPassed(cell: ArgumentCell, options: CallOptions): unknown {
  if (cell === null) return options.blanksAsZero ? 0 : null;
  if (!isError(cell)) return cell;
  return { type: "Error", basicType: "Error", basicValue: cell.error, errorType: ERROR_TYPES[cell.error] ?? "Value" };
}
