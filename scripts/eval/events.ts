/**
 * Event evaluation on the development data of ../shared/data/events:
 *  - detection P/R/F1 per type on gsr-{assault,protest}-detect-dev.csv
 *    (yes = positive; easy no and difficult no = negative; ambiguous skipped);
 *  - source and target agreement on gsr-*-spans-dev.json;
 *  - event F1 on marsad-gold-dev.json, scored as its README says.
 * Every article goes through the real CLI (`analyze --jsonl`).
 */
import { readFileSync } from 'node:fs';
import type { MarsadDocument, MarsadEvent } from '../../src/model/document.js';
import { normalize } from '../../src/arabic/normalize.js';
import { analyzeBatch, isDocument } from './batch.js';

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** A minimal RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes). */
export function readCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

/** Events a detector counts: asserted ones (negated, future or hypothetical events are not reports). */
function factual(doc: MarsadDocument): MarsadEvent[] {
  return doc.events.filter((e) => !e.mode || e.mode === 'asserted' || e.mode === 'reported');
}

export async function evalDetection(csvPath: string, type: string): Promise<Prf & { skipped: number; items: number }> {
  const rows = readCsv(readFileSync(csvPath, 'utf8')).filter((r) => r.label !== 'ambiguous');
  const skipped = readCsv(readFileSync(csvPath, 'utf8')).length - rows.length;
  const docs = await analyzeBatch(rows.map((r, i) => ({ id: `${i}`, text: r.text })));
  let tp = 0, fp = 0, fn = 0;
  rows.forEach((r, i) => {
    const d = docs.get(`${i}`);
    const predicted = isDocument(d) && factual(d).some((e) => e.plover === type);
    const gold = r.label === 'yes';
    if (predicted && gold) tp++;
    else if (predicted) fp++;
    else if (gold) fn++;
  });
  return { ...prf(tp, fp, fn), skipped, items: rows.length };
}

/** Words that do not identify an actor (generic heads, function words). */
const GENERIC = new Set(
  ['قوات', 'قوة', 'وزارة', 'وزير', 'حكومة', 'رئيس', 'رئاسة', 'مجلس', 'هيئة', 'حركة', 'حزب', 'جيش', 'الشرطة', 'شرطة', 'من', 'في', 'على', 'إلى', 'عن', 'مع', 'و', 'أن', 'التي', 'الذي', 'هذا', 'هذه']
    .map((w) => stripArticle(normalize(w))),
);

function stripArticle(w: string): string {
  return w.replace(/^[وفبكل]?(?:ال|لل)(?=..)/, '').replace(/^[وفبل](?=...)/, '');
}

/** Content words of a phrase: normalised, article and one-letter proclitics removed, generic heads dropped. */
export function contentWords(s: string | null | undefined): Set<string> {
  if (!s) return new Set();
  return new Set(
    normalize(s)
      .split(/[^\p{L}\p{N}]+/u)
      .map(stripArticle)
      .filter((w) => w.length > 1 && !GENERIC.has(w)),
  );
}

function shares(a: Set<string>, b: Set<string>): boolean {
  for (const w of a) if (b.has(w)) return true;
  return false;
}

/** The names of an event argument: its text and its entity's canonical name. */
function argumentWords(doc: MarsadDocument, arg: MarsadEvent['source']): Set<string> {
  if (!arg) return new Set();
  const ent = arg.entity ? doc.entities.find((e) => e.id === arg.entity) : undefined;
  return new Set([...contentWords(arg.text), ...contentWords(ent?.name), ...contentWords(ent?.nameEn)]);
}

export async function evalSpans(jsonPath: string, type: string): Promise<{ items: number; withEvent: number; source: { gold: number; agree: number }; target: { gold: number; agree: number } }> {
  const items = JSON.parse(readFileSync(jsonPath, 'utf8')) as { text: string; source_gold: string; target_gold: string }[];
  const docs = await analyzeBatch(items.map((it, i) => ({ id: `${i}`, text: it.text })));
  const r = { items: items.length, withEvent: 0, source: { gold: 0, agree: 0 }, target: { gold: 0, agree: 0 } };
  items.forEach((it, i) => {
    const d = docs.get(`${i}`);
    const events = isDocument(d) ? d.events.filter((e) => e.plover === type) : [];
    if (events.length) r.withEvent++;
    for (const [k, gold] of [['source', it.source_gold], ['target', it.target_gold]] as const) {
      const g = contentWords(gold);
      if (!g.size) continue;
      r[k].gold++;
      if (isDocument(d) && events.some((e) => shares(argumentWords(d, e[k]), g))) r[k].agree++;
    }
  });
  return r;
}

interface GoldEvent {
  sentence: string;
  trigger: string;
  plover: string;
  cameo: string;
  source: string | null;
  source_name: string | null;
  target: string | null;
  target_name: string | null;
  event_key: string;
}

interface GoldArticle {
  id: string;
  title: string;
  date: string;
  text: string;
  events: GoldEvent[];
}

export interface GoldScore extends Prf {
  predicted: number;
  happenings: number;
  byType: Record<string, { predicted: number; matched: number; happenings: number; found: number }>;
}

/** Event F1 on marsad-gold: happenings are records grouped by event_key (see marsad-gold-README.md). */
export async function evalGold(jsonPath: string): Promise<GoldScore> {
  const articles = JSON.parse(readFileSync(jsonPath, 'utf8')) as GoldArticle[];
  const docs = await analyzeBatch(articles.map((a) => ({ id: a.id, title: a.title, text: a.text, date: a.date })));
  let predicted = 0, matchedPredicted = 0, happenings = 0, foundHappenings = 0;
  const byType: GoldScore['byType'] = {};
  const bucket = (t: string) => (byType[t] ??= { predicted: 0, matched: 0, happenings: 0, found: 0 });
  for (const a of articles) {
    const groups = new Map<string, GoldEvent[]>();
    for (const e of a.events) groups.set(e.event_key, [...(groups.get(e.event_key) ?? []), e]);
    const hs = [...groups.values()].map((records) => ({
      plover: records[0].plover,
      source: new Set(records.flatMap((r) => [...contentWords(r.source), ...contentWords(r.source_name)])),
      target: new Set(records.flatMap((r) => [...contentWords(r.target), ...contentWords(r.target_name)])),
      found: false,
    }));
    happenings += hs.length;
    for (const h of hs) bucket(h.plover).happenings++;
    const d = docs.get(a.id);
    if (!isDocument(d)) continue;
    for (const e of factual(d)) {
      if (!e.plover) continue;
      predicted++;
      bucket(e.plover).predicted++;
      const src = argumentWords(d, e.source);
      const tgt = argumentWords(d, e.target);
      let matched = false;
      for (const h of hs) {
        if (h.plover !== e.plover) continue;
        // A happening whose records all lack a source (agentless arrests) is matched on its target.
        if (h.source.size && !shares(src, h.source)) continue;
        if (h.target.size && !shares(tgt, h.target)) continue;
        matched = true;
        if (!h.found) {
          h.found = true;
          foundHappenings++;
          bucket(h.plover).found++;
        }
      }
      if (matched) {
        matchedPredicted++;
        bucket(e.plover).matched++;
      }
    }
  }
  const precision = predicted ? matchedPredicted / predicted : 0;
  const recall = happenings ? foundHappenings / happenings : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp: matchedPredicted, fp: predicted - matchedPredicted, fn: happenings - foundHappenings, precision, recall, f1, predicted, happenings, byType };
}
