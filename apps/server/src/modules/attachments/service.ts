/** Photos and documents of a request: checked by their bytes, stored by checksum, each with its event. */
import { AppError, forbidden, notFound } from '../../errors.ts';
import type { Queryable } from '../../db/client.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import { canWorkRequest, notYours } from '../auth/policy.ts';
import { claimAllows } from '../public/anonymous.ts';
import { findViewByNumber, insertEvent, lockByNumber, type RequestRow } from '../requests/repository.ts';
import { readableRequest } from '../requests/workflow.ts';
import { stripMetadata } from './metadata.ts';
import { countAttachments, insertAttachment, listAttachmentRows, type AttachmentRow } from './repository.ts';
import { sniffType, type Storage } from './storage.ts';

export type { AttachmentRow };
export const MAX_FILES_PER_REQUEST = 10;

type Deps = Pick<AppDeps, 'db' | 'now' | 'config'> & { storage: Storage };

export interface NewAttachment {
  bytes: Buffer;
  declaredType: string;
  fileName?: string | undefined;
  kind: 'resident' | 'fix' | 'internal';
  /** Someone who reported without an account adds photos with the report's claim token. */
  claimToken?: string | undefined;
}

/** The policy: the resident on their own request (or the holder of its claim token), staff who may work it. */
async function checkMayAttach(
  db: Queryable,
  actor: Actor,
  r: Pick<RequestRow, 'id' | 'resident_id' | 'agency_code'>,
  claimToken: string | undefined,
  now: Date,
): Promise<void> {
  if (actor.kind === 'anonymous') {
    if (!claimToken || !(await claimAllows(db, actor.cityId, r.id, claimToken, now)))
      throw forbidden('this claim token does not open this request');
  } else if (
    actor.kind === 'resident'
      ? r.resident_id !== actor.id
      : !canWorkRequest(actor, { agencyCode: r.agency_code })
  ) {
    throw notYours();
  }
}

/** Stores a file for a request: type by magic bytes, size and per-request quota checked, an event in the same transaction. */
export async function addAttachment(
  deps: Deps,
  actor: Actor,
  number: string,
  input: NewAttachment,
): Promise<AttachmentRow> {
  if (actor.kind === 'anonymous' && !input.claimToken) throw new AppError('unauthorized', 'sign in first');
  const type = sniffType(input.bytes);
  if (!type)
    throw new AppError(
      'unsupported_media_type',
      'only JPEG, PNG, WebP photos and PDF documents are accepted',
    );
  if (input.declaredType !== 'application/octet-stream' && input.declaredType !== type) {
    throw new AppError('unsupported_media_type', `the file is ${type}, not ${input.declaredType}`);
  }
  if (input.bytes.length > deps.config.maxUploadBytes)
    throw new AppError('payload_too_large', `files up to ${deps.config.maxUploadBytes} bytes`);
  if (actor.kind !== 'staff' && input.kind !== 'resident')
    throw forbidden('residents attach their own photos');
  const now = deps.now();
  // Policy and quota first, so a stranger's upload never reaches the disk; both again under the lock.
  const seen = await findViewByNumber(deps.db, actor.cityId, number);
  if (!seen) throw notFound('request', { number });
  await checkMayAttach(deps.db, actor, seen, input.claimToken, now);
  const tooMany = (n: number) =>
    new AppError('conflict', `a request holds at most ${MAX_FILES_PER_REQUEST} files`, { count: n });
  const before = await countAttachments(deps.db, actor.cityId, seen.id);
  if (before >= MAX_FILES_PER_REQUEST) throw tooMany(before);
  const name = (input.fileName ?? 'file').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'file';
  const bytes = stripMetadata(type, input.bytes);
  const { key, sha256 } = await deps.storage.put(actor.cityId, bytes);
  return deps.db.transaction(async (tx) => {
    const r = await lockByNumber(tx, actor.cityId, number);
    if (!r) throw notFound('request', { number });
    await checkMayAttach(tx, actor, r, input.claimToken, now);
    const n = await countAttachments(tx, actor.cityId, r.id);
    if (n >= MAX_FILES_PER_REQUEST) throw tooMany(n);
    const a = await insertAttachment(tx, {
      cityId: actor.cityId,
      requestId: r.id,
      kind: input.kind,
      fileName: name,
      contentType: type,
      size: bytes.length,
      sha256,
      key,
      createdAt: now,
    });
    await insertEvent(tx, {
      cityId: actor.cityId,
      requestId: r.id,
      type: 'attachment',
      actorKind: actor.kind === 'staff' ? 'staff' : 'resident',
      actorId: actor.kind === 'anonymous' ? null : actor.id,
      visibility: input.kind === 'internal' ? 'internal' : 'public',
      data: { attachmentId: a.id, kind: input.kind, contentType: type, size: a.size_bytes },
      createdAt: now,
    });
    return a;
  });
}

/** The files of a request the actor may read (residents and analysts do not see internal ones). */
export async function listAttachments(
  deps: Pick<AppDeps, 'db'>,
  actor: Actor,
  number: string,
): Promise<AttachmentRow[]> {
  const r = await readableRequest(deps, actor, number);
  return listAttachmentRows(deps.db, r.city_id, r.id, actor.kind === 'staff');
}

/** One file with a stream of its bytes, under the same read policy. */
export async function readAttachment(
  deps: Pick<AppDeps, 'db'> & { storage: Storage },
  actor: Actor,
  number: string,
  id: number,
) {
  const list = await listAttachments(deps, actor, number);
  const a = list.find((x) => x.id === id);
  if (!a) throw notFound('attachment', { id });
  return { row: a, stream: deps.storage.stream(a.storage_key) };
}
