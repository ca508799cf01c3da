/** Open311 API keys: one per partner, created and revoked by admins, stored as SHA-256 hashes. */
import { createHash, randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { requireAdmin } from '../auth/policy.ts';

const hashKey = (k: string): string => createHash('sha256').update(k).digest('hex');

/** The partner an active key belongs to, or undefined. */
export async function partnerFor(deps: AppDeps, key: unknown): Promise<string | undefined> {
  if (typeof key !== 'string' || !key || key.length > 200) return undefined;
  const r = await deps.db.query<{ partner: string }>(
    sql`SELECT partner FROM open311_keys WHERE key_hash = ${hashKey(key)} AND active`,
  );
  return r[0]?.partner;
}

export function open311KeyRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/admin/open311-keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Creates an Open311 API key for a partner (shown once)',
        body: Type.Object(
          { partner: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ key: Type.String(), partner: Type.String() }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const key = randomBytes(24).toString('base64url');
      await deps.db.query(
        sql`INSERT INTO open311_keys (key_hash, city_id, partner) VALUES (${hashKey(key)}, ${admin.cityId}, ${req.body.partner})`,
      );
      return reply.status(201).send({ key, partner: req.body.partner });
    },
  );
  app.get(
    '/api/v1/admin/open311-keys',
    {
      schema: {
        tags: ['admin'],
        summary: 'Open311 partners and whether their keys are active',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                partner: Type.String(),
                active: Type.Boolean(),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...errors(401, 403),
        },
      },
    },
    async (req) => {
      const admin = requireAdmin(req.actor);
      const rows = await deps.db.query<{
        key_hash: string;
        partner: string;
        active: boolean;
        created_at: Date;
      }>(
        sql`SELECT key_hash, partner, active, created_at FROM open311_keys WHERE city_id = ${admin.cityId} ORDER BY created_at`,
      );
      return {
        items: rows.map((r) => ({
          id: r.key_hash.slice(0, 12),
          partner: r.partner,
          active: r.active,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );
  app.delete(
    '/api/v1/admin/open311-keys/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revokes an Open311 key',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{12}$' }) }),
        response: { 204: Type.Null(), ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const admin = requireAdmin(req.actor);
      const r = await deps.db.query(
        sql`UPDATE open311_keys SET active = false WHERE city_id = ${admin.cityId} AND key_hash LIKE ${req.params.id + '%'} RETURNING partner`,
      );
      if (!r.length) throw new AppError('not_found', 'no such key');
      return reply.status(204).send(null);
    },
  );
}
