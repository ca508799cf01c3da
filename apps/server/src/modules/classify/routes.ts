import { Type, type TSchema } from '@sinclair/typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { CriticalitySchema, errors, I18nText, PlaceSchema } from '../../lib/schemas.ts';
import { suggestForText } from './suggest.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ClassifyResponse = Type.Object({
  categories: Type.Array(
    Type.Object({
      code: Type.String(),
      name: I18nText,
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
      agency: Nullable(Type.String()),
    }),
    { description: 'top-3 categories, most likely first' },
  ),
  criticality: CriticalitySchema,
  criticalityRule: Nullable(Type.String({ description: 'the rule that set the criticality, if any' })),
  agency: Nullable(Type.Object({ code: Type.String(), name: I18nText })),
  district: Nullable(Type.String()),
  dueAt: Nullable(
    Type.String({
      format: 'date-time',
      description: 'the SLA due time if registered now with the top category',
    }),
  ),
  model: Type.Object({ kind: Type.String(), version: Nullable(Type.Number()) }),
  lang: Type.String(),
});

export function classifyRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/v1/classify',
    {
      schema: {
        tags: ['intelligence'],
        summary: 'Suggests category (top-3 with confidence), criticality and agency from the text',
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 5000 }),
            lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
            lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
            place: Type.Optional(PlaceSchema),
          },
          { additionalProperties: false },
        ),
        response: { 200: ClassifyResponse, ...errors(400) },
      },
    },
    async (req) => suggestForText(deps, req.actor.cityId, req.body),
  );
}
