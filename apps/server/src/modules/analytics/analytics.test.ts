import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { byDimension, volume, wholeMonths } from './repository.ts';
import { MEASURE_COLUMNS, rebuildAll, refreshRollups } from './rollups.ts';

let s: TestServer;
const TZ = 'Asia/Almaty';

beforeAll(async () => {
  s = await startTestServer();
  const op = await s.token('operator');
  const ex = await s.token('executor');
  const t0 = new Date('2026-10-05T04:00:00Z');
  // Three days of intake across categories, districts and channels; some resolved, one rated.
  for (let d = 0; d < 3; d++) {
    for (let i = 0; i < 4 + d; i++) {
      s.setNow(new Date(t0.getTime() + d * 86_400_000 + i * 600_000));
      const body =
        i % 2
          ? { text: 'нет света', category: 'electricity', lat: 51.15, lon: 71.35, channel: 'phone' }
          : { text: 'яма', category: 'roads', lat: 51.15, lon: 71.45, channel: 'web' };
      const r = (await s.call('POST', '/api/v1/requests', { token: op, body })).json();
      if (body.category === 'electricity' && i === 1) {
        await s.call('POST', `/api/v1/requests/${r.number}/transitions`, {
          token: ex,
          body: { to: 'in_progress' },
        });
        await s.call('POST', `/api/v1/requests/${r.number}/transitions`, {
          token: ex,
          body: { to: 'resolved' },
        });
      }
    }
  }
  s.setNow(new Date('2026-10-08T04:00:00Z'));
  await refreshRollups(s.db, 'testcity', TZ, new Date('2026-10-08T04:00:00Z'));
});
afterAll(async () => {
  await s?.close();
});

describe('rollups', () => {
  it('equal a GROUP BY over the raw requests, for every dimension', async () => {
    const raw = await s.db.query<{
      k: string;
    }>(sql`SELECT day::text || '|' || category_code || '|' || COALESCE(district_code,'') || '|' || count(*) AS k
      FROM (SELECT (created_at AT TIME ZONE ${TZ})::date AS day, * FROM requests) r GROUP BY day, category_code, district_code ORDER BY 1`);
    const roll = await s.db.query<{
      k: string;
    }>(sql`SELECT day::text || '|' || category_code || '|' || district_code || '|' || sum(requests) AS k
      FROM request_rollup_daily GROUP BY day, category_code, district_code ORDER BY 1`);
    expect(roll.map((r) => r.k)).toEqual(raw.map((r) => r.k));
    expect(raw.length).toBeGreaterThan(3);
    const rawSplit = await s.db.query<{ k: string }>(
      sql`SELECT channel || '|' || status AS k FROM requests GROUP BY channel, status ORDER BY 1`,
    );
    expect(rawSplit.length).toBeGreaterThan(1);
    for (const { k } of rawSplit) {
      const [channel, status] = k.split('|') as [string, string];
      const rawN = await s.db.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM requests WHERE channel = ${channel}`,
      );
      const rollN = await s.db.query<{ n: number }>(
        sql`SELECT sum(${sql.identifier('ch_' + channel)})::int AS n FROM request_rollup_daily`,
      );
      expect(rollN[0]?.n).toBe(rawN[0]?.n);
      const rawS = await s.db.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM requests WHERE status = ${status}`,
      );
      const rollS = await s.db.query<{ n: number }>(
        sql`SELECT sum(${sql.identifier('st_' + status)})::int AS n FROM request_rollup_daily`,
      );
      expect(rollS[0]?.n).toBe(rawS[0]?.n);
    }
  });

  it('SLA met/breached, resolution and first-response times match the raw table, and a full rebuild changes nothing', async () => {
    const crit = ['urgent', 'high', 'standard', 'low'];
    const sum = (f: (c: string) => string): string => crit.map(f).join(' + ');
    const rollQ =
      sql.raw(`SELECT day::text || '|' || category_code || '|' || district_code || '|' || agency_code
        || '|' || sum(requests) || '|' || sum(${sum((c) => `met_${c}`)}) || '|' || sum(${sum((c) => `breached_${c}`)})
        || '|' || sum(${sum((c) => `res_n_${c}`)}) || '|' || round(sum(${sum((c) => `res_s_${c}`)})::numeric)
        || '|' || sum(first_response_n) AS k
      FROM request_rollup_daily GROUP BY day, category_code, district_code, agency_code ORDER BY 1`);
    // Raw rows are grouped per (day, category, district, agency) and aggregated in one line each.
    const raw = (
      await s.db.query<{
        k: string;
      }>(sql`SELECT g || '|' || count(*) || '|' || count(*) FILTER (WHERE resolved_at IS NOT NULL AND resolved_at <= due_at)
        || '|' || count(*) FILTER (WHERE sla_breached_at IS NOT NULL OR resolved_at > due_at)
        || '|' || count(resolved_at) || '|' || round(COALESCE(sum(extract(epoch FROM resolved_at - created_at)), 0)::numeric)
        || '|' || count(first_response_at) AS k
      FROM (SELECT (created_at AT TIME ZONE ${TZ})::date::text || '|' || COALESCE(category_code,'') || '|' || COALESCE(district_code,'') || '|' || COALESCE(agency_code,'') AS g, *
        FROM requests) r GROUP BY g ORDER BY 1`)
    ).map((r) => r.k);
    const before = (await s.db.query<{ k: string }>(rollQ)).map((r) => r.k);
    expect(before).toEqual(raw);
    // At least one resolved request is in there, so the SLA/resolution columns were really compared.
    expect(raw.some((k) => Number(k.split('|')[7]) > 0)).toBe(true);
    const state = await s.db.query<{ t: Date }>(sql`SELECT scanned_until AS t FROM rollup_state`);
    const days = await rebuildAll(s.db, 'testcity', TZ);
    expect(days).toBe(3);
    expect((await s.db.query<{ k: string }>(rollQ)).map((r) => r.k)).toEqual(before);
    // Rewritten rollups are vacuumed and analysed at once (their dead rows would cost the dashboard).
    const stats = await s.db.query<{ relname: string; vacuumed: boolean; analysed: boolean }>(
      sql`SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analysed
          FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname LIKE 'request_rollup_%'
          ORDER BY relname`,
    );
    expect(stats).toEqual(
      [
        'request_rollup_category_daily',
        'request_rollup_city_daily',
        'request_rollup_daily',
        'request_rollup_monthly',
      ].map((relname) => ({
        relname,
        vacuumed: true,
        analysed: true,
      })),
    );
    // rebuildAll stamps the database clock; put back the test clock's watermark for the next test.
    await s.db.query(sql`UPDATE rollup_state SET scanned_until = ${state[0]!.t}`);
  });

  it('follow changes: a status change is reflected after the next refresh', async () => {
    const op = await s.token('operator');
    const list = (await s.call('GET', '/api/v1/requests?category=roads&limit=1', { token: op })).json().items;
    const n = list[0].number as string;
    s.setNow(new Date('2026-10-08T05:00:00Z'));
    await s.call('POST', `/api/v1/requests/${n}/transitions`, {
      token: op,
      body: { to: 'rejected', reason: 'не подтвердилось' },
    });
    await refreshRollups(s.db, 'testcity', TZ, new Date('2026-10-08T05:00:10Z'));
    const r = await s.db.query<{ n: number }>(
      sql`SELECT sum(st_rejected)::int AS n FROM request_rollup_daily`,
    );
    expect(r[0]?.n).toBe(1);
  });
});

describe('the monthly rollup', () => {
  it('knows the whole months of a range', () => {
    expect(wholeMonths('2026-09-15', '2026-11-10')).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(wholeMonths('2026-10-01', '2026-10-31')).toEqual({ start: '2026-10-01', end: '2026-11-01' });
    expect(wholeMonths('2025-12-01', '2026-02-28')).toEqual({ start: '2025-12-01', end: '2026-03-01' });
    expect(wholeMonths('2026-10-02', '2026-10-30')).toBeNull();
    expect(wholeMonths('2026-10-05', '2026-11-03')).toBeNull();
  });

  it('is the daily rollup summed per month, column by column, and follows it', async () => {
    const cols = MEASURE_COLUMNS.map((c) => `sum(${c})::bigint`).join(" || '|' || ");
    const daily =
      sql.raw(`SELECT date_trunc('month', day)::date::text || '|' || category_code || '|' || district_code
      || '|' || agency_code || '|' || ${cols} AS k FROM request_rollup_daily GROUP BY date_trunc('month', day), category_code, district_code, agency_code ORDER BY 1`);
    const monthly = sql.raw(`SELECT day::text || '|' || category_code || '|' || district_code
      || '|' || agency_code || '|' || ${cols} AS k FROM request_rollup_monthly GROUP BY day, category_code, district_code, agency_code ORDER BY 1`);
    const d = (await s.db.query<{ k: string }>(daily)).map((r) => r.k);
    expect(d.length).toBeGreaterThan(1);
    expect((await s.db.query<{ k: string }>(monthly)).map((r) => r.k)).toEqual(d);
  });

  it('the city-wide daily rollup is the daily one summed per day', async () => {
    const cols = MEASURE_COLUMNS.map((c) => `sum(${c})::bigint`).join(" || '|' || ");
    const q = (table: string) =>
      sql.raw(`SELECT day::text || '|' || ${cols} AS k FROM ${table} GROUP BY day ORDER BY 1`);
    const daily = (await s.db.query<{ k: string }>(q('request_rollup_daily'))).map((r) => r.k);
    expect(daily.length).toBeGreaterThan(2);
    expect((await s.db.query<{ k: string }>(q('request_rollup_city_daily'))).map((r) => r.k)).toEqual(daily);
    const one = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM request_rollup_city_daily GROUP BY day HAVING count(*) > 1`,
    );
    expect(one).toEqual([]);
  });

  it('the per-category daily rollup is the daily one summed per day and category', async () => {
    const cols = MEASURE_COLUMNS.map((c) => `sum(${c})::bigint`).join(" || '|' || ");
    const q = (table: string) =>
      sql.raw(
        `SELECT day::text || '|' || category_code || '|' || ${cols} AS k FROM ${table} GROUP BY day, category_code ORDER BY 1`,
      );
    const daily = (await s.db.query<{ k: string }>(q('request_rollup_daily'))).map((r) => r.k);
    expect(new Set(daily.map((k) => k.split('|')[1])).size).toBeGreaterThan(1);
    expect((await s.db.query<{ k: string }>(q('request_rollup_category_daily'))).map((r) => r.k)).toEqual(
      daily,
    );
    const keys = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM request_rollup_category_daily WHERE district_code <> '' OR agency_code <> ''`,
    );
    expect(keys[0]?.n).toBe(0);
  });

  it('gives the same answers as the daily rollup for a range with whole months and ragged edges', async () => {
    const f = { cityId: 'testcity', from: '2026-09-15', to: '2026-11-10' };
    const raw = await s.db.query<{ category_code: string; n: number }>(
      sql`SELECT category_code, count(*)::int AS n FROM requests GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const got = await byDimension(s.db, f, 'category_code');
    expect(got.map((r) => [r.key, r.requests]).sort()).toEqual(raw.map((r) => [r.category_code, r.n]).sort());
    // Only the ragged edges: no whole month, the daily rollup alone.
    const edge = await byDimension(s.db, { ...f, from: '2026-10-06', to: '2026-10-30' }, 'channel');
    const rawEdge = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM requests WHERE (created_at AT TIME ZONE ${TZ})::date BETWEEN '2026-10-06' AND '2026-10-30'`,
    );
    expect(edge.reduce((a, r) => a + r.requests, 0)).toBe(rawEdge[0]?.n);
    const months = await volume(s.db, f, 'month');
    expect(months).toEqual([{ period: '2026-10-01', requests: raw.reduce((a, r) => a + r.n, 0) }]);
  });
});

describe('analytics API', () => {
  const q = 'from=2026-10-05&to=2026-10-07';
  it('today: incoming by local hour against yesterday, open and overdue work by agency', async () => {
    s.setNow(new Date('2026-10-07T12:00:00Z'));
    try {
      const token = await s.token('supervisor');
      const r = await s.call('GET', '/api/v1/analytics/today', { token });
      expect(r.statusCode, r.body).toBe(200);
      const t = r.json();
      expect(t.day).toBe('2026-10-07');
      const perDay = await s.db.query<{ d: string; h: number; n: number }>(
        sql`SELECT (created_at AT TIME ZONE ${TZ})::date::text AS d, extract(hour FROM created_at AT TIME ZONE ${TZ})::int AS h,
          count(*)::int AS n FROM requests WHERE created_at <= '2026-10-07T12:00:00Z' GROUP BY 1, 2`,
      );
      const expected = (d: string) => {
        const a = Array.from({ length: 24 }, () => 0);
        for (const x of perDay) if (x.d === d) a[x.h] = x.n;
        return a;
      };
      expect(t.byHour).toEqual(expected('2026-10-07'));
      expect(t.yesterdayByHour).toEqual(expected('2026-10-06'));
      expect((t.byHour as number[]).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      const open = await s.db.query<{ agency: string; n: number; late: number }>(
        sql`SELECT COALESCE(agency_code, '') AS agency, count(*)::int AS n,
          count(*) FILTER (WHERE due_at < '2026-10-07T12:00:00Z')::int AS late FROM requests
          WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened') GROUP BY 1 ORDER BY 1`,
      );
      const got = (t.openByAgency as { agency: string; open: number; overdue: number }[])
        .map((a) => ({ agency: a.agency, n: a.open, late: a.overdue }))
        .sort((a, b) => a.agency.localeCompare(b.agency));
      expect(got).toEqual(open);
      expect(t.open).toBe(open.reduce((a, x) => a + x.n, 0));
      // An executor sees only their agency's work.
      const ex = (
        await s.call('GET', '/api/v1/analytics/today', { token: await s.token('executor') })
      ).json();
      expect((ex.openByAgency as { agency: string }[]).every((a) => a.agency === 'energy')).toBe(true);
      expect((await s.call('GET', '/api/v1/analytics/today')).statusCode).toBe(401);
    } finally {
      s.setNow(new Date('2026-10-08T05:00:10Z'));
    }
  });

  it('overview counts what the raw table holds, by channel and category', async () => {
    const token = await s.token('analyst');
    const o = (await s.call('GET', `/api/v1/analytics/overview?${q}`, { token })).json();
    const total = await s.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM requests`);
    expect(o.requests).toBe(total[0]?.n);
    expect(o.channels.reduce((a: number, c: { requests: number }) => a + c.requests, 0)).toBe(total[0]?.n);
    expect(o.topCategories.map((c: { category: string }) => c.category).sort()).toEqual([
      'electricity',
      'roads',
    ]);
    // One statement reads what the breakdowns read: criticalities sum to the total, with their SLA.
    const crit = await byDimension(
      s.db,
      { cityId: 'testcity', from: '2026-10-05', to: '2026-10-07' },
      'criticality',
    );
    expect(o.byCriticality.map((r: { key: string; requests: number }) => [r.key, r.requests])).toEqual(
      crit.map((r) => [r.key, r.requests]),
    );
    expect(o.byCriticality.reduce((a: number, r: { requests: number }) => a + r.requests, 0)).toBe(
      o.requests,
    );
    expect(o.previousPeriod).toBe(0);
    expect(o.slaCompliance).toBe(100);
    // A rated request shows in the satisfaction (the overview used to read it from the criticality
    // split, which has no ratings, and always said null).
    expect(o.satisfaction).toBeNull();
    await s.db.query(sql`UPDATE requests SET rating = 4 WHERE status = 'resolved'`);
    await rebuildAll(s.db, 'testcity', TZ);
    const rated = (await s.call('GET', `/api/v1/analytics/overview?${q}`, { token })).json();
    expect(rated.satisfaction).toBe(4);
    const later = (
      await s.call('GET', '/api/v1/analytics/overview?from=2026-10-08&to=2026-10-10', { token })
    ).json();
    expect([later.requests, later.previousPeriod]).toEqual([0, total[0]?.n]);
    expect(later.topCategories).toEqual([]);
  });

  it('volume by day, breakdown by agency with SLA and resolution buckets, rising topics', async () => {
    const token = await s.token('supervisor');
    const v = (await s.call('GET', `/api/v1/analytics/volume?${q}&bucket=day`, { token })).json();
    expect(v.series.map((x: { requests: number }) => x.requests)).toEqual([4, 5, 6]);
    const b = (await s.call('GET', `/api/v1/analytics/breakdown?${q}&by=agency`, { token })).json();
    const energy = b.rows.find((r: { key: string }) => r.key === 'energy');
    expect(energy.resolved).toBe(3);
    expect(energy.resolutionBuckets.within24h).toBe(3);
    expect(energy.slaCompliance).toBe(100);
    const rising = (
      await s.call(
        'GET',
        `/api/v1/analytics/rising?from=2026-10-06&to=2026-10-07&category=electricity,roads`,
        { token },
      )
    ).json();
    expect(rising.rows.length).toBeGreaterThan(0);
  });

  it('a split shows only what it keeps: no made-up buckets by criticality, no resolutions by channel', async () => {
    const token = await s.token('supervisor');
    const get = async (by: string) =>
      (await s.call('GET', `/api/v1/analytics/breakdown?${q}&by=${by}`, { token })).json().rows as Record<
        string,
        unknown
      >[];
    const agency = await get('agency');
    const crit = await get('criticality');
    const channel = await get('channel');
    const sum = (rows: Record<string, unknown>[], k: string) => rows.reduce((a, r) => a + Number(r[k]), 0);
    // The criticality split keeps requests, resolutions and SLA, the same totals as by agency.
    expect(sum(crit, 'requests')).toBe(sum(agency, 'requests'));
    expect(sum(crit, 'resolved')).toBe(sum(agency, 'resolved'));
    expect(sum(crit, 'resolved')).toBeGreaterThan(0);
    expect(crit.some((r) => r.slaCompliance !== null)).toBe(true);
    // It keeps no resolution-time buckets, first responses or ratings: null, not "all resolved later".
    for (const r of crit)
      expect([r.resolutionBuckets, r.avgFirstResponseHours, r.satisfaction]).toEqual([null, null, null]);
    // The channel split counts requests only.
    expect(sum(channel, 'requests')).toBe(sum(agency, 'requests'));
    for (const r of channel)
      expect([r.resolved, r.slaCompliance, r.avgResolutionHours]).toEqual([null, null, null]);
    const o = (await s.call('GET', `/api/v1/analytics/overview?${q}`, { token })).json();
    for (const r of o.byCriticality) expect(r.resolutionBuckets).toBeNull();
  });

  it('executors see only their agency; residents and anonymous are refused; bad ranges are 400', async () => {
    const ex = (
      await s.call('GET', `/api/v1/analytics/breakdown?${q}&by=agency`, { token: await s.token('executor') })
    ).json();
    expect(ex.rows.map((r: { key: string }) => r.key)).toEqual(['energy']);
    expect((await s.call('GET', `/api/v1/analytics/overview?${q}`)).statusCode).toBe(401);
    expect(
      (
        await s.call('GET', `/api/v1/analytics/overview?${q}`, {
          token: await s.residentToken('+77018880001'),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await s.call('GET', '/api/v1/analytics/overview?from=2026-10-09&to=2026-10-01', {
          token: await s.token('analyst'),
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await s.call('GET', '/api/v1/analytics/overview?from=yesterday', { token: await s.token('analyst') }))
        .statusCode,
    ).toBe(400);
  });

  it('exports the budget backlog with repeats as CSV', async () => {
    const op = await s.token('operator');
    s.setNow(new Date('2026-10-09T05:00:00Z'));
    const first = (
      await s.call('POST', '/api/v1/requests', {
        token: op,
        body: { text: 'нужен тротуар', category: 'roads', lat: 51.11, lon: 71.31, channel: 'phone' },
      })
    ).json();
    await s.call('POST', `/api/v1/requests/${first.number}/transitions`, {
      token: op,
      body: { to: 'deferred', reason: 'нет бюджета', plannedYear: 2027 },
    });
    s.setNow(new Date('2026-10-10T05:00:00Z'));
    await s.call('POST', '/api/v1/requests', {
      token: op,
      body: { text: 'опять нет тротуара', category: 'roads', lat: 51.11, lon: 71.31, channel: 'phone' },
    });
    const j = (await s.call('GET', '/api/v1/analytics/backlog', { token: await s.token('analyst') })).json();
    expect(j.rows).toEqual([
      expect.objectContaining({ plannedYear: 2027, category: 'roads', requests: 1, repeats: 1 }),
    ]);
    const csv = await s.call('GET', '/api/v1/analytics/backlog?format=csv', {
      token: await s.token('analyst'),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('plannedYear,category,district,agency,requests,repeats,oldest');
  });
});
