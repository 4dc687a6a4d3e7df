/** How many events match the filters (the server counts them). */
import { useLocale } from '../i18n/locale.js';

export function EventsSummary({ total }: { total: number }) {
  const { t } = useLocale();
  return (
    <div class="summary" role="status">
      <p class="count">{t('eventCount', { n: total })}</p>
    </div>
  );
}
