import { ht, type HubRole, type HubStaffView, type Lang } from '@luot/shared';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import type { HubApi } from './hub-api.ts';

const roleKey = { province_admin: 'hubRoleAdmin', province_viewer: 'hubRoleViewer' } as const;

/** Province accounts (admin only): add one, reset a password, disable or enable. Passwords are shown once. */
export function AccountsView({ lang, api }: { lang: Lang; api: HubApi }) {
  const [staff, setStaff] = useState<HubStaffView[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [form, setForm] = useState<{ username: string; name: string; role: HubRole }>({ username: '', name: '', role: 'province_viewer' });

  const load = useCallback(() => {
    void api.staff().then((r) => (r.ok ? setStaff(r.body) : r.kind !== 'unauthorized' && setFailure(r)));
  }, [api]);
  useEffect(load, [load]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.createStaff(form.username.trim(), form.name.trim(), form.role);
    if (!r.ok) return setFailure(r);
    setPassword(ht(lang, 'hubAccountsPassword', { username: r.body.staff.username, password: r.body.password }));
    setForm({ username: '', name: '', role: 'province_viewer' });
    load();
  };

  return (
    <div className="hub-accounts" data-testid="hub-accounts">
      <h2>{ht(lang, 'hubAccountsTitle')}</h2>
      <Problem lang={lang} failure={failure} testId="hub-accounts-problem" />
      {password && (
        <p className="notice notice--info" role="status" data-testid="hub-account-password">
          {password}
        </p>
      )}
      <form className="form hub-centers__add" onSubmit={(e) => void add(e)}>
        <label className="form__row">
          {ht(lang, 'hubAccountsUsername')}
          <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} pattern="[a-z0-9._-]{3,32}" required />
        </label>
        <label className="form__row">
          {ht(lang, 'hubAccountsName')}
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required maxLength={100} />
        </label>
        <label className="form__row">
          {ht(lang, 'hubAccountsRole')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as HubRole })}>
            <option value="province_viewer">{ht(lang, 'hubRoleViewer')}</option>
            <option value="province_admin">{ht(lang, 'hubRoleAdmin')}</option>
          </select>
        </label>
        <button type="submit" className="btn btn--primary">
          {ht(lang, 'hubAccountsAdd')}
        </button>
      </form>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{ht(lang, 'hubAccountsUsername')}</th>
            <th scope="col">{ht(lang, 'hubAccountsName')}</th>
            <th scope="col">{ht(lang, 'hubAccountsRole')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id} className={s.active ? undefined : 'muted'}>
              <td>{s.username}</td>
              <td>{s.name}</td>
              <td>{ht(lang, roleKey[s.role])}</td>
              <td className="actions">
                <button
                  type="button"
                  className="btn btn--small"
                  onClick={() => void api.resetPassword(s.id).then((r) => (r.ok ? setPassword(ht(lang, 'hubAccountsPassword', { username: s.username, password: r.body.password })) : setFailure(r)))}
                >
                  {ht(lang, 'hubAccountsReset')}
                </button>
                <button
                  type="button"
                  className="btn btn--small btn--subtle"
                  onClick={() => void api.updateStaff(s.id, { name: s.name, role: s.role, active: !s.active }).then((r) => (r.ok ? load() : setFailure(r)))}
                >
                  {ht(lang, s.active ? 'hubAccountsDisable' : 'hubAccountsEnable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
