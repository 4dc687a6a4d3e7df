/**
 * What the entity stage loads once: the knowledge base (shipped plus any `--kb`
 * files), its alias and role indexes for longest-match lookup, and the NER model.
 */
import { KbError, loadKb, type Kb, type KbCandidate, type Role } from './kb/index.js';
import { MarsadError } from '../model/messages.js';
import { loadNerModel, type NerModel } from './ner/index.js';
import { type PhraseIndex, prefixSet } from './phrase-match.js';

export interface EntityResources {
  kb: Kb;
  aliases: PhraseIndex<KbCandidate[]>;
  roles: PhraseIndex<Role>;
  /** The statistical tagger, or null when its weights are missing (then names come from the KB only). */
  ner: NerModel | null;
  nerError: string | null;
}

const cache = new Map<string, EntityResources>();

function phraseIndex<T>(map: Map<string, T>, maxTokens: number): PhraseIndex<T> {
  const prefixes = prefixSet(map.keys());
  return { get: (k) => map.get(k), hasPrefix: (k) => prefixes.has(k), maxTokens };
}

/** Role phrases are looked up with and without the article (roleOf does both). */
function roleIndex(kb: Kb): PhraseIndex<Role> {
  const keys = new Map<string, Role>();
  for (const [k, r] of kb.roleIndex) {
    keys.set(k, r);
    if (!k.startsWith('ال')) keys.set(`ال${k}`, r);
    else if (k.length > 4) keys.set(k.slice(2), r);
  }
  return phraseIndex(keys, kb.maxRoleTokens);
}

/** Loads (once per set of extra KB files) what the entity stage needs. */
export function entityResources(extraKb: readonly string[] = []): EntityResources {
  const key = extraKb.join('\n');
  let r = cache.get(key);
  if (!r) {
    let kb: Kb;
    try {
      kb = loadKb({ extraFiles: [...extraKb] });
    } catch (e) {
      // A user's KB file is user input: its problems are errors a user can fix, with file and line.
      if (e instanceof KbError) throw new MarsadError('input.invalid-kb', e.message);
      throw e;
    }
    let ner: NerModel | null = null;
    let nerError: string | null = null;
    try {
      ner = loadNerModel();
    } catch (e) {
      nerError = (e as Error).message;
    }
    r = { kb, aliases: phraseIndex(kb.aliasIndex, kb.maxAliasTokens), roles: roleIndex(kb), ner, nerError };
    cache.set(key, r);
  }
  return r;
}
