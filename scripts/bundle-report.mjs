#!/usr/bin/env node
// The resident route's first-load JavaScript, from the build in apps/web/dist: the entry script
// named by index.html, the resident chunk (ResidentApp-*.js) and every chunk either imports
// statically, each counted once, gzip-compressed (zlib level 9). Lazily imported chunks (the map,
// Leaflet, the public map) are listed but not counted: they load only on their step.
//   npm run build && node scripts/bundle-report.mjs [--budget-kb 150]
// Prints a table on stderr and one JSON line on stdout; exits 1 when over the budget.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'apps', 'web', 'dist');
const budgetArg = process.argv.indexOf('--budget-kb');
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 150;
if (!existsSync(join(dist, 'index.html'))) {
  console.error('no build: run `npm run build` first');
  process.exit(2);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entry = /<script[^>]+type="module"[^>]+src="\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
if (!entry) throw new Error('no module entry in index.html');
const residentFile = readdirSync(join(dist, 'assets')).find((f) => /^ResidentApp-[\w-]+\.js$/.test(f));
if (!residentFile) throw new Error('no ResidentApp-*.js chunk in the build');

const read = (rel) => readFileSync(join(dist, rel));
// Static imports in the bundler's output: `import{a as b}from"./x.js"` or `import"./x.js"`;
// `import("./x.js")` (any quotes) is lazy. A static import never starts with "(".
const STATIC = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g;
const LAZY = /\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g;

function closure(start) {
  const seen = new Set();
  const lazy = new Set();
  const visit = (rel) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const code = read(rel).toString('utf8');
    for (const m of code.matchAll(STATIC)) visit(join('assets', m[1].slice(2)));
    for (const m of code.matchAll(LAZY)) lazy.add(join('assets', m[1].slice(2)));
  };
  visit(start);
  return { files: seen, lazy };
}

const a = closure(entry);
const b = closure(join('assets', residentFile));
const files = [...new Set([...a.files, ...b.files])];
const rows = files.map((f) => ({ file: f, bytes: read(f).length, gzip: gzipSync(read(f), { level: 9 }).length }));
// Each lazy chunk with what it pulls in beyond the first load (the map step brings Leaflet).
const lazy = [...b.lazy]
  .filter((f) => !files.includes(f))
  .map((f) => {
    const extra = [...closure(f).files].filter((x) => !files.includes(x));
    return { file: f, with: extra.filter((x) => x !== f), gzip: extra.reduce((sum, x) => sum + gzipSync(read(x), { level: 9 }).length, 0) };
  });
const css = [...html.matchAll(/href="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
const residentCss = readdirSync(join(dist, 'assets')).filter((f) => /^ResidentApp-[\w-]+\.css$/.test(f)).map((f) => join('assets', f));
const cssGzip = [...css, ...residentCss].reduce((s, f) => s + gzipSync(read(f), { level: 9 }).length, 0);
const total = rows.reduce((s, r) => s + r.gzip, 0);
const kb = (n) => (n / 1024).toFixed(1);

for (const r of rows.sort((x, y) => y.gzip - x.gzip)) console.error(`${kb(r.gzip).padStart(7)} KB gz  ${kb(r.bytes).padStart(7)} KB  ${r.file}`);
console.error(`${kb(total).padStart(7)} KB gz  first-load JavaScript of the resident route (budget ${budgetKb} KB)`);
console.error(`${kb(cssGzip).padStart(7)} KB gz  first-load CSS`);
for (const l of lazy) console.error(`   lazy ${kb(l.gzip).padStart(6)} KB gz  ${l.file}${l.with.length ? ` (+ ${l.with.join(', ')})` : ''}`);
console.log(JSON.stringify({ route: '/', firstLoadJsGzipBytes: total, firstLoadJsGzipKb: Number(kb(total)), cssGzipKb: Number(kb(cssGzip)), budgetKb, files: rows.map((r) => r.file), lazy: lazy.map((l) => ({ file: l.file, gzipBytes: l.gzip })) }));
if (total > budgetKb * 1024) process.exit(1);
