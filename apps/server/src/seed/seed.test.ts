import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSITIONS, type Status } from '@komek/domain/lifecycle';
import type { Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { pointInGeometry, type Geometry } from '../lib/geo.ts';
import { verifyPassword, DEMO_PASSWORD } from '../modules/auth/passwords.ts';
import { seqOf } from '../modules/requests/ids.ts';
import { openTestDb } from '../../test/server.ts';
import { CATEGORIES } from './astana-data.ts';
import { seedDemoCity } from './demo.ts';

let db: Db;
let drop: () => Promise<void>;
const now = new Date('2026-11-20T10:00:00Z');
let first: { seeded: boolean };
let second: { seeded: boolean };

beforeAll(async () => {
  ({ db, drop } = await openTestDb());
  await migrate(db);
  first = await seedDemoCity(db, { now, requests: 500, seed: 11 });
  second = await seedDemoCity(db, { now, requests: 500, seed: 11 });
});
afterAll(async () => {
  await drop?.();
});

describe('seeding the demo city', () => {
  it('seeds once: the second call writes nothing', async () => {
    expect(first).toEqual({ seeded: true });
    expect(second).toEqual({ seeded: false });
    const [n] = await db.query<{ cities: number; requests: number }>(
      `SELECT (SELECT count(*) FROM cities) AS cities, (SELECT count(*) FROM requests) AS requests`,
    );
    expect(n).toEqual({ cities: 1, requests: 500 });
  });

  it('names every category in three languages and routes it to an agency that exists', async () => {
    const rows = await db.query<{
      code: string;
      name: Record<string, string>;
      agency: string | null;
      kind: string | null;
    }>(
      `SELECT c.code, c.name, c.agency_code AS agency, a.kind FROM categories c
       LEFT JOIN agencies a ON a.city_id = c.city_id AND a.code = c.agency_code WHERE c.city_id = 'astana'`,
    );
    expect(rows.length).toBe(CATEGORIES.length);
    for (const c of rows) {
      expect(Object.keys(c.name).sort(), c.code).toEqual(['en', 'kk', 'ru']);
      expect(
        Object.values(c.name).every((v) => v.trim().length > 1),
        c.code,
      ).toBe(true);
      expect(c.kind, `${c.code} → ${c.agency}`).not.toBeNull();
    }
    const yards = await db.query<{ district_code: string; kind: string }>(
      `SELECT o.district_code, a.kind FROM category_agency_overrides o JOIN agencies a ON a.city_id = o.city_id AND a.code = o.agency_code
       WHERE o.category_code = 'improvement.yard'`,
    );
    expect(yards.length).toBe(6);
    expect(new Set(yards.map((y) => y.kind))).toEqual(new Set(['district_akimat']));
  });

  it('creates the five demo accounts with the demo password', async () => {
    const staff = await db.query<{ login: string; password_hash: string; agency_code: string | null }>(
      `SELECT login, password_hash, agency_code FROM staff ORDER BY login`,
    );
    expect(staff.map((s) => s.login)).toEqual(['admin', 'analyst', 'executor', 'operator', 'supervisor']);
    expect(new Set(staff.map((s) => s.password_hash)).size).toBe(1);
    expect(await verifyPassword((staff[0] as { password_hash: string }).password_hash, DEMO_PASSWORD)).toBe(
      true,
    );
    expect(staff.find((s) => s.login === 'executor')?.agency_code).toBeTruthy();
  });

  it('stores requests inside their district, with numbers built from their ids', async () => {
    const districts = await db.query<{ code: string; geometry: Geometry }>(
      `SELECT code, geometry FROM districts`,
    );
    const shapes = new Map(districts.map((d) => [d.code, d.geometry]));
    const rows = await db.query<{
      id: number;
      number: string;
      lat: number;
      lon: number;
      district_code: string;
      created_at: Date;
      part: string;
    }>(
      `SELECT id, number, lat, lon, district_code, created_at, tableoid::regclass::text AS part FROM requests`,
    );
    for (const r of rows) {
      expect(pointInGeometry(shapes.get(r.district_code) as Geometry, r.lat, r.lon), r.number).toBe(true);
      expect(r.number).toMatch(new RegExp(`^109-20\\d\\d-${String(seqOf(r.id)).padStart(7, '0')}$`));
      // Each request sits in the monthly partition of the month it was created in (UTC).
      const month = r.created_at.toISOString().slice(0, 7).replace('-', '');
      expect(r.part.replace(/^.*\./, ''), r.number).toBe(`requests_p${month}`);
    }
  });

  it('keeps each story consistent: created first, legal transitions, resolved before closed, columns match', async () => {
    const reqs = await db.query<{
      id: number;
      status: Status;
      created_at: Date;
      updated_at: Date;
      resolved_at: Date | null;
      closed_at: Date | null;
      duplicate_of: number | null;
    }>(`SELECT id, status, created_at, updated_at, resolved_at, closed_at, duplicate_of FROM requests`);
    const events = await db.query<{
      request_id: number;
      type: string;
      from_status: Status | null;
      to_status: Status | null;
      created_at: Date;
    }>(
      `SELECT request_id, type, from_status, to_status, created_at FROM request_events ORDER BY request_id, created_at, id`,
    );
    const byRequest = new Map<number, typeof events>();
    for (const e of events) byRequest.set(e.request_id, [...(byRequest.get(e.request_id) ?? []), e]);
    for (const r of reqs) {
      const story = byRequest.get(r.id) ?? [];
      expect(story[0]?.type, `request ${r.id}`).toBe('created');
      expect(story[0]?.created_at.getTime()).toBe(r.created_at.getTime());
      expect(story[story.length - 1]?.created_at.getTime()).toBe(r.updated_at.getTime());
      let status: Status = 'new';
      for (const e of story.slice(1)) {
        if (!e.to_status) continue;
        expect(e.from_status).toBe(status);
        expect(TRANSITIONS[status], `${status} → ${e.to_status}`).toContain(e.to_status);
        status = e.to_status;
      }
      expect(status).toBe(r.status);
      if (r.closed_at) expect(r.resolved_at && r.resolved_at.getTime() <= r.closed_at.getTime()).toBe(true);
      if (r.duplicate_of !== null) expect(reqs.find((p) => p.id === r.duplicate_of)).toBeDefined();
    }
  });

  it('has a year of history: mostly closed, some open, some SLA breaches, some deferred to next year', async () => {
    const [s] = await db.query<{
      closed: number;
      open: number;
      breached: number;
      deferred_next: number;
      span_days: number;
    }>(
      `SELECT count(*) FILTER (WHERE status = 'closed') AS closed,
              count(*) FILTER (WHERE status IN ('new', 'assigned', 'in_progress', 'waiting_for_resident', 'reopened')) AS open,
              count(*) FILTER (WHERE sla_breached_at IS NOT NULL) AS breached,
              count(*) FILTER (WHERE status = 'deferred' AND planned_year > 2026) AS deferred_next,
              extract(epoch FROM max(created_at) - min(created_at)) / 86400 AS span_days
       FROM requests`,
    );
    expect(s?.closed).toBeGreaterThan(250);
    expect(s?.open).toBeGreaterThan(0);
    expect(s?.breached).toBeGreaterThan(0);
    expect(s?.deferred_next).toBeGreaterThan(0);
    expect(s?.span_days).toBeGreaterThan(330);
  });
});
