#!/usr/bin/env node
// npm run demo: builds the CLI if lib/ is missing or stale, writes the sample workbook, scores it into
// out/sample.scored.xlsx with a JSON report in out/report.json, and prints the summary.
// Plain Node (no shell), so it runs the same on Windows, macOS and Linux.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { ensureCliBuilt } = createRequire(import.meta.url)("./ensure-cli-built.cjs");

function run(label, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`demo: "${label}" failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

let cli;
try {
  cli = ensureCliBuilt((message) => console.log(message));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

fs.mkdirSync(path.join(root, "out"), { recursive: true });
const sample = path.join("out", "sample.xlsx");
const scored = path.join("out", "sample.scored.xlsx");
const report = path.join("out", "report.json");
run(`scorecard sample -o ${sample}`, [cli, "sample", "-o", sample]);
run(`scorecard apply ${sample} -o ${scored} --json ${report}`, [cli, "apply", sample, "-o", scored, "--json", report]);
run(`scorecard summary ${scored}`, [cli, "summary", scored]);
console.log(`\nOpen ${scored} in Excel or LibreOffice; the JSON report is ${report}.`);
