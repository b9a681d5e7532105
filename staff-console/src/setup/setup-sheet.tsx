import { fill, t, type Lang, type SetupSheet } from '@luot/shared';

const kindLabel = { kiosk: 'adminKindKiosk', hall_board: 'adminKindHallBoard', counter_display: 'adminKindCounterDisplay' } as const;
const roleLabel = { officer: 'roleOfficer', supervisor: 'roleSupervisor', admin: 'roleAdmin' } as const;
const appPath = { kiosk: '/kiosk/', hall_board: '/display/', counter_display: '/display/' } as const;

/**
 * The printable set-up sheet: every account with its one-time password and every device with its pairing code
 * and the address to open on it. Shown once; printing is the way to keep it.
 */
export function SetupSheetView({ lang, sheet, onContinue }: { lang: Lang; sheet: SetupSheet; onContinue: () => void }) {
  const origin = window.location.origin;
  const until = (iso: string) => new Date(iso).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="setup-sheet" aria-labelledby="sheet-title" data-testid="setup-sheet">
      <p className="notice notice--ok no-print" role="status">
        {t(lang, 'setupDoneTitle')}
      </p>
      <h2 id="sheet-title">{sheet.center.name}</h2>
      {sheet.center.address && <p className="setup-sheet__address">{sheet.center.address}</p>}
      <p className="setup-sheet__warning">{t(lang, 'setupSheetTitle')}</p>
      <p>{fill(lang, 'setupSheetHowTo', { url: `${origin}/console/` })}</p>

      <h3>{t(lang, 'setupSheetAccounts')}</h3>
      <table className="admin-table setup-sheet__table" data-testid="sheet-accounts">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'setupUsername')}</th>
            <th scope="col">{t(lang, 'setupDisplayName')}</th>
            <th scope="col">{t(lang, 'setupRole')}</th>
            <th scope="col">{t(lang, 'setupSheetPassword')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.accounts.map((a) => (
            <tr key={a.username} data-username={a.username}>
              <td className="mono">{a.username}</td>
              <td>{a.displayName}</td>
              <td>{t(lang, roleLabel[a.role])}</td>
              <td className="mono secret" data-testid="sheet-password">
                {a.password}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t(lang, 'setupSheetDevices')}</h3>
      <table className="admin-table setup-sheet__table" data-testid="sheet-devices">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'setupSheetDevices')}</th>
            <th scope="col">{t(lang, 'setupSheetOpen')}</th>
            <th scope="col">{t(lang, 'setupSheetCode')}</th>
            <th scope="col">{t(lang, 'setupSheetUntil')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.devices.map((d) => (
            <tr key={`${d.kind}/${d.name}`} data-kind={d.kind} data-name={d.name}>
              <td>
                {d.name}
                <small className="setup-table__hint">{t(lang, kindLabel[d.kind])}</small>
              </td>
              <td className="mono">{`${origin}${appPath[d.kind]}`}</td>
              <td className="mono secret setup-sheet__code" data-testid="sheet-code">
                {d.pairingCode}
              </td>
              <td>{until(d.pairingExpiresAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted no-print">{t(lang, 'setupSheetLeaveNote')}</p>
      <div className="setup__actions no-print">
        <button type="button" className="btn" onClick={() => window.print()} data-testid="sheet-print">
          {t(lang, 'setupSheetPrint')}
        </button>
        <button type="button" className="btn btn--primary" onClick={onContinue} data-testid="sheet-continue">
          {t(lang, 'setupSheetContinue')}
        </button>
      </div>
    </section>
  );
}
