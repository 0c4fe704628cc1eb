#!/usr/bin/env node
// Builds the CLI (tsc -p tsconfig.cli.json into lib/) when lib/cli/main.js is missing or older than any of its
// TypeScript sources. Used by `npm run demo` and by the tests that run the built CLI. Plain Node, any OS.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const CLI = path.join(root, "lib", "cli", "main.js");
const SOURCES = ["src/core", "src/workbook", "src/hosts/xlsx", "src/cli", "src/sample"];

function newestSource() {
  return SOURCES.map((dir) => path.join(root, dir))
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir, { recursive: true }).map((file) => path.join(dir, String(file))))
    .filter((file) => file.endsWith(".ts"))
    .reduce((newest, file) => Math.max(newest, fs.statSync(file).mtimeMs), 0);
}

/** Returns the path of the built CLI; throws with tsc's output if the build fails. */
function ensureCliBuilt() {
  const built = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0;
  if (built > 0 && newestSource() <= built) return CLI;
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: root, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build:cli failed:\n${result.stdout}${result.stderr}`);
  // tsc leaves an up-to-date output file untouched; mark the build as fresh.
  const now = new Date();
  fs.utimesSync(CLI, now, now);
  return CLI;
}

module.exports = { ensureCliBuilt, CLI };

if (require.main === module) {
  try {
    ensureCliBuilt();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
