import { t, type Lang } from '../i18n.ts';
import type { Connection } from './use-health.ts';

interface ConnectionStatusProps {
  lang: Lang;
  connection: Connection;
}

const labelKey = { loading: 'loading', online: 'connected', lost: 'connectionLost' } as const;

export function ConnectionStatus({ lang, connection }: ConnectionStatusProps) {
  return (
    <div className={`connection connection--${connection.state}`} role="status" aria-live="polite">
      <span className="connection__label" data-testid="connection-status">
        {t(lang, labelKey[connection.state])}
      </span>
      {connection.state === 'lost' && <span className="connection__hint">{t(lang, 'connectionLostHint')}</span>}
    </div>
  );
}
