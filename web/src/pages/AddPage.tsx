/**
 * Adding articles: paste a text, upload files, or give a feed URL. Each
 * article is posted to the API in turn with the progress shown; the results
 * link to the stored articles, and every list of the dashboard refreshes
 * without a reload.
 */
import { useState } from 'preact/hooks';
import type { Query } from '../../../src/web/lib/routes.js';
import { ApiError } from '../api/client.js';
import { addArticle } from '../api/endpoints.js';
import { dataChanged } from '../api/resource.js';
import { FeedForm, FileForm, PasteForm, TokenField } from '../components/AddForms.js';
import { IDLE, ProgressReport, type AddResultLine, type Progress } from '../components/AddProgress.js';
import { PageTitle } from '../components/PageTitle.js';
import { Tabs } from '../components/Tabs.js';
import { useLocale } from '../i18n/locale.js';
import type { StringKey } from '../i18n/strings.js';
import { navigate } from '../router.js';
import { uploadsOf, type Unreadable, type Upload } from './add-files.js';

const MODES = ['paste', 'file', 'feed'] as const;
type Mode = (typeof MODES)[number];
const MODE_LABELS: Record<Mode, StringKey> = { paste: 'addPasteTab', file: 'addFileTab', feed: 'addFeedTab' };
const UNAUTHORIZED = 401;
/** Characters of a pasted text that name it in the results when it has no title. */
const LABEL_CHARS = 40;

export function AddPage({ query }: { query: Query }) {
  const { t } = useLocale();
  const mode: Mode = (MODES as readonly string[]).includes(query.mode ?? '') ? (query.mode as Mode) : 'paste';
  const [progress, setProgress] = useState<Progress>(IDLE);
  const [needsToken, setNeedsToken] = useState(false);

  /** Posts the uploads one after another; a failure is reported and the rest go on. */
  const run = async (uploads: (Upload | Unreadable)[]) => {
    const results: AddResultLine[] = [];
    setProgress({ done: 0, total: uploads.length, results, running: true });
    for (const upload of uploads) {
      if ('error' in upload) results.push({ label: upload.label, status: 'failed', error: upload.error });
      else {
        try {
          const added = await addArticle(upload.body);
          results.push({ label: upload.label, status: added.duplicate ? 'duplicate' : 'new', id: added.id, events: added.events });
          dataChanged();
        } catch (e) {
          if (e instanceof ApiError && e.status === UNAUTHORIZED) setNeedsToken(true);
          results.push({ label: upload.label, status: 'failed', error: (e as Error).message });
        }
      }
      setProgress({ done: results.length, total: uploads.length, results: [...results], running: results.length < uploads.length });
    }
  };

  return (
    <div class="add-page">
      <PageTitle>{t('addTitle')}</PageTitle>
      {needsToken && <TokenField />}
      <Tabs
        label={t('addModes')}
        tabs={MODES.map((m) => ({ id: m, label: t(MODE_LABELS[m]) }))}
        selected={mode}
        onSelect={(m) => navigate({ page: 'add', query: m === 'paste' ? {} : { mode: m } })}
      >
        {mode === 'paste' && <PasteForm busy={progress.running} onSubmit={(article) => run([{ label: article.title || article.text.slice(0, LABEL_CHARS), body: { kind: 'json', article } }])} />}
        {mode === 'file' && <FileForm busy={progress.running} onSubmit={async (files) => run((await Promise.all(files.map(uploadsOf))).flat())} />}
        {mode === 'feed' && <FeedForm />}
      </Tabs>
      <ProgressReport progress={progress} />
    </div>
  );
}
