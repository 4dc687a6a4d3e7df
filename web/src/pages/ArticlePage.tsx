/**
 * The article reader: the structured article with its mentions marked, the
 * events panel (choose an event to highlight it in the text and scroll to its
 * sentence) and the entities found.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MarsadDocument, MarsadEvent } from '../../../src/web/lib/api-types.js';
import { actorRoute } from '../../../src/web/lib/entity-ids.js';
import { eventHighlights } from '../../../src/web/lib/event-highlights.js';
import type { Query } from '../../../src/web/lib/routes.js';
import { getArticle } from '../api/endpoints.js';
import { useResource } from '../api/resource.js';
import { ArticleText, ArticleTitleText, type MentionHandlers } from '../components/ArticleText.js';
import { MentionLegend } from '../components/Legend.js';
import { MentionTip, type TipAnchor } from '../components/MentionTip.js';
import { PageTitle } from '../components/PageTitle.js';
import { ReaderEntities } from '../components/ReaderEntities.js';
import { ReaderEvents } from '../components/ReaderEvents.js';
import { SafeLink } from '../components/SafeLink.js';
import { ErrorNote, Loading } from '../components/Status.js';
import { useLocale } from '../i18n/locale.js';
import { navigate, replaceQuery, useRoute } from '../router.js';

const MENTION_TIP_ID = 'mention-tip';

export function ArticlePage({ id, query }: { id: string; query: Query }) {
  const article = useResource((signal) => getArticle(id, signal), [id]);
  if (article.error) return <ErrorNote error={article.error} onRetry={article.reload} />;
  if (!article.data) return <Loading />;
  return <Reader doc={article.data} selectedEvent={query.event ?? null} />;
}

interface Tip {
  index: number;
  anchor: TipAnchor;
}

function Reader({ doc, selectedEvent }: { doc: MarsadDocument; selectedEvent: string | null }) {
  const { t, date } = useLocale();
  const route = useRoute();
  const [tip, setTip] = useState<Tip | null>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const event = doc.events.find((e) => e.id === selectedEvent) ?? null;
  const highlights = useMemo(() => (event ? eventHighlights(doc, event) : []), [doc, event]);
  const entityById = useMemo(() => new Map(doc.entities.map((e) => [e.id, e])), [doc]);

  // Bring the chosen event's trigger (in its sentence) into view.
  useEffect(() => {
    if (!event) return;
    const trigger = textRef.current?.querySelector('[data-roles~="trigger"]') ?? textRef.current?.querySelector('[data-roles~="sentence"]');
    trigger?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [event?.id]);

  const select = (chosen: MarsadEvent | null) => {
    const { event: _dropped, ...rest } = route.query;
    replaceQuery(route, chosen ? { ...rest, event: chosen.id } : rest);
  };

  const handlers: MentionHandlers = {
    onShow(index, element) {
      const r = element.getBoundingClientRect();
      setTip({ index, anchor: { top: r.top, bottom: r.bottom, left: r.left, right: r.right } });
    },
    onHide(index) {
      setTip((current) => (current?.index === index ? null : current));
    },
    onOpen(index) {
      const id = doc.mentions[index]?.entity;
      const entity = id ? entityById.get(id) : undefined;
      if (entity) navigate(actorRoute(entity));
    },
  };
  // The card is fixed to the viewport: scrolling moves the mention away from it.
  useEffect(() => {
    if (!tip) return;
    const hide = () => setTip(null);
    addEventListener('scroll', hide, { passive: true, once: true });
    return () => removeEventListener('scroll', hide);
  }, [tip]);

  const textProps = { doc, highlights, mentionTipId: tip ? MENTION_TIP_ID : null, activeMention: tip?.index ?? null, handlers };
  const tipMention = tip ? doc.mentions[tip.index] : null;
  return (
    <div class="reader">
      <header class="reader-header">
        <PageTitle lang="ar" dir="rtl">{doc.title ? <ArticleTitleText {...textProps} /> : t('untitled')}</PageTitle>
        <p class="meta">
          {doc.date && <time dateTime={doc.date}>{date(doc.date)}</time>}
          {doc.source.url && <SafeLink url={doc.source.url}>{t('originalLink')}</SafeLink>}
        </p>
      </header>
      <div class="reader-layout">
        <article class="reader-article" ref={textRef} aria-label={doc.title?.text ?? t('untitled')}>
          <ArticleText {...textProps} />
        </article>
        <aside class="reader-side">
          <ReaderEvents doc={doc} selected={event?.id ?? null} onSelect={select} />
          <ReaderEntities doc={doc} />
          <MentionLegend />
        </aside>
      </div>
      {tip && tipMention && (
        <MentionTip id={MENTION_TIP_ID} mention={tipMention} entity={(tipMention.entity && entityById.get(tipMention.entity)) || null} anchor={tip.anchor} />
      )}
    </div>
  );
}
