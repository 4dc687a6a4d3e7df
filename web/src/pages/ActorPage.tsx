/**
 * An actor: its names and codes, the articles it appears in, the events it
 * takes part in (table and map), and the network of actors it interacts with.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { MarsadDocument, StoredEntity, StoredEvent } from '../../../src/web/lib/api-types.js';
import { interactionNetwork, networkFromLinks, type Network } from '../../../src/web/lib/network.js';
import { hrefOf, type Query } from '../../../src/web/lib/routes.js';
import type { SortOrder } from '../../../src/web/lib/sort.js';
import { actorNetwork, getArticle, getEntity, listArticles, listEntities, listEvents, searchArticles, serverHas } from '../api/endpoints.js';
import { useResource } from '../api/resource.js';
import { preloadBasemap, preloadCharts } from '../charts/preload.js';
import { ActorNetwork } from '../components/ActorNetwork.js';
import { Code } from '../components/Code.js';
import { argumentName, EventsTable } from '../components/EventsTable.js';
import { PageTitle } from '../components/PageTitle.js';
import { SafeLink } from '../components/SafeLink.js';
import { Empty, ErrorNote, Loading } from '../components/Status.js';
import { mapPoints, WorldMap } from '../components/WorldMap.js';
import { typeLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';
import { orderOf, queryOf } from './event-views.js';

/** Most events read for one actor, and articles read in full to collect its other names. */
const ACTOR_EVENTS_CAP = 5_000;
const ALIAS_SAMPLE_ARTICLES = 5;
const WIKIDATA_PAGE = 'https://www.wikidata.org/wiki/';

/** Most links of the actor's network asked from the server. */
const NETWORK_LINKS = 100;

interface ActorData {
  entity: StoredEntity;
  events: StoredEvent[];
  network: Network;
  articles: { id: string; title: string | null; date: string | null }[];
  aliases: string[];
}

const involves = (id: string) => (e: StoredEvent) => e.source?.entity === id || e.target?.entity === id;

/**
 * The actor's events: by its id where the server filters by entity, else asked
 * for by name and by code and kept where the actor is source or target.
 */
async function actorEvents(entity: StoredEntity, signal: AbortSignal): Promise<StoredEvent[]> {
  if (await serverHas('/events', 'entity')) return (await listEvents({ entity: entity.id }, signal, ACTOR_EVENTS_CAP)).events;
  const queries = [entity.name, entity.actor].filter((q): q is string => !!q);
  const lists = await Promise.all(queries.map((actor) => listEvents({ actor }, signal, ACTOR_EVENTS_CAP)));
  const seen = new Map<string, StoredEvent>();
  for (const list of lists) for (const e of list.events) seen.set(`${e.article}:${e.id}`, e);
  const all = [...seen.values()];
  const own = all.filter(involves(entity.id));
  return own.length ? own : all;
}

function aliasesIn(docs: MarsadDocument[], entity: StoredEntity): string[] {
  const names = new Set(entity.aliases ?? []);
  for (const doc of docs) for (const m of doc.mentions) if (m.entity === entity.id) names.add(m.text);
  names.delete(entity.name);
  return [...names].sort((a, b) => a.localeCompare(b, 'ar'));
}

/** The articles naming the actor: the server's entity filter where it has one, else its events' articles and a search by name. */
async function actorArticles(entity: StoredEntity, events: readonly StoredEvent[], signal: AbortSignal): Promise<ActorData['articles']> {
  if (await serverHas('/articles', 'entity')) return (await listArticles({ entity: entity.id }, signal)).items;
  const articles = new Map<string, ActorData['articles'][number]>();
  for (const e of events) if (!articles.has(e.article)) articles.set(e.article, { id: e.article, title: e.articleTitle ?? null, date: e.articleDate ?? e.date });
  const hits = await searchArticles(entity.name, {}, signal).catch(() => ({ items: [] }));
  for (const h of hits.items) articles.set(h.id, { id: h.id, title: h.title, date: h.date });
  return [...articles.values()];
}

/** Other names: the server's list where it gives one, else the mentions of the actor in a few of its articles. */
async function actorAliases(entity: StoredEntity, articles: ActorData['articles'], signal: AbortSignal): Promise<string[]> {
  if (entity.aliases) return aliasesIn([], entity);
  const sample = articles.slice(0, ALIAS_SAMPLE_ARTICLES);
  const docs = (await Promise.all(sample.map((a) => getArticle(a.id, signal).catch(() => null)))).filter((d): d is MarsadDocument => d !== null);
  return aliasesIn(docs, entity);
}

/** The entity of a page address: by store id, or by name and type (`?name=…&type=…`, from an article's own entity ids). */
async function findEntity(id: string, query: Query, signal: AbortSignal): Promise<StoredEntity | null> {
  if (!query.name) return getEntity(id, signal);
  const candidates = await listEntities({ q: query.name, type: query.type }, signal);
  return candidates.find((e) => e.name === query.name) ?? candidates[0] ?? null;
}

async function loadActor(id: string, query: Query, signal: AbortSignal): Promise<ActorData | null> {
  const entity = await findEntity(id, query, signal);
  if (!entity) return null;
  const [events, links] = await Promise.all([
    actorEvents(entity, signal),
    actorNetwork({ entity: entity.id, links: NETWORK_LINKS }, signal),
  ]);
  const network = links ? networkFromLinks(links.nodes, links.links) : interactionNetwork(events, argumentName);
  const articles = await actorArticles(entity, events, signal);
  return { entity, events, network, articles, aliases: await actorAliases(entity, articles, signal) };
}

export function ActorPage({ id, query }: { id: string; query: Query }) {
  const { t } = useLocale();
  useEffect(() => {
    preloadCharts();
    preloadBasemap();
  }, []);
  const actor = useResource((signal) => loadActor(id, query, signal), [id, query.name, query.type]);
  if (actor.error) return <ErrorNote error={actor.error} onRetry={actor.reload} />;
  if (actor.data === undefined) return <Loading />;
  if (actor.data === null) return (<><PageTitle>{t('actorTitle')}</PageTitle><Empty>{t('actorNotFound')}</Empty></>);
  return <Actor data={actor.data} id={id} query={query} />;
}

function Actor({ data, id, query }: { data: ActorData; id: string; query: Query }) {
  const { t, lang, date } = useLocale();
  const { entity, events, network, articles, aliases } = data;
  const points = useMemo(() => mapPoints(events), [events]);
  const order = orderOf(query);
  // The address keeps how the actor was found (by name, from an article) and adds the sort order.
  const found: Query = query.name ? { name: query.name, ...(query.type ? { type: query.type } : {}) } : {};
  const sort = (o: SortOrder) => navigate({ page: 'actor', id, query: queryOf({}, o, found) });
  return (
    <div class="actor-page">
      <header class="actor-header">
        <PageTitle lang="ar" dir="rtl">{entity.name}</PageTitle>
        {entity.nameEn && <p class="name-en" lang="en" dir="ltr">{entity.nameEn}</p>}
        <dl class="facts">
          <div><dt>{t('entityType')}</dt><dd>{typeLabel(entity.type, lang)}</dd></div>
          {entity.actor && <div><dt>{t('actorCode')}</dt><dd><Code>{entity.actor}</Code></dd></div>}
          {entity.country && <div><dt>{t('country')}</dt><dd><Code>{entity.country}</Code></dd></div>}
          {entity.wikidata && <div><dt>{t('wikidata')}</dt><dd><SafeLink url={WIKIDATA_PAGE + encodeURIComponent(entity.wikidata)}>{entity.wikidata}</SafeLink></dd></div>}
        </dl>
        {aliases.length > 0 && (
          <section class="aliases" aria-labelledby="aliases-title">
            <h2 id="aliases-title">{t('aliases')}</h2>
            <ul class="chips" lang="ar" dir="rtl">{aliases.map((a) => <li key={a} class="chip">{a}</li>)}</ul>
          </section>
        )}
      </header>
      <div class="actor-layout">
        <section class="panel" aria-labelledby="network-title">
          <h2 id="network-title">{t('actorNetwork')}</h2>
          <p class="hint">{t('actorNetworkHint')}</p>
          {network.edges.length ? <ActorNetwork network={network} focus={entity.id} /> : <Empty>{t('networkEmpty')}</Empty>}
        </section>
        <section class="panel" aria-labelledby="actor-map-title">
          <h2 id="actor-map-title">{t('actorMap')}</h2>
          <WorldMap points={points} label={t('actorMap')} onSelect={(bounds, place) => navigate({ page: 'map', query: { actor: entity.name, area: bounds.join(','), place } })} />
        </section>
      </div>
      <section class="panel" aria-labelledby="actor-events-title">
        <h2 id="actor-events-title">{t('actorEvents')}</h2>
        <EventsTable events={events} order={order} onSort={sort} caption={t('actorEvents')} />
      </section>
      <section class="panel" aria-labelledby="actor-articles-title">
        <h2 id="actor-articles-title">{t('actorArticles')}</h2>
        {articles.length === 0 ? <Empty>{t('noArticles')}</Empty> : (
          <ul class="article-links">
            {articles.map((a) => (
              <li key={a.id}>
                <a href={hrefOf({ page: 'article', id: a.id, query: {} })} lang="ar" dir="rtl">{a.title ?? t('untitled')}</a>
                {a.date && <> <time class="muted" dateTime={a.date}>{date(a.date)}</time></>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
