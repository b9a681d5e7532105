import { t, type Lang } from '@luot/shared';
import { slug } from '../admin/slug.ts';
import type { Draft, DraftField } from './setup-draft.ts';

interface StepProps {
  lang: Lang;
  draft: Draft;
  onDraft: (change: (d: Draft) => Draft) => void;
}

/** Step 1: the center's name and address, and the hours numbers are issued. */
export function StepCenter({ lang, draft, onDraft }: StepProps) {
  return (
    <div className="form form--grid setup-form" data-testid="setup-step-center">
      <label className="form__row form__row--wide">
        <span>{t(lang, 'setupCenterName')}</span>
        <input type="text" value={draft.name} maxLength={120} onChange={(e) => onDraft((d) => ({ ...d, name: e.target.value }))} data-testid="setup-name" />
        <small className="form__hint">{t(lang, 'setupCenterNameHint')}</small>
      </label>
      <label className="form__row form__row--wide">
        <span>{t(lang, 'setupCenterAddress')}</span>
        <input type="text" value={draft.address} maxLength={300} onChange={(e) => onDraft((d) => ({ ...d, address: e.target.value }))} data-testid="setup-address" />
      </label>
      <fieldset className="form__row--wide setup-hours">
        <legend>{t(lang, 'setupHours')}</legend>
        <label>
          <span>{t(lang, 'setupOpensAt')}</span>
          <input type="time" value={draft.opensAt} onChange={(e) => onDraft((d) => ({ ...d, opensAt: e.target.value }))} data-testid="setup-opens" />
        </label>
        <label>
          <span>{t(lang, 'setupClosesAt')}</span>
          <input type="time" value={draft.closesAt} onChange={(e) => onDraft((d) => ({ ...d, closesAt: e.target.value }))} data-testid="setup-closes" />
        </label>
        <small className="form__hint">{t(lang, 'setupHoursHint')}</small>
      </fieldset>
    </div>
  );
}

/** Step 2: the catalog of commune-level fields, ticked and renamed, plus any the center adds. */
export function StepFields({ lang, draft, onDraft }: StepProps) {
  const change = (index: number, patch: Partial<DraftField>) =>
    onDraft((d) => ({ ...d, fields: d.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)) }));
  const add = () =>
    onDraft((d) => {
      const taken = new Set(d.fields.map((f) => f.prefix));
      const prefix = [...'ABCDEFGHKLMNPQRSTUVXY'].find((l) => !taken.has(l)) ?? '';
      // The Vietnamese name is Vietnamese whatever language the installer reads.
      const nameVi = t('vi', 'setupFieldNew');
      return { ...d, fields: [...d.fields, { code: uniqueCode(d.fields, slug(nameVi)), nameVi, nameEn: '', prefix, chosen: true, hintVi: '', hintEn: '' }] };
    });
  return (
    <div data-testid="setup-step-fields">
      <p className="setup__intro">{t(lang, 'setupFieldsIntro')}</p>
      <table className="admin-table setup-table">
        <thead>
          <tr>
            <th scope="col" className="setup-table__tick">
              <span className="visually-hidden">✓</span>
            </th>
            <th scope="col">{t(lang, 'setupFieldName')}</th>
            <th scope="col">{t(lang, 'setupFieldLetter')}</th>
          </tr>
        </thead>
        <tbody>
          {draft.fields.map((f, i) => (
            <tr key={i} className={f.chosen ? 'setup-table__row--chosen' : undefined} data-testid={`setup-field-${f.code}`}>
              <td className="setup-table__tick">
                <input type="checkbox" checked={f.chosen} onChange={(e) => change(i, { chosen: e.target.checked })} aria-label={f.nameVi} data-testid="setup-field-chosen" />
              </td>
              <td>
                <input
                  type="text"
                  value={f.nameVi}
                  maxLength={120}
                  aria-label={t(lang, 'setupFieldName')}
                  onChange={(e) => {
                    const nameVi = e.target.value;
                    // A field added here gets its code from its name; catalog fields keep theirs.
                    const custom = f.hintVi === '';
                    change(i, custom ? { nameVi, code: uniqueCode(draft.fields.filter((_, j) => j !== i), slug(nameVi) || 'linh-vuc') } : { nameVi });
                  }}
                  data-testid="setup-field-name"
                />
                {f.hintVi && <small className="setup-table__hint">{lang === 'vi' ? f.hintVi : f.hintEn}</small>}
              </td>
              <td>
                <input
                  type="text"
                  className="setup-table__letter"
                  value={f.prefix}
                  maxLength={2}
                  aria-label={`${t(lang, 'setupFieldLetter')} — ${f.nameVi}`}
                  onChange={(e) => change(i, { prefix: e.target.value.toUpperCase() })}
                  data-testid="setup-field-letter"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--small" onClick={add} data-testid="setup-field-add">
        {t(lang, 'setupFieldAdd')}
      </button>
    </div>
  );
}

function uniqueCode(fields: readonly DraftField[], base: string): string {
  const taken = new Set(fields.map((f) => f.code));
  const root = base.length >= 2 ? base : `${base}-lv`.replace(/^-/, 'lv');
  let code = root;
  for (let n = 2; taken.has(code); n++) code = `${root.slice(0, 36)}-${n}`;
  return code;
}
