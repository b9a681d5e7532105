import { type AdminField, fill, type Lang, t } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { AdminListTab } from './admin-list-tab.tsx';
import { useAdminNotice } from './admin-notice.tsx';
import { FieldDialog } from './field-dialog.tsx';
import { useLoad } from './use-load.ts';

interface FieldsTabProps {
  lang: Lang;
  api: ConsoleApi;
  onChanged: () => void;
}

type Open = { kind: 'edit'; field: AdminField | null } | { kind: 'remove'; field: AdminField };

/** Fields of procedures: each with its own number series. Removing one in use is refused; otherwise it is retired. */
export function FieldsTab({ lang, api, onChanged }: FieldsTabProps) {
  const list = useLoad('fields', api.fields);
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, say] = useAdminNotice();
  const fields = list.data ?? [];
  const name = (f: AdminField) => (lang === 'vi' ? f.nameVi : f.nameEn);

  const saved = (message: string) => {
    setOpen(null);
    say.ok(message);
    list.reload();
    onChanged();
  };

  const remove = async (field: AdminField) => {
    setBusy(true);
    const result = await api.deleteField(field.id);
    setBusy(false);
    setOpen(null);
    if (result.ok) {
      say.ok(fill(lang, 'adminFieldRetired', { name: name(field) }));
      list.reload();
      onChanged();
    } else if (result.kind !== 'unauthorized') say.failed(result);
  };

  return (
    <AdminListTab lang={lang} title={t(lang, 'adminTabFields')} testId="admin-fields" add={{ label: t(lang, 'adminFieldAdd'), onClick: () => setOpen({ kind: 'edit', field: null }), testId: 'field-add' }} notice={notice} failure={list.failure}>
      <table className="table admin-table" data-testid="fields-list">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'adminFieldPrefixShort')}</th>
            <th scope="col">{t(lang, 'adminFieldName')}</th>
            <th scope="col">{t(lang, 'adminFieldCode')}</th>
            <th scope="col">{t(lang, 'adminFieldSeries')}</th>
            <th scope="col">{t(lang, 'adminFieldHours')}</th>
            <th scope="col" className="num">
              {t(lang, 'adminFieldTargetShort')}
            </th>
            <th scope="col">{t(lang, 'adminState')}</th>
            <th scope="col">
              <span className="visually-hidden">{t(lang, 'boardActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const parent = field.parentId === null ? undefined : fields.find((f) => f.id === field.parentId);
            return (
              <tr key={field.id} className={field.active ? undefined : 'row--retired'} data-testid="field-item" data-code={field.code}>
                <td>
                  <span className="prefix">{field.prefix}</span>
                </td>
                <th scope="row">
                  {parent && <small className="sub">{name(parent)} ›</small>}
                  {field.nameVi}
                  <small className="sub">{field.nameEn}</small>
                </th>
                <td className="mono">{field.code}</td>
                <td>
                  {fill(lang, 'adminFieldSeriesText', { first: `${field.prefix}${String(field.startNumber).padStart(field.width, '0')}` })}
                  <small className="sub">{field.dailyLimit === null ? t(lang, 'adminFieldNoLimit') : fill(lang, 'adminFieldLimitText', { limit: field.dailyLimit })}</small>
                </td>
                <td>{field.opensAt || field.closesAt ? `${field.opensAt ?? '…'}–${field.closesAt ?? '…'}` : t(lang, 'adminFieldAllDay')}</td>
                <td className="num">
                  {fill(lang, 'consoleMinutes', { minutes: field.targetWaitMinutes })}
                  <small className="sub">
                    {t(lang, 'adminFieldServiceShort')} {fill(lang, 'consoleMinutes', { minutes: field.serviceMinutes ?? 10 })}
                  </small>
                </td>
                <td data-testid="field-state">
                  {!field.active ? t(lang, 'adminRetired') : field.issuing ? t(lang, 'adminActive') : t(lang, 'boardIssuingOff')}
                </td>
                <td className="actions">
                  {field.active && (
                    <>
                      <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'edit', field })} data-testid="field-edit">
                        {t(lang, 'adminEdit')}
                      </button>
                      <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'remove', field })} data-testid="field-remove">
                        {t(lang, 'adminRemove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {open?.kind === 'edit' && <FieldDialog lang={lang} api={api} field={open.field} fields={fields} onSaved={saved} onClose={() => setOpen(null)} />}
      {open?.kind === 'remove' && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, 'adminFieldRemoveTitle', { name: name(open.field) })}
          body={t(lang, 'adminFieldRemoveBody')}
          confirmLabel={t(lang, 'adminRemove')}
          danger
          busy={busy}
          onClose={() => setOpen(null)}
          onConfirm={() => void remove(open.field)}
          testId="remove-dialog"
        />
      )}
    </AdminListTab>
  );
}
