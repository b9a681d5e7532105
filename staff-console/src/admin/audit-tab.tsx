import { t, type AuditEntry, type Lang } from '@luot/shared';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { dateTime } from '../time/clock.ts';
import { useLoad } from './use-load.ts';

/** Readable names for the actions the server records; an action not listed here shows its code. */
const actionText: Record<string, { vi: string; en: string }> = {
  'center.update': { vi: 'Sửa thông tin trung tâm', en: 'Center profile changed' },
  'field.create': { vi: 'Thêm lĩnh vực', en: 'Field added' },
  'field.update': { vi: 'Sửa lĩnh vực', en: 'Field changed' },
  'field.deactivate': { vi: 'Ngừng sử dụng lĩnh vực', en: 'Field retired' },
  'field.stop_issuing': { vi: 'Ngừng cấp số', en: 'Issuing stopped' },
  'field.resume_issuing': { vi: 'Cấp số lại', en: 'Issuing resumed' },
  'counter.create': { vi: 'Thêm quầy', en: 'Counter added' },
  'counter.update': { vi: 'Sửa quầy', en: 'Counter changed' },
  'counter.deactivate': { vi: 'Ngừng sử dụng quầy', en: 'Counter retired' },
  'staff.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'staff.update': { vi: 'Sửa tài khoản', en: 'Account changed' },
  'staff.reset_password': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'rules.update': { vi: 'Sửa quy tắc ưu tiên', en: 'Queue rules changed' },
  'voice.update': { vi: 'Sửa giọng đọc', en: 'Voice changed' },
};

function details(entry: AuditEntry): string {
  const text = JSON.stringify(entry.details);
  return text === '{}' ? '' : text;
}

/** Who changed what and when, newest first. */
export function AuditTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const list = useLoad('audit', api.audit);
  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-audit">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabAudit')}</h2>
        <button type="button" className="btn" onClick={list.reload}>
          {t(lang, 'adminReload')}
        </button>
      </div>
      <Problem lang={lang} failure={list.failure} />
      {list.data?.length === 0 && <p className="muted">{t(lang, 'adminAuditEmpty')}</p>}
      <table className="table admin-table" data-testid="audit-list">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'adminAuditAt')}</th>
            <th scope="col">{t(lang, 'adminAuditWho')}</th>
            <th scope="col">{t(lang, 'adminAuditWhat')}</th>
            <th scope="col">{t(lang, 'adminAuditDetails')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((entry) => (
            <tr key={entry.id} data-testid="audit-item" data-action={entry.action}>
              <td className="nowrap">{dateTime(entry.at)}</td>
              <td>{entry.actor?.name ?? '—'}</td>
              <th scope="row">
                {actionText[entry.action]?.[lang] ?? entry.action}
                {entry.entityId !== null && <small className="sub">#{entry.entityId}</small>}
              </th>
              <td className="audit-details mono">{details(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
