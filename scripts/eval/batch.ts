/** Runs articles through the real CLI (`marsad analyze --jsonl -`) and returns their documents. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { MarsadDocument } from '../../src/model/document.js';
import { projectRoot } from '../util.js';

export interface BatchArticle {
  id: string;
  text: string;
  title?: string;
  date?: string | null;
}

export type BatchResult = MarsadDocument | { error: { code: string; message: string }; id: unknown };

export async function analyzeBatch(articles: BatchArticle[], extraArgs: string[] = []): Promise<Map<string, BatchResult>> {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'marsad'), 'analyze', '--jsonl', '-', '--no-tokens', ...extraArgs], { stdio: ['pipe', 'pipe', 'inherit'] });
  const out = new Map<string, BatchResult>();
  let rest = '';
  let k = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) if (l) out.set(articles[k++].id, JSON.parse(l) as BatchResult);
  });
  const done = new Promise<number>((resolve) => child.on('close', resolve));
  for (const a of articles) {
    if (!child.stdin.write(JSON.stringify(a) + '\n')) await new Promise((r) => child.stdin.once('drain', r));
  }
  child.stdin.end();
  const code = await done;
  if (code !== 0) throw new Error(`analyze --jsonl exited ${code}`);
  return out;
}

export function isDocument(r: BatchResult | undefined): r is MarsadDocument {
  return !!r && !('error' in r);
}
