// CellStyle.plain through the Office.js host (new-user finding F19): a cell Scorecard coloured before and no longer
// fills loses its fill (RangeFill.clear) and its coloured font (back to black), value and all.
import { OfficeWorkbook } from "../../src/hosts/office";
import { FakeContext, FakeWorkbook } from "./fakeExcel";

test("a plain style clears the fill and the font colour a previous write set", async () => {
  const ctx = new FakeContext(
    new FakeWorkbook([
      {
        name: "North",
        rows: [
          ["Code", "Value", "Variation"],
          ["A1", 5, "Fail"],
        ],
      },
    ]),
  );
  const port = new OfficeWorkbook(ctx);
  await port.readWorkbook();
  const at = { row: 1, col: 2, rows: 1, cols: 1 };
  await port.write({
    sheets: [
      {
        sheet: "North",
        blocks: [],
        styles: [{ range: at, style: { fill: "#FFC7CE", font: "#9C0006" } }],
        conditionalRules: [],
      },
    ],
  });
  expect(ctx.book.sheet("North").style(1, 2)).toEqual({ fill: "#FFC7CE", font: "#9C0006" });
  await port.write({
    sheets: [
      {
        sheet: "North",
        blocks: [{ row: 1, col: 2, cells: [[{ value: null }]] }],
        styles: [{ range: at, style: { plain: true } }],
        conditionalRules: [],
      },
    ],
  });
  const north = ctx.book.sheet("North");
  expect(north.value(1, 2)).toBeNull();
  expect(north.style(1, 2).fill).toBeUndefined();
  expect(north.style(1, 2).font).toBe("#000000");
});
