/**
 * One error shape for every failure: `{ error: { code, message, details } }`.
 * Codes map to HTTP statuses here and nowhere else.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  illegal_transition: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
  timeout: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('not_found', `${what} not found`, details);
export const forbidden = (message = 'you may not do this'): AppError => new AppError('forbidden', message);
export const unauthorized = (message = 'sign in first'): AppError => new AppError('unauthorized', message);
export const badRequest = (message: string, details: Record<string, unknown> = {}): AppError =>
  new AppError('bad_request', message, details);

export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}
