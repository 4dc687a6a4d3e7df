/** What the events and map pages share: filters and sort order in the address, and the events they load. */
import type { EventFilters } from '../../../src/web/lib/api-types.js';
import type { Query } from '../../../src/web/lib/routes.js';
import { isSortKey, type SortOrder } from '../../../src/web/lib/sort.js';
import { useState } from 'preact/hooks';
import { listEvents, type EventList } from '../api/endpoints.js';
import { useResource, type Resource } from '../api/resource.js';
import { filtersOf } from '../components/EventFiltersForm.js';

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

/**
 * The events of the filters in `query`, shown as they arrive: `partial` holds
 * the pages read so far until `events` has them all.
 */
export function useEvents(query: Query, only: { located?: boolean } = {}): { filters: EventFilters; events: Resource<EventList>; partial: EventList | null } {
  const filters = filtersOf(query);
  const [partial, setPartial] = useState<EventList | null>(null);
  const events = useResource((signal) => {
    setPartial(null);
    return listEvents({ ...filters, ...only }, signal, undefined, (items, total) => {
      if (!signal.aborted) setPartial({ events: [...items], total, truncated: false });
    });
  }, [JSON.stringify(filters), only.located]);
  return { filters, events, partial: events.data ? null : partial };
}
