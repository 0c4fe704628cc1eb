import { applyOutcome, errorOutcome, errorText, summaryOutcome } from "../../src/taskpane/messages";
import { applyReport, summaryResult } from "./fixtures";

describe("outcome messages", () => {
  it("says how many rows were rated on how many sheets and how many columns were added", () => {
    const outcome = applyOutcome(applyReport(), "pane");
    expect(outcome).toMatchObject({ intent: "success", title: "Rules applied" });
    expect(outcome.lines).toEqual(["27 rows rated on 2 sheets.", "6 columns added for status and trends."]);
  });

  it("counts only the sheets it was asked to apply the rules to", () => {
    const outcome = applyOutcome({ ...applyReport(), rowsRated: 2 }, "pane", ["Place"]);
    expect(outcome.lines[0]).toBe("2 rows rated on 1 sheet.");
  });

  it("says existing columns were reused, and names sheets that could not be written", () => {
    const report = {
      ...applyReport(),
      columnsAdded: 0,
      rowsRated: 1,
      writeProblems: [{ sheet: "Place", message: "The sheet is protected." }],
    };
    const outcome = applyOutcome(report, "pane");
    expect(outcome.intent).toBe("warning");
    expect(outcome.lines).toEqual([
      "1 row rated on 2 sheets.",
      "No columns added: existing status and trend columns were reused.",
      "Place: The sheet is protected.",
    ]);
  });

  it("names the summary sheet and what it covers", () => {
    expect(summaryOutcome(summaryResult(), "ribbon")).toEqual({
      source: "ribbon",
      intent: "success",
      title: "Summary sheet generated",
      lines: ['"Scorecard Summary" summarises 7 measures on 2 sheets.'],
    });
  });

  it("turns anything thrown into one readable line", () => {
    expect(errorText(new Error("Sheet People is protected."))).toBe("Sheet People is protected.");
    expect(errorText("plain text")).toBe("plain text");
    expect(errorText({ weird: true })).toBe("An unexpected error occurred.");
    expect(errorOutcome("apply the rules", new Error("x"), "pane")).toMatchObject({
      intent: "error",
      title: "Could not apply the rules",
    });
  });
});
