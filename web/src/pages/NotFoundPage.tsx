/** Any address the dashboard does not know. */
import { hrefOf } from '../../../src/web/lib/routes.js';
import { PageTitle } from '../components/PageTitle.js';
import { useLocale } from '../i18n/locale.js';

export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <>
      <PageTitle>{t('notFoundTitle')}</PageTitle>
      <p>{t('notFoundBody')}</p>
      <p><a href={hrefOf({ page: 'articles', query: {} })}>{t('backToArticles')}</a></p>
    </>
  );
}
