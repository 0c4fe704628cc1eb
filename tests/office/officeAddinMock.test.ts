/**
 * The host against office-addin-mock, Microsoft's mock of the Office.js object model. The mock cannot
 * load collection items by property (worksheets.load({ name: true })), has no null objects and does not
 * run queued calls at sync, so the reads and writes are tested on tests/office/fakeExcel.ts instead; what
 * it can check is that a call the host makes lands on the object model as written.
 */
import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../../src/hosts/office";
import type { XlContext } from "../../src/hosts/office";

describe("the host on office-addin-mock", () => {
  it("selects a cell: activates its sheet, selects the cell, one sync", async () => {
    const activate = jest.fn();
    const select = jest.fn();
    const getCell = jest.fn(() => ({ select }));
    const getItem = jest.fn(() => ({ activate, getCell }));
    const mock = new OfficeMockObject({ workbook: { worksheets: { getItem } } });
    const sync = jest.spyOn(mock, "sync");
    // The mock is untyped: it stands in for the slice of Excel.RequestContext the host uses.
    await new OfficeWorkbook(mock as unknown as XlContext).select({ sheet: "People", row: 11, col: 6 });
    expect(getItem).toHaveBeenCalledWith("People");
    expect(activate).toHaveBeenCalledTimes(1);
    expect(getCell).toHaveBeenCalledWith(11, 6);
    expect(select).toHaveBeenCalledTimes(1);
    expect(sync).toHaveBeenCalledTimes(1);
  });
});
