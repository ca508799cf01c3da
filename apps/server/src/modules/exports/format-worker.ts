/**
 * Worker thread: formats an export (CSV or XLSX) from row batches the main thread sends, and
 * sends the bytes back; the event loop that answers requests only moves buffers.
 * In: {type:'rows', rows} … {type:'end'}. Out: {type:'chunk', data} … {type:'ack'} per batch, {type:'done'}.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { csvWriter, xlsxWriter, type Cell } from '../../lib/table-writer.ts';

const { format, header, sheetName } = (
  workerData as { data: { format: 'csv' | 'xlsx'; header: string[]; sheetName: string } }
).data;
const port = parentPort;
if (!port) throw new Error('run as a worker');
let pending: Buffer[] = [];
let size = 0;
const flush = (): void => {
  if (!pending.length) return;
  // An array of its own to hand over (moved, not copied): Buffer.concat may return a slice of
  // Node's shared pool, which Node 22+ refuses to transfer (DataCloneError).
  const data = new Uint8Array(size);
  let at = 0;
  for (const b of pending) {
    data.set(b, at);
    at += b.length;
  }
  pending = [];
  size = 0;
  port.postMessage({ type: 'chunk', data }, [data.buffer]);
};
const out = (b: Buffer): void => {
  pending.push(Buffer.from(b));
  size += b.length;
  if (size >= 256 * 1024) flush();
};
const writer = format === 'xlsx' ? xlsxWriter(header, out, sheetName) : csvWriter(header, out);
port.on('message', (m: { type: 'rows'; rows: Cell[][] } | { type: 'end' }) => {
  if (m.type === 'rows') {
    writer.rows(m.rows);
    flush();
    port.postMessage({ type: 'ack' });
  } else {
    void writer.end().then(() => {
      flush();
      port.postMessage({ type: 'done' });
    });
  }
});
