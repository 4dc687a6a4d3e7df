/** `marsad tag --conll FILE|-`: named entities over pre-tokenised text. */
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CommandSpec, Parsed } from '../args.js';
import { MarsadError } from '../../model/messages.js';
import { describeFsError, writeOut } from '../io.js';
import { tagSentences } from '../../entities/conll.js';

export const tagSpec: CommandSpec = {
  name: 'tag',
  summary: 'Tag named entities in pre-tokenised text: one token a line (first column), a blank line between sentences.\nPrints TOKEN<TAB>TAG, BIO over PER ORG LOC MISC, blank lines kept.',
  usage: 'marsad tag --conll FILE|-',
  positionals: { min: 0, max: 0, name: '' },
  options: [
    { name: 'conll', type: 'string', valueName: 'FILE|-', help: 'the CoNLL input (- for standard input)' },
    { name: 'kb', type: 'list', valueName: 'FILE', help: 'an extra actor knowledge base (YAML or JSON); may repeat' },
  ],
};

/** Sentences tagged together: enough context for coreference, little memory. */
const SENTENCES_PER_BATCH = 64;

export async function runTag(p: Parsed): Promise<number> {
  const path = p.options.conll as string | undefined;
  if (!path) throw new MarsadError('input.invalid-argument', 'tag needs --conll FILE (or - for standard input) (see marsad tag --help)');
  if (path !== '-') {
    try {
      if (statSync(path).isDirectory()) throw new MarsadError('input.unreadable', 'is a directory (give a CoNLL file)', path);
    } catch (e) {
      if (e instanceof MarsadError) throw e;
      throw new MarsadError('input.unreadable', describeFsError(e), path);
    }
  }
  const context = { options: { kb: p.options.kb as string[] | undefined } };
  const lines = createInterface({ input: path === '-' ? process.stdin : createReadStream(path), crlfDelay: Infinity });
  let batch: string[][] = [];
  let current: string[] = [];
  /** Blank lines after each sentence of the batch (kept as in the input). */
  let blanksAfter: number[] = [];
  let leadingBlanks = 0;
  const flush = async () => {
    if (!batch.length) return;
    const tags = tagSentences(batch, context);
    let out = '';
    batch.forEach((words, i) => {
      words.forEach((w, j) => (out += `${w}\t${tags[i][j]}\n`));
      out += '\n'.repeat(blanksAfter[i]);
    });
    await writeOut(out);
    batch = [];
    blanksAfter = [];
  };
  for await (const line of lines) {
    const token = line.trim().split(/\s+/)[0];
    if (!token) {
      if (current.length) {
        batch.push(current);
        blanksAfter.push(1);
        current = [];
        if (batch.length >= SENTENCES_PER_BATCH) await flush();
      } else if (blanksAfter.length) blanksAfter[blanksAfter.length - 1]++;
      else if (!batch.length) leadingBlanks++;
      continue;
    }
    if (leadingBlanks) {
      await writeOut('\n'.repeat(leadingBlanks));
      leadingBlanks = 0;
    }
    current.push(token);
  }
  if (current.length) {
    batch.push(current);
    blanksAfter.push(0);
  }
  await flush();
  return 0;
}
