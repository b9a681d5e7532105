import { t, waitWords, type BookingConfirmation, type BookingView, type Lang } from '@luot/shared';
import { useEffect, useState } from 'react';
import { renderSVG } from 'uqr';
import { bookApi, dayLabel, hhmm } from './book-api.ts';
import { Reschedule } from './reschedule.tsx';

const statusKey = { booked: 'bookStatusBooked', checked_in: 'bookStatusCheckedIn', cancelled: 'bookStatusCancelled', lapsed: 'bookStatusLapsed' } as const;

/**
 * One booking, as its owner sees it: the code and its QR code (the confirmation link, which the kiosk's reader
 * types), when to come, and buttons to change the time (slot bookings) or cancel. Nothing of anyone else's booking
 * is ever shown.
 */
export function BookingCard({ lang, code, confirmation, days, onNew }: { lang: Lang; code: string; confirmation: BookingConfirmation | null; days: readonly string[]; onNew: () => void }) {
  const [view, setView] = useState<BookingView | null>(confirmation?.booking ?? null);
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const [moved, setMoved] = useState(false);

  useEffect(() => {
    if (confirmation) return;
    void bookApi.lookup(code).then((r) => (r.ok ? setView(r.body) : setError(r.kind === 'network' ? t(lang, 'bookOffline') : r.error.message[lang])));
  }, [code, confirmation, lang]);

  async function cancel() {
    const r = await bookApi.cancel(code);
    if (r.ok) setView(r.body);
    else setError(r.kind === 'network' ? t(lang, 'bookOffline') : r.error.message[lang]);
  }

  const link = `${window.location.origin}/book/#${code}`;
  if (moving && view)
    return (
      <Reschedule
        lang={lang}
        code={code}
        booking={view}
        days={days}
        onDone={(changed) => {
          setView(changed);
          setMoved(true);
          setMoving(false);
        }}
        onBack={() => setMoving(false)}
      />
    );
  return (
    <section className="book__step" data-testid="book-card">
      <h2 className="book__question">{confirmation ? t(lang, 'bookDone') : t(lang, 'bookManage')}</h2>
      {error && <p className="book__note" role="alert">{error}</p>}
      {moved && view?.status === 'booked' && (
        <p className="book__done" role="status" data-testid="book-moved">
          {t(lang, 'bookRescheduled')}
        </p>
      )}
      {view && (
        <div className="book__card">
          <p className="book__subtitle">{lang === 'vi' ? view.nameVi : view.nameEn}</p>
          <p className="book__status" data-testid="book-status" data-status={view.status}>
            {t(lang, statusKey[view.status])}
          </p>
          {view.phoneMasked && <p className="book__privacy">{view.phoneMasked}</p>}
          <p className="book__code-label">{t(lang, 'bookCodeLabel')}</p>
          <p className="book__code" data-testid="book-code">
            {code}
          </p>
          {view.status === 'booked' && <div className="book__qr" role="img" aria-label={code} dangerouslySetInnerHTML={{ __html: renderSVG(link, { border: 2 }) }} />}
          <dl className="book__facts">
            <div>
              <dt>{view.kind === 'slot' ? t(lang, 'bookWhen') : t(lang, 'bookArriveBy')}</dt>
              <dd data-testid="book-when">
                {view.kind === 'slot' ? `${hhmm(view.slotAt)}, ${dayLabel(view.day, lang)}` : `${hhmm(view.deadlineAt)}, ${dayLabel(view.day, lang)}`}
              </dd>
            </div>
            {view.peopleAhead !== undefined && (
              <div>
                <dt>{t(lang, 'bookAhead')}</dt>
                <dd>{view.peopleAhead}</dd>
              </div>
            )}
            {view.estimatedWaitMinutes !== undefined && (
              <div>
                <dt>{t(lang, 'bookWait')}</dt>
                <dd>{waitWords(lang, view.estimatedWaitMinutes)}</dd>
              </div>
            )}
          </dl>
          {view.status === 'booked' && <p className="book__privacy">{t(lang, 'bookKeepCode')}</p>}
          {view.status === 'booked' && view.kind === 'slot' && days.length > 0 && (
            <button type="button" className="book__secondary book__wide" data-testid="book-change" onClick={() => { setError(null); setMoving(true); }}>
              {t(lang, 'bookChange')}
            </button>
          )}
          {view.status === 'booked' && (
            <button type="button" className="book__secondary book__danger" data-testid="book-cancel" onClick={() => void cancel()}>
              {t(lang, 'bookCancel')}
            </button>
          )}
        </div>
      )}
      <button type="button" className="book__back" onClick={onNew}>
        {t(lang, 'bookBack')}
      </button>
    </section>
  );
}
