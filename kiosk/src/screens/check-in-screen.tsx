import { CheckInResult, fill, t, type FieldView, type Lang } from '@luot/shared';
import { request } from '@luot/shared/ui';
import { useEffect, useRef, useState } from 'react';
import { QrCamera } from '../components/qr-camera.tsx';
import { ScreenFrame } from '../components/screen-frame.tsx';
import { TicketScreen } from './ticket-screen.tsx';

interface CheckInScreenProps {
  lang: Lang;
  token: string;
  fields: readonly FieldView[];
  categories: Parameters<typeof TicketScreen>[0]['categories'];
  onDone: () => void;
}

const hhmm = (iso: string): string => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(11, 16);

/**
 * A booked citizen's number. The field has focus from the start, so a barcode reader that types like a keyboard
 * (and ends with Enter) checks in with no touch at all; the code can also be typed. The answer is an ordinary
 * ticket, printed and shown like any other, with one line saying when it will be called. A kiosk with a camera also
 * shows its picture: a QR code held up to it checks in the same way, through the same request.
 */
export function CheckInScreen({ lang, token, fields, categories, onDone }: CheckInScreenProps) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<CheckInResult | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  /** The one way in for a typed code, a barcode reader's and the camera's: the server reads the code out of any of them. */
  async function checkIn(text: string) {
    if (busy || text.trim().length < 10) return;
    setBusy(true);
    setError(null);
    const r = await request('/api/bookings/check-in', CheckInResult, { method: 'POST', token, body: { code: text.trim(), lang }, timeoutMs: 12_000 });
    setBusy(false);
    if (r.ok) setResult(r.body);
    else {
      setError(r.kind === 'network' ? t(lang, 'bookOffline') : r.error.message[lang]);
      setCode('');
      input.current?.focus();
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    void checkIn(code);
  }

  if (result) {
    const { timing, issued } = result;
    const note = timing === 'early' && issued.ticket.bookedFor ? fill(lang, 'kioskCheckInEarly', { time: hhmm(issued.ticket.bookedFor) }) : t(lang, timing === 'late' ? 'kioskCheckInLate' : result.booking.kind === 'remote' ? 'kioskCheckInRemote' : 'kioskCheckInOnTime');
    return (
      <>
        <p className="check-in__timing" role="status" data-testid="check-in-timing" data-timing={timing}>
          {note}
        </p>
        <TicketScreen lang={lang} issued={issued} field={fields.find((f) => f.id === issued.ticket.fieldId)} categories={categories} onDone={onDone} />
      </>
    );
  }

  const footer = (
    <button type="button" className="button button--back" data-testid="back" onClick={onDone}>
      {t(lang, 'kioskBack')}
    </button>
  );
  return (
    <ScreenFrame lang={lang} name="check-in" prompt={t(lang, 'kioskCheckInTitle')} footer={footer}>
      <div className="check-in-layout">
        <QrCamera lang={lang} paused={busy} onCode={(text) => void checkIn(text)} />
        <form className="check-in" onSubmit={submit}>
          <p className="check-in__hint">{t(lang, 'kioskCheckInHint')}</p>
          <label className="check-in__label">
            {t(lang, 'kioskCheckInCode')}
            <input
              ref={input}
              className="check-in__input"
              data-testid="check-in-code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={200}
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </label>
          {error && (
            <p className="check-in__error" role="alert" data-testid="check-in-error">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary check-in__go" data-testid="check-in-go" disabled={busy}>
            {t(lang, 'kioskCheckInGo')}
          </button>
        </form>
      </div>
    </ScreenFrame>
  );
}
