import { fill, t, webhookEventTypes, type Lang, type WebhookEventType } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { dateTime } from '../time/clock.ts';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { useLoad } from './use-load.ts';
import { eventKey } from './webhook-words.ts';

/** The admin's webhooks: add one (its secret is shown once), switch one off or on, see what waits or failed. */
export function WebhooksPanel({ lang, api, onChanged }: { lang: Lang; api: ConsoleApi; onChanged: () => void }) {
  const list = useLoad('webhooks', api.webhooks);
  const [notice, say] = useAdminNotice();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['ticket.finished']);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.createWebhook({ url: url.trim(), events });
    if (result.ok) {
      say.ok(fill(lang, 'hooksSecretOnce', { secret: result.body.secret }));
      setUrl('');
    } else if (result.kind !== 'unauthorized') say.failed(result);
    list.reload();
    onChanged();
  };
  const toggle = async (id: number, active: boolean) => {
    const result = await api.setWebhookActive(id, active);
    if (!result.ok && result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };

  return (
    <section className="admin-tab__part" aria-labelledby="hooks-title" data-testid="webhooks">
      <h3 id="hooks-title">{t(lang, 'hooksTitle')}</h3>
      <p className="dialog__body">{t(lang, 'hooksExplain')}</p>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={list.failure} />
      <form className="form admin-form" onSubmit={(e) => void add(e)} data-testid="webhook-form">
        <label className="form__row">
          {t(lang, 'hooksUrl')}
          <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" data-testid="webhook-url" />
        </label>
        <fieldset>
          <legend>{t(lang, 'hooksEvents')}</legend>
          {webhookEventTypes.map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={events.includes(type)}
                onChange={(e) => setEvents(e.target.checked ? [...events, type] : events.filter((x) => x !== type))}
                data-testid={`webhook-event-${type}`}
              />
              {t(lang, eventKey[type])}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="btn btn--primary" disabled={events.length === 0} data-testid="webhook-add">
          {t(lang, 'hooksAdd')}
        </button>
      </form>
      {list.data?.length === 0 && <p className="muted">{t(lang, 'hooksNone')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table admin-table" data-testid="webhook-list">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'hooksUrl')}</th>
              <th scope="col">{t(lang, 'hooksEvents')}</th>
              <th scope="col">{t(lang, 'hooksPending')}</th>
              <th scope="col">{t(lang, 'hooksFailed')}</th>
              <th scope="col">{t(lang, 'adminState')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((hook) => (
              <tr key={hook.id} data-testid="webhook-item">
                <th scope="row">
                  {hook.url}
                  <small className="sub">
                    {t(lang, 'adminCreatedAt')} {dateTime(hook.createdAt)}
                  </small>
                </th>
                <td>{hook.events.map((e) => t(lang, eventKey[e])).join(', ')}</td>
                <td className="num">{hook.pending}</td>
                <td className={hook.failed > 0 ? 'num sub--warn' : 'num'}>{hook.failed}</td>
                <td>
                  {hook.active ? t(lang, 'adminActive') : t(lang, 'adminRetired')}{' '}
                  <button type="button" className="btn btn--small" onClick={() => void toggle(hook.id, !hook.active)}>
                    {hook.active ? t(lang, 'hooksOff') : t(lang, 'hooksOn')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
