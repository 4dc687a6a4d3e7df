/**
 * Types of the event lexicon: the CAMEO code table, the compiled trigger
 * lexicon (`data/events/lexicon.json`) and the matches `findTriggers` returns.
 */

/** The 16 PLOVER event types, in the order of the PLOVER manual. */
export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

export type PloverType = (typeof PLOVER_TYPES)[number];

/** GDELT quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;

/** One row of `data/events/cameo.tsv`. */
export interface CameoInfo {
  code: string;
  name: string;
  /** The PLOVER type, or null for codes that are not PLOVER events (plain statements). */
  plover: PloverType | null;
  quadClass: QuadClass;
  goldstein: number;
  /** The two-digit root code ("19" for "193"). */
  root: string;
}

export type Pos = 'verb' | 'noun' | 'phrase';

/** How a part of an entry is matched, which decides the clitics it may carry. */
export type PartKind = 'verb' | 'noun' | 'word';

/** A one-letter preposition that is written attached to the next word. */
export type AttachedPrep = 'ب' | 'ل' | 'ك';

/** Where the arguments of a trigger are found, as a hint for the argument finder. */
export interface ArgumentHints {
  /**
   * How the target follows the trigger: as a direct `object` (استقبل الرئيسَ), after
   * one of `preps` (ندد بـ، التقى مع), as the `genitive` of a verbal noun (اعتقالُ
   * المتظاهرين), or `none` (intransitive: تظاهر، أضرب).
   */
  target: 'object' | 'prep' | 'genitive' | 'none';
  /** Prepositions that introduce the target (normalised; ب and ل are attached clitics). */
  preps?: string[];
  /** The grammatical subject is the target and the source follows من (تلقى اتصالا من). */
  subjectIsTarget?: boolean;
  /** Both the subject and the مع-party act (اجتمع مع، اشتبك مع، اتفق مع). */
  symmetric?: boolean;
  /**
   * The unvocalised verb is often passive and agentless (قُتل، اعتُقل): the grammatical
   * subject is then the target, and the source must come from elsewhere (من قبل، على يد).
   */
  passiveLikely?: boolean;
}

/** One word (or a set of alternative words) of an entry, with the gap allowed before it. */
export interface LexiconPart {
  /** Normalised surface forms (stems without clitics). */
  forms: string[];
  kind: PartKind;
  /** Tokens that may stand between the previous part and this one (0 = adjacent). */
  gap: number;
  /** An attached preposition the token must carry (بتعذيب). */
  prep?: AttachedPrep;
  /** The part may be absent. */
  optional?: boolean;
}

/** A content cue that turns a speech verb into an event (أعرب عن قلقه → 110). */
export interface SpeechCue {
  lemma: string;
  forms: string[];
  cameo: string;
  confidence: number;
}

/** Where an entry comes from. */
export type EntrySource = 'hand' | 'universalpetrarch';

/** One trigger of the compiled lexicon. */
export interface LexiconEntry {
  /** Stable id: `h:` + lemma for hand entries, `up:` + lemma/pattern for UniversalPetrarch ones. */
  id: string;
  /** The lemma or phrase, normalised, words separated by spaces. */
  lemma: string;
  pos: Pos;
  cameo: string;
  /** A statement verb that introduces a quote; coded only through `cues`. */
  speech: boolean;
  args: ArgumentHints;
  /** Prior confidence that a match is an event of this code (verbs > phrases' nouns > bare nouns). */
  confidence: number;
  source: EntrySource;
  parts: LexiconPart[];
  /** Normalised stems (clitics removed) that look like a form but are another word (قتلي "victims"). */
  exclude?: string[];
  /** The trigger does not fire when one of the next `notBeforeWindow` tokens is one of these (بحث عن = "search for"). */
  notBefore?: string[];
  /** How many tokens after the trigger `notBefore` looks at (default 1; more for verb–subject–object order). */
  notBeforeWindow?: number;
  /** The trigger does not fire when the previous token is one of these (مما دعا = "which prompted"). */
  notAfter?: string[];
  /** An English gloss, for people reading the lexicon. */
  gloss?: string;
}

/** The compiled lexicon as stored in `data/events/lexicon.json`. */
export interface CompiledLexicon {
  schema: 'marsad.event-lexicon/1';
  /** Tokens after a speech verb searched for a content cue. */
  cueWindow: number;
  /** Normalised stems that never count as a trigger, whatever their analysis (وزاره). */
  falseFriends: string[];
  entries: LexiconEntry[];
  cues: SpeechCue[];
  /** Counts and provenance, for reports. */
  stats: Record<string, number>;
}

/** The clitics seen on a matched token. */
export interface CliticInfo {
  conj?: string;
  prep?: string;
  future?: boolean;
  article?: boolean;
  pron?: string;
}

/** A trigger found in a sentence. */
export interface TriggerMatch {
  /** First token of the match (index into the document's tokens). */
  from: number;
  /** One past the last matched token. Tokens inside gaps (a subject) are not part of the trigger. */
  to: number;
  /** The tokens that matched a part of the entry (and the cue, for speech verbs). */
  tokens: number[];
  entry: LexiconEntry;
  /** The entry's code, or the cue's code when a speech verb carries one. */
  cameo: string;
  plover: PloverType | null;
  pos: Pos;
  speech: boolean;
  /** For speech verbs: the content cue that gave the code. */
  cue?: { lemma: string; token: number; cameo: string };
  args: ArgumentHints;
  /** Clitics on the first matched token (و، ف، س، ال، ب…). */
  clitics: CliticInfo;
  /** Vowel marks in the source text show a passive form (يُستقبَل، اُعتُقِل). Only when text is given. */
  passiveMarked?: boolean;
  confidence: number;
}
