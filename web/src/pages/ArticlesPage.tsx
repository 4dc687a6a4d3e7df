/**
 * Articles: the newest first, or the hits of a search with their highlighted
 * snippets; filtered by date, entity and event type on the server, and by
 * source (the server's for lists; among the hits of a search).
 */
import { useState } from 'preact/hooks';
import type { ArticleSummary, SnippetPart } from '../../../src/web/lib/api-types.js';
import { hrefOf, type Query } from '../../../src/web/lib/routes.js';
import { DEFAULT_PAGE_SIZE, listArticles, searchArticles } from '../api/endpoints.js';
import { useResource } from '../api/resource.js';
import { PageTitle } from '../components/PageTitle.js';
import { Empty, ErrorNote, Loading } from '../components/Status.js';
import { PLOVER_TYPES, ploverLabel } from '../i18n/labels.js';
import { useLocale } from '../i18n/locale.js';
import { navigate } from '../router.js';

const FILTER_KEYS = ['q', 'from', 'to', 'source', 'entity', 'type'] as const;
type ArticleFilters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

interface Listing {
  rows: (ArticleSummary & { snippets?: SnippetPart[][] })[];
  /** More rows may follow (a full last page). */
  more: boolean;
}

async function loadListing(filters: ArticleFilters, pages: number, signal: AbortSignal): Promise<Listing> {
  const { from, to, entity, type, source } = filters;
  if (filters.q) {
    // Search has no source filter: the hits are narrowed here.
    const hits = (await searchArticles(filters.q, { from, to, entity, type }, signal)).items;
    return { rows: source ? hits.filter((h) => h.source === source) : hits, more: false };
  }
  const rows: Listing['rows'] = [];
  let more = true;
  for (let page = 0; page < pages && more; page++) {
    const items = (await listArticles({ from, to, entity, type, source, offset: rows.length, limit: DEFAULT_PAGE_SIZE }, signal)).items;
    rows.push(...items);
    more = items.length === DEFAULT_PAGE_SIZE;
  }
  return { rows, more };
}

function Snippet({ parts }: { parts: SnippetPart[] }) {
  return <p class="snippet" lang="ar" dir="rtl">…{parts.map((p, i) => (p.hit ? <mark key={i} class="hit">{p.text}</mark> : p.text))}…</p>;
}

function ArticleCard({ row }: { row: Listing['rows'][number] }) {
  const { t, date } = useLocale();
  return (
    <li class="article-card" data-article={row.id}>
      <h2 class="article-card-title">
        <a href={hrefOf({ page: 'article', id: row.id, query: {} })} lang="ar" dir="rtl">{row.title ?? t('untitled')}</a>
      </h2>
      <p class="meta">
        {row.date && <time dateTime={row.date}>{date(row.date)}</time>}
        {row.source && <bdi class="source">{row.source}</bdi>}
        {row.events !== null && <span>{t('eventsCount', { n: row.events })}</span>}
        {row.entities !== null && <span>{t('entitiesCount', { n: row.entities })}</span>}
      </p>
      {row.snippets?.map((parts, i) => <Snippet key={i} parts={parts} />)}
    </li>
  );
}

export function ArticlesPage({ query }: { query: Query }) {
  const { t, lang } = useLocale();
  const filters: ArticleFilters = {};
  for (const key of FILTER_KEYS) if (query[key]) filters[key] = query[key];
  const [pages, setPages] = useState(1);
  const [draft, setDraft] = useState<ArticleFilters>(filters);
  const serverKey = JSON.stringify(filters);
  const listing = useResource((signal) => loadListing(filters, pages, signal), [serverKey, pages]);
  const rows = listing.data?.rows ?? [];
  const sources = [...new Set([...rows.map((r) => r.source), filters.source].filter((s): s is string => !!s))].sort();
  const field = (key: keyof ArticleFilters) => ({
    id: `articles-${key}`,
    name: key,
    value: draft[key] ?? '',
    onInput: (e: Event) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  const apply = (next: ArticleFilters) => {
    setPages(1);
    navigate({ page: 'articles', query: Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Query });
  };
  const error = listing.error;
  return (
    <div class="articles-page">
      <PageTitle>{t('articlesTitle')}</PageTitle>
      <form role="search" class="filters articles-filters" onSubmit={(e) => { e.preventDefault(); apply(draft); }}>
        <div class="field field-wide">
          <label for="articles-q">{t('searchLabel')}</label>
          <input type="search" {...field('q')} placeholder={t('searchPlaceholder')} lang="ar" dir="auto" />
        </div>
        <div class="field field-narrow"><label for="articles-from">{t('from')}</label><input type="date" {...field('from')} /></div>
        <div class="field field-narrow"><label for="articles-to">{t('to')}</label><input type="date" {...field('to')} /></div>
        <div class="field">
          <label for="articles-source">{t('source')}</label>
          <select {...field('source')} onChange={(e) => setDraft({ ...draft, source: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('anySource')}</option>
            {sources.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div class="field"><label for="articles-entity">{t('entity')}</label><input type="search" {...field('entity')} placeholder={t('actorPlaceholder')} /></div>
        <div class="field">
          <label for="articles-type">{t('eventType')}</label>
          <select {...field('type')} onChange={(e) => setDraft({ ...draft, type: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t('anyType')}</option>
            {PLOVER_TYPES.map((type) => <option key={type} value={type}>{ploverLabel(type, lang)} ({type})</option>)}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="button button-primary">{t('searchButton')}</button>
          <button type="button" class="button" onClick={() => { setDraft({}); apply({}); }}>{t('reset')}</button>
        </div>
      </form>
      {error ? <ErrorNote error={error} onRetry={listing.reload} /> : !listing.data ? <Loading /> : (
        <div aria-busy={listing.loading}>
          <p class="count" role="status">{filters.q ? t('resultCount', { n: rows.length }) : t('articleCount', { n: rows.length })}</p>
          {rows.length === 0 ? <Empty>{filters.q || Object.keys(filters).length ? t('noResults') : t('noArticles')}</Empty> : (
            <ol class="article-list">{rows.map((row) => <ArticleCard key={row.id} row={row} />)}</ol>
          )}
          {listing.data.more && <button type="button" class="button" onClick={() => setPages(pages + 1)}>{t('showMore')}</button>}
        </div>
      )}
    </div>
  );
}
