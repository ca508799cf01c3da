/**
 * Open311 POST documents: a partner's new request (form-encoded, api_key required; a location by
 * lat/long, address_string or address_id; attribute[...] and media_url kept as attributes) and a
 * partner's update on a request (a public comment, once per update_id).
 */
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import { getCatalog } from '../catalog/cache.ts';
import { createRequest } from '../requests/intake.ts';
import { idByNumber } from '../requests/ids.ts';
import { insertEvent } from '../requests/repository.ts';
import { send, sendError } from './format.ts';
import { partnerFor } from './keys.ts';
import { fmt } from './present.ts';

export async function postDocument(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const f = fmt((req.params as { doc: string }).doc);
  if (!f || (f.base !== 'requests' && f.base !== 'servicerequestupdates'))
    return sendError(
      reply,
      f?.format ?? 'json',
      404,
      'POST requests or servicerequestupdates (.json or .xml)',
    );
  const b = (req.body ?? {}) as Record<string, string | undefined>;
  const partner = await partnerFor(
    deps,
    b.api_key ?? (req.query as Record<string, string | undefined>).api_key,
  );
  if (!partner) return sendError(reply, f.format, 403, 'a valid api_key is required');
  if (f.base === 'servicerequestupdates') {
    // A partner's update on a request becomes a public comment (once per update_id); statuses
    // stay with the city's staff, so a status the partner sends is kept in the comment's data.
    const id = b.service_request_id ?? '';
    const text = (b.description ?? '').trim();
    if (!/^[0-9A-Z]{1,8}-\d{4}-\d{4,12}$/.test(id))
      return sendError(reply, f.format, 400, 'service_request_id is missing or malformed');
    if (!text || text.length > 5000)
      return sendError(reply, f.format, 400, 'description is required (at most 5000 characters)');
    const external = (b.update_id ?? '').slice(0, 100);
    const result = await deps.db.transaction(async (tx) => {
      const ref = await idByNumber(tx, deps.config.cityId, id);
      const rows =
        ref === undefined
          ? []
          : await tx.query<{ id: number }>(
              sql`SELECT id FROM requests WHERE city_id = ${deps.config.cityId} AND id = ${ref} FOR UPDATE`,
            );
      const r = rows[0];
      if (!r) return null;
      if (external) {
        const seen = await tx.query<{ id: number }>(sql`SELECT id FROM request_events
          WHERE city_id = ${deps.config.cityId} AND request_id = ${r.id} AND actor_kind = 'partner'
            AND data->>'partner' = ${partner} AND data->>'updateId' = ${external}`);
        if (seen[0]) return seen[0].id;
      }
      const now = deps.now();
      const eventId = await insertEvent(tx, {
        cityId: deps.config.cityId,
        requestId: r.id,
        type: 'comment',
        actorKind: 'partner',
        actorId: null,
        visibility: 'public',
        body: text,
        data: {
          partner,
          ...(external ? { updateId: external } : {}),
          ...(b.status ? { status: b.status.slice(0, 40) } : {}),
        },
        createdAt: now,
      });
      await tx.query(
        sql`UPDATE requests SET updated_at = ${now} WHERE city_id = ${deps.config.cityId} AND id = ${r.id}`,
      );
      return eventId;
    });
    if (result === null) return sendError(reply, f.format, 404, 'no such service_request_id');
    return send(reply, f.format, 'updates', [{ update_id: String(result) }], 201);
  }
  const catalog = await getCatalog(deps.db, deps.config.cityId);
  if (!b.service_code || !catalog?.categories.get(b.service_code))
    return sendError(reply, f.format, 400, 'service_code is missing or unknown');
  const lat = b.lat?.trim() ? Number(b.lat) : undefined;
  const lon = b.long?.trim() ? Number(b.long) : undefined;
  // A point only when both are numbers on the globe; else the address must do.
  const point =
    lat !== undefined &&
    lon !== undefined &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
      ? { lat, lon }
      : undefined;
  if (!point && !b.address_string?.trim() && !b.address_id) {
    return sendError(
      reply,
      f.format,
      400,
      'a location is required: lat and long, address_string or address_id',
    );
  }
  const description = (b.description ?? '').trim().slice(0, 5000);
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(b)) {
    const m = /^attribute\[(.{1,60})\]$/.exec(k);
    if (m && v !== undefined) attributes[m[1] as string] = v.slice(0, 1000);
  }
  if (b.media_url) attributes.media_url = b.media_url.slice(0, 1000);
  try {
    const r = await createRequest(
      deps,
      req.actor,
      {
        text: description || `${b.service_code}`,
        category: b.service_code,
        channel: 'open311',
        ...(point ?? {}),
        ...(b.address_string ? { address: b.address_string.slice(0, 500) } : {}),
        ...(b.phone
          ? {
              resident: {
                phone: b.phone,
                ...(b.first_name || b.last_name
                  ? { name: `${b.first_name ?? ''} ${b.last_name ?? ''}`.trim() }
                  : {}),
              },
            }
          : {}),
        attributes: { ...attributes, partner },
      },
      undefined,
      partner,
    );
    return send(
      reply,
      f.format,
      'requests',
      // No account_id: Komek does not give partners' reporters accounts (an empty id would not be a valid one).
      [
        {
          service_request_id: r.request.number,
          service_notice: `expected by ${r.request.due_at.toISOString()}`,
        },
      ],
      201,
    );
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return sendError(reply, f.format, 400, err.message);
    throw err;
  }
}
