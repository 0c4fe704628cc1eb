// SPC counts and sentences for the summaries (issue 12): every word of the sentence agrees with its counts.
import { countSpc, spcNarrative } from "../../src/core/spcSummary";
import type { SpcOutcome } from "../../src/core/spcSummary";
import type { Assurance, Variation } from "../../src/core/spc";

const m = (code: string, variation: Variation, assurance: Assurance): SpcOutcome => ({ code, variation, assurance });

describe("countSpc", () => {
  test("variation by meaning, whichever side; assurance by word; NA measures are not charted", () => {
    const counts = countSpc([
      m("A1", "Improvement (high)", "Pass"),
      m("A2", "Improvement (low)", "Hit and miss"),
      m("A3", "Concern (low)", "Fail"),
      m("A4", "Neutral (high)", "Hit and miss"),
      m("A5", "Common cause", "NA"),
      m("A6", "NA", "NA"),
    ]);
    expect(counts).toEqual({
      charted: 5,
      notCharted: ["A6"],
      commonCause: ["A5"],
      improvement: ["A1", "A2"],
      concern: ["A3"],
      neutral: ["A4"],
      pass: ["A1"],
      fail: ["A3"],
      hitAndMiss: ["A2", "A4"],
    });
  });
});

describe("spcNarrative", () => {
  test("the reports' style, with codes, singular and plural", () => {
    const counts = countSpc([
      m("AB1", "Improvement (high)", "Hit and miss"),
      m("AB2", "Common cause", "Pass"),
      m("CD3", "Improvement (low)", "Hit and miss"),
    ]);
    expect(spcNarrative(counts, "outcome")).toEqual([
      "3 measures have 12 or more periods and a usable aim: 1 measure shows common cause variation (AB2) and 2 measures show special cause improvement (AB1, CD3).",
      "1 measure will consistently meet its target (AB2) and 2 measures will hit and miss their target (AB1, CD3).",
    ]);
  });

  test("all four kinds of variation and all three of assurance, listed in order", () => {
    const counts = countSpc([
      m("A", "Common cause", "Pass"),
      m("B", "Improvement (high)", "Fail"),
      m("C", "Concern (high)", "Fail"),
      m("D", "Neutral (low)", "Hit and miss"),
    ]);
    expect(spcNarrative(counts, "directorate")).toEqual([
      "4 measures have 12 or more periods and a usable aim: 1 measure shows common cause variation (A), 1 measure shows special cause improvement (B), 1 measure shows special cause concern (C) and 1 measure shows special cause variation (neutral) (D).",
      "1 measure will consistently meet its target (A), 2 measures will consistently miss their target (B, C) and 1 measure will hit and miss its target (D).",
    ]);
  });

  test("no target anywhere: the variation sentence alone; nothing charted: says why", () => {
    expect(spcNarrative(countSpc([m("A", "Common cause", "NA")]), "outcome")).toEqual([
      "1 measure has 12 or more periods and a usable aim: 1 measure shows common cause variation (A).",
    ]);
    expect(spcNarrative(countSpc([m("A", "NA", "NA")]), "directorate")).toEqual([
      "No measure in this directorate has the 12 or more periods and the usable aim SPC needs.",
    ]);
  });

  test("measures without an SPC result are counted and named, so the first count is not read as all (N16)", () => {
    // PH01 and PH04 have 17 months but no usable aim: SPC gives them no words; they were in no count before.
    const counts = countSpc([
      m("PH01", "NA", "NA"),
      m("PH02", "Common cause", "NA"),
      m("PH03", "Concern (high)", "NA"),
      m("PH04", "NA", "NA"),
    ]);
    expect(spcNarrative(counts, "directorate")).toEqual([
      "2 measures have 12 or more periods and a usable aim: 1 measure shows common cause variation (PH02) and 1 measure shows special cause concern (PH03).",
      "2 measures have no SPC result, for fewer than 12 periods or no usable aim (PH01, PH04).",
    ]);
    expect(spcNarrative(countSpc([m("A", "Common cause", "Pass"), m("B", "NA", "NA")]), "outcome")[1]).toBe(
      "1 measure has no SPC result, for fewer than 12 periods or no usable aim (B).",
    );
  });
});
