/** What the mention styles mean: colour and underline style per type. */
import { MENTION_TYPES, typeLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';

export function MentionLegend() {
  const { t, lang } = useLocale();
  return (
    <section class="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" class="legend-title">{t('readerLegend')}</h2>
      <ul>
        {MENTION_TYPES.map((type) => (
          <li key={type}><span class={`mention m-${type} legend-sample`} data-type={type}>{typeLabel(type, lang)}</span></li>
        ))}
      </ul>
    </section>
  );
}
