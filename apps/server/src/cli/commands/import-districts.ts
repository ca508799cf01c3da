/** `komek import districts <file.geojson>`: loads district shapes (features with properties.id or code, and name). */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { importDistricts } from '../../modules/catalog/service.ts';
import { parseArgs } from '../io.ts';

export async function run(argv: string[]): Promise<void> {
  const { positional, flags } = parseArgs(argv);
  const file = positional[0];
  if (!file) {
    process.stderr.write('usage: komek import districts <file.geojson> [--city astana]\n');
    process.exit(2);
  }
  const fc = JSON.parse(readFileSync(file, 'utf8')) as { features?: unknown[] };
  if (!Array.isArray(fc.features)) throw new Error('the file is not a GeoJSON FeatureCollection');
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const imported = await importDistricts(db, flags.city ?? config.cityId, fc.features);
    process.stdout.write(JSON.stringify({ imported }) + '\n');
  } finally {
    await db.close();
  }
}
