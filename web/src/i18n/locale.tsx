/**
 * The interface language: Arabic by default, English on request (kept in
 * localStorage). Sets `<html lang dir>` and formats numbers and dates for the
 * language. Article text stays Arabic and right to left in both.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { AR, EN, type StringKey } from './strings.js';

export type Lang = 'ar' | 'en';

const STORAGE_KEY = 'marsad.lang';
const INTL_LOCALE: Record<Lang, string> = { ar: 'ar', en: 'en-GB' };
const STRINGS: Record<Lang, Record<StringKey, string>> = { ar: AR, en: EN };

export interface Locale {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  setLang(lang: Lang): void;
  /** The string for `key`, with `{name}` placeholders filled in (numbers formatted). */
  t(key: StringKey, vars?: Record<string, string | number>): string;
  number(n: number, digits?: number): string;
  /** An ISO date (YYYY-MM-DD) as a readable date; anything else as given. */
  date(iso: string | null | undefined): string;
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

export function makeLocale(lang: Lang, setLang: (lang: Lang) => void): Locale {
  const numbers = new Intl.NumberFormat(INTL_LOCALE[lang]);
  const decimals = new Map<number, Intl.NumberFormat>();
  const dates = new Intl.DateTimeFormat(INTL_LOCALE[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const number = (n: number, digits?: number) => {
    if (digits === undefined) return numbers.format(n);
    let f = decimals.get(digits);
    if (!f) decimals.set(digits, (f = new Intl.NumberFormat(INTL_LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return f.format(n);
  };
  return {
    lang,
    dir: lang === 'ar' ? 'rtl' : 'ltr',
    setLang,
    number,
    t(key, vars) {
      const template = STRINGS[lang][key];
      if (!vars) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const v = vars[name];
        return v === undefined ? whole : typeof v === 'number' ? number(v) : v;
      });
    },
    date(iso) {
      if (!iso) return '';
      const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
      const time = day ? Date.parse(day + 'T00:00:00Z') : NaN;
      return Number.isNaN(time) ? iso : dates.format(time);
    },
  };
}

const LocaleContext = createContext<Locale>(makeLocale('ar', () => {}));

export function LocaleProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const locale = useMemo(() => makeLocale(lang, (next) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    setLangState(next);
  }), [lang]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = locale.dir;
  }, [lang]);
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
