import { t, type CenterProfileBody, type Lang } from '@luot/shared';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { invalidProps, Row, useFocusInvalid } from './form-bits.tsx';
import { useLoad } from './use-load.ts';

/** The schema's limit on the logo's data URL. */
const maxLogoChars = 60_000;

/** The center's profile: name and address, logo, when the service day rolls over, receipt footer, hall notice. */
export function CenterTab({ lang, api, onChanged }: { lang: Lang; api: ConsoleApi; onChanged: () => void }) {
  const loaded = useLoad('centerProfile', api.centerProfile);
  if (loaded.data === null) return <Problem lang={lang} failure={loaded.failure} />;
  return <CenterForm key={JSON.stringify(loaded.data)} lang={lang} api={api} profile={loaded.data} onSaved={() => {
        loaded.reload();
        onChanged();
      }} />;
}

function CenterForm({ lang, api, profile, onSaved }: { lang: Lang; api: ConsoleApi; profile: CenterProfileBody; onSaved: () => void }) {
  const [form, setForm] = useState(profile);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [notice, say] = useAdminNotice();
  const invalid = invalidProps(failure);
  useFocusInvalid(invalid);
  const set = (key: keyof CenterProfileBody) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });

  const pickLogo = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      if (url.length > maxLogoChars) say.ok(t(lang, 'adminLogoTooBig'));
      else setForm((f) => ({ ...f, logo: url }));
    };
    reader.readAsDataURL(file);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const result = await api.saveCenterProfile({ ...form, name: form.name.trim() });
    setBusy(false);
    if (result.ok) {
      say.ok(t(lang, 'consoleSaved'));
      onSaved();
    } else if (result.kind !== 'unauthorized') setFailure(result);
  };

  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-center">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabCenter')}</h2>
      </div>
      <AdminNotice lang={lang} notice={notice} />
      <form className="form form--grid admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <Row lang={lang} label="adminCenterName" name="name" invalid={invalid} wide>
          <input type="text" value={form.name} onChange={set('name')} data-testid="center-name-input" />
        </Row>
        <Row lang={lang} label="adminCenterAddress" name="address" invalid={invalid} wide>
          <input type="text" value={form.address} onChange={set('address')} />
        </Row>
        <Row lang={lang} label="adminCenterRollover" hint="adminCenterRolloverHint" name="dayRollover" invalid={invalid}>
          <input type="time" value={form.dayRollover} onChange={set('dayRollover')} />
        </Row>
        <div className="form__row" data-prop="logo">
          <span>{t(lang, 'adminCenterLogo')}</span>
          <div className="logo-pick">
            {form.logo ? <img src={form.logo} alt={t(lang, 'adminCenterLogo')} className="logo-pick__img" /> : <span className="muted">{t(lang, 'adminCenterNoLogo')}</span>}
            <input type="file" accept="image/png,image/svg+xml" onChange={pickLogo} aria-label={t(lang, 'adminCenterLogoPick')} />
            {form.logo && (
              <button type="button" className="btn btn--small" onClick={() => setForm({ ...form, logo: '' })}>
                {t(lang, 'adminRemove')}
              </button>
            )}
          </div>
          <small className={invalid.has('logo') ? 'form__hint form__hint--bad' : 'form__hint'}>{t(lang, 'adminCenterLogoHint')}</small>
        </div>
        <Row lang={lang} label="adminCenterFooter" hint="adminCenterFooterHint" name="receiptFooter" invalid={invalid} wide>
          <input type="text" value={form.receiptFooter} maxLength={120} onChange={set('receiptFooter')} />
        </Row>
        <Row lang={lang} label="adminCenterNotice" hint="adminCenterNoticeHint" name="hallNotice" invalid={invalid} wide>
          <textarea rows={2} value={form.hallNotice} maxLength={300} onChange={set('hallNotice')} />
        </Row>
        <div className="form__wide">
          <Problem lang={lang} failure={failure} testId="form-problem" />
        </div>
        <div className="form__wide">
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="center-save">
            {t(lang, 'consoleSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
