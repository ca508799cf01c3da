import { Worker } from 'node:worker_threads';

/** Starts a TypeScript module (by URL) in a worker thread; it finds `data` at workerData.data. */
export function startTsWorker(entry: URL, data: unknown): Worker {
  return new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { entry: entry.href, data } });
}
