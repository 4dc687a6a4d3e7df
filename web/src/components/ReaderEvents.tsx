/**
 * The reader's events panel: each event as a short Arabic line with its codes.
 * Choosing one highlights its sentence, trigger, source, target and place.
 */
import type { Entity, MarsadDocument, MarsadEvent, TextSpan } from '../../../src/web/lib/api-types.js';
import { eventSentence } from '../../../src/web/lib/event-sentence.js';
import { ploverLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';
import { Code } from './Code.js';
import { QuadClassChip } from './QuadClass.js';
import { Empty } from './Status.js';

/** The canonical name of an argument in this document, else its words. */
export function documentNamer(doc: MarsadDocument) {
  const byId = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
  return (argument: TextSpan & { entity: string | null }) => (argument.entity && byId.get(argument.entity)?.name) || argument.text;
}

interface Props {
  doc: MarsadDocument;
  selected: string | null;
  onSelect(event: MarsadEvent | null): void;
}

export function ReaderEvents({ doc, selected, onSelect }: Props) {
  const { t, lang } = useLocale();
  const nameOf = documentNamer(doc);
  return (
    <section class="panel reader-events" aria-labelledby="reader-events-title">
      <h2 id="reader-events-title">{t('readerEvents')}</h2>
      {doc.events.length === 0 ? <Empty>{t('noEventsInArticle')}</Empty> : (
        <>
          <p class="hint">{t('selectEventHint')}</p>
          <ol class="event-list">
            {doc.events.map((event) => {
              const pressed = event.id === selected;
              return (
                <li key={event.id}>
                  <button
                    type="button"
                    class="event-item"
                    aria-pressed={pressed}
                    data-event={event.id}
                    onClick={() => onSelect(pressed ? null : event)}
                  >
                    <span class="event-sentence" lang="ar" dir="rtl">{eventSentence(event, nameOf)}</span>
                    <span class="event-codes">
                      <Code title="CAMEO">{event.cameo}</Code>
                      <Code title="PLOVER">{event.plover}</Code>
                      <span class="plover-label">{ploverLabel(event.plover, lang)}</span>
                      <QuadClassChip quadClass={event.quadClass} />
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          {selected && <button type="button" class="button button-quiet" onClick={() => onSelect(null)}>{t('clearSelection')}</button>}
        </>
      )}
    </section>
  );
}
