/** The filters of `GET /api/events`: actor, CAMEO code, PLOVER type, quad class, dates, country. */
import { useEffect, useState } from 'preact/hooks';
import { EVENT_FILTER_KEYS, type EventFilters } from '../../../src/web/lib/api-types.js';
import { PLOVER_TYPES, ploverLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';

export function filtersOf(query: Record<string, string>): EventFilters {
  const filters: EventFilters = {};
  for (const key of EVENT_FILTER_KEYS) if (query[key]) filters[key] = query[key];
  return filters;
}

const QUAD_CLASSES = [1, 2, 3, 4] as const;

interface Props {
  value: EventFilters;
  onApply(filters: EventFilters): void;
  idPrefix: string;
}

export function EventFiltersForm({ value, onApply, idPrefix }: Props) {
  const { t, lang } = useLocale();
  const [draft, setDraft] = useState<EventFilters>(value);
  // Filters set elsewhere (a click on the timeline or the map) show up in the form.
  const valueKey = JSON.stringify(value);
  useEffect(() => setDraft(value), [valueKey]);
  const field = (key: keyof EventFilters) => ({
    id: `${idPrefix}-${key}`,
    name: key,
    value: draft[key] ?? '',
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form
      class="filters"
      aria-label={t('filters')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <div class="field">
        <label for={`${idPrefix}-actor`}>{t('actor')}</label>
        <input type="search" {...field('actor')} placeholder={t('actorPlaceholder')} autoComplete="off" />
      </div>
      <div class="field field-narrow">
        <label for={`${idPrefix}-code`}>{t('cameoCode')}</label>
        <input type="text" inputMode="numeric" pattern="[0-9]{2,4}" dir="ltr" {...field('code')} />
      </div>
      <div class="field">
        <label for={`${idPrefix}-plover`}>{t('ploverType')}</label>
        <select {...field('plover')} onChange={(e) => setDraft({ ...draft, plover: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('anyType')}</option>
          {PLOVER_TYPES.map((type) => <option key={type} value={type}>{ploverLabel(type, lang)} ({type})</option>)}
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-quad`}>{t('colQuad')}</label>
        <select {...field('quad')} onChange={(e) => setDraft({ ...draft, quad: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('anyQuad')}</option>
          {QUAD_CLASSES.map((k) => <option key={k} value={String(k)}>{t(`quad${k}`)}</option>)}
        </select>
      </div>
      <div class="field field-narrow">
        <label for={`${idPrefix}-from`}>{t('from')}</label>
        <input type="date" {...field('from')} />
      </div>
      <div class="field field-narrow">
        <label for={`${idPrefix}-to`}>{t('to')}</label>
        <input type="date" {...field('to')} />
      </div>
      <div class="field field-narrow">
        <label for={`${idPrefix}-country`}>{t('countryCode')}</label>
        <input type="text" dir="ltr" maxLength={3} pattern="[A-Za-z]{3}" {...field('country')} />
      </div>
      <div class="actions">
        <button type="submit" class="button button-primary">{t('apply')}</button>
        <button type="button" class="button" onClick={() => { setDraft({}); onApply({}); }}>{t('reset')}</button>
      </div>
    </form>
  );
}
