/** Small helpers shared by the project's scripts. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (scripts run from `dist/scripts/`). */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The value after `name` on the command line, if any. */
export function argValue(name: string, argv: string[] = process.argv): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : undefined;
}

export function hasFlag(name: string, argv: string[] = process.argv): boolean {
  return argv.includes(name);
}
