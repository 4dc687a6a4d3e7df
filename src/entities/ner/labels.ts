/** The tag set: BIO over PER, ORG, LOC, MISC. */

export type NerType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const TYPES: readonly NerType[] = ['PER', 'ORG', 'LOC', 'MISC'];
/** Label index → BIO tag. O is 0; B-X is 1+2t, I-X is 2+2t for type t. */
export const LABELS: readonly string[] = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
export const NUM_LABELS = LABELS.length;
export const LABEL_INDEX: ReadonlyMap<string, number> = new Map(LABELS.map((l, i) => [l, i]));

const TYPE_ALIASES: Record<string, NerType> = {
  PER: 'PER', PERS: 'PER', PERSON: 'PER',
  ORG: 'ORG', ORGANIZATION: 'ORG',
  LOC: 'LOC', LOCATION: 'LOC', GPE: 'LOC',
  MISC: 'MISC', MIS: 'MISC',
};

/** Maps a corpus tag (B-PERS, I-MIS, O, MIS0…) to one of `LABELS`; unknown → 'O'. */
export function canonicalTag(tag: string): string {
  const m = /^([BI])-([A-Za-z]+)\d*$/.exec(tag.trim());
  if (!m) return 'O';
  const t = TYPE_ALIASES[m[2].toUpperCase()];
  return t ? `${m[1]}-${t}` : 'O';
}

export function isInside(label: number): boolean {
  return label > 0 && label % 2 === 0;
}

/** The type index (0..3) of a non-O label. */
export function typeOf(label: number): number {
  return (label - 1) >> 1;
}

/** Whether `cur` may follow `prev` (-1 = sentence start): I-X only after B-X or I-X. */
export function allowed(prev: number, cur: number): boolean {
  if (!isInside(cur)) return true;
  if (prev <= 0) return false;
  return typeOf(prev) === typeOf(cur);
}

export interface LabelSpan {
  type: NerType;
  /** First token index. */
  start: number;
  /** One past the last token index. */
  end: number;
}

/**
 * Entity spans of a BIO tag sequence, conlleval style: an I-X that does not
 * continue an X span opens a new one.
 */
export function spansOf(tags: readonly string[]): LabelSpan[] {
  const out: LabelSpan[] = [];
  let cur: LabelSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const m = /^([BI])-(.+)$/.exec(tag);
    if (!m) { if (cur) { out.push(cur); cur = null; } continue; }
    const type = m[2] as NerType;
    if (m[1] === 'I' && cur && cur.type === type) { cur.end = i + 1; continue; }
    if (cur) out.push(cur);
    cur = { type, start: i, end: i + 1 };
  }
  if (cur) out.push(cur);
  return out;
}
