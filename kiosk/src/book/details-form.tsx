import { fill, t, type BookingConfirmation, type BookingOptions, type Lang } from '@luot/shared';
import { useState } from 'react';
import { bookApi } from './book-api.ts';

/** Name, phone, the optional citizen ID and, when the center sends SMS, the one-time code; then the booking. */
export function DetailsForm(props: {
  lang: Lang;
  options: BookingOptions;
  fieldId: number;
  slotAt: number | null;
  summary: string;
  onBack: () => void;
  onDone: (c: BookingConfirmation) => void;
}) {
  const { lang, options } = props;
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [citizenId, setCitizenId] = useState('');
  const [otp, setOtp] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function sendOtp() {
    const r = await bookApi.otp(phone);
    setNote(r.ok ? t(lang, 'bookOtpSent') : r.kind === 'network' ? t(lang, 'bookOffline') : r.error.message[lang]);
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const who = { name: name.normalize('NFC'), phone, ...(citizenId.trim() ? { citizenId } : {}), ...(options.otp ? { otp } : {}), lang };
    const r = props.slotAt === null ? await bookApi.remote({ fieldId: props.fieldId, ...who }) : await bookApi.slot({ fieldId: props.fieldId, slotAt: props.slotAt, ...who });
    setBusy(false);
    if (r.ok) props.onDone(r.body);
    else setNote(r.kind === 'network' ? t(lang, 'bookOffline') : r.error.message[lang]);
  }

  return (
    <form className="book__step book__form" onSubmit={(e) => void submit(e)}>
      <p className="book__subtitle" data-testid="book-summary">{props.summary}</p>
      <h2 className="book__question">{t(lang, 'bookYourDetails')}</h2>
      <label className="book__label">
        {t(lang, 'bookName')}
        <input className="book__input" data-testid="book-name" autoComplete="name" required minLength={2} maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="book__label">
        {t(lang, 'bookPhone')}
        <input className="book__input" data-testid="book-phone" type="tel" inputMode="tel" autoComplete="tel" required maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} />
      </label>
      {options.otp && (
        <div className="book__otp">
          <button type="button" className="book__secondary" onClick={() => void sendOtp()}>
            {t(lang, 'bookSendOtp')}
          </button>
          <label className="book__label">
            {t(lang, 'bookOtp')}
            <input className="book__input" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required value={otp} onChange={(e) => setOtp(e.target.value)} />
          </label>
        </div>
      )}
      <label className="book__label">
        {t(lang, options.requireCitizenId ? 'bookCitizenId' : 'bookCitizenIdOptional')}
        <input className="book__input" data-testid="book-citizen-id" inputMode="numeric" required={options.requireCitizenId} maxLength={16} value={citizenId} onChange={(e) => setCitizenId(e.target.value)} />
      </label>
      {note && (
        <p className="book__note" role="alert" data-testid="book-note">
          {note}
        </p>
      )}
      <button type="submit" className="book__primary" data-testid="book-submit" disabled={busy}>
        {t(lang, props.slotAt === null ? 'bookSubmitRemote' : 'bookSubmitSlot')}
      </button>
      <p className="book__privacy">{fill(lang, 'bookPrivacy', { days: options.personalDataDays })}</p>
      <button type="button" className="book__back" onClick={props.onBack}>
        {t(lang, 'bookBack')}
      </button>
    </form>
  );
}
