import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { CodeSchema, errors } from '../../lib/schemas.ts';
import { requireSignedIn } from '../auth/policy.ts';
import { maskContacts } from '../privacy/service.ts';
import { findCandidates } from './service.ts';

const Candidate = Type.Object({
  number: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  incidentId: Type.Union([Type.Number(), Type.Null()]),
  score: Type.Number(),
  reasons: Type.Object({
    distanceM: Type.Number(),
    hoursAgo: Type.Number(),
    textSimilarity: Type.Number(),
    sameCategory: Type.Boolean(),
  }),
  text: Type.String(),
});

export function duplicateRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/requests/candidates',
    {
      schema: {
        tags: ['intelligence'],
        summary: 'Open requests that are probably the same problem (top-5, with the reasons)',
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 5000 }),
            lat: Type.Number({ minimum: -90, maximum: 90 }),
            lon: Type.Number({ minimum: -180, maximum: 180 }),
            category: Type.Optional(CodeSchema),
            windowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Candidate) }), ...errors(400, 401) },
      },
    },
    async (req) => {
      requireSignedIn(req.actor);
      const items = await findCandidates(deps, req.actor.cityId, req.body);
      // Other residents' words may hold their contacts: only staff see them unmasked.
      return {
        items: req.actor.kind === 'staff' ? items : items.map((c) => ({ ...c, text: maskContacts(c.text) })),
      };
    },
  );
}
