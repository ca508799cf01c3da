/**
 * Spike alerts as data arrives: today's count per category × district (from the rollups, so
 * within a minute of intake) against the robust same-weekday baseline, scaled by the part of
 * the day that has passed. A new alert notifies the duty supervisors.
 */
import { sql } from 'drizzle-orm';
import { denseSeries, scoreDay, type DayCount } from '@komek/domain/analytics/robust-spikes';
import { addDays, localDate, localParts } from '@komek/domain/time';
import type { Db } from '../../db/client.ts';
import { enqueueMessage } from '../notify/outbox.ts';

export const ALERT = { threshold: 4, minCount: 8, minRatio: 2, weeks: 6 };

export async function detectAlerts(db: Db, now: Date): Promise<number> {
  const cities = await db.query<{ id: string; time_zone: string }>(sql`SELECT id, time_zone FROM cities`);
  let raised = 0;
  for (const c of cities) {
    const today = localDate(now, c.time_zone);
    const p = localParts(now, c.time_zone);
    const fraction = Math.max(0.15, (p.hour * 60 + p.minute) / 1440);
    const from = addDays(today, -7 * ALERT.weeks);
    const rows = await db.query<{ day: string; category_code: string; district_code: string; n: number }>(sql`
      SELECT day::text AS day, category_code, district_code, sum(requests)::int AS n FROM request_rollup_daily
      WHERE city_id = ${c.id} AND day >= ${from}::date AND day <= ${today}::date AND category_code <> ''
      GROUP BY 1, 2, 3`);
    const series = new Map<string, DayCount[]>();
    for (const r of rows) {
      const key = `${r.category_code}|${r.district_code}`;
      let s = series.get(key);
      if (!s) series.set(key, (s = []));
      s.push({ day: r.day, count: r.n });
    }
    for (const [key, s] of series) {
      const todayCount = s.find((d) => d.day === today)?.count ?? 0;
      if (todayCount < ALERT.minCount) continue;
      const history = denseSeries([
        { day: from, count: 0 },
        ...s.filter((d) => d.day < today),
        { day: addDays(today, -1), count: s.find((d) => d.day === addDays(today, -1))?.count ?? 0 },
      ]);
      const { expected, score } = scoreDay(history, todayCount, ALERT, fraction);
      if (score < ALERT.threshold || todayCount < ALERT.minRatio * Math.max(expected, 1)) continue;
      const [category, district] = key.split('|') as [string, string];
      const inserted = await db.transaction(async (tx) => {
        const r = await tx.query<{
          id: number;
          inserted: boolean;
        }>(sql`INSERT INTO alerts (city_id, day, category_code, district_code, count, expected, score, created_at, updated_at)
          VALUES (${c.id}, ${today}::date, ${category}, ${district}, ${todayCount}, ${expected}, ${score}, ${now}, ${now})
          ON CONFLICT (city_id, day, category_code, district_code) DO UPDATE SET count = EXCLUDED.count, expected = EXCLUDED.expected,
            score = EXCLUDED.score, updated_at = EXCLUDED.updated_at
          RETURNING id, (xmax = 0) AS inserted`);
        const row = r[0];
        if (row?.inserted) {
          const sup = await tx.query<{ id: number }>(
            sql`SELECT id FROM staff WHERE city_id = ${c.id} AND role = 'supervisor' AND active`,
          );
          for (const s2 of sup) {
            await enqueueMessage(tx, {
              cityId: c.id,
              kind: 'spike_alert',
              channel: 'inapp',
              recipient: `staff:${s2.id}`,
              payload: {
                alertId: row.id,
                category,
                district,
                count: todayCount,
                expected: Math.round(expected),
              },
            });
          }
        }
        return row?.inserted ?? false;
      });
      if (inserted) raised++;
    }
  }
  return raised;
}

export async function listAlerts(db: Db, cityId: string, status?: string) {
  const rows = await db.query<{
    id: number;
    day: string;
    category_code: string;
    district_code: string;
    count: number;
    expected: number;
    score: number;
    status: string;
    created_at: Date;
  }>(sql`
    SELECT id, day::text AS day, category_code, district_code, count, expected, score, status, created_at FROM alerts
    WHERE city_id = ${cityId} ${status ? sql`AND status = ${status}` : sql``} ORDER BY day DESC, score DESC LIMIT 200`);
  return rows.map((a) => ({
    id: a.id,
    day: a.day,
    category: a.category_code,
    district: a.district_code || null,
    count: a.count,
    expected: Math.round(a.expected * 10) / 10,
    score: Math.round(a.score * 10) / 10,
    status: a.status,
    createdAt: a.created_at.toISOString(),
    requestsLink: `/api/v1/requests?category=${encodeURIComponent(a.category_code)}${a.district_code ? `&district=${encodeURIComponent(a.district_code)}` : ''}&createdFrom=${a.day}T00:00:00%2B05:00`,
  }));
}
