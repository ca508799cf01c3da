/**
 * A dispatcher process for the outbox crash test: delivers through the configured channels with a
 * short lease until nothing is pending or leased, then exits 0. The test SIGKILLs it mid-delivery.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { openDb } from '../../src/db/client.ts';
import { dispatchOutbox } from '../../src/jobs/outbox-dispatcher.ts';
import { channelSender } from '../../src/modules/notify/channels.ts';

const config = loadConfig(process.env);
const db = await openDb(
  config.databaseUrl
    ? { url: config.databaseUrl, ...(process.env.TEST_SCHEMA ? { schema: process.env.TEST_SCHEMA } : {}) }
    : { dataDir: `${config.dataDir}/pglite` },
);
const sender = channelSender(config.notify);
const leaseMs = Number(process.env.LEASE_MS ?? 1500);
for (;;) {
  const n = await dispatchOutbox(db, sender, () => new Date(), 5, { leaseMs });
  if (n === 0) {
    const left = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM outbox WHERE status IN ('pending', 'sending')`,
    );
    if ((left[0]?.n ?? 0) === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
}
await db.close();
process.exit(0);
