import { fill, t, type BookingReport, type FieldView, type Lang } from '@luot/shared';
import { useEffect, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { fieldName } from '../text/names.ts';

const minutes = (lang: Lang, value: number | null) => (value === null ? '—' : fill(lang, 'reportsBookingMinutes', { n: value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') }));

/**
 * Booked against walk-in citizens over the report's period (issue 16): bookings per field and what became of them,
 * and the hall waits of both kinds (mean and 90th percentile) — the server's /api/reports/bookings, counts only.
 */
export function BookingFigures({ lang, api, from, to, fields }: { lang: Lang; api: ConsoleApi; from: string; to: string; fields: readonly FieldView[] }) {
  const [report, setReport] = useState<BookingReport | null>(null);
  useEffect(() => {
    let gone = false;
    void api.bookingReport(from, to).then((r) => {
      if (!gone) setReport(r.ok ? r.body : null);
    });
    return () => {
      gone = true;
    };
  }, [api, from, to]);
  if (!report) return null;
  const rows = [...report.fields.map((f) => ({ key: String(f.fieldId), name: fieldName(lang, fields.find((x) => x.id === f.fieldId)), ...f })), { key: 'all', name: t(lang, 'reportsBookingAll'), ...report }];
  return (
    <section className="report-section" aria-labelledby="booking-figures-title" data-testid="booking-figures">
      <h2 id="booking-figures-title">{t(lang, 'reportsBookingTitle')}</h2>
      <div className="table-scroll">
        <table className="table report-table">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'reportsBookingField')}</th>
              <th scope="col">{t(lang, 'reportsBookingMade')}</th>
              <th scope="col">{t(lang, 'reportsBookingOnTime')}</th>
              <th scope="col">{t(lang, 'reportsBookingLate')}</th>
              <th scope="col">{t(lang, 'reportsBookingLapsed')}</th>
              <th scope="col">{t(lang, 'reportsBookingCancelled')}</th>
              <th scope="col">{t(lang, 'reportsBookingBookedWait')}</th>
              <th scope="col">{t(lang, 'reportsBookingWalkInWait')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const b = r.bookings;
              return (
                <tr key={r.key} data-testid="booking-figures-row" data-field={r.key}>
                  <th scope="row">{r.name}</th>
                  <td data-figure="made">{b.onTime + b.late + b.lapsed + b.cancelled + b.booked}</td>
                  <td data-figure="onTime">{b.onTime}</td>
                  <td data-figure="late">{b.late}</td>
                  <td data-figure="lapsed">{b.lapsed}</td>
                  <td data-figure="cancelled">{b.cancelled}</td>
                  <td data-figure="bookedWait">
                    {fill(lang, 'reportsBookingWait', { mean: minutes(lang, r.booked.meanWaitMinutes), p90: minutes(lang, r.booked.p90WaitMinutes), n: r.booked.called })}
                  </td>
                  <td data-figure="walkInWait">
                    {fill(lang, 'reportsBookingWait', { mean: minutes(lang, r.walkIn.meanWaitMinutes), p90: minutes(lang, r.walkIn.p90WaitMinutes), n: r.walkIn.called })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{t(lang, 'reportsBookingExplain')}</p>
    </section>
  );
}
