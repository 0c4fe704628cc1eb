import { findByName, sameSheetName, sheetKey } from "../../src/workbook/sheetNames";

test("sheet names compare as Excel compares them: case-blind", () => {
  expect(sameSheetName("People", "PEOPLE")).toBe(true);
  expect(sameSheetName("People", "People ")).toBe(false);
  expect(sheetKey("north & east")).toBe(sheetKey("North & East"));
});

test("findByName prefers the exact spelling, then a case-blind match", () => {
  const sheets = [{ name: "people" }, { name: "Places" }];
  expect(findByName(sheets, "people")).toBe(sheets[0]);
  expect(findByName(sheets, "PLACES")).toBe(sheets[1]);
  expect(findByName(sheets, "Money")).toBeUndefined();
});
