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

const LOCK = path.join(root, "lib", ".build-lock");
const LOCK_STALE_MS = 5 * 60 * 1000;

function isFresh() {
  const built = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0;
  return built > 0 && newestSource() <= built;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Test workers may ask at the same time: one builds, the others wait for it (a folder is created atomically). */
function withLock(fn) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const age = Date.now() - fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (age > LOCK_STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Returns the path of the built CLI; throws with tsc's output if the build fails. `log` hears when it builds. */
function ensureCliBuilt(log = () => {}) {
  if (isFresh()) return CLI;
  return withLock(() => {
    if (isFresh()) return CLI;
    log("Building the CLI (npm run build:cli: tsc -p tsconfig.cli.json) ...");
    const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.cli.json"], { cwd: root, encoding: "utf8" });
    if (result.status !== 0) throw new Error(`npm run build:cli failed:\n${result.stdout}${result.stderr}`);
    // Mark the build as fresh even where tsc left an unchanged output file alone.
    const now = new Date();
    fs.utimesSync(CLI, now, now);
    return CLI;
  });
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
