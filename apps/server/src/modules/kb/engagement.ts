/**
 * How the knowledge base is used: answer links from requests (what suggestions learn from),
 * reads by residents (for deflection), feedback, and the report editors read.
 */
import { notFound } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import { canWorkRequest, notYours, type StaffActor } from '../auth/policy.ts';
import { findViewByNumber } from '../requests/repository.ts';
import { assertReadable } from './policy.ts';
import { kazakhIndexText } from './query.ts';
import { recordLink, type TargetKind } from './repository-learn.ts';
import {
  articleStats,
  countSearches,
  deflectionTotals,
  insertFeedback,
  insertView,
  queryStats,
  type ArticleStatRow,
} from './repository-stats.ts';
import { findTemplate } from './repository-templates.ts';
import { findArticle, type KbLang } from './repository.ts';
import { flushSearchLog } from './search-log.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** Records that a request was answered with an article and/or a template (idempotent per pair). */
export async function linkRequest(
  deps: Deps,
  actor: StaffActor,
  number: string,
  body: { articleId?: number | undefined; templateId?: number | undefined },
) {
  const r = await findViewByNumber(deps.db, actor.cityId, number);
  if (!r) throw notFound('request', { number });
  if (!canWorkRequest(actor, { agencyCode: r.agency_code })) throw notYours();
  const targets: [TargetKind, number][] = [];
  if (body.articleId !== undefined) {
    if (!(await findArticle(deps.db, actor.cityId, body.articleId)))
      throw notFound('article', { id: body.articleId });
    targets.push(['article', body.articleId]);
  }
  if (body.templateId !== undefined) {
    if (!(await findTemplate(deps.db, actor.cityId, body.templateId)))
      throw notFound('template', { id: body.templateId });
    targets.push(['template', body.templateId]);
  }
  const lang = (['kk', 'ru', 'en'].includes(r.lang) ? r.lang : 'ru') as KbLang;
  const indexText = lang === 'kk' ? kazakhIndexText(r.text) : r.text;
  const now = deps.now();
  const recorded = await deps.db.transaction(async (tx) => {
    const out: { kind: TargetKind; id: number; created: boolean }[] = [];
    for (const [kind, targetId] of targets) {
      const created = await recordLink(
        tx,
        {
          cityId: actor.cityId,
          requestId: r.id,
          kind,
          targetId,
          staffId: actor.id,
          category: r.category_code,
          indexText,
          lang,
        },
        now,
      );
      out.push({ kind, id: targetId, created });
    }
    return out;
  });
  return { recorded };
}

/** A resident's or visitor's read; staff reads are not counted. */
export async function recordView(
  deps: Deps,
  actor: Actor,
  id: number,
  sessionId: string,
): Promise<{ recorded: boolean }> {
  const now = deps.now();
  assertReadable(actor, await findArticle(deps.db, actor.cityId, id), now, id);
  if (actor.kind === 'staff') return { recorded: false };
  await insertView(deps.db, {
    cityId: actor.cityId,
    articleId: id,
    sessionId,
    residentId: actor.kind === 'resident' ? actor.id : null,
    now,
  });
  return { recorded: true };
}

export async function recordFeedback(
  deps: Deps,
  actor: Actor,
  id: number,
  body: { helpful: boolean; sessionId?: string | undefined },
): Promise<{ id: number }> {
  const now = deps.now();
  assertReadable(actor, await findArticle(deps.db, actor.cityId, id), now, id);
  const fid = await insertFeedback(deps.db, {
    cityId: actor.cityId,
    articleId: id,
    helpful: body.helpful,
    actorKind: actor.kind,
    actorId: actor.kind === 'anonymous' ? null : actor.id,
    sessionId: body.sessionId ?? null,
    now,
  });
  return { id: fid };
}

const presentStat = (r: ArticleStatRow) => ({
  id: r.id,
  title: r.title,
  views: r.views,
  helpful: r.helpful,
  notHelpful: r.not_helpful,
  links: r.links,
  deflectedSessions: r.deflected_sessions,
});

/** The editors' report: what people search (and do not find), which articles help, deflection. */
export async function kbAnalytics(
  deps: Pick<AppDeps, 'db' | 'readDb' | 'now'>,
  actor: StaffActor,
  q: { from?: string | undefined; to?: string | undefined; windowMinutes?: number | undefined },
) {
  // This process's searches of the last half second are counted too.
  await flushSearchLog(deps.db);
  const now = deps.now();
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
  const p = { cityId: actor.cityId, from, to, now, windowMinutes: q.windowMinutes ?? 60 };
  const [searches, top, none, articles, totals] = await Promise.all([
    countSearches(deps.readDb, p),
    queryStats(deps.readDb, p, false),
    queryStats(deps.readDb, p, true),
    articleStats(deps.readDb, p),
    deflectionTotals(deps.readDb, p),
  ]);
  const stat = (r: { query: string; count: number; avg_results: number }) => ({
    query: r.query,
    count: r.count,
    avgResults: r.avg_results,
  });
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    searches,
    topQueries: top.map(stat),
    noResultQueries: none.map(stat),
    neverHelpful: articles
      .filter(
        (a) =>
          a.helpful === 0 &&
          a.deflected_sessions === 0 &&
          a.links === 0 &&
          (a.views > 0 || a.not_helpful > 0),
      )
      .map(presentStat),
    articles: articles.map(presentStat),
    deflection: {
      windowMinutes: p.windowMinutes,
      ...totals,
      rate: totals.sessions ? Math.round((totals.deflected / totals.sessions) * 1000) / 1000 : null,
    },
  };
}
