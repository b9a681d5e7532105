import { t, type Lang } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { ApiTokensPanel } from './api-tokens-panel.tsx';
import { HallMediaPanel } from './hall-media-panel.tsx';
import { WebhookLog } from './webhook-log.tsx';
import { WebhooksPanel } from './webhooks-panel.tsx';

/** Connections to the systems around the center (webhooks, their log, API tokens) and the hall board's media. */
export function IntegrationsTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  // A new webhook's first deliveries show in the log without a manual reload.
  const [round, setRound] = useState(0);
  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-integrations">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabIntegrations')}</h2>
      </div>
      <WebhooksPanel lang={lang} api={api} onChanged={() => setRound(round + 1)} />
      <WebhookLog key={round} lang={lang} api={api} />
      <ApiTokensPanel lang={lang} api={api} />
      <HallMediaPanel lang={lang} api={api} />
    </section>
  );
}
