/**
 * The events table: sortable columns (buttons in the headers, `aria-sort`;
 * the server sorts), actors linking to their pages, triggers linking to the
 * sentence in the article, read from the server a page at a time.
 */
import type { EventArgument } from '../../../src/web/lib/api-types.js';
import { hrefOf } from '../../../src/web/lib/routes.js';
import type { SortKey, SortOrder } from '../../../src/web/lib/sort.js';
import type { EventTable } from '../pages/event-views.js';
import { ploverLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';
import type { StringKey } from '../i18n/strings.js';
import { Code } from './Code.js';
import { QuadClassChip } from './QuadClass.js';
import { Empty } from './Status.js';

const COLUMNS: { key: SortKey; label: StringKey }[] = [
  { key: 'date', label: 'colDate' },
  { key: 'source', label: 'colSource' },
  { key: 'trigger', label: 'colTrigger' },
  { key: 'target', label: 'colTarget' },
  { key: 'location', label: 'colLocation' },
  { key: 'cameo', label: 'colCameo' },
  { key: 'plover', label: 'colPlover' },
  { key: 'quadClass', label: 'colQuad' },
  { key: 'goldstein', label: 'colGoldstein' },
];

/** An argument's display name: a `name` the API may add, else its words. */
export function argumentName(argument: { text: string; entity: string | null; name?: unknown }): string {
  return typeof argument.name === 'string' && argument.name ? argument.name : argument.text;
}

function ActorCell({ argument }: { argument: EventArgument | null }) {
  if (!argument) return <span class="muted">—</span>;
  const name = <span lang="ar" dir="rtl">{argument.entity ? argumentName(argument) : argument.text}</span>;
  return (
    <>
      {argument.entity ? <a href={hrefOf({ page: 'actor', id: argument.entity, query: {} })} data-entity={argument.entity}>{name}</a> : name}
      {argument.actor && <> <Code>{argument.actor}</Code></>}
    </>
  );
}

interface Props {
  table: EventTable;
  order: SortOrder;
  onSort(order: SortOrder): void;
  caption: string;
}

export function EventsTable({ table, order, onSort, caption }: Props) {
  const { t, lang, number, date } = useLocale();
  const rows = table.events;
  if (!rows.length) return <Empty>{t('noEvents')}</Empty>;
  return (
    <div class="events-table-wrap">
      <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table class="events-table">
          <caption class="sr-only">{caption}</caption>
          <thead>
            <tr>
              {COLUMNS.map(({ key, label }) => {
                const active = order.key === key;
                return (
                  <th key={key} scope="col" aria-sort={active ? order.direction : 'none'}>
                    <button
                      type="button"
                      class="sort-button"
                      data-sort={key}
                      onClick={() => onSort({ key, direction: active && order.direction === 'ascending' ? 'descending' : 'ascending' })}
                      aria-label={t('sortBy', { column: t(label) })}
                    >
                      {t(label)}
                      <span class="sort-mark" aria-hidden="true">{active ? (order.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((event) => {
              const day = event.date ?? event.articleDate ?? null;
              return (
                <tr key={`${event.article}:${event.id}`} data-event={event.id}>
                  <td class="nowrap">{day ? <time dateTime={day}>{date(day)}</time> : '—'}</td>
                  <td class="col-source"><ActorCell argument={event.source} /></td>
                  <td>
                    <a href={hrefOf({ page: 'article', id: event.article, query: { event: event.eventId } })} lang="ar" dir="rtl" title={t('openArticle')}>
                      {event.trigger.text}
                    </a>
                  </td>
                  <td class="col-target"><ActorCell argument={event.target} /></td>
                  <td class="col-location">{event.location ? <span lang="ar" dir="rtl">{argumentName(event.location)}</span> : '—'}</td>
                  <td><Code>{event.cameo}</Code></td>
                  <td><Code>{event.plover}</Code> <span class="plover-label">{ploverLabel(event.plover, lang)}</span></td>
                  <td><QuadClassChip quadClass={event.quadClass} /></td>
                  <td class="num">{number(event.goldstein, 1)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="table-footer" aria-live="polite">
        {t('eventsShown', { shown: rows.length, n: table.total })}
        {table.hasMore && (
          <button type="button" class="button" disabled={table.loadingMore} onClick={() => table.more()}>{t('showMore')}</button>
        )}
      </p>
    </div>
  );
}
