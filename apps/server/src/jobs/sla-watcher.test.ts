import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../test/server.ts';
import { runSlaWatcher } from './sla-watcher.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

const HOUR = 3_600_000;

describe('SLA watcher', () => {
  it('warns at 80 %, marks breaches once, escalates to supervisors, and brings deferred requests back in their year', async () => {
    const op = await s.token('operator');
    const t0 = new Date('2026-03-02T06:00:00Z');
    s.setNow(t0);
    const r = (
      await s.call('POST', '/api/v1/requests', {
        token: op,
        body: { text: 'нет света', category: 'electricity', criticality: 'urgent', channel: 'phone' },
      })
    ).json();
    const deferred = (
      await s.call('POST', '/api/v1/requests', {
        token: op,
        body: { text: 'нужен новый тротуар', category: 'roads', channel: 'phone' },
      })
    ).json();
    await s.call('POST', `/api/v1/requests/${deferred.number}/transitions`, {
      token: op,
      body: { to: 'deferred', reason: 'нет бюджета', plannedYear: 2027 },
    });

    const at = (h: number) => new Date(t0.getTime() + h * HOUR);
    expect(await runSlaWatcher(s.db, at(10), 'Asia/Almaty')).toEqual({
      warned: 0,
      breached: 0,
      undeferred: 0,
    });
    expect((await runSlaWatcher(s.db, at(20), 'Asia/Almaty')).warned).toBeGreaterThanOrEqual(1);
    const b1 = await runSlaWatcher(s.db, at(25), 'Asia/Almaty');
    expect(b1.breached).toBeGreaterThanOrEqual(1);
    expect((await runSlaWatcher(s.db, at(26), 'Asia/Almaty')).breached).toBe(0);

    const events = (await s.call('GET', `/api/v1/requests/${r.number}/events`, { token: op }))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(events).toEqual(['created', 'sla_warning', 'sla_breach', 'escalated']);
    const notes = await s.db.query<{ recipient: string }>(
      sql`SELECT recipient FROM outbox WHERE kind = 'sla_breach' AND payload->>'number' = ${r.number}`,
    );
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.recipient.startsWith('staff:'))).toBe(true);

    const nextYear = new Date('2027-01-01T06:00:00Z');
    expect((await runSlaWatcher(s.db, nextYear, 'Asia/Almaty')).undeferred).toBe(1);
    const back = (await s.call('GET', `/api/v1/requests/${deferred.number}`, { token: op })).json();
    expect(back.status).toBe('reopened');
    // It comes back with a fresh SLA (10 days for a standard request), not already breached.
    expect(new Date(back.dueAt).getTime() - nextYear.getTime()).toBe(240 * HOUR);
    expect((await runSlaWatcher(s.db, new Date(nextYear.getTime() + HOUR), 'Asia/Almaty')).breached).toBe(0);
    s.setNow(undefined as unknown as Date);
  });
});
