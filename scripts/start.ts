/**
 * `npm start`: the main job on the embedded default, through the real CLI.
 * Prints the Arabic report of the bundled example, stores it in ./marsad.db
 * (idempotent: a second start finds it stored), then serves the API and the
 * dashboard until interrupted.
 *
 *   npm start                      # http://127.0.0.1:8080/
 *   PORT=9000 npm start            # another port
 *   MARSAD_DB=postgres://… npm start
 *   npm start -- --no-serve        # report and store only
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { hasFlag, projectRoot } from './util.js';

const bin = join(projectRoot, 'bin', 'marsad');
const example = join(projectRoot, 'examples', 'seed-haftar-africom.txt');
const port = process.env.PORT ?? '8080';

function run(args: string[]): void {
  const r = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(['analyze', example, '--format', 'text']);
console.log('\n== storing the example in the embedded store');
run(['ingest', join(projectRoot, 'examples')]);
if (hasFlag('--no-serve')) process.exit(0);

const url = `http://127.0.0.1:${port}/`;
console.log(`\n== dashboard and API at ${url} (Ctrl-C to stop)`);
const server = spawn(process.execPath, [bin, 'serve', '--port', port, '--log-level', 'warn'], { stdio: 'inherit' });
// Open a browser when there is a desktop to open it on; a headless machine just gets the address.
if (process.env.DISPLAY || process.platform === 'darwin') {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  setTimeout(() => spawn(opener, [url], { stdio: 'ignore', detached: true }).on('error', () => {}).unref(), 1500);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
