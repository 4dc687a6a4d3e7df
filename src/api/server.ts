/**
 * The HTTP API (Fastify): the contract's endpoints plus what the dashboard
 * needs, over one store. Every input is validated against its JSON Schema;
 * every error is JSON; writes need the bearer token when one is set and are
 * refused in read-only mode; bodies are size-limited; CORS is closed unless an
 * origin is allowed; logs are JSON lines on stderr.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Store } from '../store/index.js';
import type { FetchOptions } from '../ingest/fetch.js';
import { ApiError, sendError } from './errors.js';
import { requireToken } from './auth.js';
import { ROUTES, type RouteContext } from './routes.js';
import { OPENAPI_PATH, openApiDocument } from './openapi.js';
import { registerDashboard } from './dashboard.js';
import { validatorCompiler } from './validation.js';

/** Largest request body: an article of the reader's limit plus JSON overhead. */
export const DEFAULT_BODY_LIMIT = 17 * 1024 * 1024;
export const API_VERSION = '0.1.0';
/** Seconds a browser may cache a CORS preflight answer. */
const CORS_MAX_AGE_S = 600;

export interface ServerOptions {
  store: Store;
  /** Refuse every write (403). */
  readOnly?: boolean;
  /** The bearer token writes need; null/undefined: none needed. */
  token?: string | null;
  bodyLimit?: number;
  /** pino log level, or false for no logs (tests). */
  logLevel?: string | false;
  /** Where the built dashboard is (null: none). */
  webRoot?: string | null;
  /** The one origin allowed to call the API from a browser (CORS); none by default. */
  corsOrigin?: string | null;
  /** Fetching rules for POST /api/feeds. */
  fetch?: FetchOptions;
}

function isWriteRoute(req: FastifyRequest): boolean {
  return req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
}

/** The API server over a store, ready to `listen` (or to `inject` in tests). */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: o.bodyLimit ?? DEFAULT_BODY_LIMIT,
    logger: o.logLevel === false ? false : { level: o.logLevel ?? 'info', stream: process.stderr },
    // Prototype-pollution keys in JSON bodies are refused, not silently dropped.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  const ctx: RouteContext = { store: o.store, readOnly: o.readOnly ?? false, fetch: o.fetch ?? {} };

  app.addContentTypeParser(['text/plain', 'text/html'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.setErrorHandler((e, req, reply) => sendError(e, req, reply));
  app.setNotFoundHandler((req, reply) => sendError(new ApiError(404, 'api.not-found', `no route ${req.method} ${req.url.split('?')[0].slice(0, 200)}`), req, reply));

  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff').header('Referrer-Policy', 'no-referrer').header('X-Frame-Options', 'DENY');
    const origin = req.headers.origin;
    if (o.corsOrigin && origin === o.corsOrigin) {
      reply.header('Access-Control-Allow-Origin', origin).header('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        reply
          .header('Access-Control-Allow-Methods', 'GET, POST')
          .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
          .header('Access-Control-Max-Age', String(CORS_MAX_AGE_S))
          .code(204)
          .send();
        return reply;
      }
    }
    if (isWriteRoute(req)) {
      requireToken(req.headers.authorization, o.token);
      if (ctx.readOnly) throw new ApiError(403, 'store.read-only', 'the server is read-only');
    }
  });

  for (const r of ROUTES) {
    app.route({
      method: r.method,
      url: r.url,
      schema: r.schema,
      handler: (req, reply) => r.handler(ctx, req, reply),
    });
  }
  const doc = openApiDocument(ROUTES, API_VERSION);
  app.get(OPENAPI_PATH, async () => doc);
  await registerDashboard(app, o.webRoot ?? null);
  return app;
}
