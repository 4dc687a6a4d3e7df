/**
 * The sort order of an events table, as the address keeps it (`sort`, `dir`:
 * ascending or descending) and as the API takes it (`sort`, `dir`: asc or
 * desc). The server sorts (empty cells last either way) and pages.
 */

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

/** The order as `GET /api/events` takes it. */
export function serverOrder(order: SortOrder): { sort: SortKey; dir: 'asc' | 'desc' } {
  return { sort: order.key, dir: order.direction === 'ascending' ? 'asc' : 'desc' };
}
