import type { ReactNode } from 'react';
import { t, type Lang } from '../i18n.ts';
import { ConnectionStatus } from './connection-status.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import type { Connection } from './use-health.ts';

interface AppHeaderProps {
  lang: Lang;
  title: string;
  connection: Connection;
  onLangChange: (lang: Lang) => void;
  /** An app's own entry in the top bar, before the connection and language (the kiosk's booking check-in). */
  extra?: ReactNode;
}

export function AppHeader({ lang, title, connection, onLangChange, extra }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__titles">
        <h1 className="app-header__title" data-testid="app-title">
          <span className="app-header__product">{t(lang, 'appName')}</span>
          <span className="app-header__role">{title}</span>
        </h1>
        <p className="app-header__center" data-testid="center-name">
          {connection.center ?? (connection.state === 'loading' ? t(lang, 'loading') : '—')}
        </p>
      </div>
      {extra}
      <div className="app-header__tools">
        <ConnectionStatus lang={lang} connection={connection} />
        <LanguageSwitch lang={lang} onChange={onLangChange} />
      </div>
    </header>
  );
}
