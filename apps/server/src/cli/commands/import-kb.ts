/**
 * `komek import kb --file F.csv|F.md|DIR [options]`: brings a city's existing FAQ into the
 * knowledge base. CSV: one article per row, or one language variant per row grouped by
 * --group-column. Markdown: a file (or a folder of .md files) split at `# ` headings.
 *
 *   --title-column title  --body-column body  --lang ru  --lang-column C  --group-column C
 *   --category-column C  --keywords-column C  --tags-column C  (lists split at , ; |)
 *   --status published|draft (default published)  --audience public|staff (default public)
 *   --city C (default CITY_ID)
 * Prints one JSON line with the counts; progress goes to stderr.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig } from '../../config.ts';
import { migrate } from '../../db/migrate.ts';
import { openDatabase } from '../../deps.ts';
import {
  csvToArticles,
  importArticles,
  splitMarkdown,
  type ImportedArticle,
} from '../../modules/kb/import.ts';
import type { ArticleStatus, Audience, KbLang } from '../../modules/kb/repository.ts';
import { parseArgs, progressBar, readCsvFile, requireFlag } from '../io.ts';

const USAGE =
  'komek import kb --file F.csv|F.md|DIR [--title-column title --body-column body --lang ru --category-column C --keywords-column C --lang-column C --group-column C --status published|draft --audience public|staff --city C]';

function oneOf<T extends string>(
  flags: Record<string, string>,
  name: string,
  allowed: readonly T[],
  def: T,
): T {
  const v = flags[name] ?? def;
  if (!(allowed as readonly string[]).includes(v)) {
    process.stderr.write(`--${name} must be one of ${allowed.join(', ')}\nusage: ${USAGE}\n`);
    process.exit(2);
  }
  return v as T;
}

async function readArticles(
  file: string,
  flags: Record<string, string>,
  lang: KbLang,
): Promise<{ articles: ImportedArticle[]; rejected: { source: string; message: string }[] }> {
  if (statSync(file).isDirectory()) {
    const files = readdirSync(file)
      .filter((f) => f.endsWith('.md'))
      .sort();
    return {
      articles: files.flatMap((f) => splitMarkdown(readFileSync(join(file, f), 'utf8'), lang, f)),
      rejected: [],
    };
  }
  if (/\.(md|markdown)$/i.test(file))
    return { articles: splitMarkdown(readFileSync(file, 'utf8'), lang, basename(file)), rejected: [] };
  return csvToArticles(await readCsvFile(file), {
    title: flags['title-column'] ?? 'title',
    body: flags['body-column'] ?? 'body',
    lang,
    langColumn: flags['lang-column'],
    groupColumn: flags['group-column'],
    categoryColumn: flags['category-column'],
    keywordsColumn: flags['keywords-column'],
    tagsColumn: flags['tags-column'],
  });
}

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const file = requireFlag(flags, 'file', USAGE);
  const lang = oneOf<KbLang>(flags, 'lang', ['kk', 'ru', 'en'], 'ru');
  const status = oneOf<ArticleStatus>(flags, 'status', ['published', 'draft'], 'published');
  const audience = oneOf<Audience>(flags, 'audience', ['public', 'staff'], 'public');
  const { articles, rejected } = await readArticles(file, flags, lang);
  const config = loadConfig();
  const cityId = flags.city ?? config.cityId;
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const city = await db.query('SELECT 1 FROM cities WHERE id = $1', [cityId]);
    if (!city.length) throw new Error(`no city "${cityId}": create it first (npx komek seed)`);
    const bar = progressBar('import kb', articles.length);
    const result = await importArticles(db, cityId, articles, {
      status,
      audience,
      author: `import ${basename(file)}`,
      onProgress: () => bar.tick(),
    });
    bar.done();
    const failed = [...rejected, ...result.failed];
    for (const f of failed.slice(0, 20)) process.stderr.write(`skipped ${f.source}: ${f.message}\n`);
    process.stdout.write(
      JSON.stringify({
        city: cityId,
        file,
        created: result.created,
        variants: result.variants,
        skipped: failed.length,
        unknownCategories: result.unknownCategories,
      }) + '\n',
    );
  } finally {
    await db.close();
  }
}
