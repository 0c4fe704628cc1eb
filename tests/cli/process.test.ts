/** The built `scorecard` binary as a shell runs it: exit statuses, one-line errors, never a stack trace. */
import { spawnSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const { ensureCliBuilt } = require("../../scripts/ensure-cli-built.cjs") as { ensureCliBuilt(): string };

let cli: string;
let dir: string;
beforeAll(() => {
  cli = ensureCliBuilt();
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "scorecard-bin-"));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const scorecard = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: "utf8" });
const STACK_LINE = /\n\s+at /;

it("is the package's bin, starts with a node shebang and prints its version", () => {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
  expect(path.resolve(__dirname, "../..", pkg.bin.scorecard)).toBe(cli);
  expect(readFileSync(cli, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
  expect(scorecard("--version")).toMatchObject({ status: 0, stdout: `${pkg.version}\n`, stderr: "" });
});

it.each([
  ["missing", () => "missing.xlsx", /cannot read missing\.xlsx: no such file or folder/],
  [
    "garbage",
    async () => write("garbage.xlsx", Buffer.from("\x00\x01garbage\xff".repeat(50), "latin1")),
    /garbage\.xlsx is not an \.xlsx workbook/,
  ],
  [
    "encrypted",
    async () => write("locked.xlsx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(4096)])),
    /locked\.xlsx is password-protected \(encrypted\)/,
  ],
])("exits 2 for a %s input: one stderr line, no stack trace, no output file", async (_what, make, message) => {
  const input = await make();
  const result = scorecard("apply", input, "--json", "r.json");
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(STACK_LINE);
  const left = (await fs.readdir(dir)).filter((f) => f !== input);
  expect(left).toEqual([]);
});

it.each([[["apply"]], [["frobnicate", "x.xlsx"]], [["apply", "x.xlsx", "--bogus"]]])(
  "exits 1 with one line and a pointer to --help for %j",
  (args) => {
    const result = scorecard(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^scorecard: .+\nRun scorecard --help for the options\.\n$/);
    expect(result.stderr).not.toMatch(STACK_LINE);
  },
);

it("exits 1 with the whole usage when no command is given", () => {
  const result = scorecard();
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^scorecard: No command given\.\n\nUsage: scorecard <command>/);
});

it("scores the sample from the command line", () => {
  expect(scorecard("sample", "-o", "s.xlsx").status).toBe(0);
  const result = scorecard("apply", "s.xlsx");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain(`Wrote ${path.join("s.scored.xlsx")}`);
  // stderr is not a terminal here, so no progress bar: only the data problem line.
  expect(result.stderr).toBe(`'Children''s Services'!E21: Unknown aim "Lower is btter": the status is NA.\n`);
});

async function write(name: string, data: Buffer): Promise<string> {
  await fs.writeFile(path.join(dir, name), data);
  return name;
}
