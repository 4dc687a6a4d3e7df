/** The current hash route, and moving to another. */
import { useEffect, useState } from 'preact/hooks';
import { hrefOf, parseHash, type Route } from '../../src/web/lib/routes.js';

export function currentRoute(): Route {
  return parseHash(location.hash);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: Route): void {
  location.hash = hrefOf(route);
}

/** Replaces the route's query (filters) without adding a history entry per keystroke. */
export function replaceQuery(route: Route, query: Route['query']): void {
  history.replaceState(null, '', hrefOf({ ...route, query } as Route));
  dispatchEvent(new HashChangeEvent('hashchange'));
}
