/** Route schemas of the public module: the public list, anonymous reports, claims, subscriptions. */
import { Type, type TSchema } from '@sinclair/typebox';
import { CodeSchema, I18nText, LangSchema, RequestNumber, StatusSchema } from '../../lib/schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const csv = (desc: string) =>
  Type.Optional(Type.String({ maxLength: 500, description: `${desc}; several separated by commas` }));

export const PublicListQuery = Type.Object(
  {
    status: csv('status, or "open" / "done" for the groups'),
    category: csv('category code (a group includes its children)'),
    district: csv('district code'),
    bbox: Type.Optional(
      Type.String({
        pattern: '^-?[0-9.]+,-?[0-9.]+,-?[0-9.]+,-?[0-9.]+$',
        description: 'minLon,minLat,maxLon,maxLat',
      }),
    ),
    lat: Type.Optional(
      Type.Number({ minimum: -90, maximum: 90, description: 'with lon: only requests near this point' }),
    ),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    radiusM: Type.Optional(
      Type.Integer({
        minimum: 10,
        maximum: 5000,
        description: 'around lat/lon (default: the category’s duplicate radius, else 300 m)',
      }),
    ),
    createdFrom: Type.Optional(Type.String({ format: 'date-time' })),
    createdTo: Type.Optional(Type.String({ format: 'date-time' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor from the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

/** A request as the public sees it: no resident, no address, coordinates rounded, text masked. */
export const PublicRequestSchema = Type.Object({
  number: Type.String(),
  status: StatusSchema,
  category: Nullable(Type.String()),
  district: Nullable(Type.String()),
  agency: Nullable(Type.String()),
  lat: Nullable(Type.Number({ description: 'rounded to 3 decimals (about 100 m)' })),
  lon: Nullable(Type.Number()),
  text: Nullable(
    Type.String({ description: 'masked; null for requests made by phone, e-mail or messenger' }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time' }),
  resolvedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  distanceM: Type.Optional(Type.Number({ description: 'from lat/lon when given' })),
});

export const PublicRequestPage = Type.Composite([
  PublicRequestSchema,
  Type.Object({ history: Type.Array(Type.Object({ status: Type.String(), at: Type.String() })) }),
]);

export const AnonymousReportBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    category: Type.Optional(CodeSchema),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    channel: Type.Optional(Type.Union([Type.Literal('web'), Type.Literal('app')], { default: 'web' })),
    lang: Type.Optional(LangSchema),
    attributes: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 60 }),
        Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]),
        { maxProperties: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const AnonymousReportResponse = Type.Object({
  number: Type.String(),
  status: StatusSchema,
  category: Nullable(Type.String()),
  dueAt: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
  claimToken: Type.String({
    description:
      'keep it: after signing in, POST /api/v1/requests/claim attaches the report to you; also lets you add photos (X-Claim-Token)',
  }),
  claimExpiresAt: Type.String({ format: 'date-time' }),
});

export const ClaimBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 200 }) },
  { additionalProperties: false },
);

export const SubscriptionBody = Type.Object(
  {
    request: Type.Optional(RequestNumber),
    district: Type.Optional(CodeSchema),
    bbox: Type.Optional(
      Type.Tuple(
        [
          Type.Number({ minimum: -180, maximum: 180 }),
          Type.Number({ minimum: -90, maximum: 90 }),
          Type.Number({ minimum: -180, maximum: 180 }),
          Type.Number({ minimum: -90, maximum: 90 }),
        ],
        { description: '[minLon, minLat, maxLon, maxLat]' },
      ),
    ),
  },
  { additionalProperties: false, description: 'exactly one of request, district, bbox' },
);

export const SubscriptionSchema = Type.Object({
  id: Type.Number(),
  kind: Type.Union([Type.Literal('request'), Type.Literal('district'), Type.Literal('bbox')]),
  request: Nullable(Type.String()),
  district: Nullable(Type.String()),
  bbox: Nullable(Type.Array(Type.Number())),
  createdAt: Type.String({ format: 'date-time' }),
});

export const PublicSettingsSchema = Type.Object({
  city: Type.String(),
  name: I18nText,
  timeZone: Type.String(),
  anonymousReports: Type.Boolean({ description: 'whether residents may report without signing in' }),
  reopenWindowDays: Type.Number({
    description: 'days after resolution in which the resident may say it is not fixed',
  }),
  autoCloseDays: Type.Number({ description: 'days after which an unanswered resolution closes itself' }),
  mapTileUrl: Nullable(
    Type.String({ description: 'tile URL template ({z}/{x}/{y}) for maps; null = district outlines only' }),
  ),
});
