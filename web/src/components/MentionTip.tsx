/** The card shown beside a hovered or focused mention: its canonical entity and actor code. */
import type { Entity, Mention } from '../../../src/web/lib/api-types.js';
import { typeLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';
import { Code } from './Code.js';

/** Gap between the mention and its card, in CSS pixels. */
const TIP_GAP_PX = 6;

export interface TipAnchor {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function MentionTip({ id, mention, entity, anchor }: { id: string; mention: Mention; entity: Entity | null; anchor: TipAnchor }) {
  const { t, lang } = useLocale();
  const rtl = document.documentElement.dir === 'rtl';
  // Positioned through the CSSOM (allowed by the page's CSP), under the mention, aligned to its reading start.
  const style = rtl
    ? { top: `${anchor.bottom + TIP_GAP_PX}px`, right: `${Math.max(window.innerWidth - anchor.right, 0)}px` }
    : { top: `${anchor.bottom + TIP_GAP_PX}px`, left: `${Math.max(anchor.left, 0)}px` };
  return (
    <div id={id} class={`mention-tip m-tip-${mention.type}`} role="tooltip" style={style}>
      <p class="tip-name" lang="ar" dir="rtl">{entity?.name ?? mention.text}</p>
      {entity?.nameEn && <p class="tip-name-en" lang="en" dir="ltr">{entity.nameEn}</p>}
      <dl class="tip-facts">
        <dt class="sr-only">{t('entityType')}</dt>
        <dd class="tip-type">{typeLabel(mention.type, lang)}</dd>
        {entity?.actor && (<><dt>{t('actorCode')}</dt><dd><Code>{entity.actor}</Code></dd></>)}
        {entity?.country && (<><dt>{t('country')}</dt><dd><Code>{entity.country}</Code></dd></>)}
        {entity?.wikidata && (<><dt>{t('wikidata')}</dt><dd><Code>{entity.wikidata}</Code></dd></>)}
      </dl>
      {mention.value && <p class="tip-value"><Code>{mention.value}</Code></p>}
    </div>
  );
}
