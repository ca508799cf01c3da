/**
 * A database outage under load: PostgreSQL is restarted while clients post requests. Meanwhile
 * the server answers 503 with Retry-After (never a 500, never a stack trace), reconnects by
 * itself, and every acknowledged request is still there afterwards.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createRuntime } from '../../src/deps.ts';
import { CITY, PASSWORD, seedTestCity } from '../factories.ts';
import { canMakeClusters, makeCluster, type Cluster } from '../pg-cluster.ts';

let cluster: Cluster | undefined;
afterAll(() => cluster?.destroy());

describe.skipIf(!canMakeClusters || !process.env.DATABASE_URL)('database outage', () => {
  it('answers 503 with Retry-After during a restart, recovers, and loses nothing acknowledged', async () => {
    cluster = makeCluster(25533);
    const config = loadConfig({
      NODE_ENV: 'test',
      CITY_ID: CITY,
      DATABASE_URL: cluster.url,
      JOBS: 'false',
      STATEMENT_TIMEOUT_MS: '2000',
    });
    const rt = await createRuntime(config);
    await migrate(rt.deps.db);
    await seedTestCity(rt.deps.db);
    const app = await buildApp({ deps: rt.deps });
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 't-operator', password: PASSWORD },
      })
    ).json().token as string;
    const statuses = new Map<number, number>();
    const acked: string[] = [];
    let stop = false;
    let badBodies = 0;
    const client = async (): Promise<void> => {
      while (!stop) {
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/requests',
          headers: { authorization: `Bearer ${token}` },
          payload: { text: 'нет света', category: 'electricity', channel: 'phone' },
        });
        statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
        if (r.statusCode === 201) acked.push((r.json() as { number: string }).number);
        else if (r.statusCode === 503) {
          if (
            !r.headers['retry-after'] ||
            (r.json() as { error: { code: string } }).error.code !== 'unavailable' ||
            r.body.includes(' at ')
          )
            badBodies++;
          await new Promise((res) => setTimeout(res, 20));
        }
      }
    };
    const clients = Array.from({ length: 4 }, client);
    await new Promise((r) => setTimeout(r, 500));
    cluster.stop('fast');
    await new Promise((r) => setTimeout(r, 1500));
    cluster.start();
    await new Promise((r) => setTimeout(r, 1500));
    stop = true;
    await Promise.all(clients);
    const after = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { authorization: `Bearer ${token}` },
      payload: { text: 'после перезапуска', category: 'electricity', channel: 'phone' },
    });
    expect(after.statusCode).toBe(201);
    process.stdout.write(`outage: statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(badBodies).toBe(0);
    const stored = await rt.deps.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM requests WHERE number = ANY($1::text[])',
      [acked],
    );
    expect(stored[0]?.n).toBe(acked.length);
    await app.close();
    await rt.close();
  }, 120_000);
});
