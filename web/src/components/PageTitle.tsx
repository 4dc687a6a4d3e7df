/**
 * A page's heading, which also names the browser tab (`document.title`). The
 * shell moves focus to `main` on navigation; this heading is what is read next.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocale } from '../i18n/locale.js';

export function PageTitle({ children, lang, dir }: { children: ComponentChildren; lang?: string; dir?: 'rtl' | 'ltr' | 'auto' }) {
  const { t } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const text = heading.current?.textContent?.trim();
    document.title = text ? `${text} — ${t('appName')}` : t('appName');
  });
  return <h1 class="page-title" ref={heading} lang={lang} dir={dir}>{children}</h1>;
}
