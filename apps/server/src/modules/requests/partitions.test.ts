import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { ensureMonthsAhead } from '../../jobs/partitions.ts';
import { openTestDb } from '../../../test/server.ts';
import {
  ensurePartitions,
  idsByNumber,
  listPartitions,
  monthBase,
  MONTH_SPAN,
  requestId,
  seqOf,
} from './ids.ts';

const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (drops.length) await (drops.pop() as () => Promise<void>)();
});

async function fresh(until?: string): Promise<Db> {
  const { db, drop } = await openTestDb();
  drops.push(drop);
  await migrate(db, until ? { until } : {});
  await db.query(sql`INSERT INTO cities (id, name, time_zone) VALUES ('c1', '{}'::jsonb, 'UTC')`);
  return db;
}

/** Inserts a request created at `at` (its id from the SQL function) and its created event. */
async function insertAt(db: Db, at: Date, number: string): Promise<{ id: number; part: string }> {
  const [row] = await db.query<{ id: number; part: string }>(sql`
    INSERT INTO requests (city_id, id, number, channel, text, lang, criticality, status, due_at, created_at)
    VALUES ('c1', request_id_at(${at}::timestamptz), ${number}, 'phone', 't', 'ru', 'low', 'new', ${at}::timestamptz, ${at}::timestamptz)
    RETURNING id, tableoid::regclass::text AS part`);
  const r = row as { id: number; part: string };
  await db.query(sql`INSERT INTO request_events (city_id, request_id, type, actor_kind, created_at)
    VALUES ('c1', ${r.id}, 'created', 'system', ${at}::timestamptz)`);
  return { id: r.id, part: r.part.replace(/^.*\./, '') };
}

const eventPartition = async (db: Db, requestId: number): Promise<string> =>
  (
    (
      await db.query<{ part: string }>(
        sql`SELECT tableoid::regclass::text AS part FROM request_events WHERE request_id = ${requestId}`,
      )
    )[0] as { part: string }
  ).part.replace(/^.*\./, '');

describe('monthly partitions of requests and events', () => {
  it('the TypeScript and SQL month bases agree, month boundaries included', async () => {
    const db = await fresh();
    const times = [
      '2026-11-30T23:59:59.999Z',
      '2026-12-01T00:00:00.000Z',
      '2024-02-29T12:00:00Z',
      '2020-10-01T00:00:00Z',
      '2031-01-01T00:00:00Z',
    ];
    for (const t of times) {
      const [row] = await db.query<{ base: number }>(
        sql`SELECT request_month_base(${t}::timestamptz) AS base`,
      );
      expect(row?.base, t).toBe(monthBase(new Date(t)));
    }
    expect(monthBase(new Date('2026-12-01T00:00:00Z')) - monthBase(new Date('2026-11-30T23:59:59Z'))).toBe(
      MONTH_SPAN,
    );
    expect(seqOf(requestId(1234, new Date('2026-11-25T00:00:00Z')))).toBe(1234);
  });

  it('put a request and its events in the partition of the month it was created in', async () => {
    const db = await fresh();
    expect(await ensurePartitions(db, new Date('2025-01-15Z'), new Date('2025-03-02Z'))).toBe(3);
    expect(await ensurePartitions(db, new Date('2025-01-01Z'), new Date('2025-03-31Z'))).toBe(0);
    const jan = await insertAt(db, new Date('2025-01-31T23:59:59Z'), 'N-1');
    const feb = await insertAt(db, new Date('2025-02-01T00:00:00Z'), 'N-2');
    expect(jan.part).toBe('requests_p202501');
    expect(feb.part).toBe('requests_p202502');
    expect(await eventPartition(db, feb.id)).toBe('request_events_p202502');
    // A month nobody created lands in DEFAULT: stored, never refused …
    const lone = await insertAt(db, new Date('2019-06-10T00:00:00Z'), 'N-3');
    expect(lone.part).toBe('requests_default');
    // … and that month is then left alone (no failure, nothing moved).
    expect(await ensurePartitions(db, new Date('2019-06-01Z'), new Date('2019-07-31Z'))).toBe(1);
    const names = (await listPartitions(db)).map((p) => p.name);
    expect(names).toContain('requests_p201907');
    expect(names).not.toContain('requests_p201906');
    const [n] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM requests`);
    expect(n?.n).toBe(3);
    // Numbers map to ids (kept by the insert trigger) and stay unique across months.
    expect(await idsByNumber(db, 'c1', ['N-1', 'N-2', 'N-3', 'N-9'])).toEqual(
      new Map([
        ['N-1', jan.id],
        ['N-2', feb.id],
        ['N-3', lone.id],
      ]),
    );
    await expect(insertAt(db, new Date('2025-03-03T00:00:00Z'), 'N-1')).rejects.toThrow(/duplicate key/);
    // Foreign keys into the partitioned table still hold.
    await expect(
      db.query(sql`INSERT INTO request_events (city_id, request_id, type, actor_kind)
        VALUES ('c1', ${feb.id + 1}, 'created', 'system')`),
    ).rejects.toThrow(/foreign key/);
  });

  it('a lookup by id reads one partition', async () => {
    const db = await fresh();
    await ensurePartitions(db, new Date('2025-01-01Z'), new Date('2025-12-01Z'));
    const r = await insertAt(db, new Date('2025-05-05T10:00:00Z'), 'N-5');
    const plan = await db.query<Record<string, string>>(
      sql.raw(`EXPLAIN (COSTS OFF) SELECT * FROM requests WHERE city_id = 'c1' AND id = ${r.id}`),
    );
    const text = plan.map((p) => Object.values(p)[0]).join('\n');
    expect(text).toContain('requests_p202505');
    expect(text).not.toContain('requests_p202506');
  });

  it('the job keeps the current month and three ahead, idempotently, across processes', async () => {
    const db = await fresh();
    const now = new Date('2027-11-20T00:00:00Z');
    const made = await Promise.all([ensureMonthsAhead(db, now), ensureMonthsAhead(db, now)]);
    expect(made.reduce((a, b) => a + b, 0)).toBe(4);
    const names = (await listPartitions(db)).map((p) => p.name);
    for (const m of ['202711', '202712', '202801', '202802'])
      expect(names).toEqual(expect.arrayContaining([`requests_p${m}`, `request_events_p${m}`]));
    expect(names).not.toContain('requests_p202803');
  });

  it('converting an existing database keeps every row, number and link', async () => {
    const db = await fresh('0101_backlog_index.sql');
    await db.query(sql`INSERT INTO requests (city_id, number, channel, text, lang, criticality, status, due_at, idempotency_key)
      VALUES ('c1', '109-2026-0000001', 'phone', 'a', 'ru', 'low', 'new', now(), 'key-1'),
             ('c1', '109-2026-0000002', 'web', 'b', 'ru', 'low', 'new', now(), null)`);
    await db.query(sql`UPDATE requests SET status = 'duplicate', duplicate_of = (SELECT min(id) FROM requests)
      WHERE number = '109-2026-0000002'`);
    await db.query(sql`INSERT INTO request_events (city_id, request_id, type, actor_kind)
      SELECT city_id, id, 'created', 'system' FROM requests`);
    const before = await db.query(sql`SELECT * FROM requests ORDER BY id`);
    const eventsBefore = await db.query(sql`SELECT * FROM request_events ORDER BY id`);

    expect((await migrate(db)).applied).toContain('0102_partitions.sql');
    expect(await db.query(sql`SELECT * FROM requests ORDER BY id`)).toEqual(before);
    expect(await db.query(sql`SELECT * FROM request_events ORDER BY id`)).toEqual(eventsBefore);
    const parts = await db.query<{ part: string }>(
      sql`SELECT DISTINCT tableoid::regclass::text AS part FROM requests`,
    );
    expect(parts.map((p) => p.part.replace(/^.*\./, ''))).toEqual(['requests_legacy']);
    const [key] = await db.query<{ request_id: number }>(
      sql`SELECT request_id FROM request_keys WHERE city_id = 'c1' AND key = 'key-1'`,
    );
    expect(key?.request_id).toBe((before[0] as { id: number }).id);
    // New requests continue the sequence (numbers go on from the last) in their month's partition.
    const r = await insertAt(db, new Date(), 'N-new');
    expect(seqOf(r.id)).toBe((before[1] as { id: number }).id + 1);
    expect(r.part).toMatch(/^requests_p\d{6}$/);
    // Its events and its duplicate still point at it through foreign keys.
    await expect(db.query(sql`DELETE FROM requests WHERE number = '109-2026-0000001'`)).rejects.toThrow(
      /foreign key/,
    );
  });

  it('a time range reads only its months', async () => {
    const db = await fresh();
    await ensurePartitions(db, new Date('2025-01-01Z'), new Date('2025-12-01Z'));
    const lo = monthBase(new Date('2025-03-01Z'));
    const hi = monthBase(new Date('2025-05-01Z'));
    const plan = await db.query<Record<string, string>>(
      sql.raw(`EXPLAIN (COSTS OFF) SELECT count(*) FROM requests WHERE id >= ${lo} AND id < ${hi}`),
    );
    const text = plan.map((p) => Object.values(p)[0]).join('\n');
    expect(text).toContain('requests_p202503');
    expect(text).toContain('requests_p202504');
    expect(text).not.toContain('requests_p202505');
  });
});
