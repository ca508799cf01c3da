/**
 * Every route of the OpenAPI document is fed generated valid and invalid input, as each role:
 * zero 5xx, and every error in the one error shape. The seed is printed so a failure can be
 * replayed: FUZZ_SEED=… FUZZ_RUNS=… npx vitest run apps/server/test/fuzz
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestServer, type TestServer } from '../server.ts';
import { invalid, valid, type JsonSchema } from './generate.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
// 6,000 cases a run (a fresh seed each time, printed): CI runs the suite twice on a 2-core machine.
const RUNS = Number(process.env.FUZZ_RUNS ?? 6_000);

interface Operation {
  method: string;
  path: string;
  params: JsonSchema[];
  query: Record<string, JsonSchema>;
  body?: JsonSchema;
  contentType?: string;
}

/** Any generated value as text (objects without a prototype included). */
const text = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

let s: TestServer;
let ops: Operation[] = [];
let tokens: (string | undefined)[] = [];
let counted = 0;

beforeAll(async () => {
  s = await startTestServer();
  const doc = (await s.call('GET', '/openapi.json')).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string; schema: JsonSchema }[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? [])
        .filter((p) => p.in === 'path')
        .map((p) => ({ ...p.schema, title: p.name }) as JsonSchema & { title: string });
      const query: Record<string, JsonSchema> = {};
      for (const p of op.parameters ?? []) if (p.in === 'query') query[p.name] = p.schema;
      const content = op.requestBody?.content ?? {};
      const ct = Object.keys(content)[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        params,
        query,
        ...(ct ? { body: content[ct]?.schema, contentType: ct } : {}),
      });
    }
  }
  // The live stream (SSE) never ends by design: it is tested over a real connection (calls.test.ts).
  ops = ops.filter(
    (o) => !o.path.startsWith('/docs') && o.path !== '/api/v1/auth/logout' && o.path !== '/api/v1/live',
  );
  tokens = [
    undefined,
    await s.token('operator'),
    await s.token('admin'),
    await s.token('executor'),
    await s.token('analyst'),
    await s.residentToken('+77019990001'),
  ];
  process.stdout.write(`fuzz: ${ops.length} operations, ${RUNS} cases, seed ${SEED}\n`);
});
afterAll(async () => {
  process.stdout.write(`fuzz: ${counted} requests sent\n`);
  await s?.close();
});

describe('fuzzing every route', () => {
  it('never answers 5xx and always uses the error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_000_000 }).chain((i) => {
          const op = ops[i % ops.length] as Operation;
          const qArb = fc.record(
            Object.fromEntries(
              Object.entries(op.query).map(([k, v]) => [k, fc.oneof(valid(v), invalid(undefined).map(text))]),
            ),
            { requiredKeys: [] },
          );
          const bodyArb = op.body ? fc.oneof(valid(op.body), invalid(op.body)) : fc.constant(undefined);
          const paramArb = fc.tuple(
            ...op.params.map((p) =>
              fc.oneof(
                valid(p),
                fc.constantFrom('0', 'x', '%2e%2e', '109-2026-0000001', '-1', '9'.repeat(30)),
              ),
            ),
          );
          return fc.record({
            op: fc.constant(op),
            query: qArb,
            body: bodyArb,
            params: op.params.length ? paramArb : fc.constant([] as unknown[]),
            token: fc.constantFrom(...tokens),
          });
        }),
        async ({ op, query, body, params, token }) => {
          let url = op.path;
          op.params.forEach((p, i) => {
            url = url.replace(`{${(p as { title?: string }).title}}`, encodeURIComponent(text(params[i])));
          });
          const qs = new URLSearchParams(
            Object.entries(query).map(([k, v]): [string, string] => [k, text(v)]),
          ).toString();
          const res = await s.app.inject({
            method: op.method as 'GET',
            url: qs ? `${url}?${qs}` : url,
            headers: {
              ...(token ? { authorization: `Bearer ${token}` } : {}),
              ...(body !== undefined ? { 'content-type': op.contentType ?? 'application/json' } : {}),
            },
            ...(body !== undefined
              ? { payload: typeof body === 'string' ? body : JSON.stringify(body) }
              : {}),
          });
          counted++;
          if (res.statusCode >= 500)
            throw new Error(`${op.method} ${url} → ${res.statusCode}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            const j = res.json() as { error?: { code?: unknown; message?: unknown; details?: unknown } };
            expect(typeof j.error?.code).toBe('string');
            expect(typeof j.error?.message).toBe('string');
            expect(typeof j.error?.details).toBe('object');
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 600_000);
});
