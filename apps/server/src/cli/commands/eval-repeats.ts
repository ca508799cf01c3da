/**
 * `komek eval repeats --input F --id-column C --created-column C --closed-column C1[,C2] --lat-column C
 *   --lon-column C --category-column C --text-column C --truth-place-column C --truth-key-column C
 *   [--place-column C] [--days 7] [--radius 50] [--min-text 0]`
 *
 * Truth: a request repeats an earlier one with the same place (e.g. building_id) and key (e.g.
 * reason) when it was created within `--days` after that one was closed or answered (the first
 * non-empty of the closed columns). Only requests with a place are judged. Each is then given
 * to `findRepeatOf` with what intake knows (category, coordinates, text, and the place id only
 * if `--place-column` is set) and the closed history near it (geo cells, as the server would query).
 * Prints {"judged", "truth_repeats", "found", "correct", "precision", "recall"}.
 */
import { cellsWithin, geoCell } from '@komek/domain/duplicates/geo';
import { findRepeatOf, type ClosedRequest } from '@komek/domain/duplicates/repeats';
import { textProfile } from '@komek/domain/duplicates/text';
import { parseTime } from '../../modules/import/requests.ts';
import { parseArgs, readCsvRecords, requireFlag } from '../io.ts';

const USAGE =
  'komek eval repeats --input F --id-column C --created-column C --closed-column C1[,C2] --lat-column C --lon-column C --category-column C --text-column C --truth-place-column C --truth-key-column C [--place-column C] [--days 7] [--radius 50] [--min-text 0]';

interface Row extends ClosedRequest {
  createdAt: number;
  closedAt: number;
  truthPlace: string;
  truthKey: string;
}

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const col = (k: string): string => requireFlag(flags, k, USAGE);
  const input = col('input');
  const [idC, crC, closedCs, latC, lonC, catC, txtC, tpC, tkC] = [
    'id-column',
    'created-column',
    'closed-column',
    'lat-column',
    'lon-column',
    'category-column',
    'text-column',
    'truth-place-column',
    'truth-key-column',
  ].map(col) as [string, string, string, string, string, string, string, string, string];
  const placeC = flags['place-column'];
  const days = Number(flags.days ?? 7);
  const radiusM = Number(flags.radius ?? 50);
  const minText = Number(flags['min-text'] ?? 0);
  const rows: Row[] = [];
  for await (const r of readCsvRecords(input)) {
    const truthPlace = (r[tpC] ?? '').trim();
    const created = parseTime(r[crC] ?? '');
    const lat = Number(r[latC]);
    const lon = Number(r[lonC]);
    if (!truthPlace || !created || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const closed = closedCs
      .split(',')
      .map((c) => parseTime(r[c] ?? ''))
      .find((d) => d !== null);
    rows.push({
      id: r[idC] ?? '',
      createdAt: created.getTime(),
      closedAt: closed?.getTime() ?? Infinity,
      lat,
      lon,
      category: r[catC] ?? '',
      text: r[txtC] ?? '',
      placeId: placeC ? (r[placeC] ?? '') : undefined,
      truthPlace,
      truthKey: r[tkC] ?? '',
    });
  }
  rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const windowMs = days * 86_400_000;
  const cells = new Map<number, Row[]>();
  const places = new Map<string, Row[]>();
  for (const r of rows) {
    r.profile = textProfile(r.text);
    const k = geoCell(r.lat, r.lon);
    cells.set(k, [...(cells.get(k) ?? []), r]);
    places.set(r.truthPlace, [...(places.get(r.truthPlace) ?? []), r]);
  }
  const closedBefore = (o: Row, t: number): boolean =>
    o.closedAt <= t && t - o.closedAt <= windowMs && o.createdAt < t;
  let truth = 0;
  let found = 0;
  let correct = 0;
  for (const r of rows) {
    const isRepeat = (places.get(r.truthPlace) ?? []).some(
      (o) => o !== r && o.truthKey === r.truthKey && closedBefore(o, r.createdAt),
    );
    if (isRepeat) truth++;
    // What the server would fetch: closed in the window, in the cells around, or at the same place id.
    const pool = new Set<Row>();
    for (const k of cellsWithin(r.lat, r.lon, radiusM))
      for (const o of cells.get(k) ?? []) if (o !== r && closedBefore(o, r.createdAt)) pool.add(o);
    if (placeC && r.placeId)
      for (const o of places.get(r.truthPlace) ?? [])
        if (o !== r && closedBefore(o, r.createdAt)) pool.add(o);
    const m = findRepeatOf(r, [...pool], { withinDays: days, radiusM, minTextSimilarity: minText });
    if (!m) continue;
    found++;
    const o = m.original as Row;
    if (isRepeat && o.truthPlace === r.truthPlace && o.truthKey === r.truthKey) correct++;
  }
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  process.stdout.write(
    JSON.stringify({
      judged: rows.length,
      truth_repeats: truth,
      found,
      correct,
      precision: r4(correct / Math.max(1, found)),
      recall: r4(correct / Math.max(1, truth)),
      days,
      radius_m: radiusM,
      min_text: minText,
      category_column: catC,
      place_column: placeC ?? null,
    }) + '\n',
  );
}
