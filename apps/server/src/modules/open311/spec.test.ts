/**
 * Every Open311 JSON response a client can get — services, a service definition, POST requests,
 * tokens, the request list with its filters, one request, and the errors — validated against the
 * GeoReport v2 Swagger description (test/open311-spec.ts). Skips when ../shared is absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open311Spec, SPEC_FILE, type Operation } from '../../../test/open311-spec.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';

let s: TestServer;
let key = '';

const valid = (op: Operation, body: unknown): void => {
  expect(open311Spec?.check(op, body), `${op}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
};
const get = async (url: string, status = 200): Promise<unknown> => {
  const r = await s.app.inject({ method: 'GET', url });
  expect(r.statusCode, `${url}: ${r.body.slice(0, 200)}`).toBe(status);
  return r.json() as unknown;
};
const post = async (body: Record<string, string>, status = 201): Promise<unknown> => {
  const r = await s.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(body).toString(),
  });
  expect(r.statusCode, r.body.slice(0, 200)).toBe(status);
  return r.json() as unknown;
};

describe.skipIf(!open311Spec)(`Open311 responses against ${SPEC_FILE}`, () => {
  beforeAll(async () => {
    s = await startTestServer();
    key = (
      await s.call('POST', '/api/v1/admin/open311-keys', {
        token: await s.token('admin'),
        body: { partner: 'spec-test' },
      })
    ).json().key as string;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('services and service definitions, in every locale', async () => {
    for (const locale of ['', '?locale=kk', '?locale=ru', '?locale=en']) {
      const services = (await get(`/open311/v2/services.json${locale}`)) as { service_code: string }[];
      expect(services.length).toBeGreaterThan(0);
      valid('services', services);
      for (const sv of services)
        valid('service_definition', await get(`/open311/v2/services/${sv.service_code}.json${locale}`));
    }
  });

  it('creating requests, tokens, the list with its filters, and one request', async () => {
    const created = await post({
      api_key: key,
      service_code: 'roads',
      lat: '51.15',
      long: '71.35',
      description: 'Яма на дороге',
    });
    valid('post_requests', created);
    const id = (created as { service_request_id: string }[])[0]?.service_request_id as string;
    const byAddress = await post({
      api_key: key,
      service_code: 'electricity',
      address_string: 'ул. Кенесары, 40',
      description: 'No light',
    });
    valid('post_requests', byAddress);
    const withMedia = await post({
      api_key: key,
      service_code: 'yards',
      lat: '51.16',
      long: '71.44',
      description: 'Broken bench',
      media_url: 'https://example.org/photo.jpg',
    });
    valid('post_requests', withMedia);
    const token = (withMedia as { token?: string }[])[0]?.token;
    if (token) valid('token', await get(`/open311/v2/tokens/${token}.json`));

    const staff = await s.token('supervisor');
    await s.call('POST', `/api/v1/requests/${id}/transitions`, { token: staff, body: { to: 'in_progress' } });
    await s.call('POST', `/api/v1/requests/${id}/transitions`, {
      token: staff,
      body: { to: 'resolved', reason: 'Заделали' },
    });

    const one = await get(`/open311/v2/requests/${id}.json`);
    valid('request', one);
    const today = new Date().toISOString().slice(0, 10);
    for (const q of [
      '',
      `?service_request_id=${id}`,
      '?service_code=roads',
      '?status=open',
      '?status=closed',
      `?start_date=${today}T00:00:00Z&end_date=${new Date(Date.now() + 86_400_000).toISOString()}`,
      '?page=1&page_size=2',
      `?updated_after=${today}T00:00:00Z`,
    ]) {
      const list = await get(`/open311/v2/requests.json${q}`);
      valid('requests', list);
    }
  });

  it('errors: a missing key, an unknown service, a missing request, a bad parameter', async () => {
    valid('errors', await post({ service_code: 'roads', lat: '51.1', long: '71.4', description: 'x' }, 403));
    valid(
      'errors',
      await post({ api_key: key, service_code: 'no-such-service', lat: '51.1', long: '71.4' }, 400),
    );
    valid('errors', await get('/open311/v2/services/no-such-service.json', 404));
    valid('errors', await get('/open311/v2/requests/109-2026-99999999.json', 404));
    valid('errors', await get('/open311/v2/requests.json?start_date=yesterday', 400));
  });
});
