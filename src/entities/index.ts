/**
 * The entity stage: mentions of people, organisations, places, dates and titles,
 * each linked to one canonical entity per document with the codes the field uses
 * (CAMEO actor code, ISO3 country, Wikidata id).
 *
 * Names come from the knowledge base and the statistical tagger (recognize.ts);
 * titles and agents from role phrases (agents.ts); dates from dates.ts. Linking
 * puts every mention of one actor on one entity: KB readings by their KB id,
 * other names by their normalised form, a surname alone on the full name that
 * ends with it (حفتر → خليفة حفتر), and gives unknown people the role of the
 * title before them and the country of a nationality around it
 * (الفريق داغفين أندرسون، قائد القيادة الأمريكية → USAMIL).
 */
import type { Entity, EntityType, MarsadDocument, Mention, Message, Token } from '../model/document.js';
import type { Stage, StageContext } from '../pipeline/stage.js';
import { message } from '../model/messages.js';
import { aliasKey, type KbActor, type KbCandidate } from './kb/index.js';
import { entityResources, type EntityResources } from './resources.js';
import { recognizeNames, type NameSpan } from './recognize.js';
import { findAgents, nisbaCountryOf, type AgentSpan } from './agents.js';
import { findDates } from './dates.js';
import { leadForms, sentenceTokenRanges, withoutProclitics } from './tokens.js';
import { longestAt } from './phrase-match.js';
import { wordFrequencies } from '../arabic/lexicon.js';

export { findDates, hijriToGregorian } from './dates.js';
export { entityResources } from './resources.js';

/** Roles of agents that are institutions (typed ORG); other agents are groups of people (MISC). */
const INSTITUTION_ROLES = /^(?:GOV|MIL|COP|JUD|LEG|SPY|IGO|NGO|MED|EDU|BUS|HLH|PTY|INS|DEV|ENV|HRI|LAB|REL|AGR)/;
/** Apposition: how far after a person's name a title still describes them (X، قائد القيادة الأمريكية). */
const APPOSITION_WINDOW = 8;

interface Draft {
  id: string;
  name: string;
  nameEn: string | null;
  type: EntityType;
  actor: string | null;
  country: string | null;
  wikidata: string | null;
  lat: number | null;
  lon: number | null;
  kb: string | null;
  aliases: Set<string>;
  mentions: number;
  /** Role and country learned from titles around the name, for people the KB does not know. */
  role: string | null;
  roleCountry: string | null;
}

function kbEntityId(c: KbCandidate): string {
  return `${c.kind}:${c.id}`;
}

/** The CAMEO code a KB actor had in the article's year (office holders change codes). */
function actorCodeFor(c: KbCandidate, year: number | null): string | null {
  if (c.kind !== 'actor' || !year) return c.actor;
  const a = c.ref as KbActor;
  const period = a.history?.find((p) => (p.from ?? -Infinity) <= year && year <= (p.to ?? Infinity));
  return period?.actor ?? c.actor;
}

/** The CAMEO actor code of a country and a role: TUN + COP → TUNCOP; DIP is coded GOV, as CAMEO does. */
export function combineActor(country: string | null, role: string | null): string | null {
  const r = role === 'DIP' ? 'GOV' : role;
  if (!country && !r) return null;
  return `${country ?? ''}${r ?? ''}`;
}

/** The most frequent country of the article (places, nationalities, actors): «الوطني» refers to it. */
function homeCountry(text: string, tokens: readonly Token[], names: NameSpan[], res: EntityResources): string | null {
  const votes = new Map<string, number>();
  const vote = (c: string | null) => c && votes.set(c, (votes.get(c) ?? 0) + 1);
  for (const n of names) if (n.kb) vote(n.kb.country);
  for (const t of tokens) vote(nisbaCountryOf(res.kb, text, t));
  let best: string | null = null;
  let most = 0;
  for (const [c, n] of votes) if (n > most) [best, most] = [c, n];
  return best;
}

/**
 * A known person matched with the title in the alias (المشير خليفة حفتر) is
 * mentioned by the name alone; the title becomes a title mention of its own.
 */
function splitLeadingTitles(text: string, tokens: readonly Token[], names: NameSpan[], agents: AgentSpan[], res: EntityResources): void {
  for (const n of names) {
    if (n.type !== 'PER' || n.to - n.from < 2) continue;
    const title = longestAt(text, tokens, n.from, n.to - 1, res.roles, (r) => r.kind === 'title');
    if (!title) continue;
    // Only when the rest is itself a name of this person (not «الأمين العام» + «للأمم المتحدة»).
    const rest = longestAt(text, tokens, title.to, n.to, res.aliases);
    if (!rest || rest.to !== n.to || !rest.value.some((c) => c.id === n.kb?.id)) continue;
    agents.push({ from: title.from, to: title.to, start: title.start, end: title.end, role: title.value, country: null, national: false });
    n.from = title.to;
    n.start = tokens[title.to].start;
  }
  agents.sort((a, b) => a.start - b.start);
}

/**
 * Bare one-word agents name someone only when they are qualified (قوات الأمن
 * التونسية) or definite and not a common noun of the topic (الأمن "security").
 */
const BARE_AGENT_STOP = new Set(['الامن', 'الدفاع', 'السلطه', 'الاداره', 'القياده', 'الدوله']);

/** Roles of groups of people (not institutions): named by plain nouns, definite or not (مسلحون، شخصا). */
const PEOPLE_ROLES = /^(?:CVL|REB|UAF|CRM|OPP|MED|EDU|LAB|REF|AGR|HLH)/;

/** Nouns for members of a force (شرطي، جنديا، ضابط): people, not the institution, whatever their role. */
const MEMBER_NOUNS = /^(?:شرطي|جندي|جنود|عسكري|ضابط|ضباط|عون|اعوان|حارس|حراس|عنصر|عناصر|مسلح|مقاتل|مقاتلين|مقاتلون)/;

function standsAlone(a: AgentSpan, tokens: readonly Token[]): boolean {
  if (a.country || a.national || a.to - a.from > 1) return true;
  if (a.role.role && PEOPLE_ROLES.test(a.role.role)) return true;
  const stem = tokens[a.from].segments?.find((g) => g.role === 'stem')?.norm ?? tokens[a.from].norm;
  if (MEMBER_NOUNS.test(stem)) return true;
  const t = tokens[a.from];
  const key = t.segments ? t.segments.filter((g) => g.role === 'article' || g.role === 'stem').map((g) => g.norm).join('') : t.norm;
  return key.startsWith('ال') && !BARE_AGENT_STOP.has(key);
}

/** Number words before a plural noun of people (آلاف، عشرات، مئات). */
const QUANTITY_WORDS = new Set(['الاف', 'الف', 'عشرات', 'مئات', 'ملايين', 'الالاف', 'العشرات', 'المئات']);

/**
 * A nationality in the plural used as a noun is the people of that country:
 * «تظاهر آلاف الإسرائيليين»، «مقتل فلسطينيين» (MISC, actor ISR, PSE…). Not when it
 * qualifies the noun before it (الجنود الإسرائيليين).
 */
function peopleOfCountries(text: string, tokens: readonly Token[], taken: Mention[], res: EntityResources, drafts: Map<string, Draft>): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const form = leadForms(t, text).find((f) => res.kb.nisbaOf(f.key)?.country);
    const reading = form ? res.kb.nisbaOf(form.key) : null;
    if (!form || !reading?.country || reading.number !== 'pl' || reading.ambiguous) continue;
    const prev = tokens[i - 1];
    // «الجنود الإسرائيليين» qualifies a noun; «آلاف الإسرائيليين» counts people (الاف is not definite).
    const prevDefinite = prev?.kind === 'word' && !QUANTITY_WORDS.has(prev.norm) && !!prev.segments?.some((g) => g.role === 'article');
    if (reading.definite && prevDefinite) continue;
    const start = form.start;
    if (taken.some((m) => start < m.end && m.start < t.end)) continue;
    const country = res.kb.countryByIso3.get(reading.country);
    const id = `people:${reading.country}`;
    if (!drafts.has(id)) {
      drafts.set(id, { id, name: country ? `${country.name} (مواطنون)` : reading.country, nameEn: country ? `${country.nameEn} (people)` : null, type: 'MISC', actor: reading.country, country: reading.country, wikidata: null, lat: null, lon: null, kb: null, aliases: new Set(), mentions: 0, role: null, roleCountry: reading.country });
    }
    out.push({ start, end: t.end, text: text.slice(start, t.end), type: 'MISC', entity: id, via: 'rule' });
  }
  return out;
}

/** Words that tie a title to the body it serves: في، باسم، عن، ب. */
const MEMBER_LINKS = new Set(['في', 'باسم', 'عن', 'لدي', 'داخل']);

/** The named body a title belongs to: «القيادي في حركة النهضة», «الناطق باسم الحكومة»… */
function memberOf(text: string, tokens: readonly Token[], a: AgentSpan, names: NameSpan[], nameEntity: Map<NameSpan, string>, drafts: Map<string, Draft>): { actor: string | null; country: string | null; end: number } | null {
  const next = tokens[a.to];
  if (!next) return null;
  // After في/باسم/عن, right after the title (رئيس حركة النهضة), or with ب/ل on the body's name.
  const bodyStart = MEMBER_LINKS.has(next.norm) ? a.to + 1 : a.to;
  const n = names.find((x) => x.from === bodyStart && (x.type === 'ORG' || x.type === 'LOC' || (x.type === 'PER' && a.role.kind === 'group')));
  const d = n ? drafts.get(nameEntity.get(n) as string) : undefined;
  if (!n || !d) return null;
  // A body or a leader lends its own code (قوات حفتر → LBYMIL); a country lends its code to the role.
  const actor = d.type === 'LOC' ? combineActor(d.country, a.role.role) : d.actor ?? combineActor(d.country, a.role.role);
  return { actor, country: d.country, end: n.end };
}

interface TitleSpan {
  /** The agent entity the title names. */
  id: string;
  start: number;
  /** End of the title with its body (قائد أفريكوم). */
  end: number;
}

/**
 * An unnamed official is the person the article names beside the title: «قائد
 * أفريكوم أندرسون» and «داغفين أندرسون، قائد أفريكوم» make every «قائد أفريكوم» of
 * the article Anderson. A title named beside two different people stays unnamed.
 */
function linkTitlesToNames(
  text: string, titles: TitleSpan[], names: NameSpan[], nameEntity: Map<NameSpan, string>, drafts: Map<string, Draft>,
  agentMentions: Mention[], namedTitles: readonly Mention[],
): void {
  // Between a title and its name may stand more titles of the same person (قائد أفريكوم الجنرال لانغلي).
  const gap = (from: number, to: number): string => {
    let between = text.slice(from, to);
    for (const m of namedTitles) if (m.start >= from && m.end <= to) between = between.replace(m.text, ' ');
    return between;
  };
  const personOf = new Map<string, string | null>();
  const person = (n: NameSpan): string | null => {
    const id = nameEntity.get(n);
    const d = id ? drafts.get(id) : undefined;
    return d && d.type === 'PER' && !d.id.startsWith('agent:') ? d.id : null;
  };
  for (const t of titles) {
    if (drafts.get(t.id)?.type !== 'PER') continue;
    // The name right after the title, or the name right before «، title».
    const after = names.find((n) => n.start >= t.end && n.start - t.end < 40 && /^\s*$/.test(gap(t.end, n.start)));
    const before = names.find((n) => n.end <= t.start && /^\s*،\s*$/.test(text.slice(n.end, t.start)));
    for (const n of [after, before]) {
      const p = n ? person(n) : null;
      if (!p) continue;
      const known = personOf.get(t.id);
      personOf.set(t.id, known === undefined || known === p ? p : null);
    }
  }
  for (const m of agentMentions) {
    const p = m.entity ? personOf.get(m.entity) : undefined;
    if (!p) continue;
    const agent = drafts.get(m.entity as string);
    const d = drafts.get(p) as Draft;
    if (agent) {
      d.role ??= agent.role;
      d.actor ??= agent.actor;
      d.country ??= agent.country;
    }
    m.entity = p;
  }
}

/** Corpus count above which a surname is too common a word to be resolved alone (سعيد "happy"). */
const COMMON_SURNAME_COUNT = 150;

/**
 * Surnames alone: a word that is the last word of a person named in full in
 * the article (أندرسون after الفريق داغفين أندرسون) is that person, unless it is
 * also a common word.
 */
function surnameMentions(text: string, tokens: readonly Token[], taken: Mention[], people: Draft[]): Mention[] {
  const bySurname = new Map<string, Draft>();
  for (const p of people) {
    const words = aliasKey(p.name).split(' ');
    if (words.length < 2) continue;
    const last = words[words.length - 1];
    if (last.length < 3 || wordFrequencies().count(last) > COMMON_SURNAME_COUNT) continue;
    bySurname.set(last, bySurname.has(last) && bySurname.get(last) !== p ? (null as unknown as Draft) : p);
  }
  const out: Mention[] = [];
  if (!bySurname.size) return out;
  const covered = (s: number, e: number) => taken.some((m) => s < m.end && m.start < e);
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const lead = leadForms(t, text);
    for (const f of lead) {
      const p = bySurname.get(f.key);
      if (!p || covered(f.start, t.end)) continue;
      out.push({ start: f.start, end: t.end, text: text.slice(f.start, t.end), type: 'PER', entity: p.id, via: 'coref' });
      break;
    }
  }
  return out;
}

function surfaceName(text: string, n: { start: number; end: number }): string {
  return text.slice(n.start, n.end).replace(/\s+/g, ' ').trim();
}

/** Finds and links the entities of a document. */
export function recognizeEntities(doc: MarsadDocument, context?: StageContext): MarsadDocument {
  const res = entityResources((context?.options.kb as string[] | undefined) ?? []);
  const { text, tokens } = doc;
  const messages: Message[] = [...doc.messages];
  const year = doc.date ? Number(doc.date.slice(0, 4)) : null;
  const ranges = sentenceTokenRanges(tokens, doc.sentences);

  const names: NameSpan[] = [];
  const agents: AgentSpan[] = [];
  const found = recognizeNames(text, tokens, ranges, res, { kbNames: context?.options.kbNames !== false });
  ranges.forEach((r, s) => {
    names.push(...found[s]);
    // Role phrases outside names (a name wins: حزب in حزب الحرية is part of the name).
    for (const a of findAgents(text, tokens, r.from, r.to, res)) if (!found[s].some((n) => a.start < n.end && n.start < a.end)) agents.push(a);
  });
  splitLeadingTitles(text, tokens, names, agents, res);
  const home = homeCountry(text, tokens, names, res);

  // Entities of names: by KB reading, else by type and normalised form.
  const drafts = new Map<string, Draft>();
  const mentions: Mention[] = [];
  const nameEntity = new Map<NameSpan, string>();
  const draftOf = (n: NameSpan): Draft => {
    const surface = surfaceName(text, n);
    const id = n.kb ? kbEntityId(n.kb) : `${n.type.toLowerCase()}:${aliasKey(surface)}`;
    let d = drafts.get(id);
    if (!d) {
      const c = n.kb;
      d = {
        id,
        name: c ? c.name : surface,
        nameEn: c && c.kind === 'actor' ? (c.ref as KbActor).nameEn : c && 'nameEn' in c.ref ? (c.ref as { nameEn: string }).nameEn : null,
        type: c ? c.type : n.type,
        actor: c ? actorCodeFor(c, year) : null,
        country: c ? c.country : null,
        wikidata: c ? c.wikidata : null,
        lat: c ? c.lat : null,
        lon: c ? c.lon : null,
        kb: c ? c.id : null,
        aliases: new Set(),
        mentions: 0,
        role: null,
        roleCountry: null,
      };
      drafts.set(id, d);
    }
    return d;
  };
  for (const n of names) nameEntity.set(n, draftOf(n).id);

  // A person named by one word is the person named in full with it (أندرسون → داغفين أندرسون).
  const people = [...drafts.values()].filter((d) => d.type === 'PER');
  const redirect = new Map<string, string>();
  for (const d of people) {
    if (d.kb || d.name.includes(' ')) continue;
    const word = aliasKey(d.name.replace(/^[وفبلك](?=\S{3})/, ''));
    const full = people.find((p) => p !== d && p.name.includes(' ') && aliasKey(p.name).split(' ').pop() === word);
    if (full) redirect.set(d.id, full.id);
  }
  for (const n of names) {
    const to = redirect.get(nameEntity.get(n) as string);
    if (to) nameEntity.set(n, to);
  }
  for (const id of redirect.keys()) drafts.delete(id);

  // Titles: a title right before a person gives them a role; a nationality in the title or in an
  // apposition after the name gives them a country.
  const titleMentions: Mention[] = [];
  for (const a of agents) {
    if (a.role.kind !== 'title') continue;
    const person = names.find((n) => n.from === a.to && nameEntity.has(n) && drafts.get(nameEntity.get(n) as string)?.type === 'PER');
    if (!person) continue;
    const d = drafts.get(nameEntity.get(person) as string) as Draft;
    d.role ??= a.role.role;
    d.roleCountry ??= a.country ?? (a.national ? home : null);
    titleMentions.push({ start: a.start, end: a.end, text: text.slice(a.start, a.end), type: 'TITLE', entity: d.id, role: a.role.role, via: 'rule' });
  }
  for (const n of names) {
    const d = drafts.get(nameEntity.get(n) as string);
    if (!d || d.type !== 'PER' || d.kb || d.roleCountry) continue;
    // X، قائد القيادة الأمريكية / X، وزير الخارجية الفرنسي
    const appositive = agents.find((a) => a.role.kind === 'title' && a.from > n.to && a.from - n.to <= 2 && tokens[n.to]?.norm === '،');
    if (appositive) {
      d.role ??= appositive.role.role;
      const near = names.find((m) => m.from >= appositive.to && m.from - appositive.to <= 1 && m.kb?.country);
      const nisba = tokens.slice(appositive.from, Math.min(tokens.length, appositive.to + APPOSITION_WINDOW)).map((t) => nisbaCountryOf(res.kb, text, t)).find(Boolean);
      d.roleCountry = appositive.country ?? nisba ?? near?.kb?.country ?? null;
    }
  }
  for (const d of drafts.values()) {
    if (d.type === 'PER' && !d.actor && (d.role || d.roleCountry)) {
      d.actor = combineActor(d.roleCountry, d.role);
      d.country ??= d.roleCountry;
    }
  }

  // Agents that stand alone: unnamed officials (القائم بأعمال السفارة الأمريكية) and bodies or groups
  // (قوات الأمن التونسية، المتظاهرون).
  const agentMentions: Mention[] = [];
  const titleSpans: TitleSpan[] = [];
  for (const a of agents) {
    if (a.role.kind === 'org-head' || titleMentions.some((m) => m.start === a.start)) continue;
    // «القيادي في حركة النهضة»، «الناطق باسم الحكومة»: a title of a member of a named body.
    // Titles and groups of a named body or leader: «القيادي في حركة النهضة»، «مقاتلو حزب العمال»، «قوات حفتر».
    const body = !a.country && !a.national ? memberOf(text, tokens, a, names, nameEntity, drafts) : null;
    if (a.role.kind === 'title' && !a.country && a.to - a.from < 2 && !body) continue; // a bare «الرئيس» names no one
    if (a.role.kind !== 'title' && !standsAlone(a, tokens)) continue;
    const country = a.country ?? (a.national ? home : null) ?? body?.country ?? null;
    const phrase = surfaceName(text, { start: tokens[a.from].start, end: a.end });
    const ownKey = aliasKey(withoutProclitics(tokens[a.from]) + phrase.slice(tokens[a.from].end - tokens[a.from].start));
    // A member is known by the title and the body together (قائد + الجيش الوطني الليبي).
    const key = body ? `${ownKey} ${aliasKey(text.slice(a.end, body.end))}` : ownKey;
    const type: EntityType = a.role.kind === 'title' ? 'PER' : a.role.role && INSTITUTION_ROLES.test(a.role.role) ? 'ORG' : 'MISC';
    // «القائم بأعمال السفارة» after «القائم بأعمال السفارة الأمريكية» is the same official.
    const earlier = country ? undefined : [...drafts.values()].find((x) => x.id.startsWith('agent:') && x.id.startsWith(`agent:${key} `));
    const id = earlier?.id ?? `agent:${key}`;
    let d = drafts.get(id);
    if (!d) {
      const name = body ? text.slice(a.start, body.end) : text.slice(a.start, a.end);
      // A member takes the code of the body (حركة النهضة → TUNPTY) or its country and the title's role.
      const actor = body?.actor ?? combineActor(country, a.role.role);
      d = { id, name, nameEn: null, type, actor, country, wikidata: null, lat: null, lon: null, kb: null, aliases: new Set(), mentions: 0, role: a.role.role, roleCountry: country };
      drafts.set(id, d);
    }
    agentMentions.push({ start: a.start, end: a.end, text: text.slice(a.start, a.end), type: a.role.kind === 'title' ? 'TITLE' : type, entity: id, role: a.role.role, via: 'rule' });
    if (a.role.kind === 'title') titleSpans.push({ id, start: a.start, end: body ? body.end : a.end });
  }
  linkTitlesToNames(text, titleSpans, names, nameEntity, drafts, agentMentions, titleMentions);

  for (const n of names) {
    const id = nameEntity.get(n) as string;
    mentions.push({ start: n.start, end: n.end, text: text.slice(n.start, n.end), type: n.type, entity: id, via: n.via });
  }
  mentions.push(...titleMentions, ...agentMentions);
  mentions.push(...peopleOfCountries(text, tokens, mentions, res, drafts));
  mentions.push(...surnameMentions(text, tokens, mentions, [...drafts.values()].filter((d) => d.type === 'PER' && !d.id.startsWith('agent:'))));

  // Dates, where no name is.
  for (const dm of findDates(text, tokens, doc.date)) {
    if (mentions.some((m) => dm.start < m.end && m.start < dm.end)) continue;
    mentions.push({ start: dm.start, end: dm.end, text: text.slice(dm.start, dm.end), type: 'DATE', entity: null, value: dm.value, via: 'rule' });
    if (dm.unresolved === 'relative') messages.push(message('date.relative', `«${text.slice(dm.start, dm.end)}» is relative and the article has no date`, dm, 'entities'));
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);

  for (const m of mentions) {
    if (!m.entity) continue;
    const d = drafts.get(m.entity);
    if (!d) continue;
    d.mentions++;
    d.aliases.add(aliasKey(m.text));
  }
  const entities: Entity[] = [...drafts.values()]
    .filter((d) => d.mentions > 0)
    .map((d) => {
      const e: Entity = { id: d.id, name: d.name, nameEn: d.nameEn, type: d.type, actor: d.actor, country: d.country, wikidata: d.wikidata, mentions: d.mentions, aliases: [...d.aliases] };
      if (d.lat !== null && d.lon !== null) {
        e.lat = d.lat;
        e.lon = d.lon;
      }
      if (d.kb) e.kb = d.kb;
      return e;
    });
  if (!res.ner && res.nerError) messages.push(message('entities.unlinked', `the NER model is missing (${res.nerError}); names come from the knowledge base only`, undefined, 'entities'));
  return { ...doc, mentions, entities, messages };
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences'],
  provides: ['mentions', 'entities'],
  run: (doc, context) => recognizeEntities(doc, context),
};
