/**
 * Sorting the events table by one column, ascending or descending, with
 * Arabic collation for names and empty cells always last.
 */
import type { StoredEvent } from './api-types.js';

export const SORT_KEYS = ['date', 'source', 'trigger', 'target', 'location', 'cameo', 'plover', 'quadClass', 'goldstein'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

export function isSortKey(s: string | undefined): s is SortKey {
  return (SORT_KEYS as readonly string[]).includes(s ?? '');
}

const collator = new Intl.Collator('ar', { numeric: true, sensitivity: 'base' });

type Cell = string | number | null;

/** The value a column sorts by; `nameOf` gives an argument's canonical name. */
export function cellOf(event: StoredEvent, key: SortKey, nameOf: (a: { entity: string | null; text: string }) => string = (a) => a.text): Cell {
  switch (key) {
    case 'date': return event.date ?? event.articleDate ?? null;
    case 'source': return event.source ? nameOf(event.source) : null;
    case 'trigger': return event.trigger.text;
    case 'target': return event.target ? nameOf(event.target) : null;
    case 'location': return event.location ? nameOf(event.location) : null;
    case 'cameo': return event.cameo;
    case 'plover': return event.plover;
    case 'quadClass': return event.quadClass;
    case 'goldstein': return event.goldstein;
  }
}

/** Columns of codes and ISO dates: compared as plain strings (much faster than collation, same order). */
const PLAIN_KEYS: ReadonlySet<SortKey> = new Set(['date', 'cameo', 'plover']);

function compareCells(a: Cell, b: Cell, plain: boolean): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (plain) return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return collator.compare(String(a), String(b));
}

/** A sorted copy; ties keep their order (Array.prototype.sort is stable). */
export function sortEvents(events: readonly StoredEvent[], order: SortOrder, nameOf?: Parameters<typeof cellOf>[2]): StoredEvent[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const plain = PLAIN_KEYS.has(order.key);
  const keyed = events.map((event) => ({ event, cell: cellOf(event, order.key, nameOf) }));
  keyed.sort((x, y) => {
    if (x.cell === null || y.cell === null) return x.cell === y.cell ? 0 : x.cell === null ? 1 : -1;
    return sign * compareCells(x.cell, y.cell, plain);
  });
  return keyed.map((k) => k.event);
}
