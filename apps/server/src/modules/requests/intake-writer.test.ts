import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITY } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { createIntakeWriter, type IntakeWrite } from './intake-writer.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const write = (i: number, over: Partial<IntakeWrite['request']> = {}, phone?: string): IntakeWrite => ({
  request: {
    cityId: CITY,
    numberPrefix: '109',
    year: 2026,
    channel: 'phone',
    text: `Группа ${i}: нет света в подъезде`,
    lang: 'ru',
    categoryCode: 'electricity',
    criticality: 'urgent',
    lat: 51.15,
    lon: 71.35,
    geoCell: null,
    address: null,
    districtCode: null,
    residentId: null,
    agencyCode: 'energy',
    createdByStaffId: null,
    dueAt: new Date(Date.now() + 86_400_000),
    attributes: { i },
    idempotencyKey: null,
    createdAt: new Date(),
    ...over,
  },
  caller: phone ? { phone, name: null, lang: 'ru' } : undefined,
  events: [
    {
      type: 'created',
      actorKind: 'system',
      actorId: null,
      toStatus: 'new',
      visibility: 'public',
      data: { i },
    },
  ],
  outbox: { kind: 'request_created', channel: 'sms', payload: { i } },
});

describe('intake writer', () => {
  it('writes a group in one go: every request its own number, events and message; one caller per phone', async () => {
    // One group at a time: everything queued behind the first write goes in the second group.
    const w = createIntakeWriter(s.db);
    const phone = '+77015550001';
    const rows = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        w.write(write(i, {}, i % 3 === 0 ? phone : `+7701555${1000 + i}`)),
      ),
    );
    expect(rows.every(Boolean)).toBe(true);
    expect(new Set(rows.map((r) => r?.number)).size).toBe(12);
    rows.forEach((r, i) => expect(r?.attributes).toEqual({ i }));
    const ids = rows.map((r) => r?.id as number);
    const events = await s.db.query<{ request_id: number; data: { i: number } }>(
      'SELECT request_id, data FROM request_events WHERE city_id = $1 AND request_id = ANY($2::bigint[])',
      [CITY, ids],
    );
    expect(events).toHaveLength(12);
    for (const e of events) expect(rows[e.data.i]?.id).toBe(e.request_id);
    const same = rows.filter((_, i) => i % 3 === 0).map((r) => r?.resident_id);
    expect(new Set(same).size).toBe(1);
    expect(same[0]).toBeGreaterThan(0);
    const messages = await s.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox WHERE city_id = $1 AND payload->>'number' = ANY($2::text[])",
      [CITY, rows.map((r) => r?.number)],
    );
    expect(messages[0]?.n).toBe(12);
  });

  it('requests handed over in one turn of the event loop go in one statement (PGlite too)', async () => {
    const statements: string[] = [];
    const counted = {
      ...s.db,
      query: ((q: Parameters<typeof s.db.query>[0], p?: unknown[]) => {
        statements.push(typeof q === 'string' ? q : 'sql');
        return s.db.query(q, p);
      }) as typeof s.db.query,
    };
    const w = createIntakeWriter(counted);
    const rows = await Promise.all(Array.from({ length: 5 }, (_, i) => w.write(write(200 + i))));
    expect(rows.every(Boolean)).toBe(true);
    // The first request does not leave alone before the other four are handed over.
    expect(statements).toHaveLength(1);
    // A request on a later turn is its own group (nothing waits for a timer).
    await w.write(write(205));
    expect(statements).toHaveLength(2);
  });

  it('one bad request in a group fails alone; a key used twice stores one request', async () => {
    const w = createIntakeWriter(s.db);
    const key = `group-key-${Date.now()}`;
    const results = await Promise.allSettled([
      w.write(write(100)),
      w.write(write(101)),
      w.write(write(102, { categoryCode: 'no-such-category' })),
      w.write(write(103, { idempotencyKey: key })),
      w.write(write(104, { idempotencyKey: key })),
      w.write(write(105)),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    const values = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    // The same key twice: the first stored, the second answered with nothing (intake reads the first).
    expect(values[3]?.idempotency_key).toBe(key);
    expect(values[4]).toBeUndefined();
    for (const i of [0, 1, 5]) expect(values[i]?.number).toMatch(/^109-2026-\d{7}$/);
    const stored = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM requests WHERE city_id = ${CITY} AND attributes->>'i' IN ('100','101','102','103','104','105')`,
    );
    expect(stored[0]?.n).toBe(4);
  });

  it('concurrent intakes through the API: all stored, numbers distinct, text with control characters kept', async () => {
    const token = await s.token('operator');
    const texts = Array.from({ length: 16 }, (_, i) => `Нет воды, дом ${i}`);
    texts[3] = 'Нет воды\u0000 в доме';
    texts[7] = 'Протечка \ud800 в подвале';
    const rs = await Promise.all(
      texts.map((text, i) =>
        s.call('POST', '/api/v1/requests', {
          token,
          body: {
            text,
            category: 'electricity',
            channel: 'phone',
            lat: 51.15,
            lon: 71.35,
            resident: { phone: `+7702666${1000 + (i % 5)}` },
          },
        }),
      ),
    );
    expect(rs.map((r) => r.statusCode)).toEqual(texts.map(() => 201));
    expect(new Set(rs.map((r) => r.json().number)).size).toBe(16);
    expect(rs[3]?.json().text).toBe('Нет воды в доме');
    expect(rs[7]?.json().text).toBe('Протечка \ufffd в подвале');
  });
});
