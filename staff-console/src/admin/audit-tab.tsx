import { t, type AuditEntry, type Lang } from '@luot/shared';
import type { ConsoleApi } from '../api/console-api.ts';
import { Problem } from '../components/problem.tsx';
import { dateTime } from '../time/clock.ts';
import { actionText, changeText } from './audit-words.ts';
import { useLoad } from './use-load.ts';

/** Rows written before changes were worded keep their raw details. */
function rawDetails(entry: AuditEntry): string {
  const text = JSON.stringify(entry.details);
  return text === '{}' ? '' : text;
}

/** What changed, before → after, in the words of the settings forms. */
function Changes({ lang, entry }: { lang: Lang; entry: AuditEntry }) {
  if (entry.subject === null) return <span className="mono">{rawDetails(entry)}</span>;
  if (entry.changes.length === 0) return <span className="muted">{t(lang, 'auditNoDetails')}</span>;
  return (
    <ul className="audit-changes">
      {entry.changes.map((change) => {
        const words = changeText(lang, entry.entity, change, entry.action.endsWith('.create'));
        return (
          <li key={change.key} data-testid="audit-change" data-key={change.key}>
            <span className="audit-changes__key">{words.key}:</span>{' '}
            {words.before !== null && (
              <>
                <del className="audit-changes__before">{words.before}</del>
                <span aria-hidden="true"> → </span>
              </>
            )}
            <ins className="audit-changes__after">{words.after}</ins>
          </li>
        );
      })}
    </ul>
  );
}

/** Who changed what and when, newest first. */
export function AuditTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const list = useLoad(api.audit);
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
                {entry.subject ? <small className="sub">{entry.subject}</small> : entry.entityId !== null && <small className="sub">#{entry.entityId}</small>}
              </th>
              <td className="audit-details">
                <Changes lang={lang} entry={entry} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
