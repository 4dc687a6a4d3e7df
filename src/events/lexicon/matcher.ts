/**
 * Finds event triggers in the tokens of one sentence: single words (verbs and
 * verbal nouns, with their clitics) and phrases (أطلق سراح، فرض عقوبات على),
 * longest match first. Speech verbs (قال، أكد، أعرب عن) are returned too; they
 * carry a code only when a content cue follows (أعرب عن قلقه → 110).
 */
import type { Token } from '../../model/document.js';
import { ploverOf } from './cameo.js';
import { analyseToken, cliticsFit, type Analysis } from './clitics.js';
import { hasPassiveMarks } from './inflect.js';
import { loadEventLexicon, type EventLexicon } from './loader.js';
import type { LexiconEntry, LexiconPart, SpeechCue, TriggerMatch } from './types.js';

export interface FindTriggersOptions {
  /** The document text: lets the matcher see ة (never a pronoun) and vowel marks (passives). */
  text?: string;
  /** Another lexicon (tests); the project's one by default. */
  lexicon?: EventLexicon;
}

/** Punctuation no phrase or cue search crosses. */
const SENTENCE_BREAKS = new Set(['.', '!', '?', '؟', '؛', ';']);
/** Where a statement's own attitude ends and its reported content begins. */
const CUE_STOPS = new Set([':', '"', '«', '»', '“', '”', 'ان', 'بان', 'لان', 'وان', 'فان']);
const TEH_MARBUTA_END = /ة[\u064B-\u065F\u0670]*$/;
const STATEMENT_CODE = '010';

interface Candidate {
  entry: LexiconEntry;
  tokens: number[];
  anchor: Analysis;
  cue?: { cue: SpeechCue; token: number };
  confidence: number;
}

/**
 * Triggers among `tokens[range.from .. range.to)` (one sentence), sorted by position.
 * Matches never share a token; where they compete, the one covering more tokens
 * wins, then hand entries over dictionary ones, then the more confident.
 */
export function findTriggers(tokens: Token[], range: { from: number; to: number }, options: FindTriggersOptions = {}): TriggerMatch[] {
  const lex = options.lexicon ?? loadEventLexicon();
  const from = Math.max(0, range.from);
  const to = Math.min(tokens.length, range.to);
  const view = new SentenceView(tokens, from, to, lex, options.text);
  const candidates: Candidate[] = [];
  for (let i = from; i < to; i++) {
    if (view.blocked(i)) continue;
    const seen = new Set<LexiconEntry>();
    for (const a of view.analyses(i)) {
      for (const entry of lex.anchors.get(a.stem) ?? []) {
        if (seen.has(entry) || !anchorFits(entry, a, i, view)) continue;
        const rest = extend(entry, lex.partForms.get(entry)!, 1, i, 0, view);
        if (!rest) continue;
        const matched = [i, ...rest];
        const last = matched[matched.length - 1];
        if (entry.notBefore && view.anyNormIn(last + 1, entry.notBeforeWindow ?? 1, entry.notBefore)) continue;
        seen.add(entry);
        const cue = entry.speech && entry.cameo === STATEMENT_CODE ? findCue(last, view) : undefined;
        const confidence = cue ? Math.min(entry.confidence, cue.cue.confidence) : entry.confidence;
        candidates.push({ entry, tokens: cue ? [...matched, cue.token] : matched, anchor: a, cue, confidence });
      }
    }
  }
  // One-word candidates by token, for the confidence a longer phrase keeps (no quadratic scan).
  const single = new Map<number, Candidate[]>();
  for (const c of candidates) if (c.tokens.length === 1) single.set(c.tokens[0], [...(single.get(c.tokens[0]) ?? []), c]);
  return select(candidates).map((c) => toMatch(c, view, single.get(c.tokens[0]) ?? []));
}

function anchorFits(entry: LexiconEntry, a: Analysis, i: number, view: SentenceView): boolean {
  const part = entry.parts[0];
  if (!cliticsFit(a, part.kind) || !prepFits(a, part)) return false;
  if (entry.exclude && (entry.exclude.includes(a.base) || entry.exclude.includes(a.stem))) return false;
  if (entry.notAfter && view.normIn(i - 1, entry.notAfter)) return false;
  return true;
}

function prepFits(a: Analysis, part: LexiconPart): boolean {
  return part.prep ? a.clitics.prep === part.prep : true;
}

/** Matches parts k.. after token `prev`; returns their token indices or null. */
function extend(entry: LexiconEntry, sets: readonly ReadonlySet<string>[], k: number, prev: number, extraGap: number, view: SentenceView): number[] | null {
  if (k === entry.parts.length) return [];
  const part = entry.parts[k];
  const last = Math.min(prev + 1 + part.gap + extraGap, view.to - 1);
  for (let j = prev + 1; j <= last; j++) {
    if (view.isBreak(j)) break;
    if (view.fits(j, part, sets[k])) {
      const rest = extend(entry, sets, k + 1, j, 0, view);
      if (rest) return [j, ...rest];
    }
  }
  return part.optional ? extend(entry, sets, k + 1, prev, part.gap + extraGap + 1, view) : null;
}

/** The first content cue after a speech verb, before its reported content starts. */
function findCue(last: number, view: SentenceView): Candidate['cue'] {
  const end = Math.min(last + view.lexicon.data.cueWindow, view.to - 1);
  for (let j = last + 1; j <= end; j++) {
    if (view.isBreak(j) || view.normIn(j, CUE_STOPS)) return undefined;
    if (view.blocked(j)) continue;
    for (const a of view.analyses(j)) {
      if (!cliticsFit(a, 'noun')) continue;
      const cue = view.lexicon.cues.get(a.stem)?.[0];
      if (cue) return { cue, token: j };
    }
  }
  return undefined;
}

/** Greedy choice of non-overlapping candidates, longest first. */
function select(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      b.tokens.length - a.tokens.length ||
      Number(b.entry.source === 'hand') - Number(a.entry.source === 'hand') ||
      b.confidence - a.confidence ||
      a.tokens[0] - b.tokens[0],
  );
  const used = new Set<number>();
  const chosen: Candidate[] = [];
  for (const c of ranked) {
    if (c.tokens.some((t) => used.has(t))) continue;
    c.tokens.forEach((t) => used.add(t));
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.tokens[0] - b.tokens[0]);
}

/**
 * A coded statement's target is whom the cue is about: the object of the cue noun
 * (أعرب عن إدانته للهجوم، عن قلقه إزاء، عن أسفه بشأن قرار ترامب، عن دعمه لـ).
 */
const CUE_PREPS = ['ل', 'ب', 'على', 'من', 'مع', 'إزاء', 'حيال', 'تجاه', 'بشأن', 'ضد'];
function cueArgs(args: LexiconEntry['args']): LexiconEntry['args'] {
  return { ...args, target: 'object', preps: [...new Set([...(args.preps ?? []), ...CUE_PREPS])] };
}

function toMatch(c: Candidate, view: SentenceView, sameStart: Candidate[]): TriggerMatch {
  const cameo = c.cue?.cue.cameo ?? c.entry.cameo;
  // A longer phrase keeps the confidence of a single word it swallowed with the same code.
  const swallowed = sameStart.filter((o) => o !== c && o.entry.cameo === cameo);
  const confidence = Math.max(c.confidence, ...swallowed.map((o) => o.confidence));
  const tokens = [...c.tokens].sort((a, b) => a - b);
  const match: TriggerMatch = {
    from: tokens[0],
    to: tokens[tokens.length - 1] + 1,
    tokens,
    entry: c.entry,
    cameo,
    plover: ploverOf(cameo),
    pos: c.entry.pos,
    speech: c.entry.speech,
    args: c.cue ? cueArgs(c.entry.args) : c.entry.args,
    clitics: c.anchor.clitics,
    confidence,
  };
  if (c.cue) match.cue = { lemma: c.cue.cue.lemma, token: c.cue.token, cameo: c.cue.cue.cameo };
  if (view.text !== undefined && c.entry.parts[0].kind === 'verb') match.passiveMarked = hasPassiveMarks(view.raw(c.tokens[0]));
  return match;
}

/** Lazily analysed tokens of one sentence. */
class SentenceView {
  private readonly cache = new Map<number, Analysis[]>();
  private readonly blockCache = new Map<number, boolean>();

  constructor(
    readonly tokens: Token[],
    readonly from: number,
    readonly to: number,
    readonly lexicon: EventLexicon,
    readonly text: string | undefined,
  ) {}

  raw(i: number): string {
    const t = this.tokens[i];
    return this.text === undefined ? '' : this.text.slice(t.start, t.end);
  }

  analyses(i: number): Analysis[] {
    let out = this.cache.get(i);
    if (!out) {
      const t = this.tokens[i];
      out = t.kind === 'word' ? analyseToken(t, this.text !== undefined && TEH_MARBUTA_END.test(this.raw(i))) : [];
      this.cache.set(i, out);
    }
    return out;
  }

  /** A token that is a known false friend under some reading (وزارة, قتلى). */
  blocked(i: number): boolean {
    let b = this.blockCache.get(i);
    if (b === undefined) {
      const ff = this.lexicon.falseFriends;
      b = this.analyses(i).some((a) => ff.has(a.base) || ff.has(a.stem));
      this.blockCache.set(i, b);
    }
    return b;
  }

  isBreak(i: number): boolean {
    const t = this.tokens[i];
    return t.kind === 'punct' && SENTENCE_BREAKS.has(t.norm);
  }

  /** Whether token i (or it without a leading و/ف) is one of `words`. */
  normIn(i: number, words: readonly string[] | ReadonlySet<string>): boolean {
    if (i < this.from || i >= this.to) return false;
    const has = (w: string): boolean => (Array.isArray(words) ? words.includes(w) : (words as ReadonlySet<string>).has(w));
    const n = this.tokens[i].norm;
    return has(n) || (/^[وف]/.test(n) && has(n.slice(1)));
  }

  /** Whether one of `count` tokens from i on is one of `words` (stops at a sentence break). */
  anyNormIn(i: number, count: number, words: readonly string[]): boolean {
    for (let j = i; j < i + count && j < this.to; j++) {
      if (this.isBreak(j)) return false;
      if (this.normIn(j, words)) return true;
    }
    return false;
  }

  fits(j: number, part: LexiconPart, forms: ReadonlySet<string>): boolean {
    if (this.blocked(j)) return false;
    return this.analyses(j).some((a) => forms.has(a.stem) && cliticsFit(a, part.kind) && prepFits(a, part));
  }
}
