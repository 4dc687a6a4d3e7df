/**
 * Nationality and group adjectives (nisba). A stem such as ليبي yields every
 * inflection a news text uses, masculine/feminine × singular/dual/plural, bare
 * and with the article (ال, or لل after the preposition li-), all in normalised
 * form (ة is folded to ه): ليبي ليبيه ليبيان ليبيتان ليبيون ليبيين ليبيات.
 */
import { ARTICLE, LI_ARTICLE, aliasKey, keyTokens } from './keys.js';
import type { Gender, GrammaticalNumber, NisbaReading } from './types.js';

/** One inflected form, normalised. */
export interface NisbaForm {
  form: string;
  gender: Gender;
  number: GrammaticalNumber;
  definite: boolean;
}

interface Ending {
  suffix: string;
  gender: Gender;
  number: GrammaticalNumber;
}

/**
 * Suffixes added to the masculine singular stem. The oblique ـيين is both dual
 * and plural in unvocalised text; it is reported as plural, the commoner reading.
 */
const ENDINGS: readonly Ending[] = [
  { suffix: '', gender: 'm', number: 'sg' },
  { suffix: 'ه', gender: 'f', number: 'sg' },
  { suffix: 'ان', gender: 'm', number: 'du' },
  { suffix: 'تان', gender: 'f', number: 'du' },
  { suffix: 'تين', gender: 'f', number: 'du' },
  { suffix: 'ون', gender: 'm', number: 'pl' },
  { suffix: 'ين', gender: 'm', number: 'pl' },
  { suffix: 'ات', gender: 'f', number: 'pl' },
];

const YEH = 'ي';

const LAM = 'ل';

/**
 * A word with the article, or with ل + article (لل). After لل a word that starts
 * with lam loses one lam in writing: ل + الليبيين → لليبيين (as لليل, لله).
 */
function withArticle(word: string, article: string): string {
  return article === LI_ARTICLE && word.startsWith(LAM) ? LAM + word : article + word;
}

/** Whether a normalised word inflects as a nisba adjective (ends in ي). */
function inflects(word: string): boolean {
  return word.endsWith(YEH);
}

/**
 * Every form of a nisba stem, normalised. A multi-word stem inflects each
 * adjective word in agreement (كوري شمالي → الكوريون الشماليون); a leading noun
 * that does not inflect (جنوب أفريقي) takes the article alone (الجنوب أفريقي).
 */
export function nisbaForms(stem: string): NisbaForm[] {
  const words = aliasKey(stem).split(' ');
  if (words.length === 0 || !inflects(words[words.length - 1])) return [];
  const leadingNoun = !inflects(words[0]);
  const out: NisbaForm[] = [];
  for (const end of ENDINGS) {
    const bare = words.map((w) => (inflects(w) ? w + end.suffix : w));
    out.push({ form: bare.join(' '), gender: end.gender, number: end.number, definite: false });
    for (const article of [ARTICLE, LI_ARTICLE]) {
      const def = leadingNoun
        ? [withArticle(bare[0], article), ...bare.slice(1)]
        : bare.map((w, i) => (i === 0 ? withArticle(w, article) : inflects(words[i]) ? ARTICLE + w : w));
      out.push({ form: def.join(' '), gender: end.gender, number: end.number, definite: true });
    }
  }
  return out;
}

/** Forms of a broken plural (أتراك): bare and with either article. */
export function brokenPluralForms(plural: string): NisbaForm[] {
  const key = aliasKey(plural);
  return [
    { form: key, gender: 'm', number: 'pl', definite: false },
    { form: ARTICLE + key, gender: 'm', number: 'pl', definite: true },
    { form: withArticle(key, LI_ARTICLE), gender: 'm', number: 'pl', definite: true },
  ];
}

/** What a nisba names. */
export type NisbaTargetKind = 'country' | 'group' | 'region';
const TARGET_KINDS: readonly NisbaTargetKind[] = ['country', 'group', 'region'];
const GENDERS: readonly Gender[] = ['m', 'f'];
const NUMBERS: readonly GrammaticalNumber[] = ['sg', 'du', 'pl'];
/** Numbers stored per form: target kind, target id index, gender, number, definite, ambiguous. */
const FORM_SIZE = 6;

/** A `NisbaIndex` in JSON-serialisable form (for the KB cache). */
export interface PackedNisba {
  forms: string[];
  data: number[];
  ids: string[];
  maxTokens: number;
}

/**
 * Index of nisba forms → readings. The first registration of a form wins, so
 * callers register countries before groups and regions. Readings are stored
 * packed and built on lookup, which keeps loading cheap.
 */
export class NisbaIndex {
  private readonly offsets = new Map<string, number>();
  private data: number[] = [];
  private ids: string[] = [];
  private readonly idIndex = new Map<string, number>();
  /** Longest form, in tokens (multi-word nisbas such as كوري شمالي). */
  maxTokens = 1;

  /** Registers every inflection of `stem` as naming `target` (an ISO3, group id or region id). */
  addStem(stem: string, kind: NisbaTargetKind, target: string, ambiguous: boolean): void {
    this.addForms(nisbaForms(stem), kind, target, ambiguous);
  }

  /** Registers a broken plural. */
  addPlural(plural: string, kind: NisbaTargetKind, target: string, ambiguous: boolean): void {
    this.addForms(brokenPluralForms(plural), kind, target, ambiguous);
  }

  private addForms(forms: NisbaForm[], kind: NisbaTargetKind, target: string, ambiguous: boolean): void {
    let id = this.idIndex.get(target);
    if (id === undefined) {
      id = this.ids.length;
      this.ids.push(target);
      this.idIndex.set(target, id);
    }
    for (const f of forms) {
      if (this.offsets.has(f.form)) continue;
      this.offsets.set(f.form, this.data.length);
      this.data.push(TARGET_KINDS.indexOf(kind), id, GENDERS.indexOf(f.gender), NUMBERS.indexOf(f.number), f.definite ? 1 : 0, ambiguous ? 1 : 0);
      const tokens = keyTokens(f.form);
      if (tokens > this.maxTokens) this.maxTokens = tokens;
    }
  }

  /** The reading of a word or phrase (normalised or not), or null. */
  get(word: string): NisbaReading | null {
    const at = this.offsets.get(aliasKey(word));
    if (at === undefined) return null;
    const d = this.data;
    const kind = TARGET_KINDS[d[at]];
    const id = this.ids[d[at + 1]];
    return {
      country: kind === 'country' ? id : null,
      group: kind === 'group' ? id : null,
      region: kind === 'region' ? id : null,
      gender: GENDERS[d[at + 2]],
      number: NUMBERS[d[at + 3]],
      definite: d[at + 4] === 1,
      ambiguous: d[at + 5] === 1,
    };
  }

  /** ISO3 of the country a form names, or null (unknown, group, region, or ambiguous form). */
  country(word: string): string | null {
    const r = this.get(word);
    return r && r.country && !r.ambiguous ? r.country : null;
  }

  get size(): number {
    return this.offsets.size;
  }

  /** Serialisable form. */
  pack(): PackedNisba {
    return { forms: [...this.offsets.keys()], data: this.data, ids: this.ids, maxTokens: this.maxTokens };
  }

  /** Restores a packed index (forms were registered in order, so offsets are positional). */
  static unpack(p: PackedNisba): NisbaIndex {
    const index = new NisbaIndex();
    for (let i = 0; i < p.forms.length; i++) index.offsets.set(p.forms[i], i * FORM_SIZE);
    index.data = p.data;
    index.ids = p.ids;
    p.ids.forEach((id, i) => index.idIndex.set(id, i));
    index.maxTokens = p.maxTokens;
    return index;
  }
}
