import { ht, t, type CenterSyncStatus, type HubStringKey, type Lang } from '@luot/shared';
import { useEffect, useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { dateTime } from '../time/clock.ts';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { useLoad } from './use-load.ts';

const stateKey: Record<CenterSyncStatus['state'], HubStringKey> = {
  off: 'syncStateOff',
  connecting: 'syncStateConnecting',
  syncing: 'syncStateSyncing',
  up_to_date: 'syncStateUpToDate',
  failing: 'syncStateFailing',
};

/** The center's link to its province hub: where it stands (refreshed every few seconds), its settings, a re-sync. */
export function HubSyncTab({ lang, api, admin }: { lang: Lang; api: ConsoleApi; admin: boolean }) {
  const loaded = useLoad('hubSync', api.hubSync);
  const [notice, say] = useAdminNotice();
  const [form, setForm] = useState<{ hubUrl: string; centerId: string; key: string } | null>(null);
  const status = loaded.data;
  const { reload } = loaded;

  useEffect(() => {
    const timer = window.setInterval(reload, 5_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const values = form ?? { hubUrl: status?.hubUrl ?? '', centerId: status?.centerId ? String(status.centerId) : '', key: '' };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const result = await api.saveHubSync({ hubUrl: values.hubUrl.trim() || null, centerId: values.centerId ? Number(values.centerId) : null, key: values.key.trim() || null });
    if (result.ok) {
      say.ok(ht(lang, 'syncSaved'));
      setForm(null);
    } else if (result.kind !== 'unauthorized') say.failed(result);
    reload();
  };
  const resync = async () => {
    const result = await api.resyncHub();
    if (result.ok) say.ok(ht(lang, 'syncResyncDone'));
    else if (result.kind !== 'unauthorized') say.failed(result);
    reload();
  };

  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-hub-sync">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabHub')}</h2>
      </div>
      <p className="dialog__body">{ht(lang, 'syncExplain')}</p>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={loaded.failure} />
      {status && (
        <dl className="sync-status" data-testid="hub-sync-status" data-state={status.state}>
          <dt>{ht(lang, 'syncState')}</dt>
          <dd className={status.state === 'failing' ? 'sub--warn' : undefined}>
            {ht(lang, stateKey[status.state])}
            {status.lastError && <small className="sub">{status.lastError.message[lang]}</small>}
          </dd>
          <dt>{ht(lang, 'syncAcked')}</dt>
          <dd data-testid="hub-sync-acked">{status.ackedEventId ?? '—'}</dd>
          <dt>{ht(lang, 'syncHead')}</dt>
          <dd>{status.headEventId}</dd>
          <dt>{ht(lang, 'syncLag')}</dt>
          <dd data-testid="hub-sync-lag">{status.lagEvents === null ? '—' : ht(lang, 'syncLagValue', { events: status.lagEvents, seconds: status.lagSeconds ?? 0 })}</dd>
          <dt>{ht(lang, 'syncLastAck')}</dt>
          <dd>{status.lastAckAt ? dateTime(status.lastAckAt) : '—'}</dd>
          {status.state === 'failing' && status.nextAttemptAt && (
            <>
              <dt>{ht(lang, 'syncNextAttempt')}</dt>
              <dd>{dateTime(status.nextAttemptAt)}</dd>
            </>
          )}
        </dl>
      )}
      {status && admin && status.source === 'env' && <p className="notice notice--info">{ht(lang, 'syncFromEnv')}</p>}
      {status && admin && status.source !== 'env' && (
        <form className="form admin-form" onSubmit={(e) => void save(e)}>
          <label className="form__row">
            {ht(lang, 'syncHubUrl')}
            <input type="url" value={values.hubUrl} onChange={(e) => setForm({ ...values, hubUrl: e.target.value })} placeholder="https://" data-testid="hub-sync-url" />
          </label>
          <label className="form__row">
            {ht(lang, 'syncCenterId')}
            <input type="number" min={1} value={values.centerId} onChange={(e) => setForm({ ...values, centerId: e.target.value })} data-testid="hub-sync-center" />
          </label>
          <label className="form__row">
            {ht(lang, 'syncKey')}
            <input type="password" autoComplete="off" value={values.key} placeholder={ht(lang, 'syncKeyKeep')} onChange={(e) => setForm({ ...values, key: e.target.value })} data-testid="hub-sync-key" />
          </label>
          <button type="submit" className="btn btn--primary" data-testid="hub-sync-save">
            {t(lang, 'consoleSave')}
          </button>
        </form>
      )}
      {status?.configured && admin && (
        <button type="button" className="btn btn--subtle" onClick={() => void resync()} data-testid="hub-sync-resync">
          {ht(lang, 'syncResync')}
        </button>
      )}
    </section>
  );
}
