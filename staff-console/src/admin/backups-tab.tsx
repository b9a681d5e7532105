import { fill, t, type BackupView, type Lang, type StringKey } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { useLoad } from './use-load.ts';

const reasonKey: Record<string, StringKey> = {
  daily: 'backupsReasonDaily',
  manual: 'backupsReasonManual',
  command: 'backupsReasonCommand',
  'before-upgrade': 'backupsReasonUpgrade',
};

const VN_OFFSET_MS = 7 * 3_600_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yyyy HH:mm in Viet Nam time: backups are kept for a year, so the year is part of the date. */
function fullDateTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '—';
  const d = new Date(at + VN_OFFSET_MS);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

function size(lang: Lang, bytes: number): string {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toLocaleString(locale, { maximumFractionDigits: 1 })} GB`;
  return `${(bytes / 1024 ** 2).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

function Check({ lang, backup }: { lang: Lang; backup: BackupView }) {
  if (backup.check.verdict === 'ok' && backup.check.checkedAt) {
    return (
      <>
        <span className="backup-check backup-check--ok">✓ {t(lang, 'backupsCheckOk')}</span>
        <small className="sub">{fill(lang, 'backupsCheckOkAt', { at: fullDateTime(backup.check.checkedAt) })}</small>
      </>
    );
  }
  return (
    <>
      <span className="backup-check backup-check--unknown">{t(lang, 'backupsCheckUnknown')}</span>
      <small className="sub">{t(lang, 'backupsCheckUnknownHint')}</small>
    </>
  );
}

/** The backups on the backup disk, newest first, each with its check; and "back up now" before a risky change. */
export function BackupsTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const list = useLoad('backups', api.backups);
  const [notice, say] = useAdminNotice();
  const [busy, setBusy] = useState(false);
  const data = list.data;

  const backUp = async () => {
    setBusy(true);
    say.ok(t(lang, 'backupsRunning'));
    const result = await api.backUpNow();
    setBusy(false);
    if (result.ok) say.ok(fill(lang, 'backupsDone', { name: result.body.backup.name, size: size(lang, result.body.backup.bytes) }));
    else if (result.kind !== 'unauthorized') say.failed(result);
    list.reload();
  };

  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-backups">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabBackups')}</h2>
        <button type="button" className="btn btn--primary" onClick={() => void backUp()} disabled={busy} aria-busy={busy} data-testid="backup-now">
          {t(lang, 'backupsNow')}
        </button>
      </div>
      <p>{t(lang, 'backupsIntro')}</p>
      <AdminNotice lang={lang} notice={notice} />
      <Problem lang={lang} failure={list.failure} />
      {data?.lastFailure && (
        <p className="notice notice--error" role="alert" data-testid="backup-failure">
          {fill(lang, 'backupsLastFailure', { at: fullDateTime(data.lastFailure.at), message: data.lastFailure.message[lang] })}
        </p>
      )}
      {data && (
        <dl className="sync-status" data-testid="backup-place">
          <dt>{t(lang, 'backupsWhere')}</dt>
          <dd className="mono">{data.dir}</dd>
          <dt>{t(lang, 'backupsFree')}</dt>
          <dd>{size(lang, data.freeBytes)}</dd>
          <dt>{t(lang, 'backupsDaily')}</dt>
          <dd>{data.dailyAt}</dd>
        </dl>
      )}
      {data?.backups.length === 0 && <p className="muted">{t(lang, 'backupsEmpty')}</p>}
      {data && data.backups.length > 0 && (
        <table className="table admin-table" data-testid="backup-list">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'backupsAt')}</th>
              <th scope="col">{t(lang, 'backupsReason')}</th>
              <th scope="col">{t(lang, 'backupsSize')}</th>
              <th scope="col">{t(lang, 'backupsCheck')}</th>
            </tr>
          </thead>
          <tbody>
            {data.backups.map((b) => (
              <tr key={b.name} data-testid="backup-item" data-reason={b.reason} data-check={b.check.verdict}>
                <th scope="row" className="nowrap">
                  {fullDateTime(b.takenAt)}
                  <small className="sub mono">{b.name}</small>
                </th>
                <td>{reasonKey[b.reason] ? t(lang, reasonKey[b.reason] as StringKey) : b.reason}</td>
                <td className="nowrap">{size(lang, b.bytes)}</td>
                <td>
                  <Check lang={lang} backup={b} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="form__hint">{t(lang, 'backupsRestoreHint')}</p>
    </section>
  );
}
