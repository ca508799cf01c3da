/**
 * Factories: a small test city with every role, and builders for requests. They write through
 * the same tables as the demo seed, so tests exercise the real schema.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';

export const CITY = 'testcity';
export const PASSWORD = 'test-password-1';

/** Two square districts: west [71.30–71.40] and east [71.40–71.50] × lat [51.10–51.20]. */
export const DISTRICTS = {
  west: {
    type: 'Polygon',
    coordinates: [
      [
        [71.3, 51.1],
        [71.4, 51.1],
        [71.4, 51.2],
        [71.3, 51.2],
        [71.3, 51.1],
      ],
    ],
  },
  east: {
    type: 'Polygon',
    coordinates: [
      [
        [71.4, 51.1],
        [71.5, 51.1],
        [71.5, 51.2],
        [71.4, 51.2],
        [71.4, 51.1],
      ],
    ],
  },
};

export const ROLES = ['operator', 'supervisor', 'executor', 'executor2', 'analyst', 'admin'] as const;
export type TestRole = (typeof ROLES)[number];

let cachedHash: Promise<string> | undefined;

export async function seedTestCity(db: Db): Promise<void> {
  cachedHash ??= hashPassword(PASSWORD);
  const hash = await cachedHash;
  await db.transaction(async (tx) => {
    await tx.query(sql`INSERT INTO cities (id, name, time_zone, number_prefix, settings)
      VALUES (${CITY}, ${JSON.stringify({ kk: 'Тест', ru: 'Тест', en: 'Test' })}::jsonb, 'Asia/Almaty', '109', '{"reopenWindowDays": 15}'::jsonb)`);
    for (const [code, g] of Object.entries(DISTRICTS)) {
      const xs = g.coordinates[0]!.map((p) => p[0]!);
      const ys = g.coordinates[0]!.map((p) => p[1]!);
      await tx.query(sql`INSERT INTO districts (city_id, code, name, geometry, bbox) VALUES (${CITY}, ${code},
        ${JSON.stringify({ kk: code, ru: code, en: code })}::jsonb, ${JSON.stringify(g)}::jsonb,
        ${sql.raw(`ARRAY[${Math.min(...xs)},${Math.min(...ys)},${Math.max(...xs)},${Math.max(...ys)}]::double precision[]`)})`);
    }
    await tx.query(sql`INSERT INTO calendars (city_id, code, hours) VALUES (${CITY}, 'office',
      '{"1": [[540, 1080]], "2": [[540, 1080]], "3": [[540, 1080]], "4": [[540, 1080]], "5": [[540, 1080]]}'::jsonb)`);
    const agencies: [string, string, string | null][] = [
      ['energy', 'utility', null],
      ['roads', 'department', null],
      ['akimat-east', 'district_akimat', 'office'],
    ];
    for (const [code, kind, cal] of agencies) {
      await tx.query(sql`INSERT INTO agencies (city_id, code, kind, name, phone, calendar_code) VALUES (${CITY}, ${code}, ${kind},
        ${JSON.stringify({ kk: code, ru: code, en: code })}::jsonb, '+77172000000', ${cal})`);
    }
    const cats: [string, string | null, string, string | null, string[]][] = [
      ['utilities', null, 'standard', null, []],
      ['electricity', 'utilities', 'high', 'energy', ['свет', 'электричество', 'жарық', 'power']],
      ['roads', null, 'standard', 'roads', ['яма', 'дорога', 'жол', 'pothole']],
      ['yards', null, 'low', 'roads', ['двор', 'аула', 'yard']],
    ];
    for (const [code, parent, crit, agency, kw] of cats) {
      await tx.query(sql`INSERT INTO categories (city_id, code, parent_code, name, default_criticality, agency_code, keywords)
        VALUES (${CITY}, ${code}, ${parent}, ${JSON.stringify({ kk: code + ' kk', ru: code + ' ru', en: code })}::jsonb, ${crit}, ${agency},
        ${JSON.stringify({ ru: kw })}::jsonb)`);
    }
    await tx.query(sql`INSERT INTO category_agency_overrides (city_id, category_code, district_code, agency_code)
      VALUES (${CITY}, 'yards', 'east', 'akimat-east')`);
    const staff: [string, string, string | null][] = [
      ['operator', 'operator', null],
      ['supervisor', 'supervisor', null],
      ['executor', 'executor', 'energy'],
      ['executor2', 'executor', 'roads'],
      ['analyst', 'analyst', null],
      ['admin', 'admin', null],
    ];
    for (const [login, role, agency] of staff) {
      await tx.query(sql`INSERT INTO staff (city_id, login, password_hash, name, role, agency_code)
        VALUES (${CITY}, ${'t-' + login}, ${hash}, ${'Test ' + login}, ${role}, ${agency})`);
    }
    // The operator's telephone extension (CTI tests): the PBX names it when they answer.
    await tx.query(sql`UPDATE staff SET extension = '201' WHERE city_id = ${CITY} AND login = 't-operator'`);
  });
}
