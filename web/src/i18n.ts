import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang, LocalText } from './api/types.js';
import { de, type Dictionary } from './locales/de.js';
import { en } from './locales/en.js';

const dictionaries: Record<Lang, Dictionary> = { de, en };
const STORAGE_KEY = 'amtsweg.lang';

function initialLang(): Lang {
  // German is the default; English only when the person chose it before (not from the browser
  // locale, so the page a warden or the test opens is predictable).
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

// Module-level copy so non-React code (the fetch wrapper) can send Accept-Language.
let active: Lang = initialLang();
export const currentLang = (): Lang => active;
export const dictionary = (): Dictionary => dictionaries[active];

type I18n = { lang: Lang; t: Dictionary; setLang: (lang: Lang) => void; local: (text: LocalText) => string };
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(active);

  const setLang = useCallback((next: Lang) => {
    active = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice then lasts for this page view only.
    }
    setLangState(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(
    () => ({ lang, t: dictionaries[lang], setLang, local: (text) => text[lang] || text.de }),
    [lang, setLang],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Children in another language than the page (the designer's preview); mark the wrapper with lang. */
export function LangScope({ lang, children }: { lang: Lang; children: ReactNode }) {
  const parent = useI18n();
  const value = useMemo<I18n>(
    () => ({ ...parent, lang, t: dictionaries[lang], local: (text) => text[lang] || text.de }),
    [parent, lang],
  );
  return createElement(I18nContext.Provider, { value }, children);
}

/** Sets the document title; every page calls it so screen readers announce where they are. */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} – ${t.site.owner}`;
  }, [title, t]);
}
