/**
 * Live updates for consoles. A change is published with pg_notify so that every process
 * (KOMEK_WORKERS > 1) hears it and forwards it to its own SSE subscribers. The embedded database
 * serves one process, so there a change goes straight to the subscribers: a NOTIFY would be one
 * more statement on the thread that answers requests (≈ 10 % of intake's database time).
 */
import type { Db } from '../../db/client.ts';
import { coalescing } from '../../lib/coalesce.ts';
import type { LiveEvent } from '../../lib/context.ts';

export interface LiveHub {
  publish(e: LiveEvent): void;
  subscribe(fn: (e: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'komek_live';

export async function createLiveHub(db: Db): Promise<LiveHub> {
  const subs = new Set<(e: LiveEvent) => void>();
  const deliver = (payload: string): void => {
    let e: LiveEvent;
    try {
      e = JSON.parse(payload) as LiveEvent;
    } catch {
      return;
    }
    for (const s of subs) s(e);
  };
  let unlisten: (() => Promise<void>) | undefined;
  try {
    if (db.kind !== 'pglite') unlisten = await db.listen(CHANNEL, deliver);
  } catch {
    unlisten = undefined;
  }
  // Changes published while a NOTIFY is on its way go out together in the next one.
  const notify = coalescing<string>(async (payloads) => {
    await db.query('SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p', [CHANNEL, payloads]);
  });
  return {
    publish(e) {
      const payload = JSON.stringify(e);
      if (unlisten) notify.push(payload).catch(() => deliver(payload));
      else queueMicrotask(() => deliver(payload));
    },
    subscribe(fn) {
      subs.add(fn);
      return () => subs.delete(fn);
    },
    async close() {
      subs.clear();
      if (unlisten) await unlisten().catch(() => undefined);
    },
  };
}
