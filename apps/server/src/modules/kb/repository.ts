/** SQL for knowledge-base articles, their language variants, versions and attachments. */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export type KbLang = 'kk' | 'ru' | 'en';
export type ArticleStatus = 'draft' | 'published' | 'archived';
export type Audience = 'public' | 'staff';

export interface ArticleRow {
  city_id: string;
  id: number;
  status: ArticleStatus;
  audience: Audience;
  categories: string[];
  tags: string[];
  valid_from: Date | null;
  valid_to: Date | null;
  version: number;
  created_by: number | null;
  updated_by: number | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

export interface VariantRow {
  article_id: number;
  lang: KbLang;
  title: string;
  body: string;
  body_html: string;
  keywords: string[];
}

/** A variant with the texts the index is built from (Kazakh already stemmed). */
export interface IndexedVariant extends Omit<VariantRow, 'article_id'> {
  bodyText: string;
  config: 'russian' | 'english' | 'simple';
  indexTitle: string;
  indexKeywords: string;
  indexBody: string;
  /** Normalised words of the title and keywords (the typo-correction lexicon). */
  lexicon: string[];
}

export interface ArticleFields {
  status: ArticleStatus;
  audience: Audience;
  categories: string[];
  tags: string[];
  validFrom: Date | null;
  validTo: Date | null;
}

const arr = (a: readonly string[]): SQL => sql`${sql.param([...a])}::text[]`;

export async function insertArticle(
  tx: Queryable,
  cityId: string,
  f: ArticleFields,
  staffId: number | null,
  now: Date,
): Promise<number> {
  const rows = await tx.query<{ id: number }>(sql`INSERT INTO kb_articles
      (city_id, status, audience, categories, tags, valid_from, valid_to, version, created_by, updated_by, created_at, updated_at, published_at)
    VALUES (${cityId}, ${f.status}, ${f.audience}, ${arr(f.categories)}, ${arr(f.tags)}, ${f.validFrom}, ${f.validTo}, 1, ${staffId}, ${staffId},
      ${now}, ${now}, ${f.status === 'published' ? now : null})
    RETURNING id`);
  return (rows[0] as { id: number }).id;
}

/** Updates an article and the filters copied into its search rows. */
export async function updateArticle(
  tx: Queryable,
  cityId: string,
  id: number,
  f: ArticleFields,
  version: number,
  staffId: number | null,
  now: Date,
): Promise<void> {
  await tx.query(sql`UPDATE kb_articles SET status = ${f.status}, audience = ${f.audience}, categories = ${arr(f.categories)},
      tags = ${arr(f.tags)}, valid_from = ${f.validFrom}, valid_to = ${f.validTo}, version = ${version}, updated_by = ${staffId},
      updated_at = ${now}, published_at = CASE WHEN ${f.status} = 'published' THEN coalesce(published_at, ${now}) ELSE published_at END
    WHERE city_id = ${cityId} AND id = ${id}`);
  await tx.query(sql`UPDATE kb_search_index SET status = ${f.status}, audience = ${f.audience}, valid_from = ${f.validFrom}, valid_to = ${f.validTo},
      categories = ${arr(f.categories)}
    WHERE city_id = ${cityId} AND article_id = ${id}`);
}

export async function findArticle(
  db: Queryable,
  cityId: string,
  id: number,
  lock = false,
): Promise<ArticleRow | undefined> {
  const rows = await db.query<ArticleRow>(
    sql`SELECT * FROM kb_articles WHERE city_id = ${cityId} AND id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  return rows[0];
}

/**
 * Replaces an article's variants and their search rows (the weighted vector in each language's
 * configuration, with the article's filters), and adds title and keyword words to the lexicon.
 */
export async function replaceVariants(
  tx: Queryable,
  cityId: string,
  articleId: number,
  f: ArticleFields,
  variants: readonly IndexedVariant[],
): Promise<void> {
  await tx.query(
    sql`DELETE FROM kb_article_variants WHERE city_id = ${cityId} AND article_id = ${articleId}`,
  );
  for (const v of variants) {
    await tx.query(sql`INSERT INTO kb_article_variants (city_id, article_id, lang, title, body, body_html, body_text, keywords)
      VALUES (${cityId}, ${articleId}, ${v.lang}, ${v.title}, ${v.body}, ${v.body_html}, ${v.bodyText}, ${arr(v.keywords)})`);
    await tx.query(sql`INSERT INTO kb_search_index (city_id, article_id, lang, status, audience, valid_from, valid_to, categories, head, search)
      SELECT ${cityId}, ${articleId}, ${v.lang}, ${f.status}, ${f.audience}, ${f.validFrom}, ${f.validTo}, ${arr(f.categories)},
        h.head, h.head || setweight(to_tsvector(${v.config}::regconfig, ${v.indexBody}), 'C')
      FROM (SELECT setweight(to_tsvector(${v.config}::regconfig, ${v.indexTitle}), 'A')
        || setweight(to_tsvector(${v.config}::regconfig, ${v.indexKeywords}), 'B') AS head) h`);
  }
  const words = [...new Set(variants.flatMap((v) => v.lexicon))];
  if (words.length) {
    await tx.query(
      sql`INSERT INTO kb_lexicon (city_id, word) SELECT ${cityId}, w FROM unnest(${arr(words)}) AS w ON CONFLICT DO NOTHING`,
    );
  }
}

export async function listVariants(
  db: Queryable,
  cityId: string,
  articleIds: readonly number[],
): Promise<VariantRow[]> {
  if (!articleIds.length) return [];
  return db.query<VariantRow>(sql`SELECT article_id, lang, title, body, body_html, keywords FROM kb_article_variants
    WHERE city_id = ${cityId} AND article_id = ANY(${sql.param([...articleIds])}::bigint[])
    ORDER BY article_id, array_position(ARRAY['kk', 'ru', 'en'], lang)`);
}

export interface ListArticlesFilter {
  cityId: string;
  statuses: readonly ArticleStatus[];
  /** Restrict to public articles valid at this instant (residents and anonymous). */
  publicAt?: Date | undefined;
  /** Restrict to published articles valid at this instant (staff who are not editors). */
  validAt?: Date | undefined;
  category?: string | undefined;
  limit: number;
  offset: number;
}

/** Articles for a list, newest change first. */
export async function listArticles(db: Queryable, f: ListArticlesFilter): Promise<ArticleRow[]> {
  const at = f.publicAt ?? f.validAt;
  return db.query<ArticleRow>(sql`SELECT * FROM kb_articles a WHERE a.city_id = ${f.cityId}
    AND a.status = ANY(${sql.param([...f.statuses])}::text[])
    ${f.publicAt ? sql`AND a.audience = 'public'` : sql``}
    ${at ? sql`AND (a.valid_from IS NULL OR a.valid_from <= ${at}) AND (a.valid_to IS NULL OR a.valid_to > ${at})` : sql``}
    ${f.category ? sql`AND a.categories && ${arr([f.category])}` : sql``}
    ORDER BY a.updated_at DESC, a.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`);
}

export interface VersionRow {
  article_id: number;
  version: number;
  author_id: number | null;
  author_name: string;
  note: string | null;
  snapshot: ArticleSnapshot;
  diff: string;
  added: number;
  removed: number;
  created_at: Date;
}

/** The whole article as saved in a version. */
export interface ArticleSnapshot {
  status: ArticleStatus;
  audience: Audience;
  categories: string[];
  tags: string[];
  validFrom: string | null;
  validTo: string | null;
  variants: { lang: KbLang; title: string; body: string; keywords: string[] }[];
}

export async function insertVersion(
  tx: Queryable,
  cityId: string,
  v: Omit<VersionRow, 'created_at'>,
  now: Date,
): Promise<void> {
  await tx.query(sql`INSERT INTO kb_article_versions (city_id, article_id, version, author_id, author_name, note, snapshot, diff, added, removed, created_at)
    VALUES (${cityId}, ${v.article_id}, ${v.version}, ${v.author_id}, ${v.author_name}, ${v.note}, ${JSON.stringify(v.snapshot)}::jsonb,
      ${v.diff}, ${v.added}, ${v.removed}, ${now})`);
}

export async function listVersions(db: Queryable, cityId: string, articleId: number): Promise<VersionRow[]> {
  return db.query<VersionRow>(sql`SELECT article_id, version, author_id, author_name, note, snapshot, diff, added, removed, created_at
    FROM kb_article_versions WHERE city_id = ${cityId} AND article_id = ${articleId} ORDER BY version DESC`);
}

export async function findVersion(
  db: Queryable,
  cityId: string,
  articleId: number,
  version: number,
): Promise<VersionRow | undefined> {
  const rows =
    await db.query<VersionRow>(sql`SELECT article_id, version, author_id, author_name, note, snapshot, diff, added, removed, created_at
    FROM kb_article_versions WHERE city_id = ${cityId} AND article_id = ${articleId} AND version = ${version}`);
  return rows[0];
}

export interface AttachmentRow {
  id: number;
  article_id: number;
  file_name: string;
  content_type: string;
  size_bytes: number;
  storage_key: string;
  created_at: Date;
}

export async function insertAttachment(
  tx: Queryable,
  cityId: string,
  a: { articleId: number; name: string; type: string; size: number; storageKey: string; staffId: number },
  now: Date,
): Promise<AttachmentRow> {
  const rows =
    await tx.query<AttachmentRow>(sql`INSERT INTO kb_attachments (city_id, article_id, file_name, content_type, size_bytes, storage_key, created_by, created_at)
    VALUES (${cityId}, ${a.articleId}, ${a.name}, ${a.type}, ${a.size}, ${a.storageKey}, ${a.staffId}, ${now})
    RETURNING id, article_id, file_name, content_type, size_bytes, storage_key, created_at`);
  return rows[0] as AttachmentRow;
}

export async function deleteAttachment(
  tx: Queryable,
  cityId: string,
  articleId: number,
  id: number,
): Promise<boolean> {
  const rows = await tx.query(
    sql`DELETE FROM kb_attachments WHERE city_id = ${cityId} AND article_id = ${articleId} AND id = ${id} RETURNING id`,
  );
  return rows.length > 0;
}

export async function listAttachments(
  db: Queryable,
  cityId: string,
  articleIds: readonly number[],
): Promise<AttachmentRow[]> {
  if (!articleIds.length) return [];
  return db.query<AttachmentRow>(sql`SELECT id, article_id, file_name, content_type, size_bytes, storage_key, created_at FROM kb_attachments
    WHERE city_id = ${cityId} AND article_id = ANY(${sql.param([...articleIds])}::bigint[]) ORDER BY id`);
}
