import { t, type BookingView, type Lang } from '@luot/shared';
import { useState } from 'react';
import { bookApi, dayLabel, hhmm } from './book-api.ts';
import { Choice, TimeChoice } from './choice.tsx';

/**
 * Changing a slot booking's time from its confirmation link: a day, then a free slot of the same field. The server
 * moves it in one transaction (limits and the new slot's capacity checked, the old slot freed), so a refusal — the
 * slot filled meanwhile — leaves the booking as it was, and the page says so.
 */
export function Reschedule({ lang, code, booking, days, onDone, onBack }: { lang: Lang; code: string; booking: BookingView; days: readonly string[]; onDone: (changed: BookingView) => void; onBack: () => void }) {
  const [day, setDay] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldName = lang === 'vi' ? booking.nameVi : booking.nameEn;
  const now = `${fieldName} — ${hhmm(booking.slotAt)}, ${dayLabel(booking.day, lang)}`;

  async function pick(slotAt: number) {
    if (busy) return;
    setBusy(true);
    setError(null);
    const r = await bookApi.reschedule(code, slotAt);
    setBusy(false);
    if (r.ok) onDone(r.body);
    else setError(r.kind === 'network' ? t(lang, 'bookOffline') : r.error.message[lang]);
  }

  const alert = error && (
    <p className="book__note" role="alert" data-testid="book-move-error">
      {error}
    </p>
  );
  if (day === null)
    return (
      <div data-testid="book-move">
        {alert}
        <Choice title={t(lang, 'bookChooseDay')} subtitle={now} onBack={onBack} lang={lang}>
          {days.map((d) => (
            <button key={d} type="button" className="book__choice" data-testid={`book-day-${d}`} onClick={() => setDay(d)}>
              {dayLabel(d, lang)}
            </button>
          ))}
        </Choice>
      </div>
    );
  return (
    <div data-testid="book-move">
      {alert}
      <TimeChoice lang={lang} fieldId={booking.fieldId} day={day} subtitle={fieldName} current={booking.slotAt} onBack={() => setDay(null)} onPick={(at) => void pick(at)} />
    </div>
  );
}
