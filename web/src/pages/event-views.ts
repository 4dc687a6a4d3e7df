/**
 * What the events, map and actor pages share: filters and sort order in the
 * address, and a table of events read from the server a page at a time, in
 * the server's order (`sort`, `dir`), each "show more" continuing from the
 * last page's cursor.
 */
import type { EventFilters, StoredEvent } from '../../../src/web/lib/api-types.js';
import type { Query } from '../../../src/web/lib/routes.js';
import { isSortKey, serverOrder, type SortOrder } from '../../../src/web/lib/sort.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { eventsPage, type EventPage, type EventQuery } from '../api/endpoints.js';
import { useResource } from '../api/resource.js';

export const DEFAULT_ORDER: SortOrder = { key: 'date', direction: 'descending' };

export function orderOf(query: Query): SortOrder {
  return {
    key: isSortKey(query.sort) ? query.sort : DEFAULT_ORDER.key,
    direction: query.dir === 'ascending' ? 'ascending' : query.dir === 'descending' ? 'descending' : DEFAULT_ORDER.direction,
  };
}

/** The query of a view: its filters, its sort order, and anything else it keeps (`extra`). */
export function queryOf(filters: EventFilters, order: SortOrder, extra: Query = {}): Query {
  const query: Query = { ...extra };
  for (const [k, v] of Object.entries(filters)) if (v) query[k] = v;
  if (order.key !== DEFAULT_ORDER.key || order.direction !== DEFAULT_ORDER.direction) {
    query.sort = order.key;
    query.dir = order.direction;
  }
  return query;
}

/** The rows of an events table, and how to read more of them. */
export interface EventTable {
  events: StoredEvent[];
  /** Events matching, in all. */
  total: number;
  /** Reads the next page (no-op when there is none, or one is on its way). */
  more(): void;
  hasMore: boolean;
  loadingMore: boolean;
}

/**
 * A table of the events of `query` in `order`: the first page comes with the
 * resource (reloaded when the query, the order or the data change), further
 * pages on request.
 */
export function useEventTable(query: EventQuery, order: SortOrder): { first: ReturnType<typeof useResource<EventPage>>; table: EventTable | null } {
  const key = JSON.stringify({ ...query, ...serverOrder(order) });
  const first = useResource((signal) => eventsPage({ ...query, ...serverOrder(order) }, null, undefined, signal), [key]);
  const [extra, setExtra] = useState<{ events: StoredEvent[]; next: string | null; loading: boolean; error?: Error } | null>(null);
  // A new first page (new query, order or data) starts the table again.
  useEffect(() => setExtra(null), [first.data]);
  const current = useRef(first.data);
  current.current = first.data;
  if (!first.data) return { first, table: null };
  const page = first.data;
  const events = extra ? [...page.events, ...extra.events] : page.events;
  const next = extra ? extra.next : page.next;
  const loading = extra?.loading ?? false;
  const more = () => {
    if (!next || loading) return;
    setExtra((x) => ({ events: x?.events ?? [], next, loading: true }));
    // A page that arrives after the table started again is dropped.
    const stillCurrent = () => current.current === page;
    eventsPage({ ...query, ...serverOrder(order) }, next).then(
      (p) => stillCurrent() && setExtra((x) => ({ events: [...(x?.events ?? []), ...p.events], next: p.next, loading: false })),
      (error: unknown) => stillCurrent() && setExtra((x) => ({ events: x?.events ?? [], next, loading: false, error: error instanceof Error ? error : new Error(String(error)) })),
    );
  };
  return { first, table: { events, total: page.total, more, hasMore: !!next, loadingMore: loading } };
}
