/**
 * Importing a city's historical requests from CSV: columns are mapped by name, every row is
 * validated (text, time, coordinates, category), a report says what was refused and why, and the
 * good rows are inserted in batches with their `created` event. Runs in the CLI process, never on
 * the server's event loop.
 */
import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_SLA_HOURS } from '@komek/domain/sla';
import { detectLanguage } from '@komek/domain/text/normalize';
import type { Db } from '../../db/client.ts';
import { gridCell } from '../../lib/geo.ts';
import { districtAt, getCatalog, responsibleAgency } from '../catalog/cache.ts';
import { ensurePartitions, requestId, requestNumber, takeSeqs } from '../requests/ids.ts';

export interface ImportMapping {
  text: string;
  created: string;
  category?: string | undefined;
  lat?: string | undefined;
  lon?: string | undefined;
  closed?: string | undefined;
  address?: string | undefined;
  externalId?: string | undefined;
  /** Source category → our category code. */
  categoryMap?: Record<string, string> | undefined;
}

export interface ImportRow {
  text: string;
  createdAt: Date;
  closedAt: Date | null;
  category: string | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  externalId: string | null;
}

export interface ImportReport {
  read: number;
  imported: number;
  refused: number;
  reasons: Record<string, number>;
  examples: { line: number; reason: string }[];
  unknownCategories: Record<string, number>;
}

export function newReport(): ImportReport {
  return { read: 0, imported: 0, refused: 0, reasons: {}, examples: [], unknownCategories: {} };
}

/** Parses ISO times and US 'MM/DD/YYYY hh:mm:ss AM' times; null when neither. */
export function parseTime(v: string): Date | null {
  if (!v.trim()) return null;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(v.trim());
  if (us) {
    const [, m, d, y, h, mi, s, ap] = us as unknown as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const hour = (Number(h) % 12) + (ap === 'PM' ? 12 : 0);
    return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), hour, Number(mi), Number(s)));
  }
  const t = new Date(v.trim());
  return Number.isNaN(t.getTime()) ? null : t;
}

/** Validates and maps one CSV record; returns the row or the reason it is refused. */
export function mapRecord(
  rec: Record<string, string>,
  m: ImportMapping,
  knownCategories: Set<string>,
  report: ImportReport,
): ImportRow | string {
  const text = (rec[m.text] ?? '').trim();
  if (!text) return 'empty text';
  if (text.length > 5000) return 'text longer than 5000 characters';
  const createdAt = parseTime(rec[m.created] ?? '');
  if (!createdAt) return 'bad or missing creation time';
  if (createdAt.getTime() > Date.now() + 86_400_000 || createdAt.getUTCFullYear() < 1990)
    return 'creation time out of range';
  const closedAt = m.closed ? parseTime(rec[m.closed] ?? '') : null;
  let lat: number | null = null;
  let lon: number | null = null;
  if (m.lat && m.lon && (rec[m.lat] ?? '').trim() && (rec[m.lon] ?? '').trim()) {
    lat = Number(rec[m.lat]);
    lon = Number(rec[m.lon]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
      return 'bad coordinates';
  }
  let category: string | null = null;
  if (m.category) {
    const raw = (rec[m.category] ?? '').trim();
    const mapped = m.categoryMap?.[raw] ?? raw;
    if (knownCategories.has(mapped)) category = mapped;
    else if (raw) report.unknownCategories[raw] = (report.unknownCategories[raw] ?? 0) + 1;
  }
  return {
    text,
    createdAt,
    closedAt: closedAt && closedAt >= createdAt ? closedAt : null,
    category,
    lat,
    lon,
    address: m.address ? (rec[m.address] ?? '').trim().slice(0, 500) || null : null,
    externalId: m.externalId ? (rec[m.externalId] ?? '').trim().slice(0, 100) || null : null,
  };
}

/** Inserts validated rows (one batch, one transaction), with their created events. */
export async function insertImported(db: Db, cityId: string, rows: ImportRow[]): Promise<void> {
  if (!rows.length) return;
  const catalog = await getCatalog(db, cityId);
  if (!catalog) throw new Error(`unknown city ${cityId}`);
  const times = rows.map((r) => r.createdAt.getTime());
  await ensurePartitions(db, new Date(Math.min(...times)), new Date(Math.max(...times)));
  await db.transaction(async (tx) => {
    const seqs = await takeSeqs(tx, rows.length);
    const values: SQL[] = [];
    const events: SQL[] = [];
    rows.forEach((r, i) => {
      const id = requestId(seqs[i] as number, r.createdAt);
      const district = r.lat !== null && r.lon !== null ? districtAt(catalog, r.lat, r.lon) : undefined;
      const agency = responsibleAgency(catalog, r.category, district?.code ?? null);
      const cat = r.category ? catalog.categories.get(r.category) : undefined;
      const crit = cat?.default_criticality ?? 'standard';
      const due = new Date(
        r.createdAt.getTime() + (cat?.sla_hours[crit] ?? DEFAULT_SLA_HOURS[crit]) * 3_600_000,
      );
      const year = new Date(r.createdAt.getTime() + 5 * 3_600_000).getUTCFullYear();
      const status = r.closedAt ? 'closed' : 'new';
      values.push(sql`(${cityId}, ${id}, ${requestNumber(catalog.city.number_prefix, year, id)}, 'phone', ${r.text}, ${detectLanguage(r.text)},
        ${r.category}, ${crit}, ${status}, ${r.lat}::double precision, ${r.lon}::double precision,
        ${r.lat !== null && r.lon !== null ? gridCell(r.lat, r.lon) : null}::bigint, ${r.address}, ${district?.code ?? null}, ${agency},
        ${due}::timestamptz, ${r.closedAt}::timestamptz, ${r.closedAt}::timestamptz, ${JSON.stringify(r.externalId ? { externalId: r.externalId } : {})}::jsonb,
        ${r.createdAt}::timestamptz, ${r.closedAt ?? r.createdAt}::timestamptz)`);
      events.push(
        sql`(${cityId}, ${id}, 'created', 'system', 'new', 'public', ${JSON.stringify({ imported: true })}::jsonb, ${r.createdAt}::timestamptz)`,
      );
      if (r.closedAt)
        events.push(
          sql`(${cityId}, ${id}, 'status_changed', 'system', 'closed', 'public', '{}'::jsonb, ${r.closedAt}::timestamptz)`,
        );
    });
    await tx.query(sql`INSERT INTO requests (city_id, id, number, channel, text, lang, category_code, criticality, status, lat, lon, geo_cell,
      address, district_code, agency_code, due_at, resolved_at, closed_at, attributes, created_at, updated_at) VALUES ${sql.join(values, sql`, `)}`);
    await tx.query(
      sql`INSERT INTO request_events (city_id, request_id, type, actor_kind, to_status, visibility, data, created_at) VALUES ${sql.join(events, sql`, `)}`,
    );
  });
}
