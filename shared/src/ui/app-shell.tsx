import { useEffect, type ReactNode } from 'react';
import { t, type Lang, type StringKey } from '../i18n.ts';
import { AppHeader } from './app-header.tsx';
import { useHealth } from './use-health.ts';
import { useLang } from './use-lang.ts';

interface AppShellProps {
  /** The app's own title, shown after the product name in the header and the browser tab. */
  titleKey: StringKey;
  /** The app's screen, given the current interface language. */
  children?: (lang: Lang) => ReactNode;
}

/** What every app shows around its screen: the header, the chosen language and the server connection. */
export function AppShell({ titleKey, children }: AppShellProps) {
  const [lang, setLang] = useLang();
  const connection = useHealth();
  const title = t(lang, titleKey);

  useEffect(() => {
    document.title = `${t(lang, 'appName')} — ${title}`;
  }, [lang, title]);

  return (
    <div className="app">
      <AppHeader lang={lang} title={title} connection={connection} onLangChange={setLang} />
      <main className="app-main">{children?.(lang)}</main>
    </div>
  );
}
