import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/server.ts';
import { copyRow, type Db } from './client.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await openTestDb());
  await db.exec('CREATE TABLE copy_probe (id int, t text, j jsonb, at timestamptz, f float8)');
});
afterAll(async () => {
  await drop?.();
});

describe('COPY in text format (bulk loads)', () => {
  it('writes a line with tabs, \\N for null and escaped specials', () => {
    expect(copyRow([1, null, 'a\tb\nc\\d\re'])).toBe('1\t\\N\ta\\tb\\nc\\\\d\\re\n');
  });

  it('round-trips awkward text, JSON, times and nulls through the database', async () => {
    const at = new Date('2026-02-25T06:30:00.123Z');
    const awkward = 'Жарық жоқ\tдом 5\nкв. 3 \\ «кавычки» \\N 🙂';
    const data =
      copyRow([1, awkward, JSON.stringify({ note: 'tab\there', n: 2 }), at, 51.1]) +
      copyRow([2, null, null, null, null]);
    await db.copyIn('copy_probe', ['id', 't', 'j', 'at', 'f'], data);
    const rows = await db.query<{
      id: number;
      t: string | null;
      j: unknown;
      at: Date | null;
      f: number | null;
    }>('SELECT id, t, j, at, f FROM copy_probe ORDER BY id');
    expect(rows[0]).toEqual({ id: 1, t: awkward, j: { note: 'tab\there', n: 2 }, at, f: 51.1 });
    expect(rows[1]).toEqual({ id: 2, t: null, j: null, at: null, f: null });
  });

  it('runs inside a transaction and rolls back with it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.copyIn('copy_probe', ['id', 't'], copyRow([3, 'rolled back']));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await db.query('SELECT 1 FROM copy_probe WHERE id = 3')).toHaveLength(0);
  });
});
