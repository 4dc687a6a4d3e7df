/**
 * Event clusters: reports of the same happening across articles. As GDELT
 * counts them, events of the same CAMEO root between the same source and target
 * actors on the same day are one event; NumArticles, NumSources and NumMentions
 * count its articles, their distinct sources and the reports in all of them.
 */
import { contentHash } from '../model/id.js';

export interface ClusterKey {
  /** The event's day, or null when neither the event nor its article is dated. */
  date: string | null;
  rootCode: string;
  /** The source and target actors: a store-wide entity id, `actor:CODE`, `text:normalised words`, or `-`. */
  sourceKey: string;
  targetKey: string;
  /** The article: an undated event can only be clustered within it. */
  articleId: string;
}

/** The id of the cluster an event belongs to. */
export function clusterId(k: ClusterKey): string {
  const day = k.date ?? `undated:${k.articleId}`;
  return contentHash(`${day}|${k.rootCode}|${k.sourceKey}|${k.targetKey}`);
}
