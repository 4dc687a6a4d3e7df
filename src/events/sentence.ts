/**
 * A sentence as the event coder sees it: its tokens and, on them, the actor and
 * place mentions (names, titles of unnamed officials, agents), so that arguments
 * can be found by token position.
 */
import type { Entity, MarsadDocument, Mention, Token } from '../model/document.js';

export interface ActorSpot {
  mention: Mention;
  entity: Entity | null;
  /** Token range [from, to) of the mention. */
  from: number;
  to: number;
}

export interface SentenceView {
  doc: MarsadDocument;
  index: number;
  /** Token range [from, to) of the sentence. */
  from: number;
  to: number;
  /** Actor and place mentions of the sentence, by position. */
  actors: ActorSpot[];
  /** Token index → the actor spot it starts, if any. */
  startsAt: Map<number, ActorSpot>;
  /** Token index → the actor spot it is inside, if any. */
  inside: Map<number, ActorSpot>;
  /** Tokens of titles that qualify a named person (المشير in المشير خليفة حفتر). */
  titles: Set<number>;
}

const ACTOR_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC', 'TITLE']);

/** Index of the first token at or after `offset`. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the views of every sentence of a document. */
export function sentenceViews(doc: MarsadDocument): SentenceView[] {
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const spots: ActorSpot[] = [];
  const titles = new Set<number>();
  const titleOf = new Map<number, string>();
  for (const m of doc.mentions) {
    if (!ACTOR_TYPES.has(m.type) || !m.entity) continue;
    const e = entities.get(m.entity) ?? null;
    const from = tokenAt(doc.tokens, m.start);
    let to = from;
    while (to < doc.tokens.length && doc.tokens[to].start < m.end) to++;
    // A title before a named person is not an actor of its own: the name is.
    if (m.type === 'TITLE' && e && !e.id.startsWith('agent:')) {
      for (let t = from; t < to; t++) {
        titles.add(t);
        titleOf.set(t, e.id);
      }
      continue;
    }
    spots.push({ mention: m, entity: e, from, to });
  }
  // «رئيس وزراء مالطا جوزيف موسكات»: the body between a title and its person is part of the title.
  spots.sort((a, b) => a.from - b.from);
  for (let i = spots.length - 2; i >= 0; i--) {
    const body = spots[i], person = spots[i + 1];
    const title = titleOf.get(body.from - 1);
    if (title && person.from === body.to && person.mention.entity === title) {
      for (let t = body.from; t < body.to; t++) titles.add(t);
      spots.splice(i, 1);
    }
  }
  let k = 0;
  return doc.sentences.map((s, index) => {
    const from = tokenAt(doc.tokens, s.start);
    let to = from;
    while (to < doc.tokens.length && doc.tokens[to].start < s.end) to++;
    while (k < spots.length && spots[k].from < from) k++;
    const actors: ActorSpot[] = [];
    for (let j = k; j < spots.length && spots[j].from < to; j++) actors.push(spots[j]);
    const startsAt = new Map<number, ActorSpot>();
    const inside = new Map<number, ActorSpot>();
    for (const a of actors) {
      startsAt.set(a.from, a);
      for (let t = a.from; t < a.to; t++) inside.set(t, a);
    }
    return { doc, index, from, to, actors, startsAt, inside, titles };
  });
}
