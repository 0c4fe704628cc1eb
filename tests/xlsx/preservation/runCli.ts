/** Runs the built CLI in its own process, as a user does, with its wall time and peak resident memory. */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");
const { ensureCliBuilt } = require(path.join(root, "scripts", "ensure-cli-built.cjs")) as { ensureCliBuilt(): string };

export interface Measured {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  readonly peakMb: number;
}

/** A preload that prints the process's peak RSS on exit (stripped from stderr again). */
function preload(dir: string): string {
  const file = path.join(dir, "peak-rss.cjs");
  writeFileSync(
    file,
    `process.on("exit", () => process.stderr.write("\\npeak-rss-kb=" + process.resourceUsage().maxRSS + "\\n"));\n`,
  );
  return file;
}

export function builtCli(): string {
  return ensureCliBuilt();
}

export function runBuiltCli(dir: string, args: readonly string[], timeoutMs = 600_000): Promise<Measured> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ["--require", preload(dir), builtCli(), ...args], { cwd: root });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve) => {
    child.on("close", (status) => {
      clearTimeout(timer);
      const peak = /\n?peak-rss-kb=(\d+)\n?/.exec(stderr);
      resolve({
        status,
        stdout: stdout.trimEnd(),
        stderr: stderr.replace(/\n?peak-rss-kb=\d+\n?/, "").trimEnd(),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peakMb: peak ? Number(peak[1]) / 1024 : NaN,
      });
    });
  });
}
