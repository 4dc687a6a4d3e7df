/**
 * What the dashboard reads from the HTTP API (see CONTRACT.md), in the shapes
 * the client normalises responses to.
 */
import type { Entity, MarsadEvent } from '../../model/document.js';

export type { Block, Entity, EventArgument, EventLocation, MarsadDocument, MarsadEvent, Mention, Span, TextSpan } from '../../model/document.js';

/** One row of `GET /api/articles`. */
export interface ArticleSummary {
  id: string;
  title: string | null;
  date: string | null;
  /** Where the article came from: a site name, URL or file path. */
  source: string | null;
  url: string | null;
  events: number | null;
  entities: number | null;
  mentions: number | null;
}

/** One hit of `GET /api/search`: an article and its highlighted snippets. */
export interface SearchHit extends ArticleSummary {
  snippets: SnippetPart[][];
  score: number | null;
}

/** A piece of a search snippet; `hit` marks the words that matched. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** One event of `GET /api/events`, with the article it was found in. */
export interface StoredEvent extends MarsadEvent {
  article: string;
  /** The event's id inside its article (`MarsadEvent.id` of the document); `id` may be store-wide. */
  eventId: string;
  /** The article's date, where the event itself has none. */
  articleDate?: string | null;
  articleTitle?: string | null;
}

/** One canonical entity of `GET /api/entities`. */
export interface StoredEntity extends Entity {
  events: number | null;
  articles: number | null;
}

/** A page of a list endpoint; `total` where the server tells it. */
export interface Page<T> {
  items: T[];
  total: number | null;
  /** The page size the server applied, where it says. */
  limit: number | null;
}

/** The filters of `GET /api/events` (all optional; empty strings are left out). */
export interface EventFilters {
  actor?: string;
  code?: string;
  plover?: string;
  from?: string;
  to?: string;
  country?: string;
  /** Quad class, '1'–'4'. */
  quad?: string;
}

export const EVENT_FILTER_KEYS = ['actor', 'code', 'plover', 'quad', 'from', 'to', 'country'] as const;

/** The export formats of `GET /api/events?format=`. */
export const EXPORT_FORMATS = ['json', 'csv', 'gdelt', 'plover', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
