import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { errors, RequestNumber } from '../../lib/schemas.ts';
import { addAttachment, listAttachments, readAttachment, type AttachmentRow } from './service.ts';
import { diskStorage } from './storage.ts';

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/octet-stream'];

const EXT: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'application/pdf': '.pdf',
};

const AttachmentSchema = Type.Object({
  id: Type.Number(),
  kind: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Number(),
  sha256: Type.String(),
  createdAt: Type.String(),
});

const present = (a: AttachmentRow) => ({
  id: a.id,
  kind: a.kind,
  fileName: a.file_name,
  contentType: a.content_type,
  size: a.size_bytes,
  sha256: a.sha256,
  createdAt: a.created_at.toISOString(),
});

export async function attachmentRoutes(app: App, deps: AppDeps): Promise<void> {
  const storage = diskStorage(deps.config.dataDir);
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
    // Files arrive as the raw body; their real type is checked from their bytes.
    scope.addContentTypeParser(
      ACCEPTED,
      { parseAs: 'buffer', bodyLimit: deps.config.maxUploadBytes },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/v1/requests/:number/attachments',
      {
        bodyLimit: deps.config.maxUploadBytes,
        schema: {
          tags: ['requests'],
          summary:
            'Attaches a photo or a PDF (raw body; Content-Type image/jpeg, image/png, image/webp or application/pdf)',
          description:
            'Residents attach to their own requests; staff who may work the request attach fixes. Someone who reported without an account sends the report’s claim token in `X-Claim-Token`.',
          params: Type.Object({ number: RequestNumber }),
          querystring: Type.Object({
            kind: Type.Optional(
              Type.Union([Type.Literal('resident'), Type.Literal('fix'), Type.Literal('internal')]),
            ),
            name: Type.Optional(Type.String({ maxLength: 200 })),
          }),
          headers: Type.Object({ 'x-claim-token': Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 201: AttachmentSchema, ...errors(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (req, reply) => {
        const bytes = req.body as unknown as Buffer;
        const kind = req.query.kind ?? (req.actor.kind === 'staff' ? 'fix' : 'resident');
        const a = await addAttachment({ ...deps, storage }, req.actor, req.params.number, {
          bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.alloc(0),
          declaredType: String(req.headers['content-type'] ?? '').split(';')[0] ?? '',
          fileName: req.query.name,
          kind,
          claimToken:
            typeof req.headers['x-claim-token'] === 'string' ? req.headers['x-claim-token'] : undefined,
        });
        return reply.status(201).send(present(a));
      },
    );
  });
  app.get(
    '/api/v1/requests/:number/attachments',
    {
      schema: {
        tags: ['requests'],
        summary: 'The request’s files (residents do not see internal ones)',
        params: Type.Object({ number: RequestNumber }),
        response: { 200: Type.Object({ items: Type.Array(AttachmentSchema) }), ...errors(401, 403, 404) },
      },
    },
    async (req) => ({ items: (await listAttachments(deps, req.actor, req.params.number)).map(present) }),
  );
  app.get(
    '/api/v1/requests/:number/attachments/:id',
    {
      schema: {
        tags: ['requests'],
        summary: 'Downloads one file',
        params: Type.Object({ number: RequestNumber, id: Type.Integer({ minimum: 1 }) }),
        response: { ...errors(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const { row, stream } = await readAttachment(
        { ...deps, storage },
        req.actor,
        req.params.number,
        req.params.id,
      );
      void reply
        .header('content-type', row.content_type)
        .header('content-length', String(row.size_bytes))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('etag', `"${row.sha256}"`)
        .header(
          'content-disposition',
          `${row.content_type === 'application/pdf' ? 'attachment' : 'inline'}; filename="${row.id}${EXT[row.content_type] ?? ''}"`,
        );
      return reply.send(stream);
    },
  );
}
