/**
 * Loads the compiled event lexicon (`data/events/lexicon.json`) and indexes it for
 * matching: every form of an entry's first part points at the entry.
 */
import { readFileSync } from 'node:fs';
import { eventDataPath } from './paths.js';
import type { CompiledLexicon, LexiconEntry, SpeechCue } from './types.js';

/** The lexicon ready for `findTriggers`. */
export interface EventLexicon {
  data: CompiledLexicon;
  /** First-part form → entries that start with it. */
  anchors: ReadonlyMap<string, readonly LexiconEntry[]>;
  /** For each entry, the forms of each part as a set (same order as `entry.parts`). */
  partForms: ReadonlyMap<LexiconEntry, readonly ReadonlySet<string>[]>;
  /** Cue form → cues. */
  cues: ReadonlyMap<string, readonly SpeechCue[]>;
  falseFriends: ReadonlySet<string>;
}

let cached: EventLexicon | undefined;

/** Indexes a compiled lexicon (exported for tests that build small lexicons by hand). */
export function indexLexicon(data: CompiledLexicon): EventLexicon {
  const anchors = new Map<string, LexiconEntry[]>();
  const partForms = new Map<LexiconEntry, ReadonlySet<string>[]>();
  for (const entry of data.entries) {
    partForms.set(entry, entry.parts.map((p) => new Set(p.forms)));
    for (const form of entry.parts[0].forms) {
      const list = anchors.get(form);
      if (list) list.push(entry);
      else anchors.set(form, [entry]);
    }
  }
  const cues = new Map<string, SpeechCue[]>();
  for (const cue of data.cues) {
    for (const form of cue.forms) cues.set(form, [...(cues.get(form) ?? []), cue]);
  }
  return { data, anchors, partForms, cues, falseFriends: new Set(data.falseFriends) };
}

/**
 * The project's event lexicon, read once from `data/events/lexicon.json` (relative
 * to the package root, so it works from `dist/` and from an installed package).
 */
export function loadEventLexicon(): EventLexicon {
  if (!cached) {
    const data = JSON.parse(readFileSync(eventDataPath('lexicon.json'), 'utf8')) as CompiledLexicon;
    if (data.schema !== 'marsad.event-lexicon/1') throw new Error(`lexicon.json: unexpected schema ${data.schema}`);
    cached = indexLexicon(data);
  }
  return cached;
}
