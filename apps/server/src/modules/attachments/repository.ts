/** SQL for attachments. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

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

export async function countAttachments(db: Queryable, cityId: string, requestId: number): Promise<number> {
  return (
    (
      await db.query<{ n: number }>(
        sql`SELECT count(*) AS n FROM attachments WHERE city_id = ${cityId} AND request_id = ${requestId}`,
      )
    )[0]?.n ?? 0
  );
}

export async function insertAttachment(
  tx: Queryable,
  a: {
    cityId: string;
    requestId: number;
    kind: string;
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    key: string;
    createdAt: Date;
  },
): Promise<AttachmentRow> {
  const rows =
    await tx.query<AttachmentRow>(sql`INSERT INTO attachments (city_id, request_id, kind, file_name, content_type, size_bytes, sha256, storage_key, created_at)
    VALUES (${a.cityId}, ${a.requestId}, ${a.kind}, ${a.fileName}, ${a.contentType}, ${a.size}, ${a.sha256}, ${a.key}, ${a.createdAt}) RETURNING *`);
  return rows[0] as AttachmentRow;
}

/** A request's files; without internal ones unless asked. */
export async function listAttachmentRows(
  db: Queryable,
  cityId: string,
  requestId: number,
  withInternal: boolean,
): Promise<AttachmentRow[]> {
  return db.query<AttachmentRow>(sql`SELECT * FROM attachments WHERE city_id = ${cityId} AND request_id = ${requestId}
    ${withInternal ? sql`` : sql`AND kind <> 'internal'`} ORDER BY id`);
}
