/** Fastify wiring shared by every module: the error handler and the route type. */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorBody } from '../errors.ts';

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** PostgreSQL error codes that mean the database is unreachable or restarting. */
const UNAVAILABLE_PG = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);
const UNAVAILABLE_NET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

interface PgLikeError {
  code?: string;
  message?: string;
  constraint?: string;
}

/** Maps any thrown value to the one error shape; unknown errors are a 500 without details. */
export function installErrorHandler(app: App): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    // A handler that failed after choosing another type (a CSV download) still answers in JSON.
    void reply.header('content-type', 'application/json; charset=utf-8');
    reply.removeHeader('content-disposition');
    if (err instanceof AppError) {
      if (err.code === 'rate_limited' && typeof err.details.retryAfterSeconds === 'number') {
        void reply.header('Retry-After', String(err.details.retryAfterSeconds));
      }
      return reply.status(err.status).send(errorBody(err.code, err.message, err.details));
    }
    const fe = err as FastifyError & PgLikeError;
    if (fe.validation) {
      return reply.status(400).send(
        errorBody('validation_failed', 'the request is not valid', {
          issues: fe.validation.map((v) => ({
            path: `${fe.validationContext ?? 'body'}${v.instancePath || ''}`,
            message: v.message ?? 'invalid',
            ...(v.params && 'allowedValues' in v.params ? { allowed: v.params.allowedValues } : {}),
          })),
        }),
      );
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (fe.statusCode === 400 && /JSON/i.test(fe.message))) {
      return reply.status(400).send(errorBody('invalid_json', 'the body is not valid JSON'));
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.statusCode === 413) {
      return reply.status(413).send(errorBody('payload_too_large', 'the body is too large'));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) {
      return reply
        .status(415)
        .send(errorBody('unsupported_media_type', 'this content type is not accepted here'));
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send(errorBody('invalid_json', 'the body is empty'));
    }
    if (fe.statusCode === 429) {
      return reply.status(429).send(errorBody('rate_limited', 'too many requests, slow down'));
    }
    if (
      (fe.code && (UNAVAILABLE_PG.has(fe.code) || UNAVAILABLE_NET.has(fe.code))) ||
      /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|not queryable|PGlite is closed/i.test(
        fe.message ?? '',
      )
    ) {
      req.log.warn({ code: fe.code }, 'database unavailable');
      void reply.header('Retry-After', '2');
      return reply
        .status(503)
        .send(errorBody('unavailable', 'the service is briefly unavailable, retry shortly'));
    }
    if (fe.code === '57014') {
      return reply
        .status(503)
        .send(errorBody('timeout', 'the query took too long; narrow the filters and retry'));
    }
    if (
      fe.code === '22P02' ||
      fe.code === '22003' ||
      fe.code === '22007' ||
      fe.code === '22008' ||
      fe.code === '22021' ||
      fe.code === '22P05' ||
      fe.code === '23514' ||
      fe.code === '54000'
    ) {
      return reply.status(400).send(errorBody('bad_request', 'a value is out of range or malformed'));
    }
    if (fe.code === '23505') {
      return reply
        .status(409)
        .send(errorBody('conflict', 'this already exists', { constraint: fe.constraint }));
    }
    if (fe.code === '23503') {
      return reply.status(409).send(
        errorBody('conflict', 'this refers to something that does not exist or is still in use', {
          constraint: fe.constraint,
        }),
      );
    }
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(errorBody('bad_request', fe.message));
    }
    req.log.error({ err: { message: fe.message, code: fe.code, stack: fe.stack } }, 'unhandled error');
    return reply
      .status(500)
      .send(errorBody('internal', 'something went wrong on our side', { requestId: req.id }));
  });
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0] ?? ''}`)),
  );
}
