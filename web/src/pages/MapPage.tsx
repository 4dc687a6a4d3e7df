/**
 * The map of located events: the server counts them by place (`/api/places`),
 * so the map never reads every event. A marker or a place chosen under the
 * map narrows the table to the events in its area (`area` and `place` in the
 * address; the server filters by `bbox`).
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { EventFilters } from '../../../src/web/lib/api-types.js';
import type { Query } from '../../../src/web/lib/routes.js';
import { eventPlaces } from '../api/endpoints.js';
import { useResource } from '../api/resource.js';
import { preloadBasemap, preloadCharts } from '../charts/preload.js';
import { EventFiltersForm, filtersOf } from '../components/EventFiltersForm.js';
import { EventsSummary } from '../components/EventsSummary.js';
import { EventsTable } from '../components/EventsTable.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { mapPoints, WorldMap, type Bounds } from '../components/WorldMap.js';
import { useLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';
import { orderOf, queryOf, useEventTable } from './event-views.js';

const BOUNDS_LENGTH = 4;

export function parseArea(s: string | undefined): Bounds | null {
  const numbers = (s ?? '').split(',').map(Number);
  return numbers.length === BOUNDS_LENGTH && numbers.every(Number.isFinite) ? (numbers as Bounds) : null;
}

export function MapPage({ query }: { query: Query }) {
  const { t } = useLocale();
  useEffect(() => {
    preloadCharts();
    preloadBasemap();
  }, []);
  const filters = filtersOf(query);
  const order = orderOf(query);
  const area = parseArea(query.area);
  const places = useResource((signal) => eventPlaces(filters, signal), [JSON.stringify(filters)]);
  const { first, table } = useEventTable({ ...filters, located: true, bbox: area?.join(',') }, order);
  const go = (next: EventFilters, extra: Query = {}, nextOrder = order) => navigate({ page: 'map', query: queryOf(next, nextOrder, extra) });
  const keepArea: Query = area ? { area: query.area, place: query.place ?? '' } : {};
  const points = useMemo(() => mapPoints(places.data?.places ?? []), [places.data]);
  const error = places.error ?? first.error;
  return (
    <div class="map-page">
      <PageTitle>{t('mapTitle')}</PageTitle>
      <EventFiltersForm value={filters} onApply={(f) => go(f, keepArea)} idPrefix="map" />
      <ExportLinks filters={filters} />
      {error ? <ErrorNote error={error} onRetry={() => { places.reload(); first.reload(); }} /> : !places.data || !table ? <Loading /> : (
        <div aria-busy={places.loading || first.loading}>
          <EventsSummary total={area ? table.total : places.data.events} />
          <section class="panel" aria-labelledby="map-title">
            <h2 id="map-title">{t('mapTitle')}</h2>
            <p class="hint">{t('mapHint')}</p>
            <WorldMap points={points} label={t('mapLabel')} onSelect={(bounds, place) => go(filters, { area: bounds.join(','), place })} />
          </section>
          {area && (
            <p class="active-filter">
              <span>{t('inThisArea')}: <bdi>{query.place ?? query.area}</bdi></span>
              <button type="button" class="chip" onClick={() => go(filters)} aria-label={t('removeFilter', { name: query.place ?? query.area })}>✕</button>
            </p>
          )}
          <EventsTable table={table} order={order} onSort={(o) => go(filters, keepArea, o)} caption={t('mapTitle')} />
        </div>
      )}
    </div>
  );
}
