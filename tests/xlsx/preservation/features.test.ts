/**
 * Issue 8: `scorecard apply` keeps every byte it does not own. Each fixture holds one feature councils' workbooks
 * have (tests/fixtures/ooxml/features.ts); the apply must leave every part it does not own byte-identical, and in the
 * parts it edits keep every cell, row, column setting, defined name, rule and extension of the user's.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { FIXTURES, fixtureBytes } from "../../fixtures/ooxml/features";
import { checkApply, cli, tempDir, unzip } from "./preserve";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe.each(FIXTURES)("apply keeps $feature ($name)", (fixture) => {
  it.each(["values", "formulas"] as const)(
    "in %s mode: exit 0, 12 rows rated, nothing of the user's changed",
    async (mode) => {
      const input = path.join(dir, `${fixture.name}.${fixture.ext}`);
      const output = path.join(dir, `${fixture.name}.${mode}.out.${fixture.ext}`);
      const bytes = fixtureBytes(fixture);
      await fs.writeFile(input, bytes);
      const result = await cli("apply", input, "-o", output, ...(mode === "formulas" ? ["--formulas"] : []));

      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: fixture.stderr ?? "" });
      expect(result.stdout).toMatch(/^Rated 12 rows \(3 measures\) in 1 table on 1 sheet;/);
      expect(await fs.readFile(input)).toEqual(Buffer.from(bytes));
      const findings = checkApply(unzip(bytes), unzip(await fs.readFile(output)), {
        scored: fixture.scored,
        measureTablePart: fixture.measureTablePart,
        formulas: mode === "formulas",
      });
      expect(findings).toEqual([]);
    },
  );
});
