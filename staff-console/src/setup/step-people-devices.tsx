import { fill, t, type Lang, type Role } from '@luot/shared';
import { chosenFields, type Draft, type DraftCounter, type DraftStaff } from './setup-draft.ts';

interface StepProps {
  lang: Lang;
  draft: Draft;
  onDraft: (change: (d: Draft) => Draft) => void;
}

/** Step 3: counters and the fields each serves (ticked in calling order). */
export function StepCounters({ lang, draft, onDraft }: StepProps) {
  const counters = draft.counters ?? [];
  const fields = chosenFields(draft);
  const set = (list: DraftCounter[]) => onDraft((d) => ({ ...d, counters: list }));
  const change = (index: number, patch: Partial<DraftCounter>) => set(counters.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  const add = () => {
    const number = Math.max(0, ...counters.map((c) => c.number)) + 1;
    set([...counters, { number, name: `Quầy số ${number}`, fields: [] }]);
  };
  return (
    <div data-testid="setup-step-counters">
      <p className="setup__intro">{t(lang, 'setupCountersIntro')}</p>
      <ol className="setup-counters">
        {counters.map((c, i) => (
          <li key={i} className="setup-counter" data-testid={`setup-counter-${c.number}`}>
            <label className="setup-counter__name">
              <span>{t(lang, 'setupCounterName')}</span>
              <input type="text" value={c.name} maxLength={120} onChange={(e) => change(i, { name: e.target.value })} data-testid="setup-counter-name" />
            </label>
            <div className="setup-counter__fields" role="group" aria-label={`${c.name}: ${t(lang, 'setupStepFields')}`}>
              {fields.map((f) => (
                <label key={f.code} className="setup-chip">
                  <input
                    type="checkbox"
                    checked={c.fields.includes(f.code)}
                    onChange={(e) => change(i, { fields: e.target.checked ? [...c.fields, f.code] : c.fields.filter((x) => x !== f.code) })}
                    data-testid={`setup-serves-${f.code}`}
                  />
                  <span>
                    <b>{f.prefix}</b> {f.nameVi}
                  </span>
                </label>
              ))}
            </div>
            {c.fields.length === 0 && <p className="form__hint form__hint--bad">{t(lang, 'setupCounterNoField')}</p>}
            <button type="button" className="btn btn--small btn--quiet" onClick={() => set(counters.filter((_, j) => j !== i))}>
              {t(lang, 'setupCounterRemove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn--small" onClick={add} data-testid="setup-counter-add">
        {t(lang, 'setupCounterAdd')}
      </button>
    </div>
  );
}

const roles: readonly { role: Role; label: 'roleOfficer' | 'roleSupervisor' | 'roleAdmin' }[] = [
  { role: 'officer', label: 'roleOfficer' },
  { role: 'supervisor', label: 'roleSupervisor' },
  { role: 'admin', label: 'roleAdmin' },
];

/** Step 4: staff accounts; the server makes their passwords. */
export function StepStaff({ lang, draft, onDraft }: StepProps) {
  const staff = draft.staff ?? [];
  const set = (list: DraftStaff[]) => onDraft((d) => ({ ...d, staff: list }));
  const change = (index: number, patch: Partial<DraftStaff>) => set(staff.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <div data-testid="setup-step-staff">
      <p className="setup__intro">{t(lang, 'setupStaffIntro')}</p>
      <table className="admin-table setup-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'setupUsername')}</th>
            <th scope="col">{t(lang, 'setupDisplayName')}</th>
            <th scope="col">{t(lang, 'setupRole')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {staff.map((s, i) => (
            <tr key={i} data-testid={`setup-staff-${i}`}>
              <td>
                <input type="text" value={s.username} maxLength={32} aria-label={t(lang, 'setupUsername')} onChange={(e) => change(i, { username: e.target.value.toLowerCase() })} data-testid="setup-username" />
              </td>
              <td>
                <input type="text" value={s.displayName} maxLength={120} aria-label={t(lang, 'setupDisplayName')} onChange={(e) => change(i, { displayName: e.target.value })} data-testid="setup-display-name" />
              </td>
              <td>
                <select value={s.role} aria-label={t(lang, 'setupRole')} onChange={(e) => change(i, { role: e.target.value as Role })}>
                  {roles.map((r) => (
                    <option key={r.role} value={r.role}>
                      {t(lang, r.label)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" className="btn btn--small btn--quiet" onClick={() => set(staff.filter((_, j) => j !== i))}>
                  {t(lang, 'setupStaffRemove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--small" onClick={() => set([...staff, { username: '', displayName: '', role: 'officer' }])} data-testid="setup-staff-add">
        {t(lang, 'setupStaffAdd')}
      </button>
    </div>
  );
}

/** Step 5: how many kiosks, the hall board, and which counters get a screen. */
export function StepDevices({ lang, draft, onDraft }: StepProps) {
  const screens = draft.screens ?? [];
  return (
    <div className="form setup-form" data-testid="setup-step-devices">
      <p className="setup__intro">{t(lang, 'setupDevicesIntro')}</p>
      <label className="form__row">
        <span>{t(lang, 'setupKiosks')}</span>
        <input
          type="number"
          min={0}
          max={20}
          value={draft.kiosks}
          onChange={(e) => onDraft((d) => ({ ...d, kiosks: Math.max(0, Math.min(20, Math.trunc(Number(e.target.value) || 0))) }))}
          data-testid="setup-kiosks"
        />
      </label>
      <label className="setup-chip">
        <input type="checkbox" checked={draft.hallBoard} onChange={(e) => onDraft((d) => ({ ...d, hallBoard: e.target.checked }))} data-testid="setup-hall-board" />
        <span>{t(lang, 'setupHallBoard')}</span>
      </label>
      <fieldset className="setup-screens">
        <legend>{t(lang, 'setupCounterScreens')}</legend>
        {(draft.counters ?? []).map((c) => (
          <label key={c.number} className="setup-chip">
            <input
              type="checkbox"
              checked={screens.includes(c.number)}
              onChange={(e) => onDraft((d) => ({ ...d, screens: e.target.checked ? [...screens, c.number] : screens.filter((n) => n !== c.number) }))}
              data-testid={`setup-screen-${c.number}`}
            />
            <span>{fill(lang, 'setupScreenName', { n: c.number })}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
