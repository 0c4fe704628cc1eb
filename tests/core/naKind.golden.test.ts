/** SPEC §5: an NA measure is either "data not available" (no value) or "not rated" (no usable target or aim). */
import { rate } from "../../src/core";
import type { RawRow } from "../../src/core";

test.each<[string, RawRow, "noData" | "notRated" | null]>([
  ["a rated row", { value: 96, target: 100, aim: "Max" }, null],
  ["an NA value", { value: "NA", target: 100, aim: "Max" }, "noData"],
  ["a blank value", { value: null, target: 100, aim: "Max" }, "noData"],
  ["an error value", { value: { error: "#DIV/0!" }, target: 100, aim: "Max" }, "noData"],
  ["no value and no aim", { value: "NA", target: 100, aim: null }, "noData"],
  ["a value without a target", { value: 96, target: null, aim: "Max" }, "notRated"],
  ["a value without an aim", { value: 96, target: 100, aim: null }, "notRated"],
  ["a value with an unknown aim", { value: 96, target: 100, aim: "Sideways" }, "notRated"],
  ["a range target with a Maximise aim", { value: 96, target: "60-70", aim: "Max" }, "notRated"],
])("%s", (_name, row, kind) => {
  const result = rate(row);
  expect(result.naKind).toBe(kind);
  expect(result.status === "NA").toBe(kind !== null);
});
