/**
 * Compiles the hand-written trigger source (`data/events/triggers.yaml`, parsed)
 * into lexicon entries with all their normalised surface forms.
 */
import { normalize } from '../../arabic/normalize.js';
import {
  adjectiveForms,
  guessVerbClass,
  hamzaSeatVariants,
  nounForms,
  VERB_CLASSES,
  verbForms,
  type VerbClass,
  type VerbSpec,
} from './inflect.js';
import type { ArgumentHints, AttachedPrep, LexiconEntry, LexiconPart, PartKind, Pos, SpeechCue } from './types.js';

/** Morphology of a verb as written in the source. */
export interface VerbMorphSource {
  class?: VerbClass;
  present?: string;
  pastOnly?: boolean;
  presentOnly?: boolean;
}

/** One entry of the source: a single word (`lemma` + `pos`) or a `phrase`. */
export interface EntrySourceItem extends VerbMorphSource {
  lemma?: string;
  phrase?: string;
  pos?: 'verb' | 'noun';
  cameo: string;
  speech?: boolean;
  confidence?: number;
  args?: ArgumentHints;
  plural?: string[];
  noDual?: boolean;
  extraForms?: string[];
  exclude?: string[];
  notBefore?: string[];
  notBeforeWindow?: number;
  notAfter?: string[];
  gloss?: string;
}

export interface CueSourceItem {
  cameo: string;
  confidence: number;
  words: string[];
}

/** The parsed YAML source. */
export interface TriggerSource {
  schema: string;
  cueWindow: number;
  falseFriends?: string[];
  ambiguous?: { form: string; reason: string }[];
  verbs?: Record<string, VerbMorphSource | null>;
  cues?: CueSourceItem[];
  entries: EntrySourceItem[];
}

const DEFAULT_CONFIDENCE: Record<Pos, number> = { verb: 0.85, noun: 0.55, phrase: 0.85 };
const DEFAULT_ARGS: Record<Pos, ArgumentHints> = {
  verb: { target: 'object' },
  noun: { target: 'genitive' },
  phrase: { target: 'object' },
};
const ATTACHED_PREPS: readonly string[] = ['ب', 'ل', 'ك'];
const GAP = /^<(\d+)>$/;

/** Verb and noun morphology known to the compiler, for phrases that name a lemma. */
export class Morphology {
  private readonly verbs = new Map<string, VerbSpec>();
  private readonly nouns = new Map<string, { plural?: string[]; noDual?: boolean }>();

  /** Registers the morphology of a verb (the key is the normalised perfect). */
  addVerb(past: string, morph: VerbMorphSource = {}): void {
    if (morph.class && !VERB_CLASSES.includes(morph.class)) throw new Error(`unknown verb class ${morph.class} for ${past}`);
    this.verbs.set(normalize(past), { past, present: morph.present, class: morph.class });
  }

  addNoun(lemma: string, plural?: string[], noDual?: boolean): void {
    if (!this.nouns.has(normalize(lemma))) this.nouns.set(normalize(lemma), { plural, noDual });
  }

  /** Every form of a verb, its registered morphology or a guessed one. */
  verbForms(past: string): string[] {
    const known = this.verbs.get(normalize(past));
    if (known) return verbForms(known);
    const cls = guessVerbClass(past);
    if (!cls) throw new Error(`give the morphology of the verb ${past} under verbs:`);
    return verbForms({ past, class: cls });
  }

  /** Whether the perfect has registered morphology. */
  knowsVerb(past: string): boolean {
    return this.verbs.has(normalize(past));
  }

  nounForms(lemma: string): string[] {
    const known = this.nouns.get(normalize(lemma));
    return nounForms({ lemma, plural: known?.plural, noDual: known?.noDual });
  }
}

/** One alternative of a phrase element: `V:دعا`, `N:هجوم`, `A:جوي`, `ب+N:سجن`, `سراح`. */
interface Alternative {
  kind: PartKind;
  forms: string[];
  prep?: AttachedPrep;
}

function parseAlternative(text: string, morph: Morphology): Alternative {
  let rest = text;
  let prep: AttachedPrep | undefined;
  const plus = rest.indexOf('+');
  if (plus > 0) {
    const p = rest.slice(0, plus);
    if (!ATTACHED_PREPS.includes(p)) throw new Error(`unknown attached preposition in ${text}`);
    prep = p as AttachedPrep;
    rest = rest.slice(plus + 1);
  }
  const marker = rest.slice(0, 2);
  const word = rest.slice(2);
  switch (marker) {
    case 'V:': return { kind: 'verb', forms: morph.verbForms(word), prep };
    case 'N:': return { kind: 'noun', forms: morph.nounForms(word), prep };
    case 'A:': return { kind: 'noun', forms: adjectiveForms(word), prep };
    default: return { kind: 'word', forms: hamzaSeatVariants(normalize(rest)), prep };
  }
}

/** A phrase element before kinds are resolved: its alternatives and where it may be. */
interface Element {
  alternatives: Alternative[];
  gap: number;
  optional: boolean;
}

/** Parses `V:أطلق <3> سراح` into elements. */
export function parsePhraseElements(spec: string, morph: Morphology): Element[] {
  const out: Element[] = [];
  let gap = 0;
  for (const token of spec.trim().split(/\s+/)) {
    const g = GAP.exec(token);
    if (g) { gap = Number(g[1]); continue; }
    const optional = token.endsWith('?');
    const body = optional ? token.slice(0, -1) : token;
    out.push({ alternatives: body.split('|').map((a) => parseAlternative(a, morph)), gap, optional });
    gap = 0;
  }
  if (!out.length) throw new Error(`empty phrase: ${spec}`);
  return out;
}

/** Groups an element's alternatives into parts of one kind each (literals join nouns). */
function partsOf(el: Element): LexiconPart[] {
  const byKind = new Map<string, Alternative[]>();
  for (const alt of el.alternatives) {
    const kind = alt.kind === 'word' && el.alternatives.some((a) => a.kind === 'noun') ? 'noun' : alt.kind;
    const key = `${kind}|${alt.prep ?? ''}`;
    byKind.set(key, [...(byKind.get(key) ?? []), alt]);
  }
  return [...byKind.entries()].map(([key, alts]) => {
    const [kind, prep] = key.split('|');
    const part: LexiconPart = { forms: [...new Set(alts.flatMap((a) => a.forms))], kind: kind as PartKind, gap: el.gap };
    if (prep) part.prep = prep as AttachedPrep;
    if (el.optional) part.optional = true;
    return part;
  });
}

/** Every sequence of parts a phrase stands for (one per combination of kinds). */
export function expandPhrase(elements: Element[]): LexiconPart[][] {
  let seqs: LexiconPart[][] = [[]];
  for (const el of elements) {
    const options = partsOf(el);
    seqs = seqs.flatMap((seq) => options.map((p) => [...seq, p]));
  }
  return seqs;
}

/** The readable lemma of a phrase: the spec without markers and gaps. */
export function phraseLemma(spec: string): string {
  return spec
    .split(/\s+/)
    .filter((t) => !GAP.test(t))
    .map((t) => t.replace(/(^|\|)([بلك]\+)?[VNA]:/g, '$1$2'))
    .join(' ');
}

function normList(words: string[] | undefined): string[] | undefined {
  return words?.length ? [...new Set(words.map((w) => normalize(w)))] : undefined;
}

/** Forms of a single-word entry. */
function singleWordForms(item: EntrySourceItem, morph: Morphology): string[] {
  const lemma = item.lemma!;
  const extra = (item.extraForms ?? []).map((f) => normalize(f));
  if (item.pos === 'verb') {
    const spec: VerbSpec = { past: lemma, present: item.present, class: item.class, pastOnly: item.pastOnly, presentOnly: item.presentOnly };
    return [...new Set([...verbForms(spec), ...extra])];
  }
  return [...new Set([...nounForms({ lemma, plural: item.plural, noDual: item.noDual }), ...extra])];
}

/** Registers the morphology the source declares, so phrases can inflect its lemmas. */
export function morphologyOf(src: TriggerSource): Morphology {
  const morph = new Morphology();
  for (const [past, m] of Object.entries(src.verbs ?? {})) morph.addVerb(past, m ?? {});
  for (const item of src.entries) {
    if (item.lemma && item.pos === 'verb') morph.addVerb(item.lemma, item);
    if (item.lemma && item.pos === 'noun') morph.addNoun(item.lemma, item.plural, item.noDual);
  }
  return morph;
}

/** Compiles the entries and cues of the hand-written source. `isCode` validates CAMEO codes. */
export function compileHandSource(
  src: TriggerSource,
  isCode: (code: string) => boolean,
  morph: Morphology = morphologyOf(src),
): { entries: LexiconEntry[]; cues: SpeechCue[] } {
  const entries: LexiconEntry[] = [];
  const ids = new Map<string, number>();
  const uniqueId = (base: string): string => {
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
  for (const item of src.entries) {
    const label = item.lemma ?? item.phrase ?? '?';
    if (!isCode(item.cameo)) throw new Error(`triggers.yaml: unknown CAMEO code ${item.cameo} for ${label}`);
    const pos: Pos = item.phrase ? 'phrase' : item.pos ?? 'verb';
    const common = {
      pos,
      cameo: item.cameo,
      speech: item.speech ?? false,
      args: item.args ?? DEFAULT_ARGS[pos],
      confidence: item.confidence ?? DEFAULT_CONFIDENCE[pos],
      source: 'hand' as const,
      exclude: normList(item.exclude),
      notBefore: normList(item.notBefore),
      notBeforeWindow: item.notBeforeWindow,
      notAfter: normList(item.notAfter),
      gloss: item.gloss,
    };
    if (item.phrase) {
      const lemma = phraseLemma(item.phrase);
      const extra = normList(item.extraForms);
      for (const parts of expandPhrase(parsePhraseElements(item.phrase, morph))) {
        if (extra) parts[0] = { ...parts[0], forms: [...new Set([...parts[0].forms, ...extra])] };
        entries.push(clean({ id: uniqueId(`h:${lemma}`), lemma, parts, ...common }));
      }
    } else {
      const kind: PartKind = pos === 'verb' ? 'verb' : 'noun';
      const parts: LexiconPart[] = [{ forms: singleWordForms(item, morph), kind, gap: 0 }];
      entries.push(clean({ id: uniqueId(`h:${item.lemma}`), lemma: item.lemma!, parts, ...common }));
    }
  }
  const cues: SpeechCue[] = [];
  for (const cue of src.cues ?? []) {
    if (!isCode(cue.cameo)) throw new Error(`triggers.yaml: unknown CAMEO code ${cue.cameo} in cues`);
    for (const word of cue.words) {
      cues.push({ lemma: word, forms: morph.nounForms(word), cameo: cue.cameo, confidence: cue.confidence });
    }
  }
  return { entries, cues };
}

/** Drops undefined optional fields so the JSON stays small. */
function clean(e: LexiconEntry): LexiconEntry {
  for (const k of Object.keys(e) as (keyof LexiconEntry)[]) if (e[k] === undefined) delete e[k];
  return e;
}
