/** Reading articles, their versions, and attaching files' metadata. */
import { AppError, notFound } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import type { StaffActor } from '../auth/policy.ts';
import { assertReadable, isEditor } from './policy.ts';
import { presentArticle, presentVersion, presentVersionDetail } from './presenter.ts';
import {
  deleteAttachment,
  findArticle,
  findVersion,
  insertAttachment,
  listArticles,
  listAttachments,
  listVariants,
  listVersions,
  type ArticleRow,
  type ArticleStatus,
} from './repository.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

async function present(deps: Deps, actor: Actor, rows: readonly ArticleRow[]) {
  const ids = rows.map((r) => r.id);
  const [variants, attachments] = await Promise.all([
    listVariants(deps.db, actor.cityId, ids),
    listAttachments(deps.db, actor.cityId, ids),
  ]);
  return rows.map((a) =>
    presentArticle(
      a,
      variants.filter((v) => v.article_id === a.id),
      attachments.filter((x) => x.article_id === a.id),
      actor,
    ),
  );
}

/** One article as the actor may see it (404 when it does not exist for them, 403 when staff-only). */
export async function getArticle(deps: Deps, actor: Actor, id: number) {
  const a = assertReadable(actor, await findArticle(deps.db, actor.cityId, id), deps.now(), id);
  return (await present(deps, actor, [a]))[0] as Awaited<ReturnType<typeof present>>[number];
}

/** Articles for a list: editors choose any status; others get what they may read now. */
export async function listArticlesFor(
  deps: Deps,
  actor: Actor,
  q: {
    status?: ArticleStatus | undefined;
    category?: string | undefined;
    limit?: number | undefined;
    offset?: number | undefined;
  },
) {
  const editor = isEditor(actor);
  if (!editor && q.status && q.status !== 'published')
    throw new AppError('forbidden', 'only editors list drafts and archived articles');
  const now = deps.now();
  const rows = await listArticles(deps.db, {
    cityId: actor.cityId,
    statuses: editor ? (q.status ? [q.status] : ['draft', 'published', 'archived']) : ['published'],
    publicAt: actor.kind === 'staff' ? undefined : now,
    validAt: actor.kind === 'staff' && !editor ? now : undefined,
    category: q.category,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  });
  return present(deps, actor, rows);
}

/** The version history with diffs (staff who may read the article). */
export async function articleVersions(deps: Deps, actor: StaffActor, id: number) {
  assertReadable(actor, await findArticle(deps.db, actor.cityId, id), deps.now(), id);
  return (await listVersions(deps.db, actor.cityId, id)).map((v) => presentVersion(v));
}

export async function articleVersion(deps: Deps, actor: StaffActor, id: number, version: number) {
  assertReadable(actor, await findArticle(deps.db, actor.cityId, id), deps.now(), id);
  const v = await findVersion(deps.db, actor.cityId, id, version);
  if (!v) throw notFound('version', { id, version });
  return presentVersionDetail(v);
}

export async function addAttachment(
  deps: Deps,
  actor: StaffActor,
  id: number,
  body: { name: string; type: string; size: number; storageKey: string },
) {
  if (!(await findArticle(deps.db, actor.cityId, id))) throw notFound('article', { id });
  const x = await insertAttachment(
    deps.db,
    actor.cityId,
    { articleId: id, ...body, staffId: actor.id },
    deps.now(),
  );
  return { id: x.id, name: x.file_name, type: x.content_type, size: x.size_bytes, storageKey: x.storage_key };
}

export async function removeAttachment(
  deps: Deps,
  actor: StaffActor,
  id: number,
  attachmentId: number,
): Promise<void> {
  if (!(await deleteAttachment(deps.db, actor.cityId, id, attachmentId)))
    throw notFound('attachment', { id: attachmentId });
}
