/**
 * Titles and agents: role phrases from the knowledge base (المشير، وزير الخارجية،
 * القائم بأعمال السفارة، قوات الأمن، المتظاهرون) with the country that qualifies
 * them (a nationality adjective after the phrase: قوات الأمن التونسية → TUN;
 * the national «الوطني» → the article's own country).
 */
import type { Token } from '../model/document.js';
import type { Kb, Role } from './kb/index.js';
import type { EntityResources } from './resources.js';
import { matchPhrases } from './phrase-match.js';
import { withoutProclitics } from './tokens.js';

export interface AgentSpan {
  from: number;
  to: number;
  start: number;
  end: number;
  role: Role;
  /** ISO3 of the qualifying nationality, or null. */
  country: string | null;
  /** The qualifier is «الوطني/الوطنية»: the country is the article's own. */
  national: boolean;
}

/** «الوطني»: the national army, guard, assembly… of the article's own country. */
const NATIONAL = new Set(['الوطني', 'الوطنيه', 'الوطنيين', 'الوطنيون']);
/** Nationality adjectives looked for after a role phrase (قوات الأمن التونسية الخاصة: 2). */
const QUALIFIER_WINDOW = 2;

/** The country a nationality adjective token names, or null. */
export function nisbaCountryOf(kb: Kb, text: string, t: Token): string | null {
  if (t.kind !== 'word') return null;
  return kb.nisbaCountry(withoutProclitics(t)) ?? kb.nisbaCountry(t.norm);
}

/** Role phrases in tokens [from, to) with their qualifying nationality. */
export function findAgents(text: string, tokens: readonly Token[], from: number, to: number, res: EntityResources): AgentSpan[] {
  const out: AgentSpan[] = [];
  for (const m of matchPhrases(text, tokens, from, to, res.roles)) {
    let country: string | null = null;
    let national = false;
    let end = m.to;
    for (let j = m.to; j < Math.min(to, m.to + QUALIFIER_WINDOW); j++) {
      const c = nisbaCountryOf(res.kb, text, tokens[j]);
      if (c) {
        country = c;
        end = j + 1;
        break;
      }
      if (NATIONAL.has(tokens[j].norm)) {
        national = true;
        end = j + 1;
        break;
      }
      // Only adjectives of the phrase itself qualify it: stop at anything definite that is not one.
      if (!tokens[j].norm.startsWith('ال')) break;
    }
    out.push({ from: m.from, to: end, start: m.start, end: tokens[end - 1].end, role: m.value, country, national });
  }
  return out;
}
