/**
 * Writing articles: validation against the city's catalog, the search index of every language
 * variant, and a version row (author, snapshot, line diff) for every save that changes something.
 */
import { localToInstant } from '@komek/domain/time';
import { normalizeText } from '@komek/domain/text/normalize';
import { AppError, notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { Queryable } from '../../db/client.ts';
import type { StaffActor } from '../auth/policy.ts';
import { getCatalog } from '../catalog/cache.ts';
import { diffLines } from './diff.ts';
import { MARK_CLOSE, MARK_OPEN, markdownToText, renderMarkdown } from './markdown.ts';
import { invalid } from './policy.ts';
import { kazakhIndexText } from './query.ts';
import {
  findArticle,
  insertArticle,
  insertVersion,
  listVariants,
  replaceVariants,
  updateArticle,
  type ArticleFields,
  type ArticleRow,
  type ArticleSnapshot,
  type ArticleStatus,
  type IndexedVariant,
  type KbLang,
} from './repository.ts';
import type { ArticleInput, ArticleUpdate } from './schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** Who saves: a staff member, or a named system process (an import). */
export type Author = { id: number | null; name: string };

export const authorOf = (a: StaffActor): Author => ({ id: a.id, name: a.name });

const CONFIG: Record<KbLang, IndexedVariant['config']> = { ru: 'russian', en: 'english', kk: 'simple' };

/** Builds the rendered HTML, plain text and index texts of one language variant. */
export function indexVariant(v: {
  lang: KbLang;
  title: string;
  body: string;
  keywords: string[];
}): IndexedVariant {
  const bodyText = markdownToText(v.body).replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '');
  const kw = v.keywords.join(' , ');
  const kk = v.lang === 'kk';
  return {
    lang: v.lang,
    title: v.title,
    body: v.body,
    keywords: v.keywords,
    body_html: renderMarkdown(v.body),
    bodyText,
    config: CONFIG[v.lang],
    indexTitle: kk ? kazakhIndexText(v.title) : v.title,
    indexKeywords: kk ? kazakhIndexText(kw) : kw,
    indexBody: kk ? kazakhIndexText(bodyText) : bodyText,
    lexicon: normalizeText(`${v.title} ${v.keywords.join(' ')}`)
      .split(' ')
      .filter((w) => w.length >= 3 && !/^\d+$/.test(w)),
  };
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

function parseDay(v: string | null | undefined, timeZone: string): Date | null {
  if (!v) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return new Date(localToInstant(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0, timeZone));
  return new Date(v);
}

/** Checks an article against rules the schema cannot express; returns the row fields and the snapshot. */
async function prepare(
  deps: Deps,
  cityId: string,
  input: ArticleInput,
  fallback?: ArticleRow,
): Promise<{ fields: ArticleFields; snapshot: ArticleSnapshot; variants: IndexedVariant[] }> {
  const catalog = await getCatalog(deps.db, cityId);
  if (!catalog) throw notFound('city');
  const langs = input.variants.map((v) => v.lang);
  if (new Set(langs).size !== langs.length) throw invalid('variants', 'one variant per language', { langs });
  const variants = input.variants.map((v) => ({
    lang: v.lang,
    title: v.title.trim(),
    body: v.body.trim(),
    keywords: uniq(v.keywords ?? []),
  }));
  const blank = variants.find((v) => !v.title);
  if (blank) throw invalid('variants.title', 'a title is empty', { lang: blank.lang });
  const categories = uniq(input.categories ?? fallback?.categories ?? []);
  const unknown = categories.filter((c) => !catalog.categories.has(c));
  if (unknown.length) throw invalid('categories', 'unknown categories', { unknown });
  const tz = catalog.city.time_zone;
  const validFrom =
    input.validFrom === undefined ? (fallback?.valid_from ?? null) : parseDay(input.validFrom, tz);
  const validTo = input.validTo === undefined ? (fallback?.valid_to ?? null) : parseDay(input.validTo, tz);
  if (validFrom && validTo && validTo <= validFrom)
    throw invalid('validTo', 'validTo must be after validFrom');
  const fields: ArticleFields = {
    status: input.status ?? fallback?.status ?? 'draft',
    audience: input.audience ?? fallback?.audience ?? 'public',
    categories,
    tags: uniq(input.tags ?? fallback?.tags ?? []),
    validFrom,
    validTo,
  };
  const order: KbLang[] = ['kk', 'ru', 'en'];
  variants.sort((a, b) => order.indexOf(a.lang) - order.indexOf(b.lang));
  const snapshot: ArticleSnapshot = {
    status: fields.status,
    audience: fields.audience,
    categories: fields.categories,
    tags: fields.tags,
    validFrom: validFrom?.toISOString() ?? null,
    validTo: validTo?.toISOString() ?? null,
    variants,
  };
  return { fields, snapshot, variants: variants.map(indexVariant) };
}

/** The article as the lines its diff is computed over. */
export function canonicalText(s: ArticleSnapshot | null): string {
  if (!s) return '';
  const lines = [
    `status: ${s.status}`,
    `audience: ${s.audience}`,
    `categories: ${s.categories.join(', ')}`,
    `tags: ${s.tags.join(', ')}`,
    `valid: ${s.validFrom ?? '…'} – ${s.validTo ?? '…'}`,
  ];
  for (const v of s.variants)
    lines.push('', `[${v.lang}] ${v.title}`, `keywords: ${v.keywords.join(', ')}`, '', ...v.body.split('\n'));
  return lines.join('\n');
}

async function currentSnapshot(tx: Queryable, a: ArticleRow): Promise<ArticleSnapshot> {
  const variants = await listVariants(tx, a.city_id, [a.id]);
  return {
    status: a.status,
    audience: a.audience,
    categories: a.categories,
    tags: a.tags,
    validFrom: a.valid_from?.toISOString() ?? null,
    validTo: a.valid_to?.toISOString() ?? null,
    variants: variants.map((v) => ({ lang: v.lang, title: v.title, body: v.body, keywords: v.keywords })),
  };
}

/** Creates an article (version 1). */
export async function createArticle(
  deps: Deps,
  cityId: string,
  author: Author,
  input: ArticleInput,
): Promise<number> {
  const { fields, snapshot, variants } = await prepare(deps, cityId, input);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const id = await insertArticle(tx, cityId, fields, author.id, now);
    await replaceVariants(tx, cityId, id, fields, variants);
    const d = diffLines('', canonicalText(snapshot));
    await insertVersion(
      tx,
      cityId,
      {
        article_id: id,
        version: 1,
        author_id: author.id,
        author_name: author.name,
        note: input.note ?? null,
        snapshot,
        diff: d.text,
        added: d.added,
        removed: d.removed,
      },
      now,
    );
    return id;
  });
}

/**
 * Saves a new state of an article; a save that changes nothing keeps the version. 409 when
 * `expectedVersion` is given and someone saved in between.
 */
export async function updateArticleContent(
  deps: Deps,
  cityId: string,
  author: Author,
  id: number,
  input: ArticleUpdate,
): Promise<number> {
  const existing = await findArticle(deps.db, cityId, id);
  if (!existing) throw notFound('article', { id });
  const { fields, snapshot, variants } = await prepare(deps, cityId, input, existing);
  return saveVersion(deps, cityId, author, id, input.expectedVersion, input.note, async () => ({
    fields,
    snapshot,
    variants,
  }));
}

/** Publishes, archives or returns an article to draft (a version like any other save). */
export async function setArticleStatus(
  deps: Deps,
  cityId: string,
  author: Author,
  id: number,
  body: { status: ArticleStatus; note?: string | undefined; expectedVersion?: number | undefined },
): Promise<number> {
  return saveVersion(deps, cityId, author, id, body.expectedVersion, body.note, async (tx, a) => {
    const snapshot = { ...(await currentSnapshot(tx, a)), status: body.status };
    const fields: ArticleFields = {
      status: body.status,
      audience: a.audience,
      categories: a.categories,
      tags: a.tags,
      validFrom: a.valid_from,
      validTo: a.valid_to,
    };
    return { fields, snapshot, variants: null };
  });
}

async function saveVersion(
  deps: Deps,
  cityId: string,
  author: Author,
  id: number,
  expectedVersion: number | undefined,
  note: string | undefined,
  next: (
    tx: Queryable,
    a: ArticleRow,
  ) => Promise<{ fields: ArticleFields; snapshot: ArticleSnapshot; variants: IndexedVariant[] | null }>,
): Promise<number> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const a = await findArticle(tx, cityId, id, true);
    if (!a) throw notFound('article', { id });
    if (expectedVersion !== undefined && expectedVersion !== a.version) {
      throw new AppError('conflict', 'the article was saved by someone else since you opened it', {
        expectedVersion,
        version: a.version,
      });
    }
    const before = canonicalText(await currentSnapshot(tx, a));
    const { fields, snapshot, variants } = await next(tx, a);
    const d = diffLines(before, canonicalText(snapshot));
    if (!d.text) return a.version;
    const version = a.version + 1;
    await updateArticle(tx, cityId, id, fields, version, author.id, now);
    if (variants) await replaceVariants(tx, cityId, id, fields, variants);
    await insertVersion(
      tx,
      cityId,
      {
        article_id: id,
        version,
        author_id: author.id,
        author_name: author.name,
        note: note ?? null,
        snapshot,
        diff: d.text,
        added: d.added,
        removed: d.removed,
      },
      now,
    );
    return version;
  });
}
