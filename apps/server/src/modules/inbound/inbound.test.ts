import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { dispatchOutbox, devSender } from '../../jobs/outbox-dispatcher.ts';
import { applyRetention } from '../privacy/service.ts';

let s: TestServer;
let supervisor: string;
const TOKEN = 'komek-demo-inbound';

beforeAll(async () => {
  s = await startTestServer();
  supervisor = await s.token('supervisor');
});
afterAll(async () => {
  await s?.close();
});

const email = (id: string, from = 'Айгуль <aigul@example.kz>') =>
  [
    `From: ${from}`,
    'To: 109@komek.example',
    'Subject: =?UTF-8?B?0J3QtdGCINGB0LLQtdGC0LA=?=',
    `Message-ID: <${id}@mail.example.kz>`,
    'Date: Wed, 25 Nov 2026 09:00:00 +0500',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '=D0=A3 =D0=BD=D0=B0=D1=81 =D0=B2 =D0=B4=D0=BE=D0=BC=D0=B5 =D0=B2=D1=82=D0=BE=D1=80=D0=BE=D0=B9 =D0=B4=D0=B5=D0=BD=D1=8C =D0=BD=D0=B5=D1=82 =D1=81=D0=B2=D0=B5=D1=82=D0=B0.',
    '',
    '> quoted earlier message that is not the complaint',
    '',
  ].join('\r\n');

const post = (provider: string, payload: string | object, contentType: string, token = TOKEN) =>
  s.app.inject({
    method: 'POST',
    url: `/api/v1/inbound/${provider}/${token}`,
    headers: { 'content-type': contentType },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });

const deliver = () => dispatchOutbox(s.db, devSender, () => new Date(Date.now() + 1000), 100);

describe('inbound e-mail', () => {
  it('an e-mail to the city becomes a classified request and the sender gets its number — once', async () => {
    const r = await post('email', email('m-1'), 'message/rfc822');
    expect(r.statusCode, r.body).toBe(200);
    const { number, duplicate } = r.json();
    expect(duplicate).toBe(false);
    const req = (await s.call('GET', `/api/v1/requests/${number}`, { token: supervisor })).json();
    expect(req).toMatchObject({ channel: 'email', category: 'electricity', status: 'new' });
    expect(req.text).toBe('Нет света\nУ нас в доме второй день нет света.');

    const again = await post('email', email('m-1'), 'text/plain');
    expect(again.json()).toMatchObject({ number, duplicate: true });
    await deliver();
    const sent = await s.db.query<{ recipient: string; body: string }>(
      sql`SELECT recipient, body FROM dev_messages WHERE channel = 'email' AND recipient = 'aigul@example.kz'`,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toContain(number);
    const [count] = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM requests WHERE channel = 'email'`,
    );
    expect(count?.n).toBe(1);
  });

  it('forgets the sender address with the retention of personal data', async () => {
    const before = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM inbound_messages WHERE sender = 'aigul@example.kz'`,
    );
    expect(before[0]?.n).toBe(1);
    await applyRetention(s.db, new Date(Date.now() + 40 * 86_400_000), 30);
    const after = await s.db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM inbound_messages WHERE sender = 'aigul@example.kz'`,
    );
    expect(after[0]?.n).toBe(0);
  });

  it('refuses a wrong token, an unknown channel and what is not an e-mail', async () => {
    expect((await post('email', email('m-2'), 'message/rfc822', 'not-the-token-at-all')).statusCode).toBe(
      403,
    );
    const unknown = await post('carrier-pigeon', '{}', 'application/json');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.details.known).toEqual(['email', 'telegram']);
    const junk = await post('email', 'hello there', 'text/plain');
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('bad_request');
    const noFrom = await post('email', 'Subject: x\r\n\r\nНет света', 'text/plain');
    expect(noFrom.statusCode).toBe(400);
    expect(noFrom.body).not.toMatch(/aigul/);
  });
});

describe('inbound Telegram', () => {
  const update = (id: number, message: Record<string, unknown>) => ({
    update_id: id,
    message: { message_id: id, chat: { id: 5550001 }, from: { language_code: 'kk' }, ...message },
  });

  it('a message with a place becomes a request in its district; the reply goes to the chat', async () => {
    const r = await post(
      'telegram',
      update(10, {
        caption: 'Жолда үлкен шұңқыр, яма на дороге',
        location: { latitude: 51.15, longitude: 71.35 },
      }),
      'application/json',
    );
    expect(r.statusCode, r.body).toBe(200);
    const req = (await s.call('GET', `/api/v1/requests/${r.json().number}`, { token: supervisor })).json();
    expect(req).toMatchObject({
      channel: 'messenger',
      lat: 51.15,
      lon: 71.35,
      district: 'west',
      category: 'roads',
    });
    expect((await post('telegram', update(10, { text: 'again' }), 'application/json')).json().duplicate).toBe(
      true,
    );
    await deliver();
    const sent = await s.db.query<{ recipient: string; body: string }>(
      sql`SELECT recipient, body FROM dev_messages WHERE channel = 'messenger'`,
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.recipient).toBe('telegram:5550001');
    expect(sent[0]?.body).toContain(r.json().number);
  });

  it('ignores commands and other updates, refuses what is not an update', async () => {
    expect((await post('telegram', update(11, { text: '/start' }), 'application/json')).json()).toEqual({
      ok: true,
      ignored: true,
    });
    expect(
      (await post('telegram', { update_id: 12, edited_message: {} }, 'application/json')).json().ignored,
    ).toBe(true);
    expect((await post('telegram', { hello: 'world' }, 'application/json')).statusCode).toBe(400);
  });
});
