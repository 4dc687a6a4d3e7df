/**
 * An actor: its names and codes, the articles it appears in, the events it
 * takes part in (a table read from the server a page at a time, and a map of
 * their places), and the network of actors it interacts with. The id in the
 * address is the one documents give the entity (`actor:khalifa-haftar`),
 * which is the store's own.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { StoredEntity } from '../../../src/web/lib/api-types.js';
import { networkFromLinks, type Network } from '../../../src/web/lib/network.js';
import { hrefOf, type Query } from '../../../src/web/lib/routes.js';
import type { SortOrder } from '../../../src/web/lib/sort.js';
import { actorNetwork, eventPlaces, getEntity, listArticles, type Place } from '../api/endpoints.js';
import { useResource } from '../api/resource.js';
import { preloadBasemap, preloadCharts } from '../charts/preload.js';
import { ActorNetwork } from '../components/ActorNetwork.js';
import { Code } from '../components/Code.js';
import { EventsTable } from '../components/EventsTable.js';
import { PageTitle } from '../components/PageTitle.js';
import { SafeLink } from '../components/SafeLink.js';
import { Empty, ErrorNote, Loading } from '../components/Status.js';
import { mapPoints, WorldMap } from '../components/WorldMap.js';
import { typeLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';
import { orderOf, queryOf, useEventTable } from './event-views.js';

const WIKIDATA_PAGE = 'https://www.wikidata.org/wiki/';

/** Most links of the actor's network asked from the server. */
const NETWORK_LINKS = 100;

interface ActorData {
  entity: StoredEntity;
  network: Network;
  places: Place[];
  articles: { id: string; title: string | null; date: string | null }[];
  aliases: string[];
}

async function loadActor(id: string, signal: AbortSignal): Promise<ActorData | null> {
  const entity = await getEntity(id, signal);
  if (!entity) return null;
  const [links, places, articles] = await Promise.all([
    actorNetwork({ entity: entity.id, links: NETWORK_LINKS }, signal),
    eventPlaces({ entity: entity.id }, signal),
    listArticles({ entity: entity.id }, signal),
  ]);
  const aliases = [...new Set(entity.aliases ?? [])].filter((a) => a !== entity.name).sort((a, b) => a.localeCompare(b, 'ar'));
  return { entity, network: networkFromLinks(links.nodes, links.links), places: places.places, articles: articles.items, aliases };
}

export function ActorPage({ id, query }: { id: string; query: Query }) {
  const { t } = useLocale();
  useEffect(() => {
    preloadCharts();
    preloadBasemap();
  }, []);
  const actor = useResource((signal) => loadActor(id, signal), [id]);
  if (actor.error) return <ErrorNote error={actor.error} onRetry={actor.reload} />;
  if (actor.data === undefined) return <Loading />;
  if (actor.data === null) return (<><PageTitle>{t('actorTitle')}</PageTitle><Empty>{t('actorNotFound')}</Empty></>);
  return <Actor data={actor.data} id={id} query={query} />;
}

function Actor({ data, id, query }: { data: ActorData; id: string; query: Query }) {
  const { t, lang, date } = useLocale();
  const { entity, network, places, articles, aliases } = data;
  const points = useMemo(() => mapPoints(places), [places]);
  const order = orderOf(query);
  const { first, table } = useEventTable({ entity: entity.id }, order);
  const sort = (o: SortOrder) => navigate({ page: 'actor', id, query: queryOf({}, o) });
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
        {first.error ? <ErrorNote error={first.error} onRetry={first.reload} /> : !table ? <Loading /> : (
          <EventsTable table={table} order={order} onSort={sort} caption={t('actorEvents')} />
        )}
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
