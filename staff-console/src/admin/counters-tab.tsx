import { type AdminCounter, fill, type Lang, t } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { AdminListTab } from './admin-list-tab.tsx';
import { useAdminNotice } from './admin-notice.tsx';
import { CounterDialog } from './counter-dialog.tsx';
import { useLoad } from './use-load.ts';

interface CountersTabProps {
  lang: Lang;
  api: ConsoleApi;
  onChanged: () => void;
}

type Open = { kind: 'edit'; counter: AdminCounter | null } | { kind: 'remove'; counter: AdminCounter };

/** Counters and the fields each serves. Removing a counter serving someone is refused; otherwise it is retired. */
export function CountersTab({ lang, api, onChanged }: CountersTabProps) {
  const list = useLoad('adminCounters', api.adminCounters);
  const fieldList = useLoad('fields', api.fields);
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, say] = useAdminNotice();
  const counters = list.data ?? [];
  const fields = fieldList.data ?? [];

  const saved = (message: string) => {
    setOpen(null);
    say.ok(message);
    list.reload();
    onChanged();
  };

  const remove = async (counter: AdminCounter) => {
    setBusy(true);
    const result = await api.deleteCounter(counter.id);
    setBusy(false);
    setOpen(null);
    if (result.ok) {
      say.ok(fill(lang, 'adminCounterRetired', { name: counter.name }));
      list.reload();
      onChanged();
    } else if (result.kind !== 'unauthorized') say.failed(result);
  };

  return (
    <AdminListTab lang={lang} title={t(lang, 'adminTabCounters')} testId="admin-counters" add={{ label: t(lang, 'adminCounterAdd'), onClick: () => setOpen({ kind: 'edit', counter: null }), testId: 'counter-add', disabled: fieldList.data === null }} notice={notice} failure={list.failure ?? fieldList.failure}>
      <table className="table admin-table" data-testid="counters-list">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t(lang, 'adminCounterNumberShort')}
            </th>
            <th scope="col">{t(lang, 'adminCounterName')}</th>
            <th scope="col">{t(lang, 'adminCounterFields')}</th>
            <th scope="col">{t(lang, 'adminCounterPolicy')}</th>
            <th scope="col">{t(lang, 'adminState')}</th>
            <th scope="col">
              <span className="visually-hidden">{t(lang, 'boardActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {counters.map((counter) => (
            <tr key={counter.id} className={counter.active ? undefined : 'row--retired'} data-testid="counter-item" data-number={counter.number}>
              <td className="num big">{counter.number}</td>
              <th scope="row">{counter.name}</th>
              <td className="served">
                {counter.fields.map((f, i) => {
                  const field = fields.find((x) => x.id === f.fieldId);
                  return (
                    <span key={f.fieldId} className="served__item">
                      {i > 0 && <span className="served__sep">{counter.policy === 'order' ? ' › ' : ' · '}</span>}
                      <span className="prefix">{field?.prefix ?? '?'}</span> {field ? (lang === 'vi' ? field.nameVi : field.nameEn) : `#${f.fieldId}`}
                      {counter.policy === 'weights' ? ` ×${f.weight}` : ''}
                    </span>
                  );
                })}
              </td>
              <td>
                {t(lang, counter.policy === 'order' ? 'adminPolicyOrderShort' : 'adminPolicyWeightsShort')}
                {counter.priorityMode !== undefined && counter.priorityMode !== 'mixed' && (
                  <small className="sub" data-testid="counter-priority-mode">
                    {t(lang, counter.priorityMode === 'priority_only' ? 'adminPriorityOnlyShort' : 'adminPriorityThenNormalShort')}
                  </small>
                )}
              </td>
              <td>{t(lang, counter.active ? 'adminActive' : 'adminRetired')}</td>
              <td className="actions">
                {counter.active && (
                  <>
                    <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'edit', counter })} data-testid="counter-edit">
                      {t(lang, 'adminEdit')}
                    </button>
                    <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'remove', counter })} data-testid="counter-remove">
                      {t(lang, 'adminRemove')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open?.kind === 'edit' && (
        <CounterDialog lang={lang} api={api} counter={open.counter} counters={counters} fields={fields} onSaved={saved} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'remove' && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, 'adminCounterRemoveTitle', { name: open.counter.name })}
          body={t(lang, 'adminCounterRemoveBody')}
          confirmLabel={t(lang, 'adminRemove')}
          danger
          busy={busy}
          onClose={() => setOpen(null)}
          onConfirm={() => void remove(open.counter)}
          testId="remove-dialog"
        />
      )}
    </AdminListTab>
  );
}
