/** Knowledge-base routes for readers: search, suggestions, reads, feedback, and the editors' report. */
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { RateLimiter } from '../../lib/rate-limit.ts';
import { errors } from '../../lib/schemas.ts';
import { requireStaff } from '../auth/policy.ts';
import { kbAnalytics, recordFeedback, recordView } from './engagement.ts';
import { KB_EDITORS } from './policy.ts';
import {
  AnalyticsQuery,
  AnalyticsResult,
  FeedbackBody,
  IdParams,
  SearchQuery,
  SearchResult,
  SuggestBody,
  SuggestResult,
  ViewBody,
} from './schema.ts';
import { flushSearchLog } from './search-log.ts';
import { searchArticles, suggestForText } from './search.ts';

const tags = ['kb'];
// Reads and votes come from anonymous visitors too; this keeps one address from flooding the counts.
const PER_IP = { max: 120, windowMs: 60_000 };

export function searchRoutes(app: App, deps: AppDeps): void {
  const limiter = new RateLimiter();
  app.addHook('onClose', () => flushSearchLog(deps.db));

  app.get(
    '/api/v1/kb/search',
    {
      schema: {
        tags,
        summary:
          'Full-text search in kk/ru/en with stemming, synonyms, typo tolerance and highlighted snippets',
        description:
          'Residents and anonymous visitors get published public articles valid now; staff also staff-only ones.',
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errors(400) },
      },
    },
    async (req) => searchArticles(deps, req.actor, req.query),
  );

  app.post(
    '/api/v1/kb/suggest',
    {
      schema: {
        tags,
        summary:
          'Articles (and answer templates, for staff) for a request being typed, re-ranked by what answered similar requests',
        body: SuggestBody,
        response: { 200: SuggestResult, ...errors(400, 429) },
      },
    },
    async (req) => {
      if (req.actor.kind !== 'staff') limiter.hit(`suggest:${req.ip}`, { max: 600, windowMs: 60_000 });
      return suggestForText(deps, req.actor, req.body);
    },
  );

  app.post(
    '/api/v1/kb/articles/:id/views',
    {
      schema: {
        tags,
        summary: 'Records a resident’s or visitor’s read (staff reads are not counted); for deflection',
        description:
          'A reading session that files no request within the report’s window counts as deflected. Send the same id as attributes.kbSession when filing a request.',
        params: IdParams,
        body: ViewBody,
        response: { 202: Type.Object({ recorded: Type.Boolean() }), ...errors(400, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      limiter.hit(`view:${req.ip}`, PER_IP);
      return reply.status(202).send(await recordView(deps, req.actor, req.params.id, req.body.sessionId));
    },
  );

  app.post(
    '/api/v1/kb/articles/:id/feedback',
    {
      schema: {
        tags,
        summary: 'Was this article helpful?',
        params: IdParams,
        body: FeedbackBody,
        response: { 201: Type.Object({ id: Type.Number() }), ...errors(400, 403, 404, 429) },
      },
    },
    async (req, reply) => {
      limiter.hit(`feedback:${req.ip}`, PER_IP);
      return reply.status(201).send(await recordFeedback(deps, req.actor, req.params.id, req.body));
    },
  );

  app.get(
    '/api/v1/kb/analytics',
    {
      schema: {
        tags,
        summary: 'Searches without results, top queries, articles that never help, deflection (editors)',
        querystring: AnalyticsQuery,
        response: { 200: AnalyticsResult, ...errors(400, 401, 403) },
      },
    },
    async (req) => kbAnalytics(deps, requireStaff(req.actor, KB_EDITORS), req.query),
  );
}
