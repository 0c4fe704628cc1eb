import { headerPeriod, headerWords, isMeasureHeader, mapHeaderRow, matchHeader } from "../../src/workbook/headers";
import type { Field } from "../../src/workbook/headers";

describe("a header names a field (SPEC §1 words, case/space/punctuation-insensitive)", () => {
  test.each<[string, Field]>([
    ["Code", "code"],
    ["  REF. ", "code"],
    ["PI code", "code"],
    ["Indicator code", "code"],
    ["KPI", "code"],
    ["Measure", "name"],
    ["Indicator Description", "name"],
    ["PI description", "name"],
    ["Outcome", "group"],
    ["Council Plan Outcome", "group"],
    ["Quarter", "period"],
    ["Data Period", "period"],
    ["Annual", "period"],
    ["Value", "value"],
    ["Actual Q2", "value"],
    ["Current Position", "value"],
    ["Target", "target"],
    ["Current 2013-14 Target", "target"],
    ["Target value", "target"],
    ["Upper target", "targetUpper"],
    ["Aim to", "aim"],
    ["aim-to:", "aim"],
    ["Polarity", "aim"],
    ["Good is", "aim"],
    ["Direction", "aim"],
    ["Floor", "floor"],
    ["Floor value", "floor"],
    ["Minimum acceptable", "floor"],
    ["Red threshold", "floor"],
    ["Amber band", "band"],
    ["Previous", "previous"],
    ["Previous value", "previous"],
    ["Last period", "previous"],
    ["Status", "status"],
    ["RAG", "status"],
    ["RAG Rating", "status"],
    ["Current RAG", "status"],
    ["Short Trend", "shortTrend"],
    ["Direction of Travel", "shortTrend"],
    ["DoT", "shortTrend"],
    ["Long Trend", "longTrend"],
    ["Long term trend", "longTrend"],
  ])("%s -> %s", (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  test.each(["Previous RAG", "Previous target", "Bold Steps", "QPR", "Comments", "", "Coder"])(
    "%s names no field",
    (header) => {
      expect(matchHeader(header)).toBeNull();
    },
  );

  test("whole words only", () => {
    expect(headerWords("Aim to: (Polarity)")).toEqual(["aim", "to", "polarity"]);
    expect(matchHeader("Identity")).toBeNull();
    expect(matchHeader("Targeted")).toBeNull();
  });
});

describe("period headers", () => {
  test.each<[unknown, string]>([
    ["Sep-13", "Sep 2013"],
    ["Q1 2018/19", "Q1 2018/19"],
    ["2012-13 Outturn", "2012/13"],
    ["Actual Oct-12", "Oct 2012"],
    [new Date(Date.UTC(2013, 8, 30)), "Sep 2013"],
    [2017, "2017"],
  ])("%s reads as %s", (raw, label) => {
    expect(headerPeriod(raw as string)?.label).toBe(label);
  });

  test.each(["Target", "Q3", "Outturn", "12M"])("%s is not a period", (raw) => {
    expect(headerPeriod(raw)).toBeNull();
  });
});

describe("mapping a header row", () => {
  const row = (...headers: unknown[]) => headers.map((raw, col) => ({ col, raw: raw as string }));

  test("the closest of several matching columns wins; the others are left alone", () => {
    const map = mapHeaderRow(row("PI code", "Code", "Measure", "Value", "Target", "Aim"));
    expect(map.fields.code).toBe(1);
    expect(map.fields).toMatchObject({ name: 2, value: 3, target: 4, aim: 5 });
  });

  test("Kent's summary table: earlier outturn is a period column, RAG and Direction of Travel are outputs", () => {
    const map = mapHeaderRow(
      row(
        "Indicator Description",
        "Bold Steps",
        "QPR",
        "2012-13 Outturn",
        "Current 2013-14 Target",
        "Current Position",
        "Data Period",
        "RAG",
        "Direction of Travel",
      ),
    );
    expect(map.fields).toEqual({ name: 0, target: 4, value: 5, period: 6, status: 7, shortTrend: 8 });
    expect(map.periodColumns.map((p) => [p.col, p.period.label])).toEqual([[3, "2012/13"]]);
    expect(isMeasureHeader(map)).toBe(true);
  });

  test("wide layout: period columns in time order whatever the sheet order", () => {
    const map = mapHeaderRow(row("Code", "Measure", "Target", "Aim", "Nov-12", "Sep-12", "Oct-12"));
    expect(map.periodColumns.map((p) => p.col)).toEqual([5, 6, 4]);
    expect(map.fields.value).toBeUndefined();
    expect(isMeasureHeader(map)).toBe(true);
  });

  test("settings name the floor column exactly", () => {
    const map = mapHeaderRow(row("Code", "Value", "Target", "Aim", "Red line", "Floor"), "red line");
    expect(map.fields.floor).toBe(4);
  });

  test("a row needs identity, data and something to rate against", () => {
    expect(isMeasureHeader(mapHeaderRow(row("Code", "Value", "Target")))).toBe(true);
    expect(isMeasureHeader(mapHeaderRow(row("Name", "Value")))).toBe(false);
    expect(isMeasureHeader(mapHeaderRow(row("Value", "Target", "Aim")))).toBe(false);
    expect(isMeasureHeader(mapHeaderRow(row("Code", "Measure", "Target", "Aim")))).toBe(false);
  });
});
