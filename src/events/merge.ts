/**
 * One event per happening: the title, the lead and the body of an article often
 * report the same meeting. Reports merge when their PLOVER type agrees, their
 * sources and targets are the same actors (or one report leaves one out), and
 * their days agree. The merged event is the most complete report; it counts the
 * reports (`mentions`, GDELT's NumMentions) and keeps their triggers (`reports`).
 * Different targets (two people arrested) stay different events.
 *
 * A report that names no actor at all («الهجوم»، «وأدان الهجوم») is taken as
 * another mention of the nearest earlier happening of its type, as a definite
 * noun takes up what the article has already told; with none before it, the
 * nearest later one (the body may name the actors the lead leaves out).
 */
import type { EventArgument, MarsadEvent } from '../model/document.js';

/** An entity's type by id. */
export type TypeOf = (entity: string | null) => string | undefined;

/**
 * Same actor: the same entity, or the same actor code when they are not two
 * different people («قائد أفريكوم» and «أندرسون»: the command and its commander
 * share USAMIL; two arrested people do not merge).
 */
function sameActor(a: EventArgument | null, b: EventArgument | null, typeOf: TypeOf): boolean {
  if (!a || !b) return true;
  if (a.entity && a.entity === b.entity) return true;
  if (!a.actor || a.actor !== b.actor) return false;
  return !(typeOf(a.entity) === 'PER' && typeOf(b.entity) === 'PER');
}

function sameHappening(a: MarsadEvent, b: MarsadEvent, typeOf: TypeOf): boolean {
  if (a.plover !== b.plover || (a.mode ?? 'asserted') !== (b.mode ?? 'asserted')) return false;
  if (a.date && b.date && a.date !== b.date) return false;
  if (!a.source && !b.source && !a.target && !b.target) return false;
  // Two reports that share no actor at all are not known to be one happening.
  if (!((a.source && b.source) || (a.target && b.target))) return false;
  return sameActor(a.source, b.source, typeOf) && sameActor(a.target, b.target, typeOf);
}

/** An actorless report can be a mention of `a` when their mode and day agree. */
function compatibleMention(a: MarsadEvent, e: MarsadEvent): boolean {
  if ((a.mode ?? 'asserted') !== (e.mode ?? 'asserted')) return false;
  return !(a.date && e.date && a.date !== e.date);
}

function completeness(e: MarsadEvent): number {
  return (e.source ? 4 : 0) + (e.target ? 4 : 0) + (e.location ? 2 : 0) + (e.date ? 1 : 0) + (e.quote ? 1 : 0) + (e.confidence ?? 0);
}

export function mergeReports(events: MarsadEvent[], typeOf: TypeOf): MarsadEvent[] {
  const groups: MarsadEvent[][] = [];
  // Only reports of one PLOVER type can merge: candidates are looked for among those.
  const byType = new Map<string, MarsadEvent[][]>();
  const actorless = (e: MarsadEvent) => !e.source && !e.target;
  const bare: MarsadEvent[] = [];
  for (const e of events) {
    if (actorless(e)) {
      bare.push(e);
      continue;
    }
    const sameType = byType.get(e.plover) ?? [];
    const g = sameType.find((members) => members.every((m) => sameHappening(m, e, typeOf)));
    if (g) g.push(e);
    else {
      const fresh = [e];
      groups.push(fresh);
      sameType.push(fresh);
      byType.set(e.plover, sameType);
    }
  }
  for (const e of bare) {
    const candidates = (byType.get(e.plover) ?? []).filter((g) => g.some((m) => compatibleMention(m, e)));
    const at = (g: MarsadEvent[]) => Math.min(...g.map((m) => m.trigger.start));
    const before = candidates.filter((g) => at(g) < e.trigger.start).sort((a, b) => at(b) - at(a))[0];
    const after = candidates.filter((g) => at(g) > e.trigger.start).sort((a, b) => at(a) - at(b))[0];
    const g = before ?? after;
    if (g) g.push(e);
    else groups.push([e]);
  }
  const merged = groups.map((members) => {
    const best = members.reduce((a, b) => (completeness(b) > completeness(a) ? b : a));
    const reports = members.map((m) => ({ start: m.trigger.start, end: m.trigger.end })).sort((a, b) => a.start - b.start);
    // «التقى» (040) and «يستقبل» (043) report one meeting: keep the most specific code of the root.
    const specific = best.cameo.endsWith('0') ? members.find((m) => m.cameo.slice(0, 2) === best.cameo.slice(0, 2) && !m.cameo.endsWith('0')) : undefined;
    return specific ? { ...best, cameo: specific.cameo, quadClass: specific.quadClass, goldstein: specific.goldstein, mentions: members.length, reports } : { ...best, mentions: members.length, reports };
  });
  return merged.sort((a, b) => a.trigger.start - b.trigger.start);
}
