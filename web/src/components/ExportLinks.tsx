/** Download links for the filtered events in every export format of the API. */
import { EXPORT_FORMATS, type EventFilters } from '../../../src/web/lib/api-types.js';
import { apiUrl } from '../api/client.js';
import { MAX_EXPORT_EVENTS } from '../api/endpoints.js';
import { useLocale } from '../i18n/locale.js';

const EXTENSIONS: Record<(typeof EXPORT_FORMATS)[number], string> = {
  json: 'json', csv: 'csv', gdelt: 'tsv', plover: 'json', geojson: 'geojson',
};

export function ExportLinks({ filters }: { filters: EventFilters }) {
  const { t } = useLocale();
  // An export holds as many events as the server allows (its default is smaller).
  const limit = MAX_EXPORT_EVENTS;
  return (
    <nav class="exports" aria-label={t('export')}>
      <span class="exports-label">{t('export')}:</span>
      <ul>
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              class="button button-small"
              href={apiUrl('/events', { ...filters, format, limit })}
              download={`marsad-events-${format}.${EXTENSIONS[format]}`}
              aria-label={t('exportAs', { format: format.toUpperCase() })}
              data-format={format}
            >
              <bdi dir="ltr">{format.toUpperCase()}</bdi>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
