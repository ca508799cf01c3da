/**
 * Crash safety: intake under load, the server killed with SIGKILL several times mid-load and
 * restarted; every request that got a 201 is there exactly once with its events, and nothing
 * half-written exists. Clients retry with the same Idempotency-Key, as real clients do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { PASSWORD, seedTestCity } from '../factories.ts';
import { serverEnv, serverTarget, waitUp, type ServerTarget } from '../server-process.ts';

const main = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'main.ts');
const url = process.env.DATABASE_URL;
const KILLS = 3;

function start(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', main], {
    env: serverEnv(env, port),
    stdio: 'ignore',
  });
}

let t: ServerTarget | undefined;
afterAll(async () => {
  await t?.cleanup();
});

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs under intake load without losing or doubling an acknowledged request`, async () => {
    t = await serverTarget('crash');
    const seedDb = await t.open();
    await migrate(seedDb);
    await seedTestCity(seedDb);
    await seedDb.close();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const base = `http://127.0.0.1:${port}`;
    let child = start(t.env, port);
    await waitUp(base);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 't-operator', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };

    const acked = new Map<string, string>(); // idempotency key → number
    let stop = false;
    let sent = 0;
    const client = async (id: number): Promise<void> => {
      let k = 0;
      while (!stop) {
        const key = `c${id}-${k}`;
        // Retry the same key until it is acknowledged (across restarts).
        for (;;) {
          if (stop && !acked.has(key)) break;
          try {
            sent++;
            const r = await fetch(`${base}/api/v1/requests`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${token}`,
                'idempotency-key': key,
              },
              body: JSON.stringify({
                text: `нет света, клиент ${id}, запрос ${k}`,
                category: 'electricity',
                channel: 'phone',
                lat: 51.15,
                lon: 71.35,
              }),
            });
            if (r.status === 201) {
              const body = (await r.json()) as { number: string };
              const prev = acked.get(key);
              if (prev) expect(body.number).toBe(prev);
              acked.set(key, body.number);
              break;
            }
          } catch {
            await new Promise((res) => setTimeout(res, 50));
          }
          if (stop) break;
        }
        k++;
      }
    };
    const clients = Array.from({ length: 6 }, (_, i) => client(i));
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 700 + Math.random() * 500));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      child = start(t.env, port);
      await waitUp(base);
    }
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await Promise.all(clients);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));

    const db = await t.open();
    try {
      const numbers = [...acked.values()];
      const rows = await db.query<{ number: string; n: number; created: number }>(
        `
        SELECT r.number, count(*)::int AS n,
          (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id AND e.type = 'created') AS created
        FROM requests r WHERE r.number = ANY($1::text[]) GROUP BY r.number, r.id`,
        [numbers],
      );
      expect(rows.length).toBe(numbers.length);
      expect(rows.every((r) => r.n === 1 && r.created === 1)).toBe(true);
      const orphans = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM requests r
        WHERE NOT EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.type = 'created')`);
      expect(orphans[0]?.n).toBe(0);
      const dupKeys = await db.query<{
        n: number;
      }>(`SELECT count(*)::int AS n FROM (SELECT idempotency_key FROM requests
        WHERE idempotency_key IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d`);
      expect(dupKeys[0]?.n).toBe(0);
      process.stdout.write(
        `crash: ${KILLS} kills survived, ${numbers.length} acknowledged requests checked, ${sent} attempts (${url ? 'postgres' : 'pglite'})\n`,
      );
      expect(numbers.length).toBeGreaterThan(20);
    } finally {
      await db.close();
    }
  }, 180_000);
});
