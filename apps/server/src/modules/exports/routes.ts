/**
 * Exports of any filtered request list as CSV or XLSX, streamed: rows are read in keyset pages of
 * 2,000 and formatted in a worker thread, and the next page is read only when the client has taken
 * the previous one, so a million-row export holds about one page in memory. Personal data
 * (resident name, phone, address) is included only for roles that may see it.
 */
import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import type { Cell } from '../../lib/table-writer.ts';
import { streamTable } from './stream.ts';
import { requireStaff, seesPersonalData } from '../auth/policy.ts';
import { listRequests, type RequestView } from '../requests/repository.ts';
import { ListQuery } from '../requests/schema.ts';

const PAGE = 2000;
const READ_ALL = ['operator', 'supervisor', 'admin', 'analyst'];

const ExportQuery = Type.Composite(
  [
    Type.Omit(ListQuery, ['cursor', 'limit']),
    Type.Object({
      format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }),
      max: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 5_000_000, description: 'at most this many rows' }),
      ),
    }),
  ],
  { additionalProperties: false },
);

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const COLUMNS: { name: string; personal?: boolean; get(r: RequestView): Cell }[] = [
  { name: 'number', get: (r) => r.number },
  { name: 'created_at', get: (r) => iso(r.created_at) },
  { name: 'status', get: (r) => r.status },
  { name: 'category', get: (r) => r.category_code },
  { name: 'criticality', get: (r) => r.criticality },
  { name: 'channel', get: (r) => r.channel },
  { name: 'district', get: (r) => r.district_code },
  { name: 'agency', get: (r) => r.agency_code },
  { name: 'due_at', get: (r) => iso(r.due_at) },
  { name: 'first_response_at', get: (r) => iso(r.first_response_at) },
  { name: 'resolved_at', get: (r) => iso(r.resolved_at) },
  { name: 'closed_at', get: (r) => iso(r.closed_at) },
  { name: 'sla_breached', get: (r) => (r.sla_breached_at ? 1 : 0) },
  { name: 'planned_year', get: (r) => r.planned_year },
  { name: 'duplicate_of', get: (r) => r.duplicate_of_number },
  { name: 'rating', get: (r) => r.rating },
  { name: 'lat', get: (r) => r.lat },
  { name: 'lon', get: (r) => r.lon },
  { name: 'text', get: (r) => r.text },
  { name: 'address', personal: true, get: (r) => r.address },
  { name: 'resident_name', personal: true, get: (r) => r.resident_name },
  { name: 'resident_phone', personal: true, get: (r) => r.resident_phone },
];

const split = (s: string | undefined): string[] | undefined =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

export function exportRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/exports/requests',
    {
      schema: {
        tags: ['exports'],
        summary: 'The filtered request list as CSV or XLSX, streamed (staff)',
        description:
          'Takes the queue filters. Resident name, phone and address are included only for roles that see personal data.',
        querystring: ExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: Type.String({ description: 'the file' }), ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const a = requireStaff(req.actor);
      const q = req.query;
      let agency = split(q.agency);
      if (!READ_ALL.includes(a.role)) {
        if (a.role !== 'executor' || !a.agencyCode)
          throw new AppError('forbidden', 'your role does not read requests');
        if (agency && agency.some((x) => x !== a.agencyCode))
          throw new AppError('forbidden', 'an executor sees their own agency only');
        agency = [a.agencyCode];
      }
      const columns = COLUMNS.filter((c) => !c.personal || seesPersonalData(a));
      const format = q.format ?? 'csv';
      const max = q.max ?? Number.MAX_SAFE_INTEGER;
      const now = deps.now();
      const filters = {
        cityId: a.cityId,
        status: split(q.status),
        category: split(q.category),
        agency,
        district: split(q.district),
        criticality: split(q.criticality),
        channel: split(q.channel),
        createdFrom: q.createdFrom ? new Date(q.createdFrom) : undefined,
        createdTo: q.createdTo ? new Date(q.createdTo) : undefined,
        overdue: q.overdue,
        text: q.q?.trim() || undefined,
        now,
      };
      let after: { createdAt: Date; id: number } | undefined;
      let sent = 0;
      const pages = async function* (): AsyncGenerator<Cell[][]> {
        for (;;) {
          const page = await listRequests(deps.db, {
            ...filters,
            ...(after ? { after } : {}),
            limit: Math.min(PAGE, max - sent),
          });
          if (!page.length) return;
          yield page.map((r) => columns.map((c) => c.get(r)));
          sent += page.length;
          const last = page[page.length - 1] as RequestView;
          after = { createdAt: last.created_at, id: last.id };
          if (page.length < PAGE || sent >= max) return;
        }
      };
      return streamTable(req, reply, {
        format,
        header: columns.map((c) => c.name),
        filename: `requests-${now.toISOString().slice(0, 10)}`,
        sheetName: 'Requests',
        pages: pages(),
      });
    },
  );
}
