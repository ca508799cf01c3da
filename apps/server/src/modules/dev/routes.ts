/** The development inbox: what the development SMS and e-mail senders "sent". Absent in production. */
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';

export function devRoutes(app: App, deps: AppDeps): void {
  if (deps.config.env === 'production') return;
  app.get(
    '/api/v1/dev/inbox',
    {
      schema: {
        tags: ['dev'],
        summary: 'Messages recorded by the development senders (not in production)',
        querystring: Type.Object({
          recipient: Type.Optional(Type.String({ maxLength: 200 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.Number(),
                channel: Type.String(),
                recipient: Type.String(),
                subject: Type.Union([Type.String(), Type.Null()]),
                body: Type.String(),
                createdAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const rows = await deps.db.query<{
        id: number;
        channel: string;
        recipient: string;
        subject: string | null;
        body: string;
        created_at: Date;
      }>(sql`
        SELECT id, channel, recipient, subject, body, created_at FROM dev_messages
        WHERE city_id = ${req.actor.cityId} ${req.query.recipient ? sql`AND recipient = ${req.query.recipient}` : sql``}
        ORDER BY id DESC LIMIT ${req.query.limit ?? 20}`);
      return {
        items: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          recipient: r.recipient,
          subject: r.subject,
          body: r.body,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },
  );
}
