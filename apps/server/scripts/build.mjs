#!/usr/bin/env node
// Bundles the server into dist/ for `npm start` and production (esbuild, well under a second):
// main.js, one bundle per worker-thread module (src/**/*-worker.ts) next to it, and the SQL
// migrations. Running the bundle with plain `node` skips the TypeScript loader, which costs
// ≈ 60 MB of memory per process (its own thread and compiler) and the compile at every start.
// npm packages stay external (resolved from node_modules at run time); @komek/domain is bundled.
// The CLI (`npx komek`), `npm run dev` and the tests run the TypeScript sources directly.
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');

/** Builds the server into `outdir` (default apps/server/dist); returns the bundles' names. */
export async function buildServer(outdir = join(root, 'dist')) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const external = Object.keys(pkg.dependencies ?? {}).flatMap((d) => [d, `${d}/*`]);
  const workers = readdirSync(join(root, 'src'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('-worker.ts'));
  const entryPoints = { main: join(root, 'src', 'main.ts') };
  for (const w of workers) {
    const name = basename(w, '.ts');
    if (entryPoints[name]) throw new Error(`two worker modules named ${name}: names must be unique`);
    entryPoints[name] = join(root, 'src', w);
  }
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external,
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // src/db/migrate.ts reads the migrations next to its module: in the bundle, next to main.js.
  cpSync(join(root, 'src', 'db', 'migrations'), join(outdir, 'migrations'), { recursive: true });
  return Object.keys(entryPoints);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildServer(process.argv[2]);
}
