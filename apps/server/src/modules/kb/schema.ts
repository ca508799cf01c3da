/** Route schemas of the knowledge base: validation, TypeScript types and the OpenAPI document. */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CodeSchema, LangSchema, RequestNumber } from '../../lib/schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

export const StatusSchema = Type.Union(
  [Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')],
  {
    description: 'draft (editors only) → published → archived',
  },
);
export const AudienceSchema = Type.Union([Type.Literal('public'), Type.Literal('staff')], {
  description: 'public: residents and anonymous visitors too; staff: operators and other staff only',
});
const Day = Type.Union([Type.String({ format: 'date' }), Type.String({ format: 'date-time' })], {
  description: 'a date (midnight in the city) or an instant',
});

export const VariantInput = Type.Object(
  {
    lang: LangSchema,
    title: Str(300, 1),
    body: Type.String({ maxLength: 50_000, description: 'Markdown; rendered to safe HTML by the server' }),
    keywords: Type.Optional(
      Type.Array(Str(100, 1), {
        maxItems: 50,
        description: 'words residents use for this (indexed with weight B)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ArticleInput = Type.Object(
  {
    variants: Type.Array(VariantInput, {
      minItems: 1,
      maxItems: 3,
      description: 'one per language (kk, ru, en)',
    }),
    categories: Type.Optional(Type.Array(CodeSchema, { maxItems: 20 })),
    tags: Type.Optional(Type.Array(Str(40, 1), { maxItems: 30 })),
    audience: Type.Optional(AudienceSchema),
    status: Type.Optional(StatusSchema),
    validFrom: Type.Optional(Nullable(Day)),
    validTo: Type.Optional(Nullable(Day)),
    note: Type.Optional(
      Type.String({ maxLength: 500, description: 'what this save changed (kept with the version)' }),
    ),
  },
  { additionalProperties: false },
);
export type ArticleInput = Static<typeof ArticleInput>;

export const ArticleUpdate = Type.Composite(
  [
    ArticleInput,
    Type.Object({
      expectedVersion: Type.Optional(
        Type.Integer({ minimum: 1, description: 'refuse (409) if someone saved since' }),
      ),
    }),
  ],
  { additionalProperties: false },
);
export type ArticleUpdate = Static<typeof ArticleUpdate>;

export const StatusBody = Type.Object(
  {
    status: StatusSchema,
    note: Type.Optional(Type.String({ maxLength: 500 })),
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }) });
export const VersionParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
  version: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
});
export const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
  attachmentId: Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 }),
});

export const VariantSchema = Type.Object({
  lang: Type.String(),
  title: Type.String(),
  body: Type.String({ description: 'Markdown source' }),
  html: Type.String({ description: 'rendered, sanitized HTML' }),
  keywords: Type.Array(Type.String()),
});

export const AttachmentSchema = Type.Object({
  id: Type.Number(),
  name: Type.String(),
  type: Type.String(),
  size: Type.Number(),
  storageKey: Type.Optional(Type.String({ description: 'staff only' })),
});

export const ArticleSchema = Type.Object({
  id: Type.Number(),
  categories: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  validFrom: Nullable(Type.String()),
  validTo: Nullable(Type.String()),
  updatedAt: Type.String(),
  variants: Type.Array(VariantSchema),
  attachments: Type.Array(AttachmentSchema),
  status: Type.Optional(Type.String({ description: 'staff only' })),
  audience: Type.Optional(Type.String({ description: 'staff only' })),
  version: Type.Optional(Type.Number({ description: 'staff only' })),
  publishedAt: Type.Optional(Nullable(Type.String())),
});

export const ListQuery = Type.Object({
  status: Type.Optional(StatusSchema),
  category: Type.Optional(CodeSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
});

export const VersionSchema = Type.Object({
  version: Type.Number(),
  authorId: Nullable(Type.Number()),
  authorName: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  added: Type.Number(),
  removed: Type.Number(),
  diff: Type.String({ description: 'unified line diff from the previous version' }),
});
export const VersionDetailSchema = Type.Composite([
  VersionSchema,
  Type.Object({ snapshot: Type.Record(Type.String(), Type.Unknown()) }),
]);

export const AttachmentInput = Type.Object(
  {
    name: Str(255, 1),
    type: Type.String({ pattern: '^[a-z0-9.+-]{1,60}/[a-z0-9.+-]{1,100}$', description: 'MIME type' }),
    size: Type.Integer({ minimum: 0, maximum: 1024 ** 3 }),
    storageKey: Type.String({ pattern: '^[A-Za-z0-9._/-]{1,500}$' }),
  },
  { additionalProperties: false },
);

export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 300 }),
  lang: Type.Optional(LangSchema),
  category: Type.Optional(CodeSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
});

export const HitSchema = Type.Object({
  id: Type.Number(),
  lang: Type.String({ description: 'the language variant shown' }),
  title: Type.String(),
  snippet: Type.String({ description: 'escaped HTML with the matches in <mark>' }),
  categories: Type.Array(Type.String()),
  score: Type.Number(),
  match: Type.Union([Type.Literal('text'), Type.Literal('typo'), Type.Literal('learned')]),
});

export const SearchResult = Type.Object({
  items: Type.Array(HitSchema),
  expandedWith: Type.Array(Type.String(), { description: 'synonyms added to the query' }),
});

export const SuggestBody = Type.Object(
  {
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    category: Type.Optional(CodeSchema),
    lang: Type.Optional(LangSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
  },
  { additionalProperties: false },
);

export const SuggestResult = Type.Object({
  category: Nullable(
    Type.String({ description: 'the category used for learned ranking (given or predicted)' }),
  ),
  articles: Type.Array(
    Type.Composite([HitSchema, Type.Object({ textScore: Type.Number(), learnedScore: Type.Number() })]),
  ),
  templates: Type.Array(Type.Object({ id: Type.Number(), name: Type.String(), score: Type.Number() }), {
    description: 'staff only',
  }),
});

export const ViewBody = Type.Object(
  {
    sessionId: Type.String({
      pattern: '^[A-Za-z0-9_-]{8,100}$',
      description: 'the client’s session id; send it as attributes.kbSession when filing a request',
    }),
  },
  { additionalProperties: false },
);

export const FeedbackBody = Type.Object(
  { helpful: Type.Boolean(), sessionId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{8,100}$' })) },
  { additionalProperties: false },
);

const Placeholders = '{{request.number}}, {{due_date}}, {{agency.phone}}, {{agency.name}}, {{category.name}}';
export const TemplateInput = Type.Object(
  {
    name: Str(200, 1),
    bodies: Type.Object(
      { kk: Type.Optional(Str(5000, 1)), ru: Type.Optional(Str(5000, 1)), en: Type.Optional(Str(5000, 1)) },
      {
        additionalProperties: false,
        minProperties: 1,
        description: `text per language with placeholders ${Placeholders}`,
      },
    ),
    categories: Type.Optional(Type.Array(CodeSchema, { maxItems: 20 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type TemplateInput = Static<typeof TemplateInput>;

export const TemplateSchema = Type.Object({
  id: Type.Number(),
  name: Type.String(),
  bodies: Type.Object({
    kk: Type.Optional(Type.String()),
    ru: Type.Optional(Type.String()),
    en: Type.Optional(Type.String()),
  }),
  categories: Type.Array(Type.String()),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});

export const RenderBody = Type.Object(
  { requestNumber: RequestNumber, lang: Type.Optional(LangSchema) },
  { additionalProperties: false },
);
export const RenderResult = Type.Object({
  text: Type.String(),
  lang: Type.String(),
  missing: Type.Array(Type.String(), {
    description: 'placeholders with no value for this request (rendered empty)',
  }),
});

export const SynonymInput = Type.Object(
  {
    terms: Type.Array(Str(100, 1), {
      minItems: 2,
      maxItems: 20,
      description: 'equivalent words or phrases in any language',
    }),
  },
  { additionalProperties: false },
);
export const SynonymSchema = Type.Object({ id: Type.Number(), terms: Type.Array(Type.String()) });

export const LinkBody = Type.Object(
  {
    articleId: Type.Optional(Type.Integer({ minimum: 1 })),
    templateId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const LinkParams = Type.Object({ number: RequestNumber });
export const LinkResult = Type.Object({
  recorded: Type.Array(Type.Object({ kind: Type.String(), id: Type.Number(), created: Type.Boolean() })),
});

export const AnalyticsQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  windowMinutes: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 10_080,
      default: 60,
      description: 'a read is deflected when no request follows within this time',
    }),
  ),
});

const QueryStat = Type.Object({ query: Type.String(), count: Type.Number(), avgResults: Type.Number() });
const ArticleStat = Type.Object({
  id: Type.Number(),
  title: Type.String(),
  views: Type.Number(),
  helpful: Type.Number(),
  notHelpful: Type.Number(),
  links: Type.Number(),
  deflectedSessions: Type.Number(),
});
export const AnalyticsResult = Type.Object({
  from: Type.String(),
  to: Type.String(),
  searches: Type.Number(),
  topQueries: Type.Array(QueryStat),
  noResultQueries: Type.Array(QueryStat),
  neverHelpful: Type.Array(ArticleStat, {
    description: 'read or rated, never helpful, never deflected, never used in an answer',
  }),
  articles: Type.Array(ArticleStat),
  deflection: Type.Object({
    windowMinutes: Type.Number(),
    sessions: Type.Number({ description: 'reading sessions whose window has passed' }),
    deflected: Type.Number({ description: 'of those, sessions that filed no request within the window' }),
    pending: Type.Number({ description: 'sessions still inside the window' }),
    rate: Nullable(Type.Number()),
  }),
});
