import { defaultLang, isLang, type Lang } from '../i18n.ts';
import { useCallback, useEffect, useState } from 'react';

const storageKey = 'luot.lang';

function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLang(stored) ? stored : defaultLang;
  } catch {
    // Locked-down kiosk browsers may deny storage; Vietnamese is the right fallback, not a crash.
    return defaultLang;
  }
}

/** The interface language, remembered across reloads on this device. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(readStoredLang);

  useEffect(() => {
    // Screen readers and font shaping follow the document language, not just the text.
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Not remembering the choice is acceptable; the switch still works for this session.
    }
  }, []);

  return [lang, setLang];
}
