import { t } from '@luot/shared';
import { useEffect } from 'react';
import { AppHeader } from './app-header.tsx';
import { useHealth } from './use-health.ts';
import { useLang } from './use-lang.ts';

export function App() {
  const [lang, setLang] = useLang();
  const connection = useHealth();
  const title = t(lang, 'displayTitle');

  useEffect(() => {
    document.title = `${t(lang, 'appName')} — ${title}`;
  }, [lang, title]);

  return (
    <div className="app">
      <AppHeader lang={lang} title={title} connection={connection} onLangChange={setLang} />
      <main className="app-main" />
    </div>
  );
}
