/**
 * Contacts: the operator records how each contact ended — answered from the knowledge base with
 * no request (first-contact resolution), a request created, redirected, or dropped — and the
 * panel reports the rates.
 */
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors, RequestNumber } from '../../lib/schemas.ts';
import { CITY_WIDE, requireStaff } from '../auth/policy.ts';

const OUTCOMES = ['answered', 'request_created', 'redirected', 'dropped'] as const;
const CONTACT_CHANNELS = ['phone', 'walk_in', 'email', 'messenger', 'web', 'app'] as const;

const ContactBody = Type.Object(
  {
    channel: Type.Union(
      CONTACT_CHANNELS.map((c) => Type.Literal(c)),
      { default: 'phone' },
    ),
    outcome: Type.Union(OUTCOMES.map((o) => Type.Literal(o))),
    articleId: Type.Optional(Type.Integer({ minimum: 1, description: 'the article read out to the caller' })),
    requestNumber: Type.Optional(RequestNumber),
    category: Type.Optional(Type.String({ pattern: '^[a-z0-9_.-]{1,60}$' })),
    callId: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
  },
  { additionalProperties: false },
);

const Summary = Type.Object({
  from: Type.String(),
  to: Type.String(),
  contacts: Type.Integer(),
  byOutcome: Type.Record(Type.String(), Type.Integer()),
  firstContactResolution: Type.Union([Type.Number(), Type.Null()], {
    description: 'share of contacts answered on the spot (no request)',
  }),
  topArticles: Type.Array(Type.Object({ articleId: Type.Integer(), answered: Type.Integer() })),
});

export function contactRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/contacts',
    {
      schema: {
        tags: ['contacts'],
        summary: 'Records how a contact ended (answered from the knowledge base, request created, …)',
        body: ContactBody,
        response: { 201: Type.Object({ id: Type.Integer() }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const staff = requireStaff(req.actor, CITY_WIDE);
      const b = req.body;
      if (b.articleId !== undefined) {
        const a = await deps.db.query(
          sql`SELECT 1 FROM kb_articles WHERE city_id = ${staff.cityId} AND id = ${b.articleId}`,
        );
        if (!a.length) throw notFound('article', { articleId: b.articleId });
      }
      if (b.requestNumber !== undefined) {
        const r = await deps.db.query(
          sql`SELECT 1 FROM request_numbers WHERE city_id = ${staff.cityId} AND number = ${b.requestNumber}`,
        );
        if (!r.length) throw notFound('request', { number: b.requestNumber });
      }
      const rows = await deps.db.query<{ id: number }>(sql`
        INSERT INTO contacts (city_id, channel, outcome, staff_id, article_id, request_number, category_code, call_id, created_at)
        VALUES (${staff.cityId}, ${b.channel}, ${b.outcome}, ${staff.id}, ${b.articleId ?? null}, ${b.requestNumber ?? null},
          ${b.category ?? null}, ${b.callId ?? null}, ${deps.now()})
        RETURNING id`);
      return reply.status(201).send({ id: (rows[0] as { id: number }).id });
    },
  );

  app.get(
    '/api/v1/contacts/summary',
    {
      schema: {
        tags: ['contacts', 'analytics'],
        summary:
          'Contacts by outcome and the first-contact resolution rate in a period (default: the last 7 days)',
        querystring: Type.Object({
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: { 200: Summary, ...errors(400, 401, 403) },
      },
    },
    async (req) => {
      const staff = requireStaff(req.actor, ['supervisor', 'admin', 'analyst', 'operator']);
      const to = req.query.to ? new Date(req.query.to) : deps.now();
      const from = req.query.from ? new Date(req.query.from) : new Date(to.getTime() - 7 * 86_400_000);
      const rows = await deps.readDb.query<{ outcome: string; n: number }>(sql`
        SELECT outcome, count(*)::int AS n FROM contacts
        WHERE city_id = ${staff.cityId} AND created_at >= ${from} AND created_at < ${to} GROUP BY outcome`);
      const top = await deps.readDb.query<{ article_id: number; n: number }>(sql`
        SELECT article_id, count(*)::int AS n FROM contacts
        WHERE city_id = ${staff.cityId} AND created_at >= ${from} AND created_at < ${to}
          AND outcome = 'answered' AND article_id IS NOT NULL
        GROUP BY article_id ORDER BY n DESC, article_id LIMIT 10`);
      const byOutcome: Record<string, number> = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
      for (const r of rows) byOutcome[r.outcome] = r.n;
      const total = rows.reduce((s, r) => s + r.n, 0);
      return {
        from: from.toISOString(),
        to: to.toISOString(),
        contacts: total,
        byOutcome,
        firstContactResolution: total ? Math.round(((byOutcome.answered ?? 0) / total) * 1000) / 1000 : null,
        topArticles: top.map((t) => ({ articleId: t.article_id, answered: t.n })),
      };
    },
  );
}
