/**
 * `komek import requests --file F.csv[.gz] --text-column … --created-column … [--category-column …]
 *   [--category-map map.json] [--lat-column … --lon-column …] [--closed-column …] [--address-column …]
 *   [--id-column …] [--city C] [--dry-run]`: imports historical requests with a validation report.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { getCatalog } from '../../modules/catalog/cache.ts';
import { rebuildAll } from '../../modules/analytics/rollups.ts';
import { insertImported, mapRecord, newReport, type ImportRow } from '../../modules/import/requests.ts';
import { parseArgs, progressBar, readCsvRecords, requireFlag } from '../io.ts';

const USAGE =
  'komek import requests --file F --text-column C --created-column C [--category-column C --category-map M.json --lat-column C --lon-column C --closed-column C --address-column C --id-column C --dry-run]';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const file = requireFlag(flags, 'file', USAGE);
  const mapping = {
    text: requireFlag(flags, 'text-column', USAGE),
    created: requireFlag(flags, 'created-column', USAGE),
    category: flags['category-column'],
    lat: flags['lat-column'],
    lon: flags['lon-column'],
    closed: flags['closed-column'],
    address: flags['address-column'],
    externalId: flags['id-column'],
    categoryMap: flags['category-map']
      ? (JSON.parse(readFileSync(flags['category-map'], 'utf8')) as Record<string, string>)
      : undefined,
  };
  const dryRun = flags['dry-run'] === 'true';
  const config = loadConfig();
  const cityId = flags.city ?? config.cityId;
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const catalog = await getCatalog(db, cityId);
    if (!catalog) throw new Error(`unknown city "${cityId}": seed or create it first`);
    const known = new Set(catalog.categories.keys());
    const report = newReport();
    const bar = progressBar(dryRun ? 'checking' : 'importing', 0);
    const t0 = Date.now();
    let batch: ImportRow[] = [];
    let line = 1;
    for await (const rec of readCsvRecords(file)) {
      line++;
      report.read++;
      const r = mapRecord(rec, mapping, known, report);
      if (typeof r === 'string') {
        report.refused++;
        report.reasons[r] = (report.reasons[r] ?? 0) + 1;
        if (report.examples.length < 20) report.examples.push({ line, reason: r });
        continue;
      }
      batch.push(r);
      if (batch.length >= 1000) {
        if (!dryRun) await insertImported(db, cityId, batch);
        report.imported += batch.length;
        bar.tick(batch.length);
        batch = [];
      }
    }
    if (!dryRun) await insertImported(db, cityId, batch);
    report.imported += batch.length;
    bar.done();
    if (!dryRun && report.imported) await rebuildAll(db, cityId, catalog.city.time_zone);
    const secs = (Date.now() - t0) / 1000;
    process.stdout.write(
      JSON.stringify({
        ...report,
        dryRun,
        seconds: Math.round(secs * 10) / 10,
        rows_per_second: Math.round(report.read / secs),
      }) + '\n',
    );
  } finally {
    await db.close();
  }
}
