/**
 * A real streaming replica on loopback: the test makes its own primary (initdb) and a replica
 * (pg_basebackup -R) with Debian's PostgreSQL, points DATABASE_REPLICA_URL at the replica, and
 * checks that analytics reads go there and that a request written on the primary shows up.
 * Runs where PostgreSQL's binaries are installed and the test may act as the postgres user.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createRuntime } from '../../src/deps.ts';
import { CITY, seedTestCity } from '../factories.ts';
import { refreshRollups } from '../../src/modules/analytics/rollups.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { canMakeClusters, makeCluster, PG_BIN, pgUser, type Cluster } from '../pg-cluster.ts';

const runnable = canMakeClusters && Boolean(process.env.DATABASE_URL);
const PRIMARY = 25433;
const REPLICA = 25434;
let primary: Cluster | undefined;
let replicaDir = '';

afterAll(() => {
  if (replicaDir)
    spawnSync(
      'runuser',
      ['-u', 'postgres', '--', join(PG_BIN, 'pg_ctl'), '-D', replicaDir, '-m', 'immediate', 'stop'],
      { timeout: 30_000 },
    );
  primary?.destroy();
});

describe.skipIf(!runnable)('read replica', () => {
  it('sends analytics reads to the replica and sees writes from the primary', async () => {
    primary = makeCluster(PRIMARY);
    replicaDir = join(dirname(primary.dir), 'replica');
    pgUser('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(PRIMARY),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
    ]);
    appendFileSync(join(replicaDir, 'postgresql.conf'), `\nport = ${REPLICA}\n`);
    pgUser('pg_ctl', ['-D', replicaDir, '-l', join(dirname(primary.dir), 'replica.log'), '-w', 'start']);

    const primaryUrl = primary.url;
    const replicaUrl = `postgres://postgres@127.0.0.1:${REPLICA}/postgres`;
    const config = {
      ...loadConfig({
        NODE_ENV: 'test',
        CITY_ID: CITY,
        DATABASE_URL: primaryUrl,
        DATABASE_REPLICA_URL: replicaUrl,
        JOBS: 'false',
      }),
    };
    const rt = await createRuntime(config);
    try {
      expect((await rt.deps.readDb.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r'))[0]?.r).toBe(
        true,
      );
      expect((await rt.deps.db.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r'))[0]?.r).toBe(false);
      await seedTestCity(rt.deps.db);
      await rt.deps.db.query(
        sql`UPDATE staff SET password_hash = ${await hashPassword('pw')} WHERE login = 't-operator'`,
      );
      const app = await buildApp({ deps: rt.deps });
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 't-operator', password: 'pw' },
      });
      const token = (login.json() as { token: string }).token;
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: { authorization: `Bearer ${token}` },
        payload: { text: 'нет света', category: 'electricity', channel: 'phone' },
      });
      expect(created.statusCode).toBe(201);
      await refreshRollups(rt.deps.db, CITY, 'Asia/Almaty', new Date(Date.now() + 5000));
      let seen = 0;
      for (let i = 0; i < 50 && seen === 0; i++) {
        const o = await app.inject({
          method: 'GET',
          url: '/api/v1/analytics/overview',
          headers: { authorization: `Bearer ${token}` },
        });
        seen = (o.json() as { requests: number }).requests;
        if (!seen) await new Promise((r) => setTimeout(r, 100));
      }
      expect(seen).toBe(1);
      const onReplica = await rt.deps.readDb.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'komek'",
      );
      expect(onReplica[0]?.n).toBeGreaterThan(0);
      await app.close();
    } finally {
      await rt.close();
    }
  }, 120_000);
});
