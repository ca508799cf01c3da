/**
 * Trains a text model's members in worker threads, as many at once as the machine has cores
 * (members are independent), so an ensemble costs about one member's time per core.
 */
import { availableParallelism } from 'node:os';
import {
  assembleEnsemble,
  fineTargets,
  memberJobs,
  withTags,
  type EnsembleModel,
  type EnsembleOptions,
} from '@komek/domain/text/ensemble';
import type { LinearModel } from '@komek/domain/text/linear-classifier';
import { startTsWorker } from './worker.ts';

type Msg =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; model: LinearModel }
  | { type: 'error'; message: string };

export async function trainTextModelInWorkers(
  texts: readonly string[],
  labels: readonly string[],
  o: EnsembleOptions,
  onProgress?: (done: number, total: number) => void,
  parallel = Math.max(1, Math.min(availableParallelism(), 4)),
): Promise<EnsembleModel> {
  if (o.fineLabels && o.fineLabels.length !== texts.length) throw new Error('need one fine label per text');
  const jobs = memberJobs(o);
  const fine = o.fineLabels ? fineTargets(labels, o.fineLabels) : undefined;
  const progress = jobs.map(() => 0);
  const trained: LinearModel[] = new Array<LinearModel>(jobs.length);
  let next = 0;
  const runOne = (i: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const job = jobs[i]!;
      const worker = startTsWorker(new URL('./train-member-worker.ts', import.meta.url), {
        texts,
        labels: job.level === 'fine' ? fine : labels,
        options: withTags(job.options, o.tags),
      });
      worker.on('message', (m: Msg) => {
        if (m.type === 'progress') {
          progress[i] = m.done / m.total;
          onProgress?.(
            progress.reduce((a, b) => a + b, 0),
            jobs.length,
          );
        } else if (m.type === 'done') {
          trained[i] = m.model;
          void worker.terminate();
          resolve();
        } else {
          void worker.terminate();
          reject(new Error(m.message));
        }
      });
      worker.on('error', reject);
    });
  const lane = async (): Promise<void> => {
    while (next < jobs.length) await runOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, lane));
  return assembleEnsemble(jobs, trained, o, labels);
}
