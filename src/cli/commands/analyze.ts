/** `marsad analyze`: one article, or a JSONL batch, to documents. */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CommandSpec, Parsed } from '../args.js';
import { analyze, type AnalyzeOptions } from '../../pipeline/analyze.js';
import { isMarsadError, MarsadError } from '../../model/messages.js';
import { describeFsError, parseSize, readInputBytes, writeOut } from '../io.js';
import { renderText } from '../../output/text.js';
import { renderHtml } from '../../output/html.js';
import type { MarsadDocument } from '../../model/document.js';
import { DEFAULT_MAX_BYTES, isoDate } from '../../ingest/index.js';

export const analyzeSpec: CommandSpec = {
  name: 'analyze',
  summary: 'Analyse one article (plain text, HTML or a JSON article; encoding detected) and print its document.\nWith --jsonl, read one article object a line and print one document a line.',
  usage: 'marsad analyze [FILE|-] [--format json|text|html] [--url URL] [--date YYYY-MM-DD]\n       marsad analyze --jsonl FILE|-',
  positionals: { min: 0, max: 1, name: 'FILE' },
  options: [
    { name: 'format', type: 'string', choices: ['json', 'text', 'html'], help: 'output: a marsad.document/1 JSON object (default), an Arabic text report, or a standalone RTL HTML page' },
    { name: 'jsonl', type: 'string', valueName: 'FILE|-', help: 'batch mode: {text, title?, date?, url?, id?} a line in, one document a line out' },
    { name: 'url', type: 'string', valueName: 'URL', help: 'the article\'s address (kept in source.url)' },
    { name: 'date', type: 'string', valueName: 'YYYY-MM-DD', help: 'the publication date (resolves relative dates)' },
    { name: 'input', type: 'string', choices: ['auto', 'text', 'html', 'json'], help: 'input type (default: detected)' },
    { name: 'kb', type: 'list', valueName: 'FILE', help: 'an extra actor knowledge base (YAML or JSON); may repeat' },
    { name: 'disable', type: 'list', valueName: 'STAGE', help: 'leave a stage out (structure, arabic, entities, events); may repeat' },
    { name: 'no-tokens', type: 'boolean', help: 'leave the tokens layer out of the JSON output' },
    { name: 'max-size', type: 'string', valueName: 'SIZE', help: 'largest article accepted (default 32M)' },
    { name: 'pretty', type: 'boolean', help: 'indent the JSON output' },
  ],
};

function optionsFrom(p: Parsed): AnalyzeOptions {
  const date = p.options.date as string | undefined;
  if (date !== undefined && !isoDate(date)) throw new MarsadError('input.invalid-argument', `--date "${date}" is not a date (want YYYY-MM-DD)`);
  return {
    url: (p.options.url as string | undefined) ?? null,
    date: date ?? null,
    format: (p.options.input as AnalyzeOptions['format']) ?? 'auto',
    kb: p.options.kb as string[] | undefined,
    disable: p.options.disable as string[] | undefined,
    maxBytes: p.options['max-size'] ? parseSize(p.options['max-size'] as string) : DEFAULT_MAX_BYTES,
  };
}

function toJson(doc: MarsadDocument, p: Parsed): string {
  const out = p.options['no-tokens'] ? { ...doc, tokens: undefined } : doc;
  return p.options.pretty ? JSON.stringify(out, null, 2) : JSON.stringify(out);
}

export async function runAnalyze(p: Parsed): Promise<number> {
  const options = optionsFrom(p);
  if (p.options.jsonl !== undefined) {
    if (p.positionals.length) throw new MarsadError('input.invalid-argument', 'give either FILE or --jsonl FILE, not both (see marsad analyze --help)');
    return runBatch(p.options.jsonl as string, options, p);
  }
  const path = p.positionals[0] ?? '-';
  if (path === '-' && process.stdin.isTTY) throw new MarsadError('input.invalid-argument', 'no input: give a FILE, or pipe an article into standard input (see marsad analyze --help)');
  const bytes = await readInputBytes(path, options.maxBytes);
  const doc = analyze(bytes, { ...options, path: path === '-' ? null : path });
  const format = (p.options.format as string | undefined) ?? 'json';
  const out = format === 'text' ? renderText(doc) : format === 'html' ? renderHtml(doc) : toJson(doc, p);
  await writeOut(out + '\n');
  return 0;
}

/** Batch mode: a failing line gives {"error": …, "id": …} and the rest go on. */
async function runBatch(path: string, options: AnalyzeOptions, p: Parsed): Promise<number> {
  if (path !== '-') {
    try {
      if (statSync(path).isDirectory()) throw new MarsadError('input.unreadable', 'is a directory (give a .jsonl file)', path);
    } catch (e) {
      if (e instanceof MarsadError) throw e;
      throw new MarsadError('input.unreadable', describeFsError(e), path);
    }
  }
  const input = path === '-' ? process.stdin : createReadStream(path);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let id: unknown = null;
    let out: string;
    try {
      let article: unknown;
      try {
        article = JSON.parse(line);
      } catch (e) {
        throw new MarsadError('input.invalid-json', `line ${n}: not valid JSON (${(e as Error).message})`);
      }
      if (article && typeof article === 'object' && !Array.isArray(article)) id = (article as { id?: unknown }).id ?? null;
      if (!article || typeof article !== 'object' || Array.isArray(article) || typeof (article as { text?: unknown }).text !== 'string')
        throw new MarsadError('input.invalid-json', `line ${n}: an article must be an object with a "text" string`);
      const doc = analyze(article as { text: string }, { ...options, path: path === '-' ? null : path });
      out = toJson(doc, { ...p, options: { ...p.options, pretty: false } });
    } catch (e) {
      const error = isMarsadError(e) ? { code: e.code, message: e.message, line: n } : { code: 'internal', message: (e as Error)?.message ?? String(e), line: n };
      out = JSON.stringify({ error, id });
    }
    await writeOut(out + '\n');
  }
  return 0;
}
