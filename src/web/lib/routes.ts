/**
 * The dashboard's pages as hash routes (`#/events?actor=حفتر`), so that every
 * view has an address and `marsad serve` only ever serves `/`.
 */

export type Query = Record<string, string>;

export type Route =
  | { page: 'articles'; query: Query }
  | { page: 'article'; id: string; query: Query }
  | { page: 'events'; query: Query }
  | { page: 'map'; query: Query }
  | { page: 'actor'; id: string; query: Query }
  | { page: 'add'; query: Query }
  | { page: 'not-found'; query: Query };

export type PageName = Route['page'];

export function parseQuery(search: string): Query {
  const query: Query = {};
  for (const [key, value] of new URLSearchParams(search)) if (value !== '') query[key] = value;
  return query;
}

/** `?a=1&b=2` with empty values left out, or '' when nothing is left. */
export function formatQuery(query: Readonly<Record<string, string | undefined | null>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const s = params.toString();
  return s ? `?${s}` : '';
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** `#/articles/abc?x=1` to a route; anything unknown is `not-found`. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const query = parseQuery(search);
  const segments = path.split('/').filter(Boolean);
  const [first, second, ...rest] = segments;
  if (rest.length) return { page: 'not-found', query };
  const id = second === undefined ? null : decodeSegment(second);
  switch (first) {
    case undefined:
    case 'articles':
      if (second === undefined) return { page: 'articles', query };
      return id ? { page: 'article', id, query } : { page: 'not-found', query };
    case 'events':
      return second === undefined ? { page: 'events', query } : { page: 'not-found', query };
    case 'map':
      return second === undefined ? { page: 'map', query } : { page: 'not-found', query };
    case 'actors':
      return id ? { page: 'actor', id, query } : { page: 'not-found', query };
    case 'add':
      return second === undefined ? { page: 'add', query } : { page: 'not-found', query };
    default:
      return { page: 'not-found', query };
  }
}

/** The hash of a route (`#/actors/q123`). */
export function hrefOf(route: Route): string {
  const q = formatQuery(route.query);
  switch (route.page) {
    case 'articles': return `#/articles${q}`;
    case 'article': return `#/articles/${encodeURIComponent(route.id)}${q}`;
    case 'events': return `#/events${q}`;
    case 'map': return `#/map${q}`;
    case 'actor': return `#/actors/${encodeURIComponent(route.id)}${q}`;
    case 'add': return `#/add${q}`;
    case 'not-found': return '#/';
  }
}
