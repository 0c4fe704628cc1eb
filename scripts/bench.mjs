// npm run bench [-- name…]: runs every bench/*.ts (or those whose file name contains one of the names), one after
// another so they do not compete for the two cores. Each file is bundled with esbuild first, as webpack bundles the
// add-in: calls between our modules are then plain calls, not the per-call export getters a file-by-file loader adds
// (they cost ~30% of the rules engine's time). Packages in node_modules stay external. A bench file runs as
// CommonJS with __dirname/__filename/import.meta.url of its source; a bench that throws fails the run.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const benchDir = join(root, "bench");
const outDir = join(root, "node_modules", ".cache", "scorecard-bench");
const wanted = process.argv.slice(2);

const files = readdirSync(benchDir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
if (files.length === 0) {
  console.error(`no bench/*.ts matches ${wanted.join(", ") || "(any)"}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const file of files) {
  const source = join(benchDir, file);
  const bundle = join(outDir, file.replace(/\.ts$/, ".cjs"));
  await build({
    entryPoints: [source],
    outfile: bundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    sourcemap: "inline",
    logLevel: "warning",
    define: {
      __dirname: JSON.stringify(benchDir),
      __filename: JSON.stringify(source),
      "import.meta.url": JSON.stringify(pathToFileURL(source).href),
    },
  });
  console.log(`\n== bench/${file}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ["--enable-source-maps", bundle], { cwd: root, stdio: "inherit" });
  const ok = run.status === 0;
  if (!ok) failed++;
  console.log(
    `== bench/${file}: ${ok ? "done" : `FAILED (exit ${run.status ?? run.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
process.exit(failed === 0 ? 0 : 1);
