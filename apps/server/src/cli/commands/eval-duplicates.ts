/**
 * `komek eval duplicates --input F --id-column C --created-column C [--closed-column C] --lat-column C
 *   --lon-column C --category-column C [--group-column C] --text-column C --parent-column C
 *   [--child-regex R] [--parent-regex R] [--radius 300] [--window-days 30] [--cell 250] [--weights d,t,x,c]`
 *
 * Every child (a case closed as the duplicate of an earlier parent) is ranked against what existed
 * and was still open when it was created, with the same pre-filter the server's query uses (geo
 * cells + time window + open + same or related category), then `rankCandidates`.
 * Parent ids: the parent column itself, or every capture group 1 of `--parent-regex` in it
 * (e.g. `(\d{6,12})`); an id is matched exactly, else by suffix (Boston writes #383215 for
 * 101001383215). A child counts as found when any parent it names is in the top 5.
 * Prints {"n", "recall_at_5", "precision_at_1", ...} and the counts of children left out and why.
 */
import { cellsWithin, geoCell } from '@komek/domain/duplicates/geo';
import { rankCandidates, type GeoRequest, type ScoreWeights } from '@komek/domain/duplicates/score';
import { textProfile } from '@komek/domain/duplicates/text';
import { parseTime } from '../../modules/import/requests.ts';
import { parseArgs, readCsvRecords, requireFlag } from '../io.ts';

const USAGE =
  'komek eval duplicates --input F --id-column C --created-column C [--closed-column C] --lat-column C --lon-column C --category-column C [--group-column C] --text-column C --parent-column C [--child-regex R] [--parent-regex R] [--radius 300] [--window-days 30] [--cell 250]';

interface Case extends GeoRequest {
  createdAt: number;
  closedAt: number;
  category: string;
  group: string;
  parentRaw: string;
}

/** Resolves a referenced id exactly, else as the unique known id ending with it (≥ 5 digits). */
function resolver(ids: readonly string[]): (ref: string) => string | undefined {
  const exact = new Set(ids);
  const bySuffix = new Map<number, Map<string, string | null>>();
  return (ref) => {
    if (exact.has(ref)) return ref;
    if (!/^\d{5,}$/.test(ref)) return undefined;
    let m = bySuffix.get(ref.length);
    if (!m) {
      m = new Map();
      for (const id of ids) {
        if (id.length <= ref.length) continue;
        const s = id.slice(-ref.length);
        m.set(s, m.has(s) ? null : id);
      }
      bySuffix.set(ref.length, m);
    }
    return m.get(ref) ?? undefined;
  };
}

function firstAtOrAfter(list: readonly Case[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Case).createdAt < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const col = (k: string): string => requireFlag(flags, k, USAGE);
  const input = col('input');
  const [idC, crC, latC, lonC, catC, txtC, parC] = [
    'id-column',
    'created-column',
    'lat-column',
    'lon-column',
    'category-column',
    'text-column',
    'parent-column',
  ].map(col) as [string, string, string, string, string, string, string];
  const closedC = flags['closed-column'];
  const groupC = flags['group-column'];
  const childRe = flags['child-regex'] ? new RegExp(flags['child-regex'], 'i') : null;
  const parentRe = flags['parent-regex'] ? new RegExp(flags['parent-regex'], 'gi') : null;
  const radiusM = Number(flags.radius ?? 300);
  const windowDays = Number(flags['window-days'] ?? 30);
  const cell = Number(flags.cell ?? 250);
  const w = flags.weights?.split(',').map(Number);
  const weights: Partial<ScoreWeights> | undefined =
    w && w.length === 4
      ? ({ distance: w[0], time: w[1], text: w[2], category: w[3] } as ScoreWeights)
      : undefined;

  const cases: Case[] = [];
  let noGeo = 0;
  for await (const r of readCsvRecords(input)) {
    const created = parseTime(r[crC] ?? '');
    const lat = Number(r[latC]);
    const lon = Number(r[lonC]);
    if (!created) continue;
    if (
      !(r[latC] ?? '').trim() ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon) ||
      (lat === 0 && lon === 0)
    ) {
      noGeo++;
      continue;
    }
    const closed = closedC ? parseTime(r[closedC] ?? '') : null;
    const category = r[catC] ?? '';
    cases.push({
      id: r[idC] ?? '',
      createdAt: created.getTime(),
      closedAt: closed?.getTime() ?? Infinity,
      lat,
      lon,
      category,
      group: groupC ? (r[groupC] ?? category) : category,
      text: r[txtC] ?? '',
      parentRaw: r[parC] ?? '',
    });
  }
  cases.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const byId = new Map(cases.map((c) => [c.id, c]));
  const resolve = resolver(cases.map((c) => c.id));
  const groupOf = new Map(cases.map((c) => [c.category, c.group]));

  // The index the server's query uses: geo cell → cases in creation order.
  const cells = new Map<number, Case[]>();
  for (const c of cases) {
    const k = geoCell(c.lat, c.lon, cell);
    let list = cells.get(k);
    if (!list) cells.set(k, (list = []));
    list.push(c);
  }

  const counts = {
    named: 0,
    unresolved: 0,
    self_only: 0,
    parent_later: 0,
    parent_closed_before: 0,
    in_prefilter: 0,
  };
  let n = 0;
  let at1 = 0;
  let at5 = 0;
  const fetched: number[] = [];
  for (const child of cases) {
    if (!child.parentRaw.trim() || (childRe && !childRe.test(child.parentRaw))) continue;
    const refs = parentRe
      ? [...child.parentRaw.matchAll(parentRe)].map((m) => m[1] ?? m[0])
      : [child.parentRaw.trim()];
    if (!refs.length) continue;
    counts.named++;
    const resolved = [...new Set(refs.map(resolve).filter((x): x is string => x !== undefined))];
    const others = resolved.filter((id) => id !== child.id).map((id) => byId.get(id) as Case);
    if (!others.length) {
      if (resolved.length) counts.self_only++;
      else counts.unresolved++;
      continue;
    }
    const earlier = others.filter((p) => p.createdAt < child.createdAt);
    if (!earlier.length) {
      counts.parent_later++;
      continue;
    }
    const parents = new Set(earlier.filter((p) => p.closedAt > child.createdAt));
    if (!parents.size) {
      counts.parent_closed_before++;
      continue;
    }
    n++;
    // The server's pre-filter: cells ∩ created window ∩ still open ∩ same or related category.
    const since = child.createdAt - windowDays * 86_400_000;
    const pool: Case[] = [];
    let rows = 0;
    for (const k of cellsWithin(child.lat, child.lon, radiusM, cell)) {
      const list = cells.get(k);
      if (!list) continue;
      for (let i = firstAtOrAfter(list, since); i < list.length; i++) {
        const o = list[i] as Case;
        if (o.createdAt >= child.createdAt) break;
        if (o.closedAt <= child.createdAt || o.group !== child.group) continue;
        rows++;
        o.profile ??= textProfile(o.text);
        pool.push(o);
      }
    }
    fetched.push(rows);
    if (pool.some((p) => parents.has(p))) counts.in_prefilter++;
    const top = rankCandidates(child, pool, {
      radiusM,
      windowDays,
      limit: 5,
      groupOf: (c) => groupOf.get(c),
      ...(weights ? { weights } : {}),
    });
    if (top[0] && parents.has(top[0].candidate)) at1++;
    if (top.some((t) => parents.has(t.candidate))) at5++;
  }
  fetched.sort((a, b) => a - b);
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  process.stdout.write(
    JSON.stringify({
      n,
      recall_at_5: r4(at5 / Math.max(1, n)),
      precision_at_1: r4(at1 / Math.max(1, n)),
      prefilter_recall: r4(counts.in_prefilter / Math.max(1, n)),
      rows_fetched_p50: fetched[Math.floor(fetched.length / 2)] ?? 0,
      rows_fetched_p95: fetched[Math.floor(fetched.length * 0.95)] ?? 0,
      radius_m: radiusM,
      window_days: windowDays,
      cell_m: cell,
      cases: cases.length,
      no_geo: noGeo,
      ...counts,
    }) + '\n',
  );
}
