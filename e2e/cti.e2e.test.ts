import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startE2E, type E2E } from './harness.ts';

describe.skipIf(!hasChromium)('telephony and live updates in the console', () => {
  let e: E2E;
  let token: string;
  let open: string;
  const cti = (form: Record<string, string>) =>
    e.app.inject({
      method: 'POST',
      url: '/api/v1/cti/komek-demo-cti',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
  beforeAll(async () => {
    e = await startE2E();
    token = await e.apiToken('t-supervisor');
    const r = await e.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        text: 'Не работает лифт в подъезде',
        category: 'yards',
        channel: 'phone',
        resident: { phone: '+77015551234', name: 'Гульнара' },
      },
    });
    open = r.json().number as string;
  });
  afterAll(async () => {
    await e?.close();
  });

  it('a simulated PBX call pops the caller card on the operator who answered; the request made is linked to the call', async () => {
    const page = await e.staffPage('t-operator');
    await page.getByText('обновляется сам').waitFor(); // the live stream is up
    expect(
      (await cti({ event: 'newCall', from: '87015551234', to: '109', direction: 'in', callId: 'pbx-42' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await cti({ event: 'answer', callId: 'pbx-42', answeringNumber: '201', direction: 'in' })).statusCode,
    ).toBe(200);
    const dialog = page.getByRole('dialog', { name: 'Входящий звонок' });
    await dialog.waitFor();
    await dialog.getByText('Гульнара').waitFor();
    await dialog.getByRole('link', { name: open }).waitFor();
    await e.shot(page, 'cti-caller-card');
    await dialog.getByRole('button', { name: 'Новое обращение от этого звонящего' }).click();
    await page.waitForURL(/\/console\/new\?callId=pbx-42/);
    expect(await page.getByLabel('Телефон звонящего').inputValue()).toBe('+77015551234');
    await page.locator('.caller-card').getByRole('link', { name: open }).waitFor();
    await page.getByLabel('Суть обращения').fill('Во дворе сломана скамейка');
    await page.getByRole('button', { name: 'Зарегистрировать' }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    const number = /109-\d{4}-\d{7}/.exec((await status.textContent()) ?? '')?.[0];
    expect(number).toBeTruthy();
    await cti({ event: 'hangup', callId: 'pbx-42', cause: 'normalClearing' });
    const log = await e.app.inject({
      method: 'GET',
      url: '/api/v1/calls',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(log.json().items[0]).toMatchObject({
      callId: 'pbx-42',
      state: 'ended',
      staff: 't-operator',
      requests: [number],
    });
    await page.context().close();
  });

  it('the queue shows a request someone else registered, without a reload', async () => {
    const page = await e.staffPage('t-supervisor');
    await page.getByText('обновляется сам').waitFor();
    const r = await e.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { authorization: `Bearer ${await e.apiToken('t-operator')}` },
      payload: { text: 'Открытый люк на тротуаре', category: 'roads', channel: 'phone' },
    });
    await page.getByRole('link', { name: r.json().number as string }).waitFor({ timeout: 5000 });
    await e.shot(page, 'queue-live');
    await page.context().close();
  });
});
