/** The three ways to add articles: paste a text, upload files, give a feed URL. */
import { useState } from 'preact/hooks';
import { apiToken, setApiToken } from '../api/client.js';
import { addFeed, type FeedResult } from '../api/endpoints.js';
import { dataChanged } from '../api/resource.js';
import { useLocale } from '../i18n/locale.js';

export interface PastedArticle {
  text: string;
  title?: string;
  date?: string;
  url?: string;
}

/** Asks for the write token after the server refused a write without one. */
export function TokenField() {
  const { t } = useLocale();
  return (
    <div class="status status-error" role="alert">
      <p>{t('tokenNeeded')}</p>
      <div class="field">
        <label for="api-token">{t('tokenLabel')}</label>
        <input id="api-token" type="password" autoComplete="off" dir="ltr" value={apiToken() ?? ''} onInput={(e) => setApiToken((e.currentTarget as HTMLInputElement).value)} />
      </div>
    </div>
  );
}

/** A pasted text with optional title, date and URL, posted as a JSON article. */
export function PasteForm({ busy, onSubmit }: { busy: boolean; onSubmit(article: PastedArticle): void }) {
  const { t } = useLocale();
  const [article, setArticle] = useState({ text: '', title: '', date: '', url: '' });
  const [empty, setEmpty] = useState(false);
  const field = (key: keyof typeof article) => ({
    id: `paste-${key}`,
    name: key,
    value: article[key],
    onInput: (e: Event) => setArticle({ ...article, [key]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form
      class="add-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!article.text.trim()) return setEmpty(true);
        setEmpty(false);
        const { text, title, date, url } = article;
        onSubmit({ text, ...(title && { title }), ...(date && { date }), ...(url && { url }) });
      }}
    >
      <div class="field"><label for="paste-title">{t('articleTitle')}</label><input type="text" {...field('title')} lang="ar" dir="auto" /></div>
      <div class="field">
        <label for="paste-text">{t('articleText')}</label>
        <textarea {...field('text')} rows={12} lang="ar" dir="auto" aria-invalid={empty} aria-describedby={empty ? 'paste-empty' : undefined} />
        {empty && <p id="paste-empty" class="field-error">{t('emptyText')}</p>}
      </div>
      <div class="field-row">
        <div class="field"><label for="paste-date">{t('articlePublished')}</label><input type="date" {...field('date')} /></div>
        <div class="field"><label for="paste-url">{t('articleUrl')}</label><input type="url" pattern="[Hh][Tt][Tt][Pp][Ss]?://.+" {...field('url')} dir="ltr" /></div>
      </div>
      <button type="submit" class="button button-primary" disabled={busy}>{t('submitArticle')}</button>
    </form>
  );
}

/** Files to upload: text, HTML, JSON (an article or a list) or JSONL (an article a line). */
export function FileForm({ busy, onSubmit }: { busy: boolean; onSubmit(files: File[]): void }) {
  const { t } = useLocale();
  const [files, setFiles] = useState<File[]>([]);
  return (
    <form class="add-form" onSubmit={(e) => { e.preventDefault(); if (files.length) onSubmit(files); }}>
      <div class="field">
        <label for="add-files">{t('filesLabel')}</label>
        <input
          id="add-files"
          type="file"
          multiple
          accept=".txt,.text,.html,.htm,.xhtml,.json,.jsonl,.ndjson,text/plain,text/html,application/json"
          onChange={(e) => setFiles([...((e.currentTarget as HTMLInputElement).files ?? [])])}
        />
      </div>
      <button type="submit" class="button button-primary" disabled={busy || !files.length}>{t('submitFiles')}</button>
    </form>
  );
}

/** A feed URL (http or https), fetched and stored by the server (`POST /api/feeds`). */
export function FeedForm() {
  const { t, number } = useLocale();
  const [url, setUrl] = useState('');
  const [state, setState] = useState<{ busy: boolean; result?: FeedResult; error?: string }>({ busy: false });
  return (
    <form
      class="add-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setState({ busy: true });
        try {
          const result = await addFeed(url);
          setState({ busy: false, result });
          dataChanged();
        } catch (err) {
          setState({ busy: false, error: (err as Error).message });
        }
      }}
    >
      <div class="field"><label for="feed-url">{t('feedUrl')}</label><input id="feed-url" type="url" required pattern="[Hh][Tt][Tt][Pp][Ss]?://.+" dir="ltr" value={url} onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} /></div>
      <button type="submit" class="button button-primary" disabled={state.busy}>{t('submitFeed')}</button>
      {state.busy && <progress aria-label={t('submitFeed')} />}
      <div role="status" aria-live="polite">
        {state.result && <p>{t('resultNew')}: {number(state.result.new)} · {t('resultDuplicate')}: {number(state.result.duplicate)} · {t('resultFailed')}: {number(state.result.failed.length)}</p>}
        {state.error && <p class="field-error">{state.error}</p>}
      </div>
    </form>
  );
}

