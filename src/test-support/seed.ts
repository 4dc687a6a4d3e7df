/** The bundled example article, for tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../model/paths.js';

export const SEED_PATH = join(packageRoot, 'examples', 'seed-haftar-africom.txt');
export const seedText = (): string => readFileSync(SEED_PATH, 'utf8');
export const seedBytes = (): Buffer => readFileSync(SEED_PATH);
