/** `marsad serve`: the HTTP API and the web dashboard over one store. */
import type { CommandSpec, Parsed } from '../args.js';
import { MarsadError } from '../../model/messages.js';
import { parseSize } from '../io.js';
import { Store, dbLocation } from '../../store/index.js';
import { DEFAULT_BODY_LIMIT, buildServer } from '../../api/server.js';
import { defaultWebRoot } from '../../api/dashboard.js';
import { ALLOW_PRIVATE_OPTION, DB_OPTION, intOption } from './ingest.js';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 8080;
const MAX_PORT = 65535;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const serveSpec: CommandSpec = {
  name: 'serve',
  summary: 'Serve the HTTP API (see docs/api.md and /api/openapi.json) and the web dashboard.\nWith MARSAD_API_TOKEN set, write endpoints need "Authorization: Bearer <token>".',
  usage: 'marsad serve [--db FILE|URL] [--host 127.0.0.1] [--port 8080] [--read-only]',
  positionals: { min: 0, max: 0, name: '' },
  options: [
    DB_OPTION,
    { name: 'host', type: 'string', valueName: 'ADDRESS', help: `address to listen on (default ${DEFAULT_HOST}; 0.0.0.0 for every interface)` },
    { name: 'port', type: 'string', valueName: 'N', help: `port (default ${DEFAULT_PORT}; 0 picks a free one)` },
    { name: 'read-only', type: 'boolean', help: 'refuse every write (POST) with 403' },
    { name: 'body-limit', type: 'string', valueName: 'SIZE', help: `largest request body (default ${DEFAULT_BODY_LIMIT / 1024 / 1024} MB)` },
    { name: 'cors-origin', type: 'string', valueName: 'ORIGIN', help: 'allow browser calls from this one origin (CORS is closed by default)' },
    { name: 'web', type: 'string', valueName: 'DIR', help: 'the built dashboard (default dist/web)' },
    { name: 'log-level', type: 'string', choices: LOG_LEVELS, help: 'JSON log lines on stderr from this level (default info)' },
    ALLOW_PRIVATE_OPTION,
  ],
};

/** Runs `marsad serve` until SIGINT or SIGTERM. */
export async function runServe(p: Parsed): Promise<number> {
  const port = intOption(p, 'port', DEFAULT_PORT, 0);
  if (port > MAX_PORT) throw new MarsadError('input.invalid-argument', `--port must be at most ${MAX_PORT}`);
  const readOnly = !!p.options['read-only'];
  const store = await Store.open(dbLocation(p.options.db as string | undefined), { readOnly });
  const token = process.env.MARSAD_API_TOKEN || null;
  const app = await buildServer({
    store,
    readOnly,
    token,
    bodyLimit: p.options['body-limit'] ? parseSize(p.options['body-limit'] as string) : undefined,
    logLevel: (p.options['log-level'] as string | undefined) ?? 'info',
    webRoot: (p.options.web as string | undefined) ?? defaultWebRoot(),
    corsOrigin: (p.options['cors-origin'] as string | undefined) ?? null,
    fetch: { allowPrivate: !!p.options['allow-private'] },
  });
  try {
    await app.listen({ host: (p.options.host as string | undefined) ?? DEFAULT_HOST, port });
  } catch (e) {
    await store.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw new MarsadError('input.invalid-argument', `cannot listen on ${p.options.host ?? DEFAULT_HOST}:${port} (${code ?? (e as Error).message})`);
  }
  // Fastify has logged where it listens; this says how (JSON, like every log line).
  app.log.info({ backend: store.dialect, readOnly, writesNeedToken: !!token }, 'marsad serve ready');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  await store.close();
  return 0;
}
