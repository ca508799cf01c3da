/** Knowledge-base routes for staff: answer templates, synonyms, and links from requests to what answered them. */
import { emergencyCategories } from '../modes/service.ts';
import { Type } from '@sinclair/typebox';
import { notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { CITY_WIDE, requireStaff } from '../auth/policy.ts';
import { linkRequest } from './engagement.ts';
import { invalid, requireEditor } from './policy.ts';
import { presentTemplate } from './presenter.ts';
import { normalizeTerm } from './query.ts';
import { deleteSynonym, insertSynonym, listSynonyms, updateSynonym } from './repository-search.ts';
import { findTemplate, listTemplates } from './repository-templates.ts';
import {
  IdParams,
  LinkBody,
  LinkParams,
  LinkResult,
  RenderBody,
  RenderResult,
  SynonymInput,
  SynonymSchema,
  TemplateInput,
  TemplateSchema,
} from './schema.ts';
import { invalidateSynonyms } from './search.ts';
import { changeTemplate, createTemplate, renderTemplate } from './templates.ts';

const tags = ['kb'];

/** Synonym terms, trimmed and de-duplicated by their normalised form; at least two distinct ones. */
function cleanTerms(terms: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of terms) {
    const key = normalizeTerm(t).join(' ');
    if (key && !seen.has(key)) seen.set(key, t.trim());
  }
  if (seen.size < 2) throw invalid('terms', 'a synonym group needs at least two different terms');
  return [...seen.values()];
}

export function templateRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/kb/templates',
    {
      schema: {
        tags,
        summary: 'Answer templates (staff)',
        response: { 200: Type.Object({ items: Type.Array(TemplateSchema) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      const staff = requireStaff(req.actor);
      const [all, hot] = await Promise.all([
        listTemplates(deps.db, staff.cityId, false),
        emergencyCategories(deps.db, staff.cityId, deps.now()),
      ]);
      // The templates of an active emergency's categories first.
      const first = (t: (typeof all)[number]): number => (t.categories.some((c) => hot.has(c)) ? 0 : 1);
      return { items: [...all].sort((a, b) => first(a) - first(b)).map(presentTemplate) };
    },
  );

  app.post(
    '/api/v1/kb/templates',
    {
      schema: {
        tags,
        summary: 'Creates an answer template (editors)',
        body: TemplateInput,
        response: { 201: TemplateSchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(presentTemplate(await createTemplate(deps, requireEditor(req.actor), req.body))),
  );

  app.get(
    '/api/v1/kb/templates/:id',
    {
      schema: {
        tags,
        summary: 'One answer template (staff)',
        params: IdParams,
        response: { 200: TemplateSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const staff = requireStaff(req.actor);
      const t = await findTemplate(deps.db, staff.cityId, req.params.id);
      if (!t) throw notFound('template', { id: req.params.id });
      return presentTemplate(t);
    },
  );

  app.put(
    '/api/v1/kb/templates/:id',
    {
      schema: {
        tags,
        summary: 'Saves an answer template (editors)',
        params: IdParams,
        body: TemplateInput,
        response: { 200: TemplateSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) =>
      presentTemplate(await changeTemplate(deps, requireEditor(req.actor), req.params.id, req.body)),
  );

  app.post(
    '/api/v1/kb/templates/:id/render',
    {
      schema: {
        tags,
        summary: 'Fills a template’s placeholders for a request, ready for a public comment',
        params: IdParams,
        body: RenderBody,
        response: { 200: RenderResult, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => renderTemplate(deps, requireStaff(req.actor), req.params.id, req.body),
  );

  app.get(
    '/api/v1/kb/synonyms',
    {
      schema: {
        tags,
        summary: 'Synonym groups used to expand queries (staff)',
        response: { 200: Type.Object({ items: Type.Array(SynonymSchema) }), ...errors(401, 403) },
      },
    },
    async (req) => ({ items: await listSynonyms(deps.db, requireStaff(req.actor).cityId) }),
  );

  app.post(
    '/api/v1/kb/synonyms',
    {
      schema: {
        tags,
        summary: 'Adds a synonym group (editors)',
        body: SynonymInput,
        response: { 201: SynonymSchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const editor = requireEditor(req.actor);
      const row = await insertSynonym(deps.db, editor.cityId, cleanTerms(req.body.terms));
      invalidateSynonyms(deps.db, editor.cityId);
      invalidateSynonyms(deps.readDb, editor.cityId);
      return reply.status(201).send(row);
    },
  );

  app.put(
    '/api/v1/kb/synonyms/:id',
    {
      schema: {
        tags,
        summary: 'Replaces a synonym group (editors)',
        params: IdParams,
        body: SynonymInput,
        response: { 200: SynonymSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const editor = requireEditor(req.actor);
      const row = await updateSynonym(deps.db, editor.cityId, req.params.id, cleanTerms(req.body.terms));
      if (!row) throw notFound('synonym group', { id: req.params.id });
      invalidateSynonyms(deps.db, editor.cityId);
      invalidateSynonyms(deps.readDb, editor.cityId);
      return row;
    },
  );

  app.delete(
    '/api/v1/kb/synonyms/:id',
    {
      schema: {
        tags,
        summary: 'Deletes a synonym group (editors)',
        params: IdParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const editor = requireEditor(req.actor);
      if (!(await deleteSynonym(deps.db, editor.cityId, req.params.id)))
        throw notFound('synonym group', { id: req.params.id });
      invalidateSynonyms(deps.db, editor.cityId);
      invalidateSynonyms(deps.readDb, editor.cityId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/requests/:number/kb-links',
    {
      schema: {
        tags: ['kb', 'requests'],
        summary:
          'Records that the request was answered with an article and/or template (suggestions learn from it)',
        params: LinkParams,
        body: LinkBody,
        response: { 201: LinkResult, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await linkRequest(
            deps,
            requireStaff(req.actor, [...CITY_WIDE, 'executor']),
            req.params.number,
            req.body,
          ),
        ),
  );
}
