/**
 * Two servers on one PostgreSQL database: their job loops (outbox dispatcher, SLA watcher) run
 * at the same time on separate connection pools, and no job is done twice (FOR UPDATE SKIP LOCKED).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDb, type Db } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { devSender, dispatchOutbox } from '../../src/jobs/outbox-dispatcher.ts';
import { runSlaWatcher } from '../../src/jobs/sla-watcher.ts';
import { enqueueMessage } from '../../src/modules/notify/outbox.ts';
import { CITY, seedTestCity } from '../factories.ts';

const url = process.env.DATABASE_URL;
const schema = `two_${randomBytes(4).toString('hex')}`;
const dbs: Db[] = [];

afterAll(async () => {
  for (const d of dbs) await d.close();
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.end();
  }
});

describe.skipIf(!url)('two servers, one database', () => {
  it('deliver every outbox message once and mark every breach once', async () => {
    const a = await openDb({ url, schema, poolSize: 4 });
    const b = await openDb({ url, schema, poolSize: 4 });
    dbs.push(a, b);
    await Promise.all([migrate(a), migrate(b)]);
    await seedTestCity(a);
    const N = 300;
    for (let i = 0; i < N; i++)
      await enqueueMessage(a, {
        cityId: CITY,
        kind: 'otp',
        channel: 'sms',
        recipient: `+7701000${String(i).padStart(4, '0')}`,
        payload: { text: `code ${i}` },
      });
    const past = new Date(Date.now() - 3 * 86_400_000);
    for (let i = 0; i < 60; i++) {
      await a.query(sql`INSERT INTO requests (city_id, number, channel, text, lang, criticality, status, due_at, created_at)
        VALUES (${CITY}, ${`T-${i}`}, 'phone', 'x', 'ru', 'urgent', 'new', ${new Date(past.getTime() + 3_600_000)}, ${past})`);
    }
    const later = () => new Date(Date.now() + 1000);
    const loop = async (db: Db): Promise<number> => {
      let sent = 0;
      for (;;) {
        const n = await dispatchOutbox(db, devSender, later, 7);
        const sla = await runSlaWatcher(db, new Date(), 'Asia/Almaty', 5);
        sent += n;
        if (n === 0 && sla.breached === 0) {
          const left = await db.query<{ n: number }>(
            sql`SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'`,
          );
          if (left[0]?.n === 0) return sent;
        }
      }
    };
    const [sentA, sentB] = await Promise.all([loop(a), loop(b)]);
    // The N codes, plus one escalation message per breach.
    const total = (await a.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox`))[0]?.n ?? 0;
    expect(total).toBe(N + 60);
    expect(sentA + sentB).toBe(total);
    expect(sentA).toBeGreaterThan(0);
    expect(sentB).toBeGreaterThan(0);
    const delivered = await a.query<{ n: number; distinct_bodies: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT body)::int AS distinct_bodies FROM dev_messages`,
    );
    expect(delivered[0]).toEqual({ n: total, distinct_bodies: total });
    const breaches = await a.query<{ n: number; requests: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT request_id)::int AS requests FROM request_events WHERE type = 'sla_breach'`,
    );
    expect(breaches[0]).toEqual({ n: 60, requests: 60 });
    process.stdout.write(`two servers: ${sentA} + ${sentB} messages, 60 breaches, none twice\n`);
  }, 120_000);
});
