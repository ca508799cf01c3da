/**
 * Streams a table to the client as CSV or XLSX: pages come from an async generator (keyset reads),
 * rows are formatted in a worker thread, and the next page is read only once the client has taken
 * the previous one, so memory stays at about one page whatever the size of the export.
 */
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Cell } from '../../lib/table-writer.ts';
import { startTsWorker } from '../../lib/worker.ts';

export async function streamTable(
  req: FastifyRequest,
  reply: FastifyReply,
  o: {
    format: 'csv' | 'xlsx';
    header: string[];
    filename: string;
    sheetName: string;
    pages: AsyncGenerator<Cell[][]>;
    cacheControl?: string;
  },
): Promise<FastifyReply> {
  // The first page is read before answering, so a database error is still a clean JSON error.
  let first = await o.pages.next();
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  const worker = startTsWorker(new URL('./format-worker.ts', import.meta.url), {
    format: o.format,
    header: o.header,
    sheetName: o.sheetName,
  });
  let acked: (() => void) | undefined;
  let finished: (() => void) | undefined;
  worker.on('message', (m: { type: 'chunk'; data: Uint8Array } | { type: 'ack' } | { type: 'done' }) => {
    if (m.type === 'chunk') body.write(Buffer.from(m.data));
    else if (m.type === 'ack') acked?.();
    else finished?.();
  });
  worker.on('error', (err) => body.destroy(err));
  let closed = false;
  body.on('close', () => {
    closed = true;
  });
  const send = (rows: Cell[][]): Promise<void> =>
    new Promise((resolve) => {
      acked = resolve;
      worker.postMessage({ type: 'rows', rows });
    });
  const drained = (): Promise<void> =>
    body.writableNeedDrain
      ? new Promise((resolve) => body.once('drain', () => resolve()))
      : Promise.resolve();
  void (async () => {
    try {
      while (!first.done && !closed) {
        await send(first.value);
        await drained();
        first = await o.pages.next();
      }
      await new Promise<void>((resolve) => {
        finished = resolve;
        worker.postMessage({ type: 'end' });
      });
      body.end();
    } catch (err) {
      req.log.warn({ err: (err as Error).message }, 'export stopped');
      body.destroy(err as Error);
    } finally {
      void worker.terminate();
      void o.pages.return(undefined);
    }
  })();
  return reply
    .header(
      'content-type',
      o.format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    )
    .header('content-disposition', `attachment; filename="${o.filename}.${o.format}"`)
    .header('cache-control', o.cacheControl ?? 'no-store')
    .send(body as unknown as string);
}
