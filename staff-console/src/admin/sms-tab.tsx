import { fill, t, type Lang, type SmsLogEntry, type SmsSettingsBody, type StringKey } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { dateTime } from '../time/clock.ts';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { useLoad } from './use-load.ts';

const gatewayWords: Record<'modem' | 'http' | 'log', StringKey> = { modem: 'adminSmsGatewayModem', http: 'adminSmsGatewayHttp', log: 'adminSmsGatewayLog' };
const purposeWords: Record<SmsLogEntry['purpose'], StringKey> = {
  near: 'adminSmsPurposeNear',
  called: 'adminSmsPurposeCalled',
  otp: 'adminSmsPurposeOtp',
  booking: 'adminSmsPurposeBooking',
};
const statusWords: Record<SmsLogEntry['status'], StringKey> = { queued: 'adminSmsStatusQueued', sent: 'adminSmsStatusSent', failed: 'adminSmsStatusFailed' };

/**
 * The SMS tab: which gateway the server uses (set in its environment, LUOT_SMS), when "your turn is near" is sent,
 * how long phone numbers are kept, and the latest messages with numbers masked (09xx xxx 123) and why one failed.
 */
export function SmsTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const loaded = useLoad('sms', api.sms);
  const [notice, say] = useAdminNotice();

  const save = async (body: SmsSettingsBody) => {
    const result = await api.saveSms(body);
    if (result.ok) say.ok(t(lang, 'consoleSaved'));
    else if (result.kind !== 'unauthorized') say.failed(result);
    loaded.reload();
  };

  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-sms">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabSms')}</h2>
        <button type="button" className="btn" onClick={loaded.reload}>
          {t(lang, 'adminReload')}
        </button>
      </div>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={loaded.failure} />
      {loaded.data && (
        <>
          <p data-testid="sms-gateway">{fill(lang, 'adminSmsGateway', { gateway: t(lang, gatewayWords[loaded.data.gateway]) })}</p>
          <SettingsForm key={JSON.stringify(loaded.data.settings)} lang={lang} settings={loaded.data.settings} onSave={(body) => void save(body)} />
          <h3>{t(lang, 'adminSmsLog')}</h3>
          {loaded.data.log.length === 0 && <p className="muted">{t(lang, 'adminSmsEmpty')}</p>}
          <table className="table admin-table" data-testid="sms-log">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'adminSmsAt')}</th>
                <th scope="col">{t(lang, 'adminSmsTo')}</th>
                <th scope="col">{t(lang, 'adminSmsPurpose')}</th>
                <th scope="col">{t(lang, 'adminSmsText')}</th>
                <th scope="col">{t(lang, 'adminSmsStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.log.map((m) => (
                <tr key={m.id} data-testid="sms-item" data-status={m.status}>
                  <td className="nowrap">{dateTime(new Date(m.createdAt).toISOString())}</td>
                  <td className="nowrap mono">{m.to}</td>
                  <td>{t(lang, purposeWords[m.purpose])}</td>
                  <td>{m.text}</td>
                  <td>
                    {t(lang, statusWords[m.status])}
                    {m.attempts > 1 && <small className="sub">{fill(lang, 'adminSmsAttempts', { count: m.attempts })}</small>}
                    {m.status !== 'sent' && m.lastError && <small className="sub">{m.lastError}</small>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The near-turn rule and the keeping time; opened afresh (keyed) whenever the saved settings change. */
function SettingsForm({ lang, settings, onSave }: { lang: Lang; settings: SmsSettingsBody; onSave: (body: SmsSettingsBody) => void }) {
  const [ahead, setAhead] = useState(String(settings.near.ahead));
  const [minutes, setMinutes] = useState(String(settings.near.minutes));
  const [keepDays, setKeepDays] = useState(String(settings.personalDataDays));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ near: { ahead: Number(ahead), minutes: Number(minutes) }, fields: settings.fields, personalDataDays: Number(keepDays) });
  };
  return (
    <form className="form admin-form" onSubmit={submit} noValidate>
      <label className="form__row">
        <span>{t(lang, 'adminSmsNearAhead')}</span>
        <input type="number" min={0} max={50} value={ahead} onChange={(e) => setAhead(e.target.value)} data-testid="sms-ahead" />
      </label>
      <label className="form__row">
        <span>{t(lang, 'adminSmsNearMinutes')}</span>
        <input type="number" min={0} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} data-testid="sms-minutes" />
      </label>
      <label className="form__row">
        <span>{t(lang, 'adminSmsKeepDays')}</span>
        <input type="number" min={1} max={365} value={keepDays} onChange={(e) => setKeepDays(e.target.value)} data-testid="sms-keep-days" />
      </label>
      <button type="submit" className="btn btn--primary" data-testid="sms-save">
        {t(lang, 'adminSmsSave')}
      </button>
    </form>
  );
}
