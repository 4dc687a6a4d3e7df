/** Where the package's shipped files live, whether running from `src/` (tests) or `dist/src/`. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

/** The package root: the folder with `package.json`, `data/` and `models/`. */
export const packageRoot = findRoot();

/** A path inside the shipped `data/` folder. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot, 'data', ...parts);
}

/** A path inside the shipped `models/` folder. */
export function modelPath(...parts: string[]): string {
  return join(packageRoot, 'models', ...parts);
}
