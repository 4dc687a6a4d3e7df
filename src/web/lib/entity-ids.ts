/**
 * From an entity of a document to its page. The store keeps the ids documents
 * give their entities (`actor:khalifa-haftar`, `country:LBY`, `per:…`), which
 * the entity stage makes the same in every article, so the actor page of an
 * entity is `#/actors/` and its id, and `GET /api/entities/:id` finds it.
 */
import type { Entity } from '../../model/document.js';
import type { Route } from './routes.js';

/** The actor page of a document's entity. */
export function actorRoute(e: Pick<Entity, 'id'>): Route {
  return { page: 'actor', id: e.id, query: {} };
}
