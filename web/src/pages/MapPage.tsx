/**
 * The map of located events. A marker or a place chosen under the map
 * narrows the table to the events there (`area` and `place` in the address).
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { EventFilters, StoredEvent } from '../../../src/web/lib/api-types.js';
import type { Query } from '../../../src/web/lib/routes.js';
import { preloadBasemap, preloadCharts } from '../charts/preload.js';
import { EventFiltersForm } from '../components/EventFiltersForm.js';
import { EventsSummary } from '../components/EventsSummary.js';
import { EventsTable } from '../components/EventsTable.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { mapPoints, WorldMap, type Bounds } from '../components/WorldMap.js';
import { useLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';
import { orderOf, queryOf, useEvents } from './event-views.js';

const BOUNDS_LENGTH = 4;

export function parseArea(s: string | undefined): Bounds | null {
  const numbers = (s ?? '').split(',').map(Number);
  return numbers.length === BOUNDS_LENGTH && numbers.every(Number.isFinite) ? (numbers as Bounds) : null;
}

export function inArea(event: StoredEvent, [west, south, east, north]: Bounds): boolean {
  const { lat, lon } = event.location ?? {};
  return typeof lat === 'number' && typeof lon === 'number' && lon >= west && lon <= east && lat >= south && lat <= north;
}

export function MapPage({ query }: { query: Query }) {
  const { t } = useLocale();
  useEffect(() => {
    preloadCharts();
    preloadBasemap();
  }, []);
  const { filters, events, partial } = useEvents(query, { located: true });
  const list = events.data ?? partial;
  const order = orderOf(query);
  const area = parseArea(query.area);
  const go = (next: EventFilters, extra: Query = {}, nextOrder = order) => navigate({ page: 'map', query: queryOf(next, nextOrder, extra) });
  const keepArea: Query = area ? { area: query.area, place: query.place ?? '' } : {};
  const points = useMemo(() => mapPoints(list?.events ?? []), [list]);
  const located = useMemo(() => points.map((p) => p.event), [points]);
  // The map is drawn once, with every event: clusters need them all, and each redraw costs the whole basemap.
  const complete = events.data ? points : null;
  const inTable = useMemo(() => (area ? located.filter((e) => inArea(e, area)) : located), [located, query.area]);
  return (
    <div class="map-page">
      <PageTitle>{t('mapTitle')}</PageTitle>
      <EventFiltersForm value={filters} onApply={(f) => go(f, keepArea)} idPrefix="map" />
      <ExportLinks filters={filters} />
      {events.error ? <ErrorNote error={events.error} onRetry={events.reload} /> : !list ? <Loading /> : (
        <div aria-busy={events.loading}>
          <EventsSummary list={list} loading={!events.data} />
          <section class="panel" aria-labelledby="map-title">
            <h2 id="map-title">{t('mapTitle')}</h2>
            <p class="hint">{t('mapHint')}</p>
            {complete ? <WorldMap points={complete} label={t('mapLabel')} onSelect={(bounds, place) => go(filters, { area: bounds.join(','), place })} /> : <Loading />}
          </section>
          {area && (
            <p class="active-filter">
              <span>{t('inThisArea')}: <bdi>{query.place ?? query.area}</bdi></span>
              <button type="button" class="chip" onClick={() => go(filters)} aria-label={t('removeFilter', { name: query.place ?? query.area })}>✕</button>
            </p>
          )}
          <EventsTable events={inTable} order={order} onSort={(o) => go(filters, keepArea, o)} caption={t('mapTitle')} />
        </div>
      )}
    </div>
  );
}
