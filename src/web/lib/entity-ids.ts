/**
 * From an entity of a document to its page. A document names its entities
 * with ids of its own (`actor:khalifa-haftar`); the store gives each a
 * store-wide id: the Wikidata id, else `kb:` and the knowledge-base id, else a
 * hash of type and normalised name (src/store/records.ts). The first two are
 * rebuilt here; for the others the actor page looks the entity up by name.
 */
import type { Entity } from '../../model/document.js';
import type { Route } from './routes.js';

/** The store-wide id, where it can be known from the entity alone (or the API added it). */
export function storeEntityId(e: Pick<Entity, 'wikidata' | 'kb'> & { globalId?: unknown; storeId?: unknown }): string | null {
  if (typeof e.globalId === 'string' && e.globalId) return e.globalId;
  if (typeof e.storeId === 'string' && e.storeId) return e.storeId;
  if (e.wikidata) return e.wikidata;
  if (e.kb) return `kb:${e.kb}`;
  return null;
}

/** The actor page of a document's entity: by store id, else by name and type. */
export function actorRoute(e: Pick<Entity, 'id' | 'name' | 'type' | 'wikidata' | 'kb'>): Route {
  const id = storeEntityId(e);
  return id ? { page: 'actor', id, query: {} } : { page: 'actor', id: e.id, query: { name: e.name, type: e.type } };
}
