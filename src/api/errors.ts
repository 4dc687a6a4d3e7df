/**
 * Every error the API sends is `{ "error": { "code", "message" } }` with a 4xx
 * or 5xx status: never an HTML page, a stack trace or SQL. Codes are those of
 * the message registry (`src/model/messages.ts`).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type MessageCode, isMarsadError } from '../model/messages.js';

/** An error a route raises on purpose, with its HTTP status and code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** HTTP status of a MarsadError code. */
export function statusOf(code: string): number {
  if (code === 'input.too-large' || code === 'fetch.too-large' || code === 'api.too-large') return 413;
  if (code === 'api.unauthorized') return 401;
  if (code === 'store.read-only') return 403;
  if (code === 'api.not-found') return 404;
  if (code === 'api.unsupported-media-type') return 415;
  if (code === 'store.busy' || code === 'store.unavailable') return 503;
  if (code === 'fetch.failed') return 502;
  if (code === 'fetch.refused' || code.startsWith('feed.')) return 422;
  if (code.startsWith('input.') || code.startsWith('api.') || code.startsWith('date.')) return 400;
  return 500;
}

/** Fastify's own errors that are the client's fault, by their code. */
const FASTIFY_CLIENT_ERRORS: Record<string, [number, MessageCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'api.invalid-request', 'the body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'api.invalid-request', 'the body is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'api.too-large', 'the body is over the size limit'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'api.unsupported-media-type', 'this endpoint takes application/json, text/plain or text/html'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'api.invalid-request', 'the Content-Length does not match the body'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'api.invalid-request', 'the Content-Type is not valid'],
  FST_ERR_BAD_URL: [400, 'api.invalid-request', 'the URL is not valid'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'api.invalid-request', 'the request is not valid'],
};

/** The status and body for any error a route or Fastify raises. */
export function errorResponse(e: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (e instanceof ApiError) return { status: e.status, body: { error: { code: e.code, message: e.message } }, internal: false };
  if (isMarsadError(e)) {
    const status = statusOf(e.code);
    return { status, body: { error: { code: e.code, message: e.message } }, internal: status >= 500 && e.code !== 'store.busy' };
  }
  const fe = e as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (fe?.validation) return { status: 400, body: { error: { code: 'api.invalid-request', message: fe.message } }, internal: false };
  if (/prototype|constructor/i.test(fe?.message ?? '') && fe?.statusCode === 400)
    return { status: 400, body: { error: { code: 'api.invalid-request', message: 'the body has a forbidden "__proto__" or "constructor" key' } }, internal: false };
  const known = fe?.code ? FASTIFY_CLIENT_ERRORS[fe.code] : undefined;
  if (known) return { status: known[0], body: { error: { code: known[1], message: known[2] } }, internal: false };
  // A JSON body with prototype-pollution keys, or another parse error with a client status.
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500)
    return { status: fe.statusCode, body: { error: { code: 'api.invalid-request', message: fe.statusCode === 413 ? 'the body is over the size limit' : 'the request is not valid' } }, internal: false };
  return { status: 500, body: { error: { code: 'api.internal', message: 'internal error (see the server log)' } }, internal: true };
}

/** Sends any error as JSON (logging the ones that are the server's fault). */
export function sendError(e: unknown, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body, internal } = errorResponse(e);
  if (internal) req.log.error({ err: e }, 'request failed');
  else req.log.info({ code: body.error.code, status }, 'request refused');
  if (status === 401) reply.header('WWW-Authenticate', 'Bearer realm="marsad"');
  if (status === 503) reply.header('Retry-After', '1');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
