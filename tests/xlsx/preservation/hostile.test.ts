/**
 * Issue 8, hostile files, each through the built CLI in its own process: a refusal is exit 2 with one clear line and
 * no output file; a file that can be processed is exit 0. Time and peak memory are printed here for the record and
 * measured in bench/big-sheet.ts; the only bound asserted is the stray cell's memory, the failure it used to have.
 * The big files are generated, streaming, into tests/.tmp/hostile (gitignored).
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BOMB_MIB, MAX_ROWS, strayCellWorkbook, writeBigSheet, writeZipBomb } from "../../fixtures/ooxml/hostile";
import { runBuiltCli, builtCli, type Measured } from "./runCli";

const DIR = path.resolve(__dirname, "../../.tmp/hostile");

beforeAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  builtCli();
}, 300_000);

const note = (what: string, r: Measured): void =>
  console.log(
    `${what}: exit ${r.status}, ${r.seconds.toFixed(2)} s, peak RSS ${r.peakMb.toFixed(0)} MB\n${r.stderr || r.stdout}`,
  );

function expectRefusal(r: Measured, input: string, output: string): void {
  expect(r.status).toBe(2);
  expect(r.stderr.split("\n")).toHaveLength(1);
  // Names the file, and says why: over the size limit, or inflating past the size its headers declare.
  expect(r.stderr).toMatch(
    new RegExp(`^scorecard: .*${path.basename(input).replace(/\./g, "\\.")}.*(limit|declare)`, "i"),
  );
  expect(existsSync(output)).toBe(false);
}

describe("hostile files", () => {
  it("a 7 KB workbook with one stray cell at XFD1048576 is processed in little memory, the stray cell kept", async () => {
    const input = path.join(DIR, "stray.xlsx");
    const output = path.join(DIR, "stray.scored.xlsx");
    const bytes = strayCellWorkbook();
    expect(bytes.length).toBeLessThan(8 * 1024);
    writeFileSync(input, bytes);
    const r = await runBuiltCli(DIR, ["apply", input, "-o", output], 100_000);
    note("stray cell", r);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Rated 12 rows \(3 measures\)/);
    expect(r.peakMb).toBeLessThan(1024);
    const { unzip, packageMap } = await import("./preserve");
    const { readFileSync } = await import("node:fs");
    const after = unzip(readFileSync(output));
    const sheet = Buffer.from(after[packageMap(after).sheets[0].part]).toString("utf8");
    expect(sheet).toMatch(/<c r="XFD1048576" t="s"><v>\d+<\/v><\/c><\/row><\/sheetData>/);
  }, 120_000);

  it.each([
    ["declares", false],
    ["hides (its headers lie)", true],
  ] as const)(
    "a zip bomb that %s its 1.2 GB is refused before it is inflated: exit 2, one line",
    async (what, lie) => {
      const input = path.join(DIR, `bomb-${lie ? "lying" : "honest"}.xlsx`);
      const output = path.join(DIR, `bomb-${lie ? "lying" : "honest"}.scored.xlsx`);
      const size = await writeZipBomb(input, lie);
      expect(size).toBeLessThan(1.5 * 1024 * 1024);
      expect(BOMB_MIB * 1024 * 1024).toBeGreaterThan(1.2e9);
      const r = await runBuiltCli(DIR, ["apply", input, "-o", output], 120_000);
      note(`zip bomb (${what})`, r);
      expectRefusal(r, input, output);
    },
    180_000,
  );

  it("a sheet of 1,048,576 rows is rated whole: exit 0", async () => {
    const input = path.join(DIR, "million.xlsx");
    const output = path.join(DIR, "million.scored.xlsx");
    const rows = await writeBigSheet(input, MAX_ROWS);
    console.log(`million-row input: ${(statSync(input).size / 1024 / 1024).toFixed(1)} MB`);
    const r = await runBuiltCli(DIR, ["apply", input, "-o", output], 900_000);
    note("1,048,576 rows", r);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    expect(r.stdout).toMatch(
      new RegExp(`^Rated ${rows} rows \\(${Math.ceil(rows / 4)} measures\\) in 1 table on 1 sheet;`),
    );
    expect(existsSync(output)).toBe(true);
  }, 1_200_000);
});
