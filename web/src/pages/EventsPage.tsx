/**
 * The events explorer: filters, exports, the timeline by day and PLOVER type
 * (which filters too; the server counts every matching event) and the table,
 * sorted and paged by the server.
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { EventFilters } from '../../../src/web/lib/api-types.js';
import { timelineFromPloverPoints } from '../../../src/web/lib/timeline.js';
import { eventTimeline } from '../api/endpoints.js';
import { useResource } from '../api/resource.js';
import { preloadCharts } from '../charts/preload.js';
import type { Query } from '../../../src/web/lib/routes.js';
import { EventFiltersForm, filtersOf } from '../components/EventFiltersForm.js';
import { EventsSummary } from '../components/EventsSummary.js';
import { EventsTable } from '../components/EventsTable.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { Timeline } from '../components/Timeline.js';
import { useLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';
import { orderOf, queryOf, useEventTable } from './event-views.js';

export function EventsPage({ query }: { query: Query }) {
  const { t } = useLocale();
  useEffect(preloadCharts, []);
  const filters = filtersOf(query);
  const order = orderOf(query);
  const { first, table } = useEventTable(filters, order);
  const aggregate = useResource((signal) => eventTimeline(filters, signal), [JSON.stringify(filters)]);
  const timeline = useMemo(() => (aggregate.data ? timelineFromPloverPoints(aggregate.data.points) : null), [aggregate.data]);
  const go = (next: EventFilters, nextOrder = order) => navigate({ page: 'events', query: queryOf(next, nextOrder) });
  return (
    <div class="events-page">
      <PageTitle>{t('eventsTitle')}</PageTitle>
      <EventFiltersForm value={filters} onApply={(f) => go(f)} idPrefix="events" />
      <ExportLinks filters={filters} />
      {first.error ? <ErrorNote error={first.error} onRetry={first.reload} /> : !table ? <Loading /> : (
        <div aria-busy={first.loading || aggregate.loading}>
          <EventsSummary total={table.total} />
          {aggregate.error ? <ErrorNote error={aggregate.error} onRetry={aggregate.reload} /> : timeline ? <Timeline
            timeline={timeline}
            onSelect={({ day, plover }) => go({ ...filters, from: day, to: day, ...(plover ? { plover } : {}) })}
          /> : <Loading />}
          <EventsTable table={table} order={order} onSort={(o) => go(filters, o)} caption={t('eventsTitle')} />
        </div>
      )}
    </div>
  );
}
