/** Running the real `bin/marsad` in tests. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../model/paths.js';

export const BIN = join(packageRoot, 'bin', 'marsad');

export function marsad(args: string[], input?: string | Buffer, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 << 20, env: { ...process.env, ...env } });
}

/** True when the output looks like a stack trace. */
export const hasStack = (s: string | null): boolean => /^\s+at .+\(.+:\d+:\d+\)$/m.test(s ?? '');
