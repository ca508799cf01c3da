/** Worker thread: trains one linear member for lib/train-parallel.ts. */
import { parentPort, workerData } from 'node:worker_threads';
import { trainLinear, type TrainOptions } from '@komek/domain/text/linear-classifier';

const { texts, labels, options } = (
  workerData as { data: { texts: string[]; labels: string[]; options: TrainOptions } }
).data;
try {
  const model = trainLinear(texts, labels, options, (done, total) =>
    parentPort?.postMessage({ type: 'progress', done, total }),
  );
  parentPort?.postMessage({ type: 'done', model });
} catch (err) {
  parentPort?.postMessage({ type: 'error', message: (err as Error).message });
}
