/** The main thread's side of the generator worker: an async iterator over its batches. */
import { startTsWorker } from '../lib/worker.ts';
import type { WorkerInput, WorkerMessage } from './synthetic-worker.ts';

/** Pulls the worker's batches one at a time, asking for the next before the current is consumed. */
export async function* fromWorker(
  input: WorkerInput,
): AsyncGenerator<Exclude<WorkerMessage, { type: 'done' }>> {
  const worker = startTsWorker(new URL('./synthetic-worker.ts', import.meta.url), input);
  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (!finished && !queue.some((m) => m.type === 'done'))
      failure ??= new Error(`the generator stopped (exit code ${code})`);
    wake?.();
  });
  try {
    worker.postMessage('next');
    for (;;) {
      while (!queue.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const m = queue.shift();
      if (!m) throw failure ?? new Error('the generator stopped');
      if (m.type === 'done') break;
      worker.postMessage('next');
      yield m;
    }
    finished = true;
  } finally {
    finished = true;
    await worker.terminate();
  }
}
