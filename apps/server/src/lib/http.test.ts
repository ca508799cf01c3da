import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { installErrorHandler, type App } from './http.ts';

describe('the error handler', () => {
  it('answers in the JSON error shape even when the handler had chosen a download', async () => {
    const app = Fastify() as unknown as App;
    installErrorHandler(app);
    const download = (reply: { header(k: string, v: string): unknown }): void => {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="x.csv"');
    };
    app.get('/broken', async (_req, reply) => {
      download(reply);
      throw new Error('the formatter died');
    });
    app.get('/refused', async (_req, reply) => {
      download(reply);
      throw new AppError('forbidden', 'not for you');
    });
    for (const [url, status, code] of [
      ['/broken', 500, 'internal'],
      ['/refused', 403, 'forbidden'],
    ] as const) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(status);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.headers['content-disposition']).toBeUndefined();
      expect(r.json().error.code).toBe(code);
      expect(r.body).not.toContain('formatter');
    }
    await app.close();
  });
});
