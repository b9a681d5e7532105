import { type AdminStaff, fill, type Lang, type Role, type StaffWithPassword, t } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { invalidProps, Row, useFocusInvalid } from './form-bits.tsx';

const roles: readonly Role[] = ['officer', 'supervisor', 'admin'];
export const roleKey = { officer: 'roleOfficer', supervisor: 'roleSupervisor', admin: 'roleAdmin' } as const;

interface StaffDialogProps {
  lang: Lang;
  api: ConsoleApi;
  /** null: a new account. */
  staff: AdminStaff | null;
  onCreated: (created: StaffWithPassword) => void;
  onSaved: (message: string) => void;
  onClose: () => void;
}

/** A new account (the server generates its password) or changes to one: name, role, active. */
export function StaffDialog({ lang, api, staff, onCreated, onSaved, onClose }: StaffDialogProps) {
  const [username, setUsername] = useState(staff?.username ?? '');
  const [displayName, setDisplayName] = useState(staff?.displayName ?? '');
  const [role, setRole] = useState<Role>(staff?.role ?? 'officer');
  const [active, setActive] = useState(staff?.active ?? true);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const invalid = invalidProps(failure);
  useFocusInvalid(invalid);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    if (staff) {
      const result = await api.updateStaff(staff.id, { displayName: displayName.trim(), role, active });
      setBusy(false);
      if (result.ok) onSaved(fill(lang, 'adminStaffUpdated', { name: displayName.trim() }));
      else setFailure(result);
    } else {
      const result = await api.createStaff({ username: username.trim(), displayName: displayName.trim(), role });
      setBusy(false);
      if (result.ok) onCreated(result.body);
      else setFailure(result);
    }
  };

  return (
    <Dialog title={t(lang, staff ? 'adminStaffEdit' : 'adminStaffNew')} onClose={onClose} testId="staff-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {staff ? (
          <p className="dialog__body">{fill(lang, 'adminStaffUsernameFixed', { username: staff.username })}</p>
        ) : (
          <Row lang={lang} label="adminStaffUsername" hint="adminStaffUsernameHint" name="username" invalid={invalid}>
            <input type="text" value={username} onChange={(e) => setUsername(e.target.value)} autoCapitalize="none" spellCheck={false} data-autofocus data-testid="staff-username" />
          </Row>
        )}
        <Row lang={lang} label="adminStaffName" name="displayName" invalid={invalid}>
          <input type="text" value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-autofocus={staff !== null || undefined} data-testid="staff-name" />
        </Row>
        <Row lang={lang} label="adminStaffRole" name="role" invalid={invalid}>
          <select value={role} onChange={(e) => setRole(roles.find((r) => r === e.target.value) ?? 'officer')} data-testid="staff-role">
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(lang, roleKey[r])}
              </option>
            ))}
          </select>
        </Row>
        {staff && (
          <label className="choice__option">
            <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="staff-active" />
            {t(lang, 'adminStaffActive')}
          </label>
        )}
        <Problem lang={lang} failure={failure} testId="form-problem" />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="staff-save">
            {t(lang, staff ? 'consoleSave' : 'adminStaffCreate')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

interface PasswordDialogProps {
  lang: Lang;
  shown: StaffWithPassword;
  onClose: () => void;
}

/** A generated password, shown this once: the admin writes it down and hands it over; it is not stored in clear. */
export function PasswordDialog({ lang, shown, onClose }: PasswordDialogProps) {
  return (
    <Dialog title={fill(lang, 'adminPasswordTitle', { username: shown.staff.username })} onClose={onClose} testId="password-dialog">
      <p className="dialog__body">{t(lang, 'adminPasswordOnce')}</p>
      <p className="secret" data-testid="shown-password">
        {shown.password}
      </p>
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" onClick={onClose} data-autofocus data-testid="password-done">
          {t(lang, 'adminPasswordDone')}
        </button>
      </div>
    </Dialog>
  );
}
