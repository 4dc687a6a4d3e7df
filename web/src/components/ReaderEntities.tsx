/** The reader's entity list: canonical names by type, codes, and links to actor pages. */
import type { MarsadDocument } from '../../../src/web/lib/api-types.js';
import { actorRoute } from '../../../src/web/lib/entity-ids.js';
import { hrefOf } from '../../../src/web/lib/routes.js';
import { typeLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';
import { Code } from './Code.js';
import { Empty } from './Status.js';

export function ReaderEntities({ doc }: { doc: MarsadDocument }) {
  const { t, lang } = useLocale();
  const entities = [...doc.entities].sort((a, b) => b.mentions - a.mentions);
  return (
    <section class="panel reader-entities" aria-labelledby="reader-entities-title">
      <h2 id="reader-entities-title">{t('readerEntities')}</h2>
      {entities.length === 0 ? <Empty>{t('noEntitiesInArticle')}</Empty> : (
        <ul class="entity-list">
          {entities.map((entity) => (
            <li key={entity.id}>
              <a class={`entity-link m-${entity.type}`} href={hrefOf(actorRoute(entity))} data-entity={entity.id}>
                <span lang="ar" dir="rtl">{entity.name}</span>
              </a>
              <span class="entity-facts">
                {typeLabel(entity.type, lang)}
                {entity.actor && <Code>{entity.actor}</Code>}
                <span>{t('mentionsCount', { n: entity.mentions })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
