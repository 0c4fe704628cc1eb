// New-user finding F19: a run with SPC off must not leave an earlier SPC run's Variation/Assurance words beside fresh
// statuses. The columns stay (header and state record, so switching SPC on again reuses them); their cells go blank
// and uncoloured.
import { applyRules } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";
import { KENT_MONTHS as MONTHS, kentSeries } from "../support/kent";

const [, , , ASC1] = kentSeries("ASC1");
const wide: MemorySheetInit = {
  name: "Wide",
  rows: [
    ["Code", "Aim", "Target", ...MONTHS],
    ["ASC1", "Higher is better", 0.8, ...ASC1],
  ],
};

describe("SPC switched off after an SPC run", () => {
  test("the Variation and Assurance cells it wrote are blanked and uncoloured; header and record stay", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    await applyRules(port, { settings: { spc: true } });
    expect(port.value("Wide", "T1")).toBe("Variation");
    expect(port.value("Wide", "T2")).toBe("Improvement (high)");
    expect(port.cell("Wide", "U2").style.fill).toBeDefined();

    await applyRules(port, { settings: { spc: false } });
    for (const a1 of ["T2", "U2"]) {
      expect(port.cell("Wide", a1).value).toBeNull();
      expect(port.cell("Wide", a1).formula).toBeNull();
      expect(port.cell("Wide", a1).style.fill).toBeUndefined();
      expect(port.cell("Wide", a1).style.font).toBeUndefined();
    }
    expect(port.value("Wide", "Q2")).toBe("Red");
    expect(port.value("Wide", "T1")).toBe("Variation");

    // On again: the same columns are reused (nothing added right of them) and filled.
    const again = await applyRules(port, { settings: { spc: true } });
    expect(again.columnsAdded).toBe(0);
    expect(port.value("Wide", "T2")).toBe("Improvement (high)");
    expect(port.value("Wide", "V1")).toBeNull();
  });

  test("a workbook that never had SPC gets no cells written right of its outputs", async () => {
    const port = new MemoryPort({ sheets: [wide] });
    await applyRules(port, { settings: { spc: false } });
    const before = port.dump("Wide");
    await applyRules(port, { settings: { spc: false } });
    expect(port.dump("Wide")).toEqual(before);
    expect(port.cell("Wide", "T2")).toEqual({ value: null, formula: null, style: {} });
  });
});
