/** Worker thread: generates the synthetic requests and posts them back in batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { generateRequests, type SynthOptions } from './synthetic.ts';

const opts = (workerData as { data: SynthOptions & { batch: number } }).data;
const all = generateRequests(opts);
for (let i = 0; i < all.length; i += opts.batch) parentPort?.postMessage({ type: 'batch', rows: all.slice(i, i + opts.batch) });
parentPort?.postMessage({ type: 'done', total: all.length });
