/**
 * The shell: skip link, header with the main navigation and the language
 * switch, and the page of the current route. Focus moves to the main region
 * on navigation so that keyboard and screen-reader users land on the new page.
 */
import { useEffect, useRef } from 'preact/hooks';
import { hrefOf, type PageName, type Route } from '../../src/web/lib/routes.js';
import { LocaleProvider, useLocale } from './i18n/locale.js';
import type { StringKey } from './i18n/strings.js';
import { ActorPage } from './pages/ActorPage.js';
import { AddPage } from './pages/AddPage.js';
import { ArticlePage } from './pages/ArticlePage.js';
import { ArticlesPage } from './pages/ArticlesPage.js';
import { EventsPage } from './pages/EventsPage.js';
import { MapPage } from './pages/MapPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { useRoute } from './router.js';

const NAV: { page: PageName; label: StringKey; also?: PageName[] }[] = [
  { page: 'articles', label: 'navArticles', also: ['article'] },
  { page: 'events', label: 'navEvents' },
  { page: 'map', label: 'navMap' },
  { page: 'add', label: 'navAdd' },
];

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'articles': return <ArticlesPage key={JSON.stringify(route.query)} query={route.query} />;
    case 'article': return <ArticlePage key={route.id} id={route.id} query={route.query} />;
    case 'events': return <EventsPage query={route.query} />;
    case 'map': return <MapPage query={route.query} />;
    case 'actor': return <ActorPage key={route.id} id={route.id} query={route.query} />;
    case 'add': return <AddPage query={route.query} />;
    case 'not-found': return <NotFoundPage />;
  }
}

function Shell() {
  const { t, lang, setLang } = useLocale();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const where = route.page === 'article' || route.page === 'actor' ? `${route.page}/${route.id}` : route.page;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    scrollTo({ top: 0 });
  }, [where]);
  return (
    <>
      <button type="button" class="skip-link" onClick={() => main.current?.focus()}>{t('skipToContent')}</button>
      <header class="site-header">
        <a class="brand" href={hrefOf({ page: 'articles', query: {} })}>
          <span class="brand-mark" aria-hidden="true" />
          <span class="brand-name">{t('appName')}</span>
        </a>
        <nav class="site-nav" aria-label={t('mainNav')}>
          <ul>
            {NAV.map((item) => {
              const current = item.page === route.page || item.also?.includes(route.page);
              return (
                <li key={item.page}>
                  <a href={hrefOf({ page: item.page, query: {} } as Route)} aria-current={current ? 'page' : undefined}>{t(item.label)}</a>
                </li>
              );
            })}
          </ul>
        </nav>
        <button
          type="button"
          class="lang-switch"
          lang={lang === 'ar' ? 'en' : 'ar'}
          aria-label={t('switchLanguageLabel')}
          onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main id="main" ref={main} tabIndex={-1} data-page={route.page}>
        <Page route={route} />
      </main>
      <footer class="site-footer"><p>{t('appTagline')}</p></footer>
    </>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Shell />
    </LocaleProvider>
  );
}
