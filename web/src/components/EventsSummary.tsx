/** How many events match, and a warning when only the latest were loaded. */
import type { EventList } from '../api/endpoints.js';
import { useLocale } from '../i18n/locale.js';

export function EventsSummary({ list, loading }: { list: EventList; loading: boolean }) {
  const { t } = useLocale();
  const total = list.total ?? list.events.length;
  return (
    <div class="summary" role="status">
      <p class="count">{t('eventCount', { n: total })}</p>
      {loading && <p class="muted">{t('loadingEvents', { n: list.events.length, total })}</p>}
      {list.truncated && <p class="warning">{t('eventsTruncated', { n: list.events.length })}</p>}
    </div>
  );
}
