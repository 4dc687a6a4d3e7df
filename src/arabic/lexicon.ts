/**
 * Word-form frequencies from unlabelled Arabic news (`data/arabic/wordfreq.txt`):
 * the evidence the clitic segmenter uses to decide that a stem is a word.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/paths.js';
import { normalize } from './normalize.js';

export interface WordFrequencies {
  /** Count of a light form (diacritics stripped), else of its normalised form, else 0. */
  count(light: string): number;
  /** Count of exactly this light form, with no spelling folded. */
  exact(light: string): number;
  readonly size: number;
}

/** Spelling variants merged for lookup: hamza forms of alef and ى/ي, not ة/ه (لدية is not لديه). */
const LIGHT_FOLD = { tehMarbuta: false };

class FrequencyTable implements WordFrequencies {
  private readonly light = new Map<string, number>();
  private readonly folded = new Map<string, number>();

  constructor(lines: Iterable<string>) {
    for (const line of lines) {
      if (!line || line.startsWith('#')) continue;
      const tab = line.indexOf('\t');
      if (tab <= 0) continue;
      const word = line.slice(0, tab);
      const n = Number(line.slice(tab + 1));
      if (!Number.isFinite(n)) continue;
      this.light.set(word, n);
      const key = normalize(word, LIGHT_FOLD);
      this.folded.set(key, (this.folded.get(key) ?? 0) + n);
    }
  }

  get size(): number {
    return this.light.size;
  }

  exact(light: string): number {
    return this.light.get(light) ?? 0;
  }

  count(light: string): number {
    const exact = this.light.get(light);
    if (exact !== undefined) return exact;
    return this.folded.get(normalize(light, LIGHT_FOLD)) ?? 0;
  }
}

let shared: WordFrequencies | undefined;

/** The shipped frequency table, loaded once on first use. */
export function wordFrequencies(): WordFrequencies {
  if (!shared) {
    let text = '';
    try {
      text = readFileSync(dataPath('arabic', 'wordfreq.txt'), 'utf8');
    } catch {
      // Without the table the segmenter falls back to structural evidence only.
    }
    shared = new FrequencyTable(text.split('\n'));
  }
  return shared;
}

/** A table built from given `word<TAB>count` lines (tests, custom lexicons). */
export function frequencyTable(lines: Iterable<string>): WordFrequencies {
  return new FrequencyTable(lines);
}
