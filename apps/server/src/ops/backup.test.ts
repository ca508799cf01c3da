import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { backup, restore } from './backup.ts';

const url = process.env.DATABASE_URL;

async function fill(db: Db, n: number): Promise<void> {
  await migrate(db);
  await db.query(
    "INSERT INTO cities (id, name, time_zone) VALUES ('bk', '{}'::jsonb, 'UTC') ON CONFLICT DO NOTHING",
  );
  for (let i = 0; i < n; i++) {
    await db.query(
      `INSERT INTO requests (city_id, number, channel, text, lang, criticality, status, due_at) VALUES ('bk', 'BK-${randomBytes(4).toString('hex')}', 'phone', 'текст', 'ru', 'low', 'new', now())`,
    );
  }
}
const count = async (db: Db): Promise<number> =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM requests'))[0]?.n ?? -1;

describe('backup and restore round trip', () => {
  it.skipIf(Boolean(url))(
    'on the embedded database',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'komek-bk-'));
      const dataDir = join(dir, 'pglite');
      let db = await openDb({ dataDir });
      await fill(db, 3);
      await db.close();
      const file = join(dir, 'backup.tar.gz');
      expect((await backup({ dataDir }, file)).bytes).toBeGreaterThan(1000);
      db = await openDb({ dataDir });
      await fill(db, 2);
      expect(await count(db)).toBe(5);
      await db.close();
      await restore({ dataDir }, file);
      db = await openDb({ dataDir });
      expect(await count(db)).toBe(3);
      await db.close();
    },
    120_000,
  );

  it.skipIf(!url)(
    'on PostgreSQL (one schema)',
    async () => {
      const schema = `bk_${randomBytes(4).toString('hex')}`;
      const dir = mkdtempSync(join(tmpdir(), 'komek-bk-'));
      let db = await openDb({ url, schema });
      await fill(db, 3);
      await db.close();
      const file = join(dir, 'backup.dump');
      await backup({ url, schema }, file);
      db = await openDb({ url, schema });
      await fill(db, 2);
      expect(await count(db)).toBe(5);
      await db.close();
      await restore({ url, schema }, file);
      db = await openDb({ url, schema });
      expect(await count(db)).toBe(3);
      await db.query(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
    120_000,
  );
});
