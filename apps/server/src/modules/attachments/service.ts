import { sql } from 'drizzle-orm';
import { AppError, forbidden, notFound } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import { canWorkRequest, notYours } from '../auth/policy.ts';
import { insertEvent, lockByNumber } from '../requests/repository.ts';
import { readableRequest } from '../requests/workflow.ts';
import { stripMetadata } from './metadata.ts';
import { sniffType, type Storage } from './storage.ts';

export const MAX_FILES_PER_REQUEST = 10;

export interface AttachmentRow {
  id: number;
  kind: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Date;
}

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'> & { storage: Storage };

/** Stores a file for a request: type by magic bytes, size and per-request quota checked, an event in the same transaction. */
export async function addAttachment(
  deps: Deps,
  actor: Actor,
  number: string,
  input: { bytes: Buffer; declaredType: string; fileName?: string | undefined; kind: 'resident' | 'fix' | 'internal' },
) {
  if (actor.kind === 'anonymous') throw new AppError('unauthorized', 'sign in first');
  const type = sniffType(input.bytes);
  if (!type) throw new AppError('unsupported_media_type', 'only JPEG, PNG, WebP photos and PDF documents are accepted');
  if (input.declaredType !== 'application/octet-stream' && input.declaredType !== type) {
    throw new AppError('unsupported_media_type', `the file is ${type}, not ${input.declaredType}`);
  }
  if (input.bytes.length > deps.config.maxUploadBytes) throw new AppError('payload_too_large', `files up to ${deps.config.maxUploadBytes} bytes`);
  if (actor.kind === 'resident' && input.kind !== 'resident') throw forbidden('residents attach their own photos');
  const now = deps.now();
  const name = (input.fileName ?? 'file').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'file';
  const bytes = stripMetadata(type, input.bytes);
  const { key, sha256 } = await deps.storage.put(actor.cityId, bytes);
  return deps.db.transaction(async (tx) => {
    const r = await lockByNumber(tx, actor.cityId, number);
    if (!r) throw notFound('request', { number });
    if (actor.kind === 'resident' ? r.resident_id !== actor.id : !canWorkRequest(actor, { agencyCode: r.agency_code })) throw notYours();
    const count = await tx.query<{ n: number }>(sql`SELECT count(*) AS n FROM attachments WHERE city_id = ${actor.cityId} AND request_id = ${r.id}`);
    if ((count[0]?.n ?? 0) >= MAX_FILES_PER_REQUEST) throw new AppError('conflict', `a request holds at most ${MAX_FILES_PER_REQUEST} files`);
    const rows = await tx.query<AttachmentRow>(sql`INSERT INTO attachments (city_id, request_id, kind, file_name, content_type, size_bytes, sha256, storage_key, created_at)
      VALUES (${actor.cityId}, ${r.id}, ${input.kind}, ${name}, ${type}, ${bytes.length}, ${sha256}, ${key}, ${now}) RETURNING *`);
    const a = rows[0] as AttachmentRow;
    await insertEvent(tx, {
      cityId: actor.cityId, requestId: r.id, type: 'attachment', actorKind: actor.kind, actorId: actor.id,
      visibility: input.kind === 'internal' ? 'internal' : 'public', data: { attachmentId: a.id, kind: input.kind, contentType: type, size: a.size_bytes },
      createdAt: now,
    });
    return a;
  });
}

export async function listAttachments(deps: Pick<AppDeps, 'db'>, actor: Actor, number: string): Promise<AttachmentRow[]> {
  const r = await readableRequest(deps, actor, number);
  return deps.db.query<AttachmentRow>(sql`SELECT * FROM attachments WHERE city_id = ${r.city_id} AND request_id = ${r.id}
    ${actor.kind === 'staff' ? sql`` : sql`AND kind <> 'internal'`} ORDER BY id`);
}

export async function readAttachment(deps: Pick<AppDeps, 'db'> & { storage: Storage }, actor: Actor, number: string, id: number) {
  const list = await listAttachments(deps, actor, number);
  const a = list.find((x) => x.id === id);
  if (!a) throw notFound('attachment', { id });
  return { row: a, bytes: await deps.storage.get(a.storage_key) };
}
