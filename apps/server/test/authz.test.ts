/**
 * The authorization matrix: every route × role × ownership with the expected answer.
 * allow = a 2xx; deny = 401 (anonymous) or 403 (signed in, not allowed). IDOR attempts —
 * guessing another resident's request numbers — are denied too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './server.ts';

type Role =
  | 'anonymous'
  | 'resident'
  | 'other_resident'
  | 'operator'
  | 'supervisor'
  | 'executor'
  | 'executor_other'
  | 'analyst'
  | 'admin';
const ROLES: Role[] = [
  'anonymous',
  'resident',
  'other_resident',
  'operator',
  'supervisor',
  'executor',
  'executor_other',
  'analyst',
  'admin',
];

let s: TestServer;
const tokens = new Map<Role, string | undefined>();
/** The resident's request, routed to agency `energy` (executor's agency; executor_other works for `roads`). */
let mine = '';

beforeAll(async () => {
  s = await startTestServer();
  tokens.set('anonymous', undefined);
  tokens.set('resident', await s.residentToken('+77013330001'));
  tokens.set('other_resident', await s.residentToken('+77013330002'));
  for (const [role, login] of [
    ['operator', 'operator'],
    ['supervisor', 'supervisor'],
    ['executor', 'executor'],
    ['executor_other', 'executor2'],
    ['analyst', 'analyst'],
    ['admin', 'admin'],
  ] as const) {
    tokens.set(role, await s.token(login));
  }
  mine = (
    await s.call('POST', '/api/v1/requests', {
      token: tokens.get('resident'),
      body: { text: 'нет света в квартире', category: 'electricity', channel: 'app' },
    })
  ).json().number;
});
afterAll(async () => {
  await s?.close();
});

interface Case {
  name: string;
  method: string;
  url: () => string;
  body?: () => unknown;
  allow: Role[];
  /** Statuses that count as a refusal here (default 401, 403). */
  deny?: number[];
}

const name = { kk: 'a', ru: 'a', en: 'a' };
const CASES: Case[] = [
  {
    name: 'read the request',
    method: 'GET',
    url: () => `/api/v1/requests/${mine}`,
    allow: ['resident', 'operator', 'supervisor', 'executor', 'analyst', 'admin'],
  },
  {
    name: 'read its history',
    method: 'GET',
    url: () => `/api/v1/requests/${mine}/events`,
    allow: ['resident', 'operator', 'supervisor', 'executor', 'analyst', 'admin'],
  },
  {
    name: 'read its files',
    method: 'GET',
    url: () => `/api/v1/requests/${mine}/attachments`,
    allow: ['resident', 'operator', 'supervisor', 'executor', 'analyst', 'admin'],
  },
  {
    name: 'list requests',
    method: 'GET',
    url: () => '/api/v1/requests',
    allow: [
      'resident',
      'other_resident',
      'operator',
      'supervisor',
      'executor',
      'executor_other',
      'analyst',
      'admin',
    ],
  },
  {
    name: 'register a request',
    method: 'POST',
    url: () => '/api/v1/requests',
    body: () => ({ text: 'яма', category: 'roads', channel: 'app' }),
    allow: ['resident', 'other_resident', 'operator', 'supervisor', 'executor', 'executor_other', 'admin'],
  },
  // A resident cannot claim the phone channel: that is a validation error (400), not a permission.
  {
    name: 'register a phone request',
    method: 'POST',
    url: () => '/api/v1/requests',
    body: () => ({ text: 'яма', category: 'roads', channel: 'phone' }),
    allow: ['operator', 'supervisor', 'executor', 'executor_other', 'admin'],
    deny: [400, 401, 403],
  },
  {
    name: 'write an internal note',
    method: 'POST',
    url: () => `/api/v1/requests/${mine}/comments`,
    body: () => ({ body: 'note', visibility: 'internal' }),
    allow: ['operator', 'supervisor', 'executor', 'admin'],
  },
  {
    name: 'write a public comment',
    method: 'POST',
    url: () => `/api/v1/requests/${mine}/comments`,
    body: () => ({ body: 'спасибо', visibility: 'public' }),
    allow: ['resident', 'operator', 'supervisor', 'executor', 'admin'],
  },
  {
    name: 'assign within the agency',
    method: 'POST',
    url: () => `/api/v1/requests/${mine}/assign`,
    body: () => ({ agency: 'energy' }),
    allow: ['operator', 'supervisor', 'executor', 'admin'],
  },
  {
    name: 'rate before resolution (conflict for the owner)',
    method: 'POST',
    url: () => `/api/v1/requests/${mine}/feedback`,
    body: () => ({ rating: 5 }),
    allow: [],
    deny: [401, 403, 409],
  },
  {
    name: 'change a category (admin)',
    method: 'PUT',
    url: () => '/api/v1/categories/authz-test',
    body: () => ({ name }),
    allow: ['admin'],
  },
  {
    name: 'change an agency (admin)',
    method: 'PUT',
    url: () => '/api/v1/agencies/authz-test',
    body: () => ({ kind: 'other', name }),
    allow: ['admin'],
  },
  {
    name: 'import districts (admin)',
    method: 'POST',
    url: () => '/api/v1/districts/import',
    body: () => ({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'authz' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [1, 1],
                [0, 0],
              ],
            ],
          },
        },
      ],
    }),
    allow: ['admin'],
  },
  {
    name: 'map points (staff; executors their agency)',
    method: 'GET',
    url: () => '/api/v1/map/points',
    allow: ['operator', 'supervisor', 'executor', 'executor_other', 'analyst', 'admin'],
  },
  { name: 'staff accounts (admin)', method: 'GET', url: () => '/api/v1/admin/staff', allow: ['admin'] },
  {
    name: 'classifier status (admin)',
    method: 'GET',
    url: () => '/api/v1/admin/classifier',
    allow: ['admin'],
  },
  {
    name: 'analytics overview',
    method: 'GET',
    url: () => '/api/v1/analytics/overview',
    allow: ['operator', 'supervisor', 'executor', 'executor_other', 'analyst', 'admin'],
  },
  {
    name: 'budget backlog',
    method: 'GET',
    url: () => '/api/v1/analytics/backlog',
    allow: ['operator', 'supervisor', 'executor', 'executor_other', 'analyst', 'admin'],
  },
  { name: 'categories (public)', method: 'GET', url: () => '/api/v1/categories', allow: ROLES },
  {
    name: 'classify (public)',
    method: 'POST',
    url: () => '/api/v1/classify',
    body: () => ({ text: 'нет света' }),
    allow: ROLES,
  },
];

const cells = CASES.flatMap((c) =>
  ROLES.map((role) => [c.name, role, c.allow.includes(role) ? 'allow' : 'deny'] as const),
);

describe('authorization matrix', () => {
  it.each(cells)('%s as %s → %s', async (caseName, role, expected) => {
    const c = CASES.find((x) => x.name === caseName) as Case;
    const r = await s.call(c.method, c.url(), {
      token: tokens.get(role),
      ...(c.body ? { body: c.body() } : {}),
    });
    if (expected === 'allow') expect(r.statusCode, r.body).toBeLessThan(300);
    else expect(c.deny ?? [401, 403], r.body).toContain(r.statusCode);
    if (expected === 'deny' && role === 'anonymous') expect(r.statusCode).toBe(401);
  });

  it('guessing numbers (IDOR) finds nothing that is not yours', async () => {
    const other = tokens.get('other_resident');
    const base = Number(mine.split('-')[2]);
    for (let n = Math.max(1, base - 3); n <= base + 3; n++) {
      const number = `109-${mine.split('-')[1]}-${String(n).padStart(7, '0')}`;
      const r = await s.call('GET', `/api/v1/requests/${number}`, { token: other });
      // Their own requests (made earlier in this file) may sit next to the victim's: those are fine.
      if (number === mine) expect(r.statusCode).toBe(403);
      else expect([200, 403, 404]).toContain(r.statusCode);
      expect(r.body).not.toContain('нет света в квартире');
      expect(r.body).not.toContain('+77013330001');
    }
  });
});
