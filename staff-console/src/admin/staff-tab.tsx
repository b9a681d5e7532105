import { type AdminStaff, fill, type Lang, type StaffWithPassword, t } from '@luot/shared';
import { useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { dateTime } from '../time/clock.ts';
import { AdminListTab } from './admin-list-tab.tsx';
import { useAdminNotice } from './admin-notice.tsx';
import { PasswordDialog, roleKey, StaffDialog } from './staff-dialogs.tsx';
import { useLoad } from './use-load.ts';

type Open =
  | { kind: 'edit'; staff: AdminStaff | null }
  | { kind: 'password'; shown: StaffWithPassword }
  | { kind: 'reset' | 'toggle'; staff: AdminStaff };

/** Staff accounts: create (password shown once), rename, change role, disable or enable, reset a password. */
export function StaffTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const list = useLoad('staff', api.staff);
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, say] = useAdminNotice();
  const close = () => setOpen(null);

  const reset = async (staff: AdminStaff) => {
    setBusy(true);
    const result = await api.resetPassword(staff.id);
    setBusy(false);
    if (result.ok) {
      say.ok(fill(lang, 'adminPasswordReset', { name: staff.displayName }));
      setOpen({ kind: 'password', shown: result.body });
    } else {
      close();
      if (result.kind !== 'unauthorized') say.failed(result);
    }
  };

  const toggle = async (staff: AdminStaff) => {
    setBusy(true);
    const result = await api.updateStaff(staff.id, { displayName: staff.displayName, role: staff.role, active: !staff.active });
    setBusy(false);
    close();
    if (result.ok) {
      say.ok(fill(lang, staff.active ? 'adminStaffDisabled' : 'adminStaffEnabled', { name: staff.displayName }));
      list.reload();
    } else if (result.kind !== 'unauthorized') say.failed(result);
  };

  return (
    <AdminListTab lang={lang} title={t(lang, 'adminTabStaff')} testId="admin-staff" add={{ label: t(lang, 'adminStaffAdd'), onClick: () => setOpen({ kind: 'edit', staff: null }), testId: 'staff-add' }} notice={notice} failure={list.failure}>
      <table className="table admin-table" data-testid="staff-list">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'adminStaffUsername')}</th>
            <th scope="col">{t(lang, 'adminStaffName')}</th>
            <th scope="col">{t(lang, 'adminStaffRole')}</th>
            <th scope="col">{t(lang, 'adminState')}</th>
            <th scope="col">{t(lang, 'adminCreatedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t(lang, 'boardActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((staff) => (
            <tr key={staff.id} className={staff.active ? undefined : 'row--retired'} data-testid="staff-item" data-username={staff.username}>
              <td className="mono">{staff.username}</td>
              <th scope="row">{staff.displayName}</th>
              <td>{t(lang, roleKey[staff.role])}</td>
              <td data-testid="staff-state">{t(lang, staff.active ? 'adminActive' : 'adminStaffLocked')}</td>
              <td>{dateTime(staff.createdAt)}</td>
              <td className="actions">
                <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'edit', staff })} data-testid="staff-edit">
                  {t(lang, 'adminEdit')}
                </button>
                <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'reset', staff })} data-testid="staff-reset">
                  {t(lang, 'adminStaffResetPassword')}
                </button>
                <button type="button" className="btn btn--small" onClick={() => setOpen({ kind: 'toggle', staff })} data-testid="staff-toggle">
                  {t(lang, staff.active ? 'adminStaffDisable' : 'adminStaffEnable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open?.kind === 'edit' && (
        <StaffDialog
          lang={lang}
          api={api}
          staff={open.staff}
          onClose={close}
          onSaved={(message) => {
            close();
            say.ok(message);
            list.reload();
          }}
          onCreated={(created) => {
            say.ok(fill(lang, 'adminStaffCreated', { name: created.staff.displayName }));
            setOpen({ kind: 'password', shown: created });
            list.reload();
          }}
        />
      )}
      {open?.kind === 'password' && <PasswordDialog lang={lang} shown={open.shown} onClose={close} />}
      {open?.kind === 'reset' && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, 'adminResetTitle', { name: open.staff.displayName })}
          body={t(lang, 'adminResetBody')}
          confirmLabel={t(lang, 'adminStaffResetPassword')}
          busy={busy}
          onClose={close}
          onConfirm={() => void reset(open.staff)}
          testId="reset-dialog"
        />
      )}
      {open?.kind === 'toggle' && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, open.staff.active ? 'adminDisableTitle' : 'adminEnableTitle', { name: open.staff.displayName })}
          body={t(lang, open.staff.active ? 'adminDisableBody' : 'adminEnableBody')}
          confirmLabel={t(lang, open.staff.active ? 'adminStaffDisable' : 'adminStaffEnable')}
          danger={open.staff.active}
          busy={busy}
          onClose={close}
          onConfirm={() => void toggle(open.staff)}
          testId="toggle-dialog"
        />
      )}
    </AdminListTab>
  );
}
