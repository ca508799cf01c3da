import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { autoCloseDays, autoCloseResolved } from './jobs.ts';

let s: TestServer;
let resident: string;
let operator: string;
const DAY = 86_400_000;

beforeAll(async () => {
  s = await startTestServer();
  resident = await s.residentToken('+77015550101');
  operator = await s.token('operator');
});
afterAll(async () => {
  await s?.close();
});

async function resolvedRequest(text: string): Promise<string> {
  const number = (
    await s.call('POST', '/api/v1/requests', {
      token: resident,
      body: { text, category: 'roads', channel: 'app' },
    })
  ).json().number as string;
  expect(
    (
      await s.call('POST', `/api/v1/requests/${number}/transitions`, {
        token: operator,
        body: { to: 'resolved' },
      })
    ).statusCode,
  ).toBe(200);
  return number;
}

const statusOf = async (number: string) =>
  (await s.call('GET', `/api/v1/requests/${number}`, { token: resident })).json().status as string;

describe('auto-close of unanswered resolutions', () => {
  it('reads the window from the city settings', () => {
    expect(autoCloseDays({ autoCloseDays: 7, reopenWindowDays: 15 })).toBe(7);
    expect(autoCloseDays({ reopenWindowDays: 10 })).toBe(10);
    expect(autoCloseDays({})).toBe(15);
  });

  it('closes a resolved request after the window with a public system event, and only then', async () => {
    const t0 = Date.now();
    s.setNow(new Date(t0));
    const old = await resolvedRequest('Яма у школы');
    const answered = await resolvedRequest('Яма у парка');
    expect(
      (
        await s.call('POST', `/api/v1/requests/${answered}/transitions`, {
          token: resident,
          body: { to: 'reopened', reason: 'не исправлено' },
        })
      ).statusCode,
    ).toBe(200);
    s.setNow(new Date(t0 + 14 * DAY));
    const fresh = await resolvedRequest('Яма у рынка');
    expect(await autoCloseResolved(s.deps)).toBe(0);
    s.setNow(new Date(t0 + 16 * DAY));
    expect(await autoCloseResolved(s.deps)).toBe(1);
    expect(await statusOf(old)).toBe('closed');
    expect(await statusOf(answered)).toBe('reopened');
    expect(await statusOf(fresh)).toBe('resolved');
    const events = (await s.call('GET', `/api/v1/requests/${old}/events`, { token: resident })).json().items;
    expect(events.at(-1)).toMatchObject({
      type: 'status_changed',
      fromStatus: 'resolved',
      toStatus: 'closed',
      actor: { kind: 'system' },
    });
    const msgs = await s.db.query<{ payload: Record<string, unknown> }>(
      sql`SELECT payload FROM outbox WHERE kind = 'status_changed' AND channel = 'inapp' AND payload ->> 'number' = ${old} AND payload ->> 'autoClosed' IS NOT NULL`,
    );
    expect(msgs[0]?.payload).toMatchObject({ status: 'closed', autoClosed: true });
    expect(await autoCloseResolved(s.deps)).toBe(0);
    s.setNow(new Date(t0 + 31 * DAY));
    expect(await autoCloseResolved(s.deps)).toBe(1);
    expect(await statusOf(fresh)).toBe('closed');
  });
});
