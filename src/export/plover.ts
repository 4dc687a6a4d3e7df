/**
 * Events as PLOVER records (the Open Event Data Alliance's JSON interchange
 * format, as used by POLECAT): `event` (the PLOVER type, also as `event_type`),
 * `mode`, `context`, `source` and `recipient` actor lists, `event_loc`, `date`,
 * `quad_code`, `event_scale`, `event_text`, `text_info`, `cite_info`, and `link`
 * (the event cluster, PLOVER's "common reference across related events").
 */
import type { StoredActor, StoredEvent } from '../store/index.js';
import { actorParts } from './actors.js';

export const CODER = 'marsad 0.1.0';
export const CODEBOOK = 'CAMEO 1.1b3 mapped to PLOVER (data/events/cameo.tsv)';

/**
 * PLOVER modes that a CAMEO code pins down (the mode holds what CAMEO's 3- and
 * 4-digit codes said); codes not listed give no mode.
 */
const MODES: Record<string, string> = {
  '041': 'phone', '042': 'visit', '043': 'host', '044': 'third-party', '045': 'mediate', '046': 'negotiate',
  '071': 'economic', '072': 'military', '073': 'humanitarian', '074': 'peacekeeping', '075': 'asylum',
  '141': 'demonstrate', '142': 'hunger-strike', '143': 'strike-boycott', '144': 'obstruct', '145': 'riot',
  '161': 'break-relations', '162': 'reduce-aid', '163': 'sanctions', '164': 'halt-negotiations', '166': 'expel',
  '171': 'seize', '172': 'restrictions', '173': 'arrest', '174': 'deport', '175': 'repression', '176': 'cyber',
  '181': 'abduct', '182': 'beat', '1822': 'torture', '183': 'bombing', '185': 'assassination', '186': 'assassination',
  '191': 'blockade', '192': 'occupy', '193': 'small-arms', '194': 'artillery', '195': 'aerial', '20': 'unconventional',
};

/** The PLOVER mode of a CAMEO code: the longest listed prefix. */
export function ploverMode(cameo: string): string | null {
  for (let n = cameo.length; n >= 2; n--) {
    const m = MODES[cameo.slice(0, n)];
    if (m) return m;
  }
  return null;
}

export interface PloverActor {
  code: string | null;
  sector: string | null;
  actor_text: string | null;
  identifier_id: string | null;
  identifier_text: string | null;
}

function ploverActor(a: StoredActor | null): PloverActor[] {
  if (!a) return [];
  const p = actorParts(a.actor, a.country);
  return [{ code: p.country || null, sector: p.types.join('') || null, actor_text: a.text, identifier_id: a.wikidata ?? a.entity, identifier_text: a.name }];
}

export interface PloverRecord {
  id: string;
  date: string | null;
  event: string[];
  event_type: string | null;
  mode: string[];
  context: string[];
  source: PloverActor[];
  recipient: PloverActor[];
  event_loc: { name: string | null; latitude: number | null; longitude: number | null; cc3: string | null; identifier_id: string | null } | null;
  event_text: string[];
  quad_code: number | null;
  event_scale: number | null;
  link: string;
  text_info: { sequence: number | null; start: number | null; end: number | null };
  cite_info: { url: string | null; title: string | null; language: string; publication: string; coder: string; codebook: string };
  coder: string;
  coded_date: string;
  /** Marsad extensions: the CAMEO code, the factuality of the report, and GDELT-style counts. */
  cameo: string;
  factuality: string | null;
  num_mentions: number;
  num_sources: number;
  num_articles: number;
}

/** The PLOVER record of an event. */
export function ploverRecord(e: StoredEvent): PloverRecord {
  const mode = ploverMode(e.cameo);
  const l = e.location;
  return {
    id: e.id,
    date: e.date,
    event: e.plover ? [e.plover] : [],
    event_type: e.plover,
    mode: mode ? [mode] : [],
    context: [],
    source: ploverActor(e.source),
    recipient: ploverActor(e.target),
    event_loc: l ? { name: l.name ?? l.text, latitude: l.lat, longitude: l.lon, cc3: l.country, identifier_id: l.wikidata ?? l.entity } : null,
    event_text: e.trigger.text ? [e.trigger.text] : [],
    quad_code: e.quadClass,
    event_scale: e.goldstein,
    link: e.cluster.id,
    text_info: { sequence: e.sentence, start: e.trigger.start, end: e.trigger.end },
    cite_info: { url: e.url, title: e.title, language: 'ar', publication: e.sourceKey, coder: CODER, codebook: CODEBOOK },
    coder: CODER,
    coded_date: e.addedAt.slice(0, 10),
    cameo: e.cameo,
    factuality: e.mode,
    num_mentions: e.cluster.numMentions,
    num_sources: e.cluster.numSources,
    num_articles: e.cluster.numArticles,
  };
}
