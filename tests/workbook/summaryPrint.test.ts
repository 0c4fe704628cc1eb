/**
 * The summary as printed (new-user findings N2, N9): the sheet prints fitted to its widest row, so no text below the
 * counts table may run past the table's last column (I); a long sentence or list of codes goes on over several rows,
 * every code still there. A sheet whose measures all sit in one group (its own title read as a group) prints no
 * group level.
 */
import fc from "fast-check";
import { breakLines } from "../../src/core/text";
import type { CellValue } from "../../src/core/types";
import { applyRules } from "../../src/workbook";
import { MemoryPort } from "../support/memoryPort";
import type { MemorySheetInit } from "../support/memoryPort";

const codes = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, "0")}`);

describe("breakLines", () => {
  test.each([
    ["A1, A2, A3", 6, ["A1,", "A2, A3"]],
    ["A1, A2, A3", 5, ["A1,", "A2,", "A3"]],
    ["short", 10, ["short"]],
    ["abcdefgh ij", 4, ["abcd", "efgh", "ij"]],
    ["We met (A1, B2)", 9, ["We met", "(A1, B2)"]],
  ])("%j at %i characters", (text, width, lines) => {
    expect(breakLines(text, width)).toEqual(lines);
  });

  test("an emoji is never split at a cut inside a word", () => {
    expect(breakLines("ab😀cd", 3)).toEqual(["ab", "😀c", "d"]);
  });

  test("property: every line fits, and lines joined by a space give the text back (single spaces, words that fit)", () => {
    const word = fc.stringMatching(/^[A-Za-z0-9(),.]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), fc.integer({ min: 12, max: 200 }), (words, width) => {
        const text = words.join(" ");
        const lines = breakLines(text, width);
        expect(lines.every((l) => l.length <= width)).toBe(true);
        expect(lines.join(" ")).toBe(text);
      }),
    );
  });
});

/** One directorate of `n` measures on a sheet with two groups: a third each Green, Amber and Red. */
function directorate(n: number): MemorySheetInit {
  const rows: (string | number | null)[][] = [["Code", "Measure", "Period", "Value", "Target", "Aim"]];
  const half = Math.ceil(n / 2);
  codes("CP", n).forEach((code, i) => {
    if (i === 0) rows.push(["Healthy communities"]);
    if (i === half) rows.push(["Resilient families"]);
    const value = [60, 48, 30][i % 3];
    rows.push([code, `Measure ${code}`, "Q2 2025/26", value, 50, "Maximise"]);
  });
  return { name: "People", rows, bold: ["A2", `A${half + 3}`] };
}

/** The characters a text starting in column `col` may take before it passes column I, as the summary works it out. */
function room(port: MemoryPort, col: number): number {
  const { widths } = port.sheet("Scorecard Summary");
  let sum = 0;
  for (let c = col; c < 9; c++) sum += widths.get(c) ?? 0;
  return Math.floor(0.9 * sum);
}

describe.each([60, 150, 1_200])("a directorate of %i measures (new-user finding N2)", (n) => {
  let port: MemoryPort;
  let grid: CellValue[][];
  beforeAll(async () => {
    port = new MemoryPort({ sheets: [directorate(n)] });
    await applyRules(port);
    grid = port.grid("Scorecard Summary");
  });

  test("below the counts table, no text runs past the table's last column", () => {
    const key = grid.findIndex((r) => r[0] === "Key");
    expect(key).toBeGreaterThan(0);
    const over = grid
      .slice(key)
      .flatMap((r, i) =>
        r.flatMap((v, col) => (typeof v === "string" && v.length > room(port, col) ? [`row ${key + i + 1}`] : [])),
      );
    expect(over).toEqual([]);
  });

  test("the Red sentence goes on over rows below it, every Red code in order", () => {
    const red = codes("CP", n).filter((_, i) => i % 3 === 2);
    const at = grid.findIndex((r) => typeof r[0] === "string" && r[0].includes("significantly below target (red)"));
    let text = String(grid[at][0]);
    for (let row = at + 1; !text.endsWith(")."); row++) text += ` ${String(grid[row][0])}`;
    expect(text).toBe(`${red.length} measures are significantly below target (red) (${red.join(", ")}).`);
  });

  test("the Red count's codes go on in column C over rows with nothing in A and B", () => {
    const at = grid.findIndex((r) => r[0] === "Red" && typeof r[2] === "string");
    const lines = [String(grid[at][2])];
    for (let row = at + 1; grid[row][0] === null && typeof grid[row][2] === "string"; row++) {
      expect(grid[row][1]).toBeNull();
      lines.push(String(grid[row][2]));
    }
    expect(lines.join(" ")).toBe(
      codes("CP", n)
        .filter((_, i) => i % 3 === 2)
        .join(", "),
    );
    // Each line as full as its room allows: the next line's first code would not have fitted.
    const width = room(port, 2);
    expect(lines.filter((l) => l.length > width)).toEqual([]);
    expect(lines.slice(0, -1).filter((l, i) => `${l} ${lines[i + 1].split(" ")[0]}`.length <= width)).toEqual([]);
  });

  test("the counts dashboards link to stay in A5:G7", () => {
    expect(grid[4][0]).toBe("RAG counts by directorate");
    expect(grid[6].slice(0, 7)).toEqual([
      "People",
      Math.ceil(n / 3),
      Math.ceil((n - 1) / 3),
      Math.floor(n / 3),
      0,
      n,
      n,
    ]);
  });
});

describe("a sheet whose measures all sit in one group: its title (new-user finding N9)", () => {
  const titled: MemorySheetInit = {
    name: "Adults",
    rows: [
      ["Adult Social Care – Performance Scorecard 2025/26"],
      ["Code", "Measure", "Period", "Value", "Target", "Aim"],
      ["ASC01", "Reablement", "Q2 2025/26", 80, 75, "Maximise"],
      ["ASC02", "Delayed transfers", "Q2 2025/26", 12, 10, "Minimise"],
    ],
    bold: ["A1"],
  };

  test("no group level: the counts and sentences once, the measures listed under the directorate", async () => {
    const port = new MemoryPort({ sheets: [titled] });
    const report = await applyRules(port);
    // The rules still read the title as the group (SPEC §1); only the printed summary leaves the level out.
    expect(report.summary[0].groups.map((g) => g.group)).toEqual(["Adult Social Care – Performance Scorecard 2025/26"]);
    const text = port.grid("Scorecard Summary").map((r) => r.filter((v) => v !== null && v !== "").join(" | "));
    expect(text.filter((l) => l.startsWith("Measures | "))).toEqual(["Measures | 2"]);
    expect(text.filter((l) => l.includes("for this outcome"))).toEqual([]);
    expect(text.some((l) => l.includes("Performance Scorecard 2025/26"))).toBe(false);
    const adults = text.indexOf("Adults");
    expect(text.slice(adults).filter((l) => l.includes(" | ASC0"))).toEqual([
      "Red | 1 | ASC02",
      "Green | 1 | ASC01",
      "Delayed transfers | ASC02 | Q2 2025/26 | 12 | 10 | Red | NA | NA",
      "Reablement | ASC01 | Q2 2025/26 | 80 | 75 | Green | NA | NA",
    ]);
  });

  test("two groups keep the group level", async () => {
    const port = new MemoryPort({ sheets: [directorate(6)] });
    await applyRules(port);
    const text = port.grid("Scorecard Summary").map((r) => r.filter((v) => v !== null && v !== "").join(" | "));
    expect(text.filter((l) => l.startsWith("Measures | "))).toEqual(["Measures | 6", "Measures | 3", "Measures | 3"]);
    expect(text).toContain("Resilient families");
  });
});

describe("the same problem on many measures (new-user finding N17)", () => {
  const rows = (n: number): (string | number)[][] => [
    ["Code", "Value", "Target", "Aim"],
    ...Array.from({ length: n }, (_, i) => [`M${i + 1}`, 1, 2, "Hgher is better"]),
    ["X1", 1, 2, "Sideways"],
  ];
  const dataQuality = async (n: number) => {
    const port = new MemoryPort({ sheets: [{ name: "S", rows: rows(n) }] });
    await applyRules(port);
    const grid = port.grid("Scorecard Summary");
    return { grid: grid.slice(grid.findIndex((r) => r[0] === "Data quality") + 1), port };
  };

  test("is one row: the message once, its first cell and how many more, the cells beside it", async () => {
    const { grid } = await dataQuality(3);
    expect(grid.map((r) => r.slice(0, 3))).toEqual([
      ["Sheet", "Cell", "Problem"],
      ["S", "D2 (+2)", 'Unknown aim "Hgher is better": the status is NA. In 3 cells: D2, D3, D4.'],
      ["S", "D5", 'Unknown aim "Sideways": the status is NA.'],
    ]);
  });

  test("on 200 measures the cells are cut to the table's width, saying how many more", async () => {
    const { grid, port } = await dataQuality(200);
    const text = String(grid[1][2]);
    expect(grid[1].slice(0, 2)).toEqual(["S", "D2 (+199)"]);
    expect(text).toMatch(
      /^Unknown aim "Hgher is better": the status is NA\. In 200 cells: D2, D3, .* … and \d+ more\.$/,
    );
    expect(text.length).toBeLessThanOrEqual(room(port, 2));
    expect(grid).toHaveLength(3);
  });
});
