import { openDb } from '../db/client.ts';
const db = await openDb({ dataDir: 'memory://' });
await db.exec('CREATE TABLE t (a bigint, b text, c timestamptz, d jsonb, e double precision)');
const n = 50000;
const a = [], b = [], c = [], d = [], e = [];
for (let i = 0; i < n; i++) { a.push(i); b.push(i % 3 ? `x'"${i}` : null); c.push(i % 4 ? 1.7e9 + i : null); d.push(JSON.stringify({ i, s: 'привет' })); e.push(i % 5 ? 51.1 + i / 1e6 : null); }
let t0 = Date.now();
await db.query(`INSERT INTO t SELECT a, b, to_timestamp(c), d::jsonb, e FROM unnest($1::bigint[], $2::text[], $3::float8[], $4::text[], $5::float8[]) AS u(a, b, c, d, e)`, [a, b, c, d, e]);
console.log('unnest', Date.now() - t0);
console.log(await db.query('SELECT count(*), count(b), count(c), min(c), max(d->>\'s\') FROM t'));
// multi-row values
await db.exec('TRUNCATE t');
t0 = Date.now();
for (let k = 0; k < n; k += 2000) {
  const vals = []; const ps = [];
  for (let i = k; i < Math.min(n, k + 2000); i++) { const o = ps.length; vals.push(`($${o+1}, $${o+2}, to_timestamp($${o+3}), $${o+4}::jsonb, $${o+5})`); ps.push(a[i], b[i], c[i], d[i], e[i]); }
  await db.query(`INSERT INTO t VALUES ${vals.join(',')}`, ps);
}
console.log('values', Date.now() - t0);
console.log(await db.query('SELECT count(*), count(b), count(c) FROM t'));
await db.close();
