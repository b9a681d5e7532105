import { t, type BookingDay, type FieldView, type Lang } from '@luot/shared';
import { useEffect, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { fieldName } from '../text/names.ts';

const pollMs = 30_000;
const hhmm = (at: number): string => new Date(at + 7 * 3_600_000).toISOString().slice(11, 16);

/**
 * Today's bookings per field and slot: still expected, came, did not come (lapsed), and the no-shows. Phones are
 * masked by the server (09xx xxx 123); nothing else about the citizen is sent.
 */
export function BookingsPanel({ lang, api, fields }: { lang: Lang; api: ConsoleApi; fields: readonly FieldView[] }) {
  const [day, setDay] = useState<BookingDay | null>(null);
  useEffect(() => {
    let timer: number | undefined;
    let gone = false;
    const load = async () => {
      const r = await api.bookingsToday();
      if (gone) return;
      if (r.ok) setDay(r.body);
      timer = window.setTimeout(() => void load(), pollMs);
    };
    void load();
    return () => {
      gone = true;
      window.clearTimeout(timer);
    };
  }, [api]);

  const rows = day?.rows ?? [];
  return (
    <section className="panel bookings" aria-labelledby="bookings-title" data-testid="bookings-panel">
      <h2 className="panel__title" id="bookings-title">
        {t(lang, 'boardBookingsTitle')}
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t(lang, 'boardBookingsNone')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'boardBookingsSlot')}</th>
              <th scope="col">{t(lang, 'boardBookingsExpected')}</th>
              <th scope="col">{t(lang, 'boardBookingsCheckedIn')}</th>
              <th scope="col">{t(lang, 'boardBookingsNoShow')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.fieldId}-${r.slotAt}-${r.kind}`} data-testid="bookings-row">
                <th scope="row">
                  {r.kind === 'slot' ? hhmm(r.slotAt) : t(lang, 'boardBookingsRemote')} · {fieldName(lang, fields.find((f) => f.id === r.fieldId))}
                </th>
                <td>{r.booked}</td>
                <td>{r.checkedIn}</td>
                <td className={r.lapsed > 0 ? 'bookings__no-show' : undefined}>{r.lapsed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {day && day.noShows.length > 0 && (
        <p className="muted" data-testid="bookings-no-shows">
          {t(lang, 'boardBookingsNoShow')}: {day.noShows.map((n) => `${hhmm(n.slotAt)} · ${fieldName(lang, fields.find((f) => f.id === n.fieldId))} ${n.phoneMasked ?? ''}`.trim()).join(', ')}
        </p>
      )}
    </section>
  );
}
