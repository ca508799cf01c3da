/**
 * `komek eval duplicates --input F --id-column C --created-column C [--closed-column C] --lat-column C
 *   --lon-column C --category-column C --text-column C --parent-column C [--parent-regex R]
 *   [--parent-offset N] [--radius 300] [--window-days 30]`:
 * every child (a case closed as the duplicate of a parent) is ranked against what existed and was
 * still open when it was created, with the server's pre-filter (geo cells + time window) and
 * scoring; prints {"n", "recall_at_5", "precision_at_1"}.
 */
import { candidateScore, cellsAround, gridCell, haversineM, textSimilarity } from '@komek/domain/candidates';
import { parseTime } from '../../modules/import/requests.ts';
import { parseArgs, readCsvRecords, requireFlag } from '../io.ts';

const USAGE =
  'komek eval duplicates --input F --id-column C --created-column C --lat-column C --lon-column C --category-column C --text-column C --parent-column C [--parent-regex R] [--parent-offset N] [--closed-column C]';

interface Case {
  id: string;
  created: number;
  closed: number;
  lat: number;
  lon: number;
  category: string;
  text: string;
  parentRaw: string;
}

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const col = (k: string): string => requireFlag(flags, k, USAGE);
  const [idC, crC, latC, lonC, catC, txtC, parC] = [
    'id-column',
    'created-column',
    'lat-column',
    'lon-column',
    'category-column',
    'text-column',
    'parent-column',
  ].map(col) as string[];
  const closedC = flags['closed-column'];
  const regex = flags['parent-regex'] ? new RegExp(flags['parent-regex'], 'gi') : null;
  const offset = flags['parent-offset'] ? BigInt(flags['parent-offset']) : 0n;
  const radius = Number(flags.radius ?? 300);
  const windowDays = Number(flags['window-days'] ?? 30);
  const cases: Case[] = [];
  for await (const r of readCsvRecords(requireFlag(flags, 'input', USAGE))) {
    const created = parseTime(r[crC as string] ?? '');
    const lat = Number(r[latC as string]);
    const lon = Number(r[lonC as string]);
    if (!created || !Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) continue;
    const closed = closedC ? parseTime(r[closedC] ?? '') : null;
    cases.push({
      id: r[idC as string] ?? '',
      created: created.getTime(),
      closed: closed?.getTime() ?? Infinity,
      lat,
      lon,
      category: r[catC as string] ?? '',
      text: r[txtC as string] ?? '',
      parentRaw: r[parC as string] ?? '',
    });
  }
  cases.sort((a, b) => a.created - b.created);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const parentOf = (c: Case): Case | undefined => {
    const raws = regex ? [...c.parentRaw.matchAll(regex)].map((m) => m[1] ?? m[0]) : [c.parentRaw];
    for (const raw of raws) {
      for (const k of [raw, offset && /^\d+$/.test(raw) ? String(BigInt(raw) + offset) : '']) {
        const p = k ? byId.get(k) : undefined;
        if (p && p !== c) return p;
      }
    }
    return undefined;
  };
  // The index the server uses: geo cell → cases (in creation order).
  const cells = new Map<number, Case[]>();
  for (const c of cases) {
    const k = gridCell(c.lat, c.lon);
    let list = cells.get(k);
    if (!list) cells.set(k, (list = []));
    list.push(c);
  }
  let n = 0;
  let at1 = 0;
  let at5 = 0;
  for (const child of cases) {
    if (regex && !child.parentRaw.match(regex)) continue;
    const parent = parentOf(child);
    if (!parent || parent.created > child.created) continue;
    n++;
    const since = child.created - windowDays * 86_400_000;
    const scored: { c: Case; score: number }[] = [];
    for (const cell of cellsAround(child.lat, child.lon, radius)) {
      for (const o of cells.get(cell) ?? []) {
        if (o === child || o.created >= child.created || o.created < since || o.closed <= child.created)
          continue;
        const distanceM = haversineM(child.lat, child.lon, o.lat, o.lon);
        if (distanceM > radius) continue;
        const facts = {
          distanceM,
          hoursAgo: (child.created - o.created) / 3_600_000,
          textSimilarity: textSimilarity(child.text, o.text),
          sameCategory: o.category === child.category,
        };
        scored.push({ c: o, score: candidateScore(facts, { radiusM: radius, windowDays }) });
      }
    }
    scored.sort((a, b) => b.score - a.score);
    const rank = scored.findIndex((s) => s.c === parent) + 1;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 5) at5++;
  }
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  process.stdout.write(
    JSON.stringify({
      n,
      recall_at_5: r4(at5 / Math.max(1, n)),
      precision_at_1: r4(at1 / Math.max(1, n)),
      radius_m: radius,
      window_days: windowDays,
    }) + '\n',
  );
}
