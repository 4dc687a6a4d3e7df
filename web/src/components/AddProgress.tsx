/** Progress and results of adding articles: a progress bar, a live count, and a line per article. */
import { hrefOf } from '../../../src/web/lib/routes.js';
import { useLocale } from '../i18n/locale.js';
import type { StringKey } from '../i18n/strings.js';

export interface AddResultLine {
  label: string;
  status: 'new' | 'duplicate' | 'failed';
  id?: string;
  events?: number;
  error?: string;
}

export interface Progress {
  done: number;
  total: number;
  results: AddResultLine[];
  running: boolean;
}

export const IDLE: Progress = { done: 0, total: 0, results: [], running: false };

const STATUS_LABEL: Record<AddResultLine['status'], StringKey> = { new: 'resultNew', duplicate: 'resultDuplicate', failed: 'resultFailed' };

export function ProgressReport({ progress }: { progress: Progress }) {
  const { t } = useLocale();
  if (!progress.total) return null;
  return (
    <section class="panel add-progress" aria-labelledby="add-progress-title">
      <h2 id="add-progress-title" class="sr-only">{t('progressDone', { done: progress.done, n: progress.total })}</h2>
      <progress value={progress.done} max={progress.total} aria-labelledby="add-progress-status" />
      <p id="add-progress-status" role="status" aria-live="polite">
        {progress.running ? t('progressSending', { done: progress.done, n: progress.total }) : t('progressDone', { done: progress.done, n: progress.total })}
      </p>
      <ol class="add-results">
        {progress.results.map((r, i) => (
          <li key={i} class={`add-result add-${r.status}`} data-status={r.status} data-article={r.id}>
            <bdi class="label">{r.label}</bdi>{' '}
            <span class="badge">{t(STATUS_LABEL[r.status])}</span>
            {r.events !== undefined && <span> · {t('resultEvents', { n: r.events })}</span>}
            {r.id && <> · <a href={hrefOf({ page: 'article', id: r.id, query: {} })}>{t('openArticle')}</a></>}
            {r.error && <span class="field-error"> · <bdi>{r.error}</bdi></span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
