import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Starts a TypeScript module (by URL) in a worker thread; it finds `data` at workerData.data.
 * In the bundled server (scripts/build.mjs) the module's URL points next to dist/main.js, where
 * the worker's own bundle is, as `.js`: that runs without the TypeScript loader.
 */
export function startTsWorker(entry: URL, data: unknown): Worker {
  const bundled = new URL(entry.href.replace(/\.ts$/, '.js'));
  if (bundled.href !== entry.href && !existsSync(entry) && existsSync(bundled)) {
    return new Worker(bundled, { workerData: { entry: bundled.href, data } });
  }
  return new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { entry: entry.href, data } });
}
