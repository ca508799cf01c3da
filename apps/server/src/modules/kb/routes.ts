/** Knowledge-base routes: articles, their versions and attachments (search and templates in sibling files). */
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors } from '../../lib/schemas.ts';
import { requireStaff } from '../auth/policy.ts';
import { requireEditor } from './policy.ts';
import {
  addAttachment,
  articleVersion,
  articleVersions,
  getArticle,
  listArticlesFor,
  removeAttachment,
} from './read.ts';
import { searchRoutes } from './routes-search.ts';
import { templateRoutes } from './routes-templates.ts';
import {
  ArticleInput,
  ArticleSchema,
  ArticleUpdate,
  AttachmentInput,
  AttachmentParams,
  AttachmentSchema,
  IdParams,
  ListQuery,
  StatusBody,
  VersionDetailSchema,
  VersionParams,
  VersionSchema,
} from './schema.ts';
import { authorOf, createArticle, setArticleStatus, updateArticleContent } from './service.ts';

const tags = ['kb'];

export function kbRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/kb/articles',
    {
      schema: {
        tags,
        summary:
          'Articles: editors list any status; staff read published ones; residents and visitors published public ones valid now',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(ArticleSchema) }), ...errors(400, 403) },
      },
    },
    async (req) => ({ items: await listArticlesFor(deps, req.actor, req.query) }),
  );

  app.post(
    '/api/v1/kb/articles',
    {
      schema: {
        tags,
        summary: 'Creates an article (editors: admin, supervisor); version 1',
        body: ArticleInput,
        response: { 201: ArticleSchema, ...errors(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const editor = requireEditor(req.actor);
      const id = await createArticle(deps, editor.cityId, authorOf(editor), req.body);
      return reply.status(201).send(await getArticle(deps, editor, id));
    },
  );

  app.get(
    '/api/v1/kb/articles/:id',
    {
      schema: {
        tags,
        summary: 'One article with its language variants (HTML rendered and sanitized) and attachments',
        params: IdParams,
        response: { 200: ArticleSchema, ...errors(400, 403, 404) },
      },
    },
    async (req) => getArticle(deps, req.actor, req.params.id),
  );

  app.put(
    '/api/v1/kb/articles/:id',
    {
      schema: {
        tags,
        summary:
          'Saves an article (editors); a save that changes something appends a version with its line diff',
        params: IdParams,
        body: ArticleUpdate,
        response: { 200: ArticleSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const editor = requireEditor(req.actor);
      await updateArticleContent(deps, editor.cityId, authorOf(editor), req.params.id, req.body);
      return getArticle(deps, editor, req.params.id);
    },
  );

  app.post(
    '/api/v1/kb/articles/:id/status',
    {
      schema: {
        tags,
        summary: 'Publishes, archives or returns an article to draft (editors); recorded as a version',
        params: IdParams,
        body: StatusBody,
        response: { 200: ArticleSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const editor = requireEditor(req.actor);
      await setArticleStatus(deps, editor.cityId, authorOf(editor), req.params.id, req.body);
      return getArticle(deps, editor, req.params.id);
    },
  );

  app.get(
    '/api/v1/kb/articles/:id/versions',
    {
      schema: {
        tags,
        summary: 'The article’s versions, newest first, each with author and line diff (staff)',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(VersionSchema) }), ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => ({ items: await articleVersions(deps, requireStaff(req.actor), req.params.id) }),
  );

  app.get(
    '/api/v1/kb/articles/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One version with the whole article as it was saved (staff)',
        params: VersionParams,
        response: { 200: VersionDetailSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => articleVersion(deps, requireStaff(req.actor), req.params.id, req.params.version),
  );

  app.post(
    '/api/v1/kb/articles/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attaches a stored file’s metadata to an article (editors)',
        params: IdParams,
        body: AttachmentInput,
        response: { 201: AttachmentSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addAttachment(deps, requireEditor(req.actor), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/kb/articles/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Removes an attachment from an article (editors)',
        params: AttachmentParams,
        response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await removeAttachment(deps, requireEditor(req.actor), req.params.id, req.params.attachmentId);
      return reply.status(204).send(null);
    },
  );

  searchRoutes(app, deps);
  templateRoutes(app, deps);
}
