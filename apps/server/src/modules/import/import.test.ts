import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { parseCsvRecords } from '@komek/domain/csv';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { CITY } from '../../../test/factories.ts';
import { insertImported, mapRecord, newReport, type ImportRow } from './requests.ts';

const mapping = {
  text: 'text',
  created: 'created',
  category: 'type',
  lat: 'lat',
  lon: 'lon',
  closed: 'closed',
  categoryMap: { Potholes: 'roads' },
};
const known = new Set(['roads', 'electricity']);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('importing historical requests', () => {
  it('maps good rows, refuses bad ones with reasons, and stores requests with their events', async () => {
    const csv = [
      'text,created,type,lat,lon,closed',
      'Pothole on Main St,01/05/2015 12:40:41 PM,Potholes,51.15,71.35,01/06/2015 01:46:56 PM',
      '"Нет света, весь дом",2021-02-03T10:00:00,electricity,51.15,71.45,',
      ',2021-02-03T10:00:00,electricity,,,',
      'no date,yesterday,electricity,,,',
      'bad point,2021-02-03T10:00:00,electricity,95,71,',
      'unknown type,2021-02-03T10:00:00,Graffiti,,,',
    ].join('\n');
    const report = newReport();
    const rows: ImportRow[] = [];
    for (const rec of parseCsvRecords(csv)) {
      const r = mapRecord(rec, mapping, known, report);
      if (typeof r === 'string') report.reasons[r] = (report.reasons[r] ?? 0) + 1;
      else rows.push(r);
    }
    expect(report.reasons).toEqual({
      'empty text': 1,
      'bad or missing creation time': 1,
      'bad coordinates': 1,
    });
    expect(report.unknownCategories).toEqual({ Graffiti: 1 });
    expect(rows.map((r) => r.category)).toEqual(['roads', 'electricity', null]);
    expect(rows[0]?.createdAt.toISOString()).toBe('2015-01-05T12:40:41.000Z');
    await insertImported(s.db, CITY, rows);
    const stored = await s.db.query<{
      status: string;
      district_code: string | null;
      agency_code: string | null;
      events: number;
    }>(sql`
      SELECT r.status, r.district_code, r.agency_code, (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id) AS events
      FROM requests r ORDER BY r.id`);
    expect(stored).toEqual([
      { status: 'closed', district_code: 'west', agency_code: 'roads', events: 2 },
      { status: 'new', district_code: 'east', agency_code: 'energy', events: 1 },
      { status: 'new', district_code: null, agency_code: null, events: 1 },
    ]);
  });

  it('never throws on any record (fuzzed CSV fields)', () => {
    const field = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '',
        '91',
        '-181',
        'NaN',
        '1e309',
        '02/30/2015 25:61:00 PM',
        '2021-13-45',
        '\u0000',
        '"',
        'x'.repeat(6000),
      ),
    );
    fc.assert(
      fc.property(
        fc.record({ text: field, created: field, type: field, lat: field, lon: field, closed: field }),
        (rec) => {
          const r = mapRecord(rec, mapping, known, newReport());
          if (typeof r !== 'string') {
            expect(r.text.length).toBeGreaterThan(0);
            expect(Number.isNaN(r.createdAt.getTime())).toBe(false);
            if (r.lat !== null) expect(Math.abs(r.lat)).toBeLessThanOrEqual(90);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});
