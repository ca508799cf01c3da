/**
 * `komek import districts <file.geojson> [--city C]`: loads real district shapes (a GeoJSON
 * FeatureCollection whose features carry properties.id or code, and name) into a city,
 * replacing the shapes of districts with the same code and keeping the others. Districts of the
 * demo city keep their Kazakh and English names when the file has only one.
 */
import { readFileSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../deps.ts';
import { migrate } from '../../db/migrate.ts';
import { importDistricts } from '../../modules/catalog/service.ts';
import { CITY, DISTRICTS } from '../../seed/astana-data.ts';
import { parseArgs } from '../io.ts';

interface Feature {
  type?: string;
  properties?: Record<string, unknown> | null;
  geometry?: unknown;
}

/** Adds our kk/en names to a demo district's feature that has a single (string) name. */
function withDemoNames(f: Feature): Feature {
  const p = f.properties ?? {};
  const code = String(p.code ?? p.id ?? '').toLowerCase();
  const demo = DISTRICTS.find((d) => d.code === code);
  if (!demo || typeof p.name === 'object') return f;
  return {
    ...f,
    properties: {
      name_kk: demo.name[0],
      name_en: demo.name[2],
      ...p,
      name: typeof p.name === 'string' ? p.name : demo.name[1],
    },
  };
}

export async function run(argv: string[]): Promise<void> {
  const { positional, flags } = parseArgs(argv);
  const file = positional[0];
  if (!file) {
    process.stderr.write('usage: komek import districts <file.geojson> [--city C]\n');
    process.exit(2);
  }
  const fc = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; features?: Feature[] };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new Error(`${file} is not a GeoJSON FeatureCollection`);
  const config = loadConfig();
  const cityId = flags.city ?? config.cityId;
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const city = await db.query(`SELECT 1 FROM cities WHERE id = $1`, [cityId]);
    if (!city.length) throw new Error(`no city "${cityId}": create it first (npx komek seed)`);
    const features = cityId === CITY.id ? fc.features.map(withDemoNames) : fc.features;
    const imported = await db.transaction((tx) => importDistricts(tx, cityId, features));
    const kept = (
      await db.query<{ code: string }>(`SELECT code FROM districts WHERE city_id = $1 ORDER BY code`, [
        cityId,
      ])
    )
      .map((d) => d.code)
      .filter((c) => !imported.includes(c));
    process.stdout.write(JSON.stringify({ city: cityId, imported, kept }) + '\n');
  } finally {
    await db.close();
  }
}
