import { t, type CenterProfileBody, type Lang } from '@luot/shared';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { TimeInput } from '../components/masked-inputs.tsx';
import { Problem } from '../components/problem.tsx';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { invalidProps, Row, useFocusInvalid } from './form-bits.tsx';
import { useLoad } from './use-load.ts';

/** The schema's limit on the logo's data URL. */
const maxLogoChars = 60_000;

/** The center's profile: name and address, logo, when the service day rolls over, receipt footer, hall notice. */
export function CenterTab({ lang, api, onChanged }: { lang: Lang; api: ConsoleApi; onChanged: () => void }) {
  const loaded = useLoad(api.centerProfile);
  // Kept here, not in the form: the form starts afresh from the saved profile, and “Đã lưu.” must stay on screen.
  const [notice, say] = useAdminNotice();
  if (loaded.data === null) return <Problem lang={lang} failure={loaded.failure} />;
  const saved = () => {
    say.ok(t(lang, 'consoleSaved'));
    loaded.reload();
    onChanged();
  };
  return <CenterForm key={JSON.stringify(loaded.data)} lang={lang} api={api} profile={loaded.data} notice={notice} say={say} onSaved={saved} />;
}

interface CenterFormProps {
  lang: Lang;
  api: ConsoleApi;
  profile: CenterProfileBody;
  notice: ReturnType<typeof useAdminNotice>[0];
  say: ReturnType<typeof useAdminNotice>[1];
  onSaved: () => void;
}

function CenterForm({ lang, api, profile, notice, say, onSaved }: CenterFormProps) {
  const [form, setForm] = useState(profile);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const invalid = invalidProps(failure);
  useFocusInvalid(invalid);
  const set = (key: keyof CenterProfileBody) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setForm({ ...form, [key]: e.target.value });

  const pickLogo = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
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
    if (result.ok) onSaved();
    else if (result.kind !== 'unauthorized') setFailure(result);
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
          <TimeInput value={form.dayRollover} onChange={(dayRollover) => setForm({ ...form, dayRollover })} data-testid="center-rollover" />
        </Row>
        <div className="form__row" data-prop="logo">
          <span>{t(lang, 'adminCenterLogo')}</span>
          <div className="logo-pick">
            {form.logo ? <img src={form.logo} alt={t(lang, 'adminCenterLogo')} className="logo-pick__img" /> : <span className="muted">{t(lang, 'adminCenterNoLogo')}</span>}
            {/* The browser's own file button reads “Choose File” in its language; this one speaks the console's. */}
            <label className="btn btn--small file-pick">
              {t(lang, 'adminCenterLogoPick')}
              <input type="file" className="visually-hidden" accept="image/png,image/svg+xml" onChange={pickLogo} data-testid="center-logo-file" />
            </label>
            <span className="muted" data-testid="center-logo-name">
              {fileName ?? t(lang, 'adminCenterNoFile')}
            </span>
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
