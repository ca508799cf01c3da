#!/usr/bin/env node
// Renders the app's PNG icons (192, 512 and a maskable 512) from its SVGs with the Chromium that
// the browser tests use. Run after changing apps/web/public/icon.svg or icons/maskable.svg:
//   node scripts/make-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const pub = join(import.meta.dirname, '..', 'apps', 'web', 'public');
const jobs = [
  { svg: 'icon.svg', out: 'icons/icon-192.png', size: 192 },
  { svg: 'icon.svg', out: 'icons/icon-512.png', size: 512 },
  { svg: 'icons/maskable.svg', out: 'icons/maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const j of jobs) {
    const page = await browser.newPage({ viewport: { width: j.size, height: j.size }, deviceScaleFactor: 1 });
    const svg = readFileSync(join(pub, j.svg), 'utf8');
    await page.setContent(`<html><body style="margin:0;background:transparent"><img style="display:block;width:${j.size}px;height:${j.size}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`);
    await page.waitForFunction(() => document.images[0]?.complete);
    writeFileSync(join(pub, j.out), await page.screenshot({ omitBackground: true, type: 'png' }));
    await page.close();
    console.log(`${j.out} ${j.size}×${j.size}`);
  }
} finally {
  await browser.close();
}
