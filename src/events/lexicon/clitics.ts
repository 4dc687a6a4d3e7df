/**
 * Clitic analyses of a token for trigger matching: the ways its normalised form can
 * be split into proclitics (و ف، س، ب ل ك، ال، لل), a stem and a pronoun suffix.
 *
 * When the token carries `segments` (the project's segmenter), that analysis comes
 * first. Otherwise every split whose pieces are possible is proposed; the matcher
 * keeps only stems found in the lexicon, so stripping stays conservative: a clitic
 * is removed only when what remains is a known trigger form, and the analysis with
 * the fewest clitics wins.
 */
import type { Token } from '../../model/document.js';
import type { CliticInfo, PartKind } from './types.js';

/** One way to read a token. */
export interface Analysis {
  /** The stem looked up in the lexicon (pronoun removed, ة or وا restored). */
  stem: string;
  /** The token without its proclitics, before the pronoun suffix was removed. */
  base: string;
  clitics: CliticInfo;
  /** How many clitics were removed (prefer fewer). */
  stripped: number;
  /** From the segmenter rather than from our own stripping. */
  fromSegments: boolean;
}

const CONJUNCTIONS = ['', 'و', 'ف'];
/** Second-slot proclitics: future س and lam of purpose (verbs), attached prepositions (nouns). */
const PROCLITICS = ['', 'س', 'ل', 'ب', 'ك'];
const ARTICLE = 'ال';
/** After ل the article loses its alef: لل = ل + ال. */
const ELIDED_ARTICLE = 'ل';
const PRONOUNS = ['', 'ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كما', 'كن', 'نا', 'ني', 'ي'];
const IMPERFECT_PREFIX = /^[يتنا]/;
const MIN_STEM = 2;

/** Whether the clitics of an analysis can sit on a word of this kind. */
export function cliticsFit(a: Analysis, kind: PartKind): boolean {
  const c = a.clitics;
  switch (kind) {
    case 'verb':
      // Verbs take و ف، س or ل before an imperfect, and object pronouns (ني, never ي).
      if (c.article || c.pron === 'ي') return false;
      if (c.prep && c.prep !== 'ل') return false;
      if ((c.future || c.prep === 'ل') && !IMPERFECT_PREFIX.test(a.stem)) return false;
      return true;
    case 'noun':
      return !c.future && c.pron !== 'ني';
    case 'word':
      return !c.future;
  }
}

/** Analyses proposed from the token's own `segments`, when it has them. */
function segmentAnalysis(token: Token): Analysis | undefined {
  if (!token.segments?.length) return undefined;
  const clitics: CliticInfo = {};
  let stem = '';
  let stripped = 0;
  for (const seg of token.segments) {
    switch (seg.role) {
      case 'stem': stem += seg.norm; break;
      case 'conj': clitics.conj = seg.norm; stripped++; break;
      case 'prep': clitics.prep = seg.norm; stripped++; break;
      case 'future': clitics.future = true; stripped++; break;
      case 'article': clitics.article = true; stripped++; break;
      case 'pron': clitics.pron = seg.norm; stripped++; break;
    }
  }
  if (!stem) return undefined;
  return { stem, base: stem, clitics, stripped, fromSegments: true };
}

/** Stems a pronoun-less remainder can stand for: زيارت(ه) → زياره, قتلو(ه) → قتلوا, نفا(ه) → نفي. */
function restoredStems(rest: string, pron: string, suffixIsTehMarbuta: boolean): string[] {
  if (!pron) return [rest];
  const out = [rest];
  if (rest.endsWith('ت')) out.push(rest.slice(0, -1) + 'ه');
  if (rest.endsWith('و')) out.push(rest + 'ا');
  if (rest.endsWith('ا')) out.push(rest.slice(0, -1) + 'ي');
  // A final ه that was ة in the text is no pronoun.
  return pron === 'ه' && suffixIsTehMarbuta ? [] : out;
}

/**
 * All analyses of a token, segmenter's first, then ours by increasing number of
 * clitics. `endsWithTehMarbuta` (known when the caller has the text) rules out
 * reading a final ه as a pronoun.
 */
export function analyseToken(token: Token, endsWithTehMarbuta = false): Analysis[] {
  const out: Analysis[] = [];
  const seg = segmentAnalysis(token);
  if (seg) out.push(seg);
  const w = token.norm;
  for (const conj of CONJUNCTIONS) {
    if (!w.startsWith(conj)) continue;
    const r1 = w.slice(conj.length);
    for (const pro of PROCLITICS) {
      if (!r1.startsWith(pro)) continue;
      const r2 = r1.slice(pro.length);
      const articles = pro === 'ل' ? ['', ARTICLE, ELIDED_ARTICLE] : pro === 'س' ? [''] : ['', ARTICLE];
      for (const art of articles) {
        if (!r2.startsWith(art)) continue;
        const base = r2.slice(art.length);
        if (base.length < MIN_STEM) continue;
        for (const pron of PRONOUNS) {
          if (!base.endsWith(pron) || base.length - pron.length < MIN_STEM) continue;
          const rest = base.slice(0, base.length - pron.length);
          for (const stem of restoredStems(rest, pron, endsWithTehMarbuta)) {
            const clitics: CliticInfo = {};
            if (conj) clitics.conj = conj;
            if (pro === 'س') clitics.future = true;
            else if (pro) clitics.prep = pro;
            if (art) clitics.article = true;
            if (pron) clitics.pron = pron;
            const stripped = [conj, pro, art, pron].filter(Boolean).length;
            out.push({ stem, base, clitics, stripped, fromSegments: false });
          }
        }
      }
    }
  }
  return out.sort((a, b) => Number(b.fromSegments) - Number(a.fromSegments) || a.stripped - b.stripped);
}
