/** Route schemas for requests: validation, TypeScript types and the OpenAPI document from one place. */
import { Type, type TSchema } from '@sinclair/typebox';
import {
  ChannelSchema,
  CodeSchema,
  CriticalitySchema,
  LangSchema,
  PlaceSchema,
  RequestNumber,
  StatusSchema,
} from '../../lib/schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const CreateRequestBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 5000, description: 'the problem in the resident’s words' }),
    category: Type.Optional(CodeSchema),
    criticality: Type.Optional(CriticalitySchema),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    place: Type.Optional(PlaceSchema),
    channel: ChannelSchema,
    resident: Type.Optional(
      Type.Object(
        {
          phone: Type.String({ minLength: 5, maxLength: 30 }),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          lang: Type.Optional(LangSchema),
        },
        { additionalProperties: false },
      ),
    ),
    attributes: Type.Optional(
      Type.Record(
        Type.String({ maxLength: 60 }),
        Type.Union([Type.String({ maxLength: 1000 }), Type.Number(), Type.Boolean()]),
        { maxProperties: 50 },
      ),
    ),
    callId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'the telephony call this request was registered in',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RequestPublicSchema = Type.Object({
  number: Type.String(),
  status: StatusSchema,
  category: Nullable(Type.String()),
  criticality: CriticalitySchema,
  district: Nullable(Type.String()),
  agency: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  text: Type.String(),
  channel: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  dueAt: Type.String({ format: 'date-time', description: 'the SLA due time' }),
  resolvedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  duplicateOf: Nullable(Type.String()),
  plannedYear: Nullable(Type.Number()),
});

export const RequestSchema = Type.Composite(
  [
    RequestPublicSchema,
    Type.Object({
      address: Nullable(Type.String()),
      lang: Type.String(),
      attributes: Type.Record(Type.String(), Type.Unknown()),
      statusReason: Nullable(Type.String()),
      firstResponseAt: Nullable(Type.String()),
      slaPausedAt: Nullable(Type.String()),
      slaBreachedAt: Nullable(Type.String()),
      incidentId: Nullable(Type.Number()),
      rating: Nullable(Type.Number()),
      ratingComment: Nullable(Type.String()),
      executorId: Type.Optional(Nullable(Type.Number())),
      resident: Type.Optional(
        Nullable(
          Type.Object({ id: Type.Number(), phone: Nullable(Type.String()), name: Nullable(Type.String()) }),
        ),
      ),
    }),
  ],
  { $id: 'Request' },
);

export const NumberParams = Type.Object({ number: RequestNumber });

const csv = (desc: string) =>
  Type.Optional(Type.String({ maxLength: 500, description: `${desc}; several separated by commas` }));

export const ListQuery = Type.Object(
  {
    status: csv('status'),
    category: csv('category code'),
    agency: csv('agency code'),
    district: csv('district code'),
    criticality: csv('criticality'),
    channel: csv('channel'),
    createdFrom: Type.Optional(Type.String({ format: 'date-time' })),
    createdTo: Type.Optional(Type.String({ format: 'date-time' })),
    overdue: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'text or number to search' })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor from the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);

export const TransitionBody = Type.Object(
  {
    to: StatusSchema,
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
    plannedYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    duplicateOf: Type.Optional(RequestNumber),
  },
  { additionalProperties: false },
);

export const AssignBody = Type.Object(
  { agency: Type.Optional(CodeSchema), executorId: Type.Optional(Type.Integer({ minimum: 1 })) },
  { additionalProperties: false },
);

export const CommentBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 5000 }),
    visibility: Type.Union([Type.Literal('public'), Type.Literal('internal')], { default: 'internal' }),
  },
  { additionalProperties: false },
);

export const FeedbackBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const EventSchema = Type.Object({
  id: Type.Number(),
  type: Type.String(),
  actor: Type.Object({ kind: Type.String(), name: Nullable(Type.String()) }),
  fromStatus: Nullable(Type.String()),
  toStatus: Nullable(Type.String()),
  visibility: Type.String(),
  body: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
});
