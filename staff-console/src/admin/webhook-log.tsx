import { t, type Lang } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { dateTime } from '../time/clock.ts';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { useLoad } from './use-load.ts';
import { eventKey, statusKey } from './webhook-words.ts';

/** The delivery log, newest first: what was sent where, how many tries, the last answer; a failure can be resent. */
export function WebhookLog({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const [failedOnly, setFailedOnly] = useState(false);
  const list = useLoad(`webhook-log-${failedOnly}`, (signal) => api.webhookDeliveries(failedOnly, signal));
  const [notice, say] = useAdminNotice();
  const resend = async (id: number) => {
    const result = await api.resendDelivery(id);
    if (result.ok) say.ok(t(lang, 'hooksResent'));
    else if (result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };
  return (
    <section className="admin-tab__part" aria-labelledby="hooks-log-title" data-testid="webhook-log">
      <div className="admin-tab__head">
        <h3 id="hooks-log-title">{t(lang, 'hooksLog')}</h3>
        <label className="check">
          <input type="checkbox" checked={failedOnly} onChange={(e) => setFailedOnly(e.target.checked)} data-testid="webhook-log-failed-only" />
          {t(lang, 'hooksOnlyFailures')}
        </label>
        <button type="button" className="btn" onClick={list.reload}>
          {t(lang, 'adminReload')}
        </button>
      </div>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={list.failure} />
      {list.data?.length === 0 && <p className="muted">{t(lang, 'hooksLogEmpty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table admin-table" data-testid="webhook-log-list">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'adminCreatedAt')}</th>
              <th scope="col">{t(lang, 'hooksEvent')}</th>
              <th scope="col">{t(lang, 'hooksUrl')}</th>
              <th scope="col">{t(lang, 'hooksStatus')}</th>
              <th scope="col">{t(lang, 'hooksAttempts')}</th>
              <th scope="col">{t(lang, 'hooksLastAnswer')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {list.data.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery" data-status={d.status}>
                <td className="nowrap">{dateTime(d.createdAt)}</td>
                <th scope="row">
                  {t(lang, eventKey[d.eventType])}
                  <small className="sub">{d.eventId}</small>
                </th>
                <td>{d.url}</td>
                <td className={d.status === 'failed' ? 'sub--warn' : undefined}>{t(lang, statusKey[d.status])}</td>
                <td className="num">{d.attempts}</td>
                <td>{d.lastError ?? (d.lastStatus === null ? '—' : `HTTP ${d.lastStatus}`)}</td>
                <td>
                  {d.status !== 'pending' && (
                    <button type="button" className="btn btn--small" onClick={() => void resend(d.id)} data-testid="webhook-resend">
                      {t(lang, 'hooksResend')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
