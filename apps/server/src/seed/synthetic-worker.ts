/**
 * Worker thread: generates the synthetic residents and requests and hands them out one batch
 * per 'next' message, so the main thread pulls at its insert pace and memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  residentAt,
  residentCount,
  synthesize,
  type SynthOptions,
  type SynthRequest,
  type SynthResident,
} from './synthetic.ts';

export interface WorkerInput extends SynthOptions {
  /** Requests per batch. */
  batch: number;
}

export type WorkerMessage =
  | { type: 'residents'; offset: number; rows: SynthResident[] }
  | { type: 'requests'; rows: SynthRequest[] }
  | { type: 'done' };

function* batches(o: WorkerInput): Generator<WorkerMessage> {
  const seed = o.seed ?? 109;
  const residents = residentCount(o.count);
  for (let offset = 0; offset < residents; offset += 2500) {
    const rows: SynthResident[] = [];
    for (let i = offset; i < Math.min(residents, offset + 2500); i++) rows.push(residentAt(i, seed));
    yield { type: 'residents', offset, rows };
  }
  let rows: SynthRequest[] = [];
  for (const q of synthesize(o)) {
    rows.push(q);
    if (rows.length >= o.batch) {
      yield { type: 'requests', rows };
      rows = [];
    }
  }
  if (rows.length) yield { type: 'requests', rows };
}

const port = parentPort;
if (port) {
  const it = batches((workerData as { data: WorkerInput }).data);
  port.on('message', (m: unknown) => {
    if (m !== 'next') return;
    const next = it.next();
    port.postMessage(next.done ? ({ type: 'done' } satisfies WorkerMessage) : next.value);
    if (next.done) port.close();
  });
}
