import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, prepared, type Db } from './client.ts';
import { PgliteStatements } from './pglite-statements.ts';
import { PGlite } from '@electric-sql/pglite';

// Always PGlite: this is how the embedded database runs its statements.
let db: Db;
beforeAll(async () => {
  db = await openDb({ dataDir: 'memory://' });
  await db.exec(`CREATE TABLE things (id int PRIMARY KEY, name text, tags text[], doc jsonb, at timestamptz,
    day date, ok boolean, n int8, bytes bytea, score float8)`);
});
afterAll(() => db.close());

const held = async (): Promise<
  { name: string; statement: string; generic_plans: number; custom_plans: number }[]
> =>
  db.query(
    sql`SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name`,
  );

/** A row with every awkward value: quotes, backslashes, a comma and a brace in an array, null elements. */
const awkward = {
  id: 1,
  name: `O'Brien \\ "quoted" ${'$'}1 -- not a comment; DROP TABLE things`,
  tags: ['a,b', '{c}', `it's`, 'back\\slash', '"q"', null, ''],
  doc: { text: `it's "json"`, list: [1, 'two', null], nested: { 'k\\': "v'" } },
  at: new Date('2026-03-01T10:20:30.456Z'),
  day: '2026-03-01',
  ok: false,
  n: 9_007_199_254_740,
  bytes: new Uint8Array([0, 39, 92, 255]),
  score: -1.5e-7,
};

const insert = (
  r: typeof awkward,
) => sql`INSERT INTO things (id, name, tags, doc, at, day, ok, n, bytes, score)
  VALUES (${r.id}, ${r.name}, ${sql.param(r.tags)}::text[], ${JSON.stringify(r.doc)}::jsonb, ${r.at}, ${r.day},
  ${r.ok}, ${r.n}, ${r.bytes}, ${r.score}) RETURNING *`;
const byId = (id: number) => sql`SELECT * FROM things WHERE id = ${id}`;

describe('PGlite statements kept prepared', () => {
  it('give the same values as unnamed statements, however awkward, once prepared', async () => {
    // The first insert runs unnamed; the second (the same text) through PREPARE and EXECUTE.
    const first = await db.query(insert(awkward));
    const second = await db.query(insert({ ...awkward, id: 2 }));
    expect(second).toEqual([{ ...first[0], id: 2 }]);
    expect(first[0]).toMatchObject({ ...awkward, bytes: expect.any(Uint8Array) });
    expect([...(second[0] as { bytes: Uint8Array }).bytes]).toEqual([0, 39, 92, 255]);
    // Read back both ways: unnamed (first time) and prepared.
    expect(await db.query(byId(2))).toEqual(second);
    expect(await db.query(byId(1))).toEqual(first);
    const statements = (await held()).map((s) => s.statement);
    expect(statements.some((s) => s.includes('INSERT INTO things'))).toBe(true);
    expect(statements.some((s) => s.includes('SELECT * FROM things WHERE id = $1'))).toBe(true);
    // Nothing of a value is in the statement text: values travel as literals of EXECUTE only.
    expect(statements.join('\n')).not.toContain('Brien');
  });

  it('nulls, a missing row, and a NUL refused as PostgreSQL refuses it', async () => {
    const q = (id: number, name: string | null) => sql`SELECT ${id}::int AS id, ${name}::text AS name`;
    for (let i = 0; i < 3; i++) expect(await db.query(q(i, null))).toEqual([{ id: i, name: null }]);
    expect(await db.query(byId(999))).toEqual([]);
    expect(await db.query(byId(998))).toEqual([]);
    await expect(db.query(q(1, 'a\0b'))).rejects.toMatchObject({ code: '22021' });
  });

  it('prepared() plans once, generically; other statements are planned with their values', async () => {
    const generic = (id: number) =>
      prepared('probe', sql`SELECT count(*)::int AS n FROM things WHERE id >= ${id}`);
    for (let i = 0; i < 4; i++)
      expect(await db.query(generic(i))).toEqual([{ n: i <= 1 ? 2 : i === 2 ? 1 : 0 }]);
    const custom = (id: number) => sql`SELECT count(*)::int AS c FROM things WHERE id <= ${id}`;
    for (let i = 0; i < 4; i++) expect(await db.query(custom(i))).toEqual([{ c: Math.min(i, 2) }]);
    const rows = await held();
    const g = rows.find((r) => r.statement.includes('id >= $1'));
    const c = rows.find((r) => r.statement.includes('id <= $1'));
    expect(g).toMatchObject({ generic_plans: 4, custom_plans: 0 });
    expect(c).toMatchObject({ generic_plans: 0, custom_plans: 3 }); // the first call ran unnamed
    // The plan mode was set for those statements only.
    expect(await db.query(sql`SELECT current_setting('plan_cache_mode') AS m`)).toEqual([{ m: 'auto' }]);
  });

  it('inside a transaction: rolled back with it, and the plan mode is set back after each statement', async () => {
    // SHOW is never prepared, so it sees the session's setting, not one set for itself.
    const mode = 'SHOW plan_cache_mode';
    await expect(
      db.transaction(async (tx) => {
        for (let i = 10; i < 13; i++) await tx.query(insert({ ...awkward, id: i }));
        await tx.query(prepared('probe', sql`SELECT count(*)::int AS n FROM things WHERE id >= ${0}`));
        expect(await tx.query(mode)).toEqual([{ plan_cache_mode: 'auto' }]);
        await tx.query(byId(1));
        expect(await tx.query(mode)).toEqual([{ plan_cache_mode: 'auto' }]);
        expect(await tx.query(sql`SELECT count(*)::int AS n FROM things`)).toEqual([{ n: 5 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await db.query(sql`SELECT count(*)::int AS n FROM things`)).toEqual([{ n: 2 }]);
  });

  it('a transaction never waits for a PREPARE queued behind it', async () => {
    const q = sql`SELECT ${7}::int + 1 AS v`;
    expect(await db.query(q)).toEqual([{ v: 8 }]); // seen once: the next call prepares it
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const inside = db.transaction(async (tx) => {
      await gate;
      return tx.query(q);
    });
    await new Promise((r) => setTimeout(r, 10));
    // Its PREPARE goes to the database, which is busy with the transaction until it ends.
    const outside = db.query(q);
    await new Promise((r) => setTimeout(r, 10));
    open();
    expect(await Promise.all([inside, outside])).toEqual([[{ v: 8 }], [{ v: 8 }]]);
  });

  it('settings of their own, for the statement only', async () => {
    const cost = sql`SELECT current_setting('random_page_cost') AS v`;
    const tuned = db.withSettings({ random_page_cost: 1.7 });
    for (let i = 0; i < 3; i++) expect(await tuned.query(cost)).toEqual([{ v: '1.7' }]);
    expect(await db.query(cost)).toEqual([{ v: '4' }]);
  });

  it('plan_cache_mode=force_generic_plan among the settings: planned once, generically', async () => {
    const q = sql`SELECT count(*)::int AS n FROM things WHERE id > ${0} AND current_setting('random_page_cost') = '1.3'`;
    const generic = db.withSettings({ random_page_cost: 1.3, plan_cache_mode: 'force_generic_plan' });
    for (let i = 0; i < 4; i++) expect(await generic.query(q)).toEqual([{ n: 2 }]);
    const s = (await held()).find((h) => h.statement.includes("current_setting('random_page_cost') = '1.3'"));
    // Prepared at once, as prepared() statements are; every call EXECUTEd with the one generic
    // plan, the cost setting applied.
    expect(s).toMatchObject({ generic_plans: 4, custom_plans: 0 });
  });

  it('a table changed under a prepared statement: the statement is made again', async () => {
    await db.exec('CREATE TABLE shapes (a int)');
    await db.exec('INSERT INTO shapes VALUES (1)');
    const all = sql`SELECT * FROM shapes WHERE a >= ${0}`;
    expect(await db.query(all)).toEqual([{ a: 1 }]);
    expect(await db.query(all)).toEqual([{ a: 1 }]);
    await db.exec("ALTER TABLE shapes ADD COLUMN b text DEFAULT 'x'");
    expect(await db.query(all)).toEqual([{ a: 1, b: 'x' }]);
    expect(await db.query(all)).toEqual([{ a: 1, b: 'x' }]);
  });
});

describe('PgliteStatements', () => {
  it('holds at most max statements (the least recently used goes), and leaves other texts alone', async () => {
    const pg = await PGlite.create();
    try {
      const s = new PgliteStatements(pg.serializers, { max: 2, after: 1, maxSeen: 10 });
      const opts = { generic: false, inTransaction: false };
      for (const n of [1, 2, 1, 3])
        expect(await s.run(pg, `SELECT ${n} + $1::int AS v`, [1], opts)).toEqual([{ v: n + 1 }]);
      const names = (
        await pg.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY name')
      ).rows;
      // 2 was used least recently when 3 came.
      expect(names.map((r) => r.statement.replace(/^PREPARE komek_\d+ AS /, ''))).toEqual([
        'SELECT 1 + $1::int AS v',
        'SELECT 3 + $1::int AS v',
      ]);
      expect(s.size).toBe(2);
      // Not a plain statement, or several: run as before (undefined), never prepared.
      expect(await s.run(pg, 'SHOW plan_cache_mode', [], opts)).toBeUndefined();
      expect(await s.run(pg, 'SELECT 1; SELECT 2', [], opts)).toBeUndefined();
      // A text PREPARE refuses is not tried again.
      await expect(s.run(pg, 'SELECT nope FROM nowhere WHERE x = $1', [1], opts)).resolves.toBeUndefined();
      expect(s.size).toBe(2);
    } finally {
      await pg.close();
    }
  });
});
