/**
 * Names in a sentence: knowledge-base matches and the statistical tagger's spans,
 * merged. The longest span wins an overlap (a tie goes to the knowledge base); a
 * tagged person whose last words are a known actor (خليفة حفتر ⊃ حفتر) is linked
 * to that actor; an alias the KB marks as a common word is taken only when the
 * tagger also sees a name there.
 */
import type { EntityType, Token } from '../model/document.js';
import type { KbCandidate } from './kb/index.js';
import type { EntityResources } from './resources.js';
import { matchPhrases, type PhraseMatch } from './phrase-match.js';
import { leadForms } from './tokens.js';
import { stripMarks } from '../arabic/normalize.js';

export interface NameSpan {
  /** Token range [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
  type: EntityType;
  via: 'kb' | 'model';
  kb: KbCandidate | null;
}

const GAZ_SUFFIX = '-gaz';

/** The reading of a KB match to use: the best candidate that is not a common word, or null. */
function firstSure(cands: KbCandidate[]): KbCandidate | null {
  return cands.find((c) => !c.ambiguous) ?? null;
}

/** BIO tags over tokens [from, to) → typed token ranges. */
function spansFromTags(tags: readonly string[], from: number): { from: number; to: number; type: EntityType }[] {
  const out: { from: number; to: number; type: EntityType }[] = [];
  let cur: { from: number; to: number; type: EntityType } | null = null;
  tags.forEach((tag, k) => {
    const i = from + k;
    if (tag === 'O' || !tag) {
      cur = null;
      return;
    }
    const [bio, type] = [tag[0], tag.slice(2) as EntityType];
    if (bio === 'B' || !cur || cur.type !== type) {
      cur = { from: i, to: i + 1, type };
      out.push(cur);
    } else cur.to = i + 1;
  });
  return out;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A sentence's token range. */
export interface TokenRange {
  from: number;
  to: number;
}

/** Whether knowledge-base matches are given to the tagger as gazetteer features. */
const KB_AS_FEATURES = true;

/**
 * Names in every sentence of a document. The tagger reads the whole document
 * (a name it recognises in one sentence helps it in the others); knowledge-base
 * matches then add names it missed and link the ones it found.
 */
export function recognizeNames(text: string, tokens: readonly Token[], ranges: readonly TokenRange[], res: EntityResources, options: { kbNames?: boolean } = {}): NameSpan[][] {
  const kbNames = options.kbNames ?? true;
  const kbBySentence = ranges.map((r) => matchPhrases(text, tokens, r.from, r.to, res.aliases));
  let modelBySentence: { from: number; to: number; type: EntityType }[][] = ranges.map(() => []);
  if (res.ner) {
    const words = ranges.map((r) => tokens.slice(r.from, r.to).map((t) => text.slice(t.start, t.end)));
    const gaz = ranges.map((r, s) => {
      const g: (string[] | undefined)[] = new Array(r.to - r.from);
      if (KB_AS_FEATURES) {
        for (const m of kbBySentence[s]) {
          const type = m.value[0].type;
          for (let i = m.from; i < m.to; i++) g[i - r.from] = [`${i === m.from ? 'B' : 'I'}-${type}${GAZ_SUFFIX}`];
        }
      }
      return g;
    });
    const tags = res.ner.tagDocument(words, { gazetteer: (s, i) => gaz[s][i] });
    modelBySentence = ranges.map((r, s) => spansFromTags(tags[s], r.from));
  }
  // Words seen on their own in the document, and the KB's one-word names: evidence that a
  // tagged word with a leading و/ب/ل is that word with a proclitic.
  const known = new Set<string>(tokens.map((t) => t.norm));
  for (const ms of kbBySentence) for (const m of ms) if (m.to - m.from === 1) known.add(m.key);
  return ranges.map((_, s) => mergeNames(text, tokens, kbBySentence[s], modelBySentence[s], kbNames, known));
}

/**
 * The tagger's names first; a KB match is added where the tagger saw nothing,
 * replaces tagger spans it strictly contains (الولايات ⊂ الولايات المتحدة), and
 * otherwise only links the tagger's name (خليفة حفتر ⊃ حفتر).
 */
function mergeNames(text: string, tokens: readonly Token[], kbMatches: PhraseMatch<KbCandidate[]>[], modelSpans: { from: number; to: number; type: EntityType }[], kbNames: boolean, known: ReadonlySet<string>): NameSpan[] {
  let names: NameSpan[] = modelSpans.map((s) => ({ from: s.from, to: s.to, start: nameStart(text, tokens[s.from], known), end: tokens[s.to - 1].end, type: s.type, via: 'model' as const, kb: null }));
  for (const m of kbMatches) {
    const sure = firstSure(m.value.filter((c) => c.kind !== 'place' || m.to - m.from > 1 || writtenAsPlace(text, m.start, m.end, c)));
    const overlapping = names.filter((n) => n.from < m.to && m.from < n.to);
    const supported = overlapping.some((n) => n.from <= m.from && n.to >= m.to);
    const pick = sure ?? (supported ? m.value[0] : null);
    if (!pick) continue;
    const kbName: NameSpan = { from: m.from, to: m.to, start: m.start, end: m.end, type: pick.type, via: 'kb', kb: pick };
    if (!overlapping.length) {
      // The KB adds names the tagger missed (in analysis; a CoNLL benchmark keeps the tagger's spans).
      if (kbNames) names.push(kbName);
      continue;
    }
    if (!kbNames) {
      // Benchmark mode: link only, when the KB name is or ends the tagger's (المشير خليفة حفتر / حفتر).
      for (const n of overlapping) if (!n.kb && n.to === m.to && n.from <= m.from && compatible(n.type, pick.type) && (n.from === m.from || pick.type === 'PER' || pick.kind === 'actor')) n.kb = pick;
      continue;
    }
    if (!sure) {
      for (const n of overlapping) if (!n.kb && n.from === m.from && n.to === m.to) n.kb = pick;
      continue;
    }
    // A sure KB name wins its tokens: the tagger's spans around it keep what is left
    // («أفريكوم أندرسون» → أفريكوم + أندرسون; «ليبيا» tagged PER is the country).
    const rest: NameSpan[] = [];
    for (const n of overlapping) {
      if (n.to === m.to && n.from < m.from && (pick.type === 'PER' || pick.kind === 'actor') && compatible(n.type, pick.type)) {
        // خليفة بلقاسم حفتر: a longer name of the same person stays whole.
        n.kb = pick;
        rest.push(n);
        continue;
      }
      if (n.from < m.from) rest.push({ ...n, to: m.from, end: tokens[m.from - 1].end });
      if (n.to > m.to) rest.push({ ...n, from: m.to, to: n.to, start: nameStart(text, tokens[m.to], known) });
    }
    names = names.filter((n) => !overlapping.includes(n)).concat(rest.filter((n) => n.to > n.from && tokens.slice(n.from, n.to).some((t) => t.kind === 'word' || t.kind === 'latin')));
    if (!rest.some((n) => n.kb === pick)) names.push(kbName);
  }
  return names.sort((a, b) => a.start - b.start);
}

/**
 * Where a tagged name starts: after proclitics the segmenter split off, or after
 * a single و/ف/ب/ل/ك when the rest of the word is a known name or a word seen
 * alone in the document (وأندرسون → أندرسون; but بنغازي and ليبيا stay whole).
 */
function nameStart(text: string, t: Token, known: ReadonlySet<string>): number {
  const lead = leadForms(t, text);
  if (lead.length < 2) return t.start;
  if (t.segments) return lead[lead.length - 1].start;
  const last = lead[lead.length - 1];
  return known.has(last.key) && !known.has(t.norm) ? last.start : t.start;
}

/**
 * A one-word gazetteer place must be written as the place is, up to diacritics:
 * folding ة/ه and hamzas would read وجده ("he found it") as وجدة (Oujda) and وأن as وان.
 */
function writtenAsPlace(text: string, start: number, end: number, c: KbCandidate): boolean {
  const written = stripMarks(text.slice(start, end)).replace(/^(?:ال|[وفبلك]ال|[وفبلك])(?=\S{3})/, '');
  const names = [c.name, ...(((c.ref as { aliases?: string[] }).aliases) ?? [])].map((n) => stripMarks(n).replace(/^ال(?=\S{3})/, ''));
  return names.includes(written) || names.includes(stripMarks(text.slice(start, end)));
}

/** Types a tagger span and a KB reading may disagree on and still be one name (a country is LOC or ORG). */
function compatible(model: EntityType, kb: EntityType): boolean {
  return model === kb || (model === 'ORG' && kb === 'LOC') || (model === 'LOC' && kb === 'ORG');
}
