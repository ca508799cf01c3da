/**
 * Bringing a city's existing FAQ into the knowledge base: CSV rows (one article per row, or one
 * language variant per row grouped by an id column) or Markdown split at `# ` headings.
 * Parsing is pure; `importArticles` writes through the same service as the editors' screens.
 */
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { getCatalog } from '../catalog/cache.ts';
import type { ArticleStatus, Audience, KbLang } from './repository.ts';
import { Value } from '@sinclair/typebox/value';
import { ArticleInput } from './schema.ts';
import { createArticle } from './service.ts';

export interface ImportedArticle {
  /** Where it came from, for error messages (row number or heading). */
  source: string;
  categories: string[];
  tags: string[];
  variants: { lang: KbLang; title: string; body: string; keywords: string[] }[];
}

const LANGS: readonly KbLang[] = ['kk', 'ru', 'en'];
const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(/[,;|]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Splits Markdown into articles at top-level `# ` headings (not inside fenced code); text before the first heading is ignored. */
export function splitMarkdown(md: string, lang: KbLang, source = 'md'): ImportedArticle[] {
  const out: ImportedArticle[] = [];
  let current: { title: string; lines: string[] } | undefined;
  let fenced = false;
  const flush = (): void => {
    if (current?.title)
      out.push({
        source: `${source}: ${current.title}`,
        categories: [],
        tags: [],
        variants: [{ lang, title: current.title, body: current.lines.join('\n').trim(), keywords: [] }],
      });
  };
  for (const line of md.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) fenced = !fenced;
    const h = fenced ? null : /^#\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) {
      flush();
      current = { title: (h[1] as string).trim(), lines: [] };
    } else current?.lines.push(line);
  }
  flush();
  return out;
}

export interface CsvColumns {
  title: string;
  body: string;
  /** The language of every row, unless a language column is given. */
  lang: KbLang;
  langColumn?: string | undefined;
  /** Rows with the same value here are language variants of one article. */
  groupColumn?: string | undefined;
  categoryColumn?: string | undefined;
  keywordsColumn?: string | undefined;
  tagsColumn?: string | undefined;
}

/** Turns CSV records into articles; rows without a title or with an unknown language are reported. */
export function csvToArticles(
  rows: readonly Record<string, string>[],
  c: CsvColumns,
): { articles: ImportedArticle[]; rejected: { source: string; message: string }[] } {
  const rejected: { source: string; message: string }[] = [];
  const byGroup = new Map<string, ImportedArticle>();
  const articles: ImportedArticle[] = [];
  rows.forEach((r, i) => {
    const source = `row ${i + 2}`;
    const title = (r[c.title] ?? '').trim();
    if (!title) return void rejected.push({ source, message: `no title in column "${c.title}"` });
    const lang = (c.langColumn ? (r[c.langColumn] ?? '').trim().toLowerCase() : c.lang) as KbLang;
    if (!LANGS.includes(lang)) return void rejected.push({ source, message: `unknown language "${lang}"` });
    const variant = {
      lang,
      title,
      body: (r[c.body] ?? '').trim(),
      keywords: list(c.keywordsColumn ? r[c.keywordsColumn] : undefined),
    };
    const group = c.groupColumn ? (r[c.groupColumn] ?? '').trim() : '';
    const existing = group ? byGroup.get(group) : undefined;
    if (existing) {
      if (existing.variants.some((v) => v.lang === lang))
        return void rejected.push({ source, message: `a second "${lang}" variant of "${group}"` });
      existing.variants.push(variant);
      existing.categories = [
        ...new Set([...existing.categories, ...list(c.categoryColumn ? r[c.categoryColumn] : undefined)]),
      ];
      return;
    }
    const a: ImportedArticle = {
      source,
      categories: list(c.categoryColumn ? r[c.categoryColumn] : undefined),
      tags: list(c.tagsColumn ? r[c.tagsColumn] : undefined),
      variants: [variant],
    };
    if (group) byGroup.set(group, a);
    articles.push(a);
  });
  return { articles, rejected };
}

export interface ImportResult {
  created: number;
  variants: number;
  failed: { source: string; message: string }[];
  unknownCategories: string[];
}

/** Creates the articles one by one (each with its version 1); unknown categories are dropped and reported. */
export async function importArticles(
  db: Db,
  cityId: string,
  articles: readonly ImportedArticle[],
  opts: { status: ArticleStatus; audience: Audience; author: string; onProgress?: () => void },
): Promise<ImportResult> {
  const catalog = await getCatalog(db, cityId);
  if (!catalog) throw new Error(`no city "${cityId}"`);
  const unknown = new Set<string>();
  const result: ImportResult = { created: 0, variants: 0, failed: [], unknownCategories: [] };
  const deps = { db, now: () => new Date() };
  for (const a of articles) {
    const categories = a.categories.filter((c) => {
      const ok = catalog.categories.has(c);
      if (!ok) unknown.add(c);
      return ok;
    });
    const input: ArticleInput = {
      status: opts.status,
      audience: opts.audience,
      categories,
      tags: a.tags,
      variants: a.variants,
      note: `imported from ${a.source}`.slice(0, 500),
    };
    // The same rules as the API's schema (lengths, counts), which an import does not pass through.
    const problem = Value.Errors(ArticleInput, input).First();
    if (problem) {
      result.failed.push({ source: a.source, message: `${problem.path || 'article'}: ${problem.message}` });
      opts.onProgress?.();
      continue;
    }
    try {
      await createArticle(deps, cityId, { id: null, name: opts.author }, input);
      result.created++;
      result.variants += a.variants.length;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.failed.push({
        source: a.source,
        message: `${err.message}${Object.keys(err.details).length ? ` ${JSON.stringify(err.details)}` : ''}`,
      });
    }
    opts.onProgress?.();
  }
  result.unknownCategories = [...unknown].sort();
  return result;
}
