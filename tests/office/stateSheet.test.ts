import { decodeState, encodeState, STATE_CHUNK_CHARS } from "../../src/workbook/stateSheet";

describe("the add-in state in its sheet's column A", () => {
  it("cuts long JSON into cells under Excel's 32,767-character limit and joins it back", () => {
    const json = JSON.stringify({
      settings: { band: 0.05 },
      owned: Array.from({ length: 9000 }, (_, i) => `Sheet ${i}`),
    });
    const cells = encodeState(json);
    expect(cells.length).toBe(Math.ceil(json.length / STATE_CHUNK_CHARS));
    expect(cells.every((c) => c.length <= 32_767)).toBe(true);
    expect(decodeState(cells.map((c) => [c]))).toBe(json);
  });

  it("never splits a character outside the basic plane across two cells", () => {
    const json = `"${"a".repeat(STATE_CHUNK_CHARS - 2)}😀tail"`;
    const cells = encodeState(json);
    expect(cells.every((c) => !/[\uD800-\uDBFF]$/.test(c))).toBe(true);
    expect(decodeState(cells.map((c) => [c]))).toBe(json);
  });

  it("marks every cell so Excel never reads a chunk as a number, date or formula", () => {
    const cells = encodeState('=1+1"-12","Sep-13"');
    expect(cells.every((c) => /^[a-z]+:/.test(c))).toBe(true);
  });

  it("reads nothing from an empty or foreign column", () => {
    expect(decodeState([])).toBeNull();
    expect(decodeState([[null], ["user text"], [42]])).toBeNull();
  });
});
