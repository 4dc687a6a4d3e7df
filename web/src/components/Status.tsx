/** Loading, error and empty states, announced to screen readers. */
import type { ComponentChildren } from 'preact';
import { useLocale } from '../i18n/locale.js';

export function Loading() {
  const { t } = useLocale();
  return <p class="status status-loading" role="status" aria-live="polite">{t('loading')}</p>;
}

export function ErrorNote({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useLocale();
  return (
    <div class="status status-error" role="alert">
      <p><strong>{t('errorTitle')}</strong>: <bdi>{error.message}</bdi></p>
      {onRetry && <button type="button" class="button" onClick={onRetry}>{t('retry')}</button>}
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="status status-empty">{children}</p>;
}
