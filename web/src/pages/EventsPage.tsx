/** The events explorer: filters, exports, the timeline (which filters too) and the sortable table. */
import { useEffect, useMemo } from 'preact/hooks';
import type { EventFilters } from '../../../src/web/lib/api-types.js';
import { countsByDayAndType, timelineFromQuadPoints } from '../../../src/web/lib/timeline.js';
import { eventTimeline } from '../api/endpoints.js';
import { useResource } from '../api/resource.js';
import { preloadCharts } from '../charts/preload.js';
import type { Query } from '../../../src/web/lib/routes.js';
import { EventFiltersForm } from '../components/EventFiltersForm.js';
import { EventsSummary } from '../components/EventsSummary.js';
import { EventsTable } from '../components/EventsTable.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { PageTitle } from '../components/PageTitle.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { Timeline } from '../components/Timeline.js';
import { useLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';
import { orderOf, queryOf, useEvents } from './event-views.js';

export function EventsPage({ query }: { query: Query }) {
  const { t } = useLocale();
  useEffect(preloadCharts, []);
  const { filters, events, partial } = useEvents(query);
  const list = events.data ?? partial;
  const order = orderOf(query);
  // The API's timeline counts every matching event; without it, the timeline counts the events loaded.
  const aggregate = useResource((signal) => eventTimeline(filters, signal), [JSON.stringify(filters)]);
  // (Counting from the events only when needed: a new timeline redraws the chart, and events arrive a page at a time.)
  const fromEvents = aggregate.data === null ? list : null;
  const timeline = useMemo(() => {
    if (aggregate.data) return timelineFromQuadPoints(aggregate.data.points);
    return fromEvents ? countsByDayAndType(fromEvents.events, (e) => e.date ?? e.articleDate) : null;
  }, [aggregate.data, fromEvents]);
  const go = (next: EventFilters, nextOrder = order) => navigate({ page: 'events', query: queryOf(next, nextOrder) });
  return (
    <div class="events-page">
      <PageTitle>{t('eventsTitle')}</PageTitle>
      <EventFiltersForm value={filters} onApply={(f) => go(f)} idPrefix="events" />
      <ExportLinks filters={filters} />
      {events.error ? <ErrorNote error={events.error} onRetry={events.reload} /> : !list ? <Loading /> : (
        <div aria-busy={events.loading}>
          <EventsSummary list={list} loading={!events.data} />
          {timeline ? <Timeline
            timeline={timeline}
            onSelect={({ day, plover }) => go({ ...filters, from: day, to: day, ...(plover ? { plover } : {}) })}
          /> : <Loading />}
          <EventsTable events={list.events} order={order} onSort={(o) => go(filters, o)} caption={t('eventsTitle')} />
        </div>
      )}
    </div>
  );
}
