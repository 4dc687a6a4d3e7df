/**
 * `GET /`: the web dashboard, served from `dist/web/` when it has been built
 * (by Vite, elsewhere in the project), with a strict Content-Security-Policy:
 * scripts, styles and connections from this server only, no inline script, no
 * framing. Without a build, a small page says so.
 */
import { promises as fs } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { packageRoot } from '../model/paths.js';
import { ApiError } from './errors.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
/** Hashed build assets never change under their name. */
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** The default place of the built dashboard. */
export function defaultWebRoot(): string {
  return join(packageRoot, 'dist', 'web');
}

const NOT_BUILT = `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مرصد · Marsad</title></head>
<body><h1>مرصد · Marsad</h1>
<p>The web dashboard is not built. The API is running: see <a href="/api/openapi.json">/api/openapi.json</a>.</p>
<p>لوحة المتابعة غير مبنية بعد؛ الواجهة البرمجية تعمل.</p></body></html>
`;

async function exists(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Registers `GET /` and the dashboard's assets (every GET outside /api/). */
export async function registerDashboard(app: FastifyInstance, webRoot: string | null): Promise<void> {
  const root = webRoot ? resolve(webRoot) : null;
  const built = !!root && (await exists(join(root, 'index.html')));
  const sendFile = async (reply: FastifyReply, path: string) => {
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const body = await fs.readFile(path);
    if (type.startsWith('text/html')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY).header('Cache-Control', 'no-cache');
    else if (path.includes(`${sep}assets${sep}`)) reply.header('Cache-Control', IMMUTABLE_CACHE);
    return reply.type(type).send(body);
  };
  app.get('/', async (_req, reply) => {
    if (!built) return reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY).type('text/html; charset=utf-8').send(NOT_BUILT);
    return sendFile(reply, join(root!, 'index.html'));
  });
  app.get('/*', async (req, reply) => {
    const raw = (req.params as { '*': string })['*'] ?? '';
    if (!built || raw.startsWith('api/')) throw new ApiError(404, 'api.not-found', `no route GET /${raw.slice(0, 100)}`);
    let rel: string;
    try {
      rel = decodeURIComponent(raw);
    } catch {
      throw new ApiError(400, 'api.invalid-request', 'the path is not valid');
    }
    const path = resolve(root!, rel);
    // Nothing outside the dashboard folder, whatever the path says (../, encoded or not).
    if (!path.startsWith(root! + sep) || rel.includes('\0')) throw new ApiError(404, 'api.not-found', 'no such file');
    if (await exists(path)) return sendFile(reply, path);
    // A client-side route (no extension): the app's page.
    if (!extname(rel)) return sendFile(reply, join(root!, 'index.html'));
    throw new ApiError(404, 'api.not-found', `no such file: /${raw.slice(0, 100)}`);
  });
}
