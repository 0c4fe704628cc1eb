/**
 * Issue 8, idempotence: apply on its own output changes nothing but what that run owns (the output columns, the
 * summary and state sheets, appended styles and strings), adds no second summary or column set, and the same apply
 * run twice writes the same bytes.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { FIXTURES, fixtureBytes } from "../../fixtures/ooxml/features";
import { checkApply, cli, packageMap, sameBytes, tempDir, unzip } from "./preserve";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe.each(FIXTURES)("apply twice on $name", (fixture) => {
  const file = (what: string): string => path.join(dir, `${fixture.name}.${what}.${fixture.ext}`);
  const MODES = { values: [], formulas: ["--formulas"] } as const;

  it.each(["values", "formulas"] as const)(
    "in %s mode, on its own output: exit 0 and nothing changed but what the second run owns",
    async (mode) => {
      await fs.writeFile(file("in"), fixtureBytes(fixture));
      expect((await cli("apply", file("in"), "-o", file(`${mode}.once`), ...MODES[mode])).status).toBe(0);
      const again = await cli("apply", file(`${mode}.once`), "-o", file(`${mode}.twice`), ...MODES[mode]);
      expect({ status: again.status, stderr: again.stderr }).toEqual({ status: 0, stderr: fixture.stderr ?? "" });
      expect(again.stdout).toMatch(/^Rated 12 rows \(3 measures\) in 1 table on 1 sheet; added 0 columns;/);

      const once = unzip(await fs.readFile(file(`${mode}.once`)));
      const twice = unzip(await fs.readFile(file(`${mode}.twice`)));
      const own = { scored: fixture.scored, measureTablePart: fixture.measureTablePart, formulas: mode === "formulas" };
      expect(checkApply(once, twice, own)).toEqual([]);
      // Same sheets, in the same order: the summary replaced, not doubled.
      const names = (files: typeof once): string[] => packageMap(files).sheets.map((s) => s.name);
      expect(names(twice)).toEqual(names(once));
    },
  );

  it.each(["values", "formulas"] as const)("in %s mode, the same apply twice writes the same bytes", async (mode) => {
    await fs.writeFile(file("in"), fixtureBytes(fixture));
    expect((await cli("apply", file("in"), "-o", file("a"), ...MODES[mode])).status).toBe(0);
    expect((await cli("apply", file("in"), "-o", file("b"), ...MODES[mode])).status).toBe(0);
    expect(sameBytes(await fs.readFile(file("a")), await fs.readFile(file("b")))).toBe(true);
  });
});
