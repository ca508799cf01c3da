/** Schema pieces shared by routes. */
import { Type, type TSchema } from '@sinclair/typebox';
import { CHANNELS, CRITICALITIES, LANGS, PLACES, STATUSES } from '@komek/domain/lifecycle';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'machine-readable code, e.g. validation_failed, illegal_transition' }),
      message: Type.String({ description: 'human-readable explanation' }),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  },
  { $id: 'Error', description: 'Every error has this shape' },
);

export const StatusSchema = Type.Union(
  STATUSES.map((s) => Type.Literal(s)),
  { description: 'lifecycle status' },
);
export const CriticalitySchema = Type.Union(
  CRITICALITIES.map((s) => Type.Literal(s)),
  {
    description: 'urgent (24 h) … low',
  },
);
export const ChannelSchema = Type.Union(CHANNELS.map((s) => Type.Literal(s)));
export const PlaceSchema = Type.Union(
  PLACES.map((s) => Type.Literal(s)),
  {
    description:
      'where the problem is (building, apartment, yard, street, park, structure, construction site, other): the classifier weighs it with the text',
  },
);
export const LangSchema = Type.Union(LANGS.map((s) => Type.Literal(s)));
export const I18nText = Type.Object(
  {
    kk: Type.String({ maxLength: 2000 }),
    ru: Type.String({ maxLength: 2000 }),
    en: Type.String({ maxLength: 2000 }),
  },
  { description: 'a text in Kazakh, Russian and English' },
);
export const CodeSchema = Type.String({ pattern: '^[a-z0-9_.-]{1,60}$', description: 'a lower-case code' });
export const RequestNumber = Type.String({
  pattern: '^[0-9A-Z]{1,8}-[0-9]{4}-[0-9]{4,12}$',
  description: 'public number, e.g. 109-2026-0001234',
});

/** Standard error responses for the OpenAPI document. */
export function errors(...statuses: number[]): Record<number, TSchema> {
  const out: Record<number, TSchema> = {};
  for (const s of statuses) out[s] = Type.Ref('Error');
  return out;
}
