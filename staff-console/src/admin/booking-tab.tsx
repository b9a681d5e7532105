import { t, type BookingSettingsBody, type Lang, type StringKey } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { AdminNotice, useAdminNotice } from './admin-notice.tsx';
import { invalidProps, Numbers, Row, text, useFocusInvalid } from './form-bits.tsx';
import { useLoad } from './use-load.ts';

const weekdays: readonly { day: number; label: StringKey }[] = [
  { day: 1, label: 'weekdayMon' },
  { day: 2, label: 'weekdayTue' },
  { day: 3, label: 'weekdayWed' },
  { day: 4, label: 'weekdayThu' },
  { day: 5, label: 'weekdayFri' },
  { day: 6, label: 'weekdaySat' },
  { day: 0, label: 'weekdaySun' },
];

/**
 * Remote numbers and appointments (issue 16): whether citizens may book, the limits against hoarding, the calendar,
 * places per slot, the check-in window, the booked:walk-in call ratio and how long personal data is kept. The
 * server checks every value and names the refused ones; the change is audited as `booking.settings`.
 */
export function BookingTab({ lang, api }: { lang: Lang; api: ConsoleApi }) {
  const loaded = useLoad('booking', api.bookingSettings);
  const fields = useLoad('fields', api.fields);
  // Held here, not in the form: a save reloads the settings and the form starts afresh from them (its key), and
  // "Đã lưu." must outlive that (it vanished as soon as the reload answered).
  const [notice, say] = useAdminNotice();
  if (loaded.data === null) return <Problem lang={lang} failure={loaded.failure} />;
  const leaves = (fields.data ?? []).filter((f) => f.active && !(fields.data ?? []).some((c) => c.parentId === f.id));
  return <BookingForm key={JSON.stringify(loaded.data)} lang={lang} api={api} settings={loaded.data} fields={leaves} onSaved={loaded.reload} notice={notice} say={say} />;
}

interface FieldName {
  id: number;
  nameVi: string;
  nameEn: string;
  prefix: string;
}

function BookingForm({
  lang,
  api,
  settings,
  fields,
  onSaved,
  notice,
  say,
}: {
  lang: Lang;
  api: ConsoleApi;
  settings: BookingSettingsBody;
  fields: readonly FieldName[];
  onSaved: () => void;
  notice: ReturnType<typeof useAdminNotice>[0];
  say: ReturnType<typeof useAdminNotice>[1];
}) {
  const [enabled, setEnabled] = useState(settings.enabled);
  const [perDay, setPerDay] = useState(text(settings.perPhonePerDay));
  const [perField, setPerField] = useState(text(settings.perPhonePerField));
  const [perAddress, setPerAddress] = useState(text(settings.perAddressPerHour));
  const [requireId, setRequireId] = useState(settings.requireCitizenId);
  const [daysAhead, setDaysAhead] = useState(text(settings.daysAhead));
  const [working, setWorking] = useState<ReadonlySet<number>>(new Set(settings.workingDays));
  const [closed, setClosed] = useState(settings.closedDates.join('\n'));
  const [sessions, setSessions] = useState(settings.sessions);
  const [remoteOpensAt, setRemoteOpensAt] = useState(settings.remoteOpensAt);
  const [share, setShare] = useState(text(Math.round(settings.bookingShare * 100)));
  const [overrides, setOverrides] = useState<Record<string, string>>(Object.fromEntries(Object.entries(settings.capacityOverrides).map(([k, v]) => [k, String(v)])));
  const [lateGrace, setLateGrace] = useState(text(settings.lateGraceMinutes));
  const [remoteGrace, setRemoteGrace] = useState(text(settings.remoteGraceMinutes));
  const [booked, setBooked] = useState(text(settings.bookedInterleave.booked));
  const [walkIn, setWalkIn] = useState(text(settings.bookedInterleave.walkIn));
  const [personalDays, setPersonalDays] = useState(text(settings.personalDataDays));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [typed, setTyped] = useState<ReadonlySet<string>>(new Set());
  const invalid = new Set([...invalidProps(failure), ...typed]);
  useFocusInvalid(invalid);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = new Numbers();
    const capacityOverrides: Record<string, number> = {};
    for (const [id, value] of Object.entries(overrides)) {
      const n = numbers.intOrNull('capacityOverrides', value);
      if (n !== null) capacityOverrides[id] = n;
    }
    const body: BookingSettingsBody = {
      enabled,
      daysAhead: numbers.int('daysAhead', daysAhead),
      workingDays: [...working].sort(),
      closedDates: closed
        .split(/[\s,;]+/)
        .map((d) => d.trim())
        .filter((d) => d !== ''),
      sessions,
      remoteOpensAt,
      bookingShare: numbers.int('bookingShare', share) / 100,
      capacityOverrides,
      perPhonePerDay: numbers.int('perPhonePerDay', perDay),
      perPhonePerField: numbers.int('perPhonePerField', perField),
      perAddressPerHour: numbers.int('perAddressPerHour', perAddress),
      requireCitizenId: requireId,
      lateGraceMinutes: numbers.int('lateGraceMinutes', lateGrace),
      remoteGraceMinutes: numbers.int('remoteGraceMinutes', remoteGrace),
      personalDataDays: numbers.int('personalDataDays', personalDays),
      bookedInterleave: { booked: numbers.int('bookedInterleave', booked), walkIn: numbers.int('bookedInterleave', walkIn) },
    };
    setTyped(numbers.bad);
    if (numbers.bad.size) return;
    setBusy(true);
    setFailure(null);
    say.clear();
    const result = await api.saveBookingSettings(body);
    setBusy(false);
    if (result.ok) {
      say.ok(t(lang, 'consoleSaved'));
      onSaved();
    } else if (result.kind !== 'unauthorized') setFailure(result);
  };

  const number = (value: string, set: (v: string) => void, min: number, max: number, testId: string) => (
    <input type="number" min={min} max={max} value={value} onChange={(e) => set(e.target.value)} data-testid={testId} />
  );
  const editSession = (i: number, change: Partial<{ from: string; to: string }>) => setSessions((list) => list.map((s, j) => (j === i ? { ...s, ...change } : s)));

  return (
    <section className="admin-tab" aria-labelledby="tab-title" data-testid="admin-booking">
      <div className="admin-tab__head">
        <h2 id="tab-title">{t(lang, 'adminTabBooking')}</h2>
      </div>
      <AdminNotice lang={lang} notice={notice} />
      <form className="form admin-form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="choice__option">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="booking-enabled" />
          {t(lang, 'adminBookingEnabled')}
        </label>

        <fieldset className="form__group">
          <legend>{t(lang, 'adminBookingLimits')}</legend>
          <Row lang={lang} label="adminBookingPerPhoneDay" name="perPhonePerDay" invalid={invalid}>
            {number(perDay, setPerDay, 1, 10, 'booking-per-day')}
          </Row>
          <Row lang={lang} label="adminBookingPerPhoneField" name="perPhonePerField" invalid={invalid}>
            {number(perField, setPerField, 1, 10, 'booking-per-field')}
          </Row>
          <Row lang={lang} label="adminBookingPerAddress" hint="adminBookingPerAddressHint" name="perAddressPerHour" invalid={invalid}>
            {number(perAddress, setPerAddress, 1, 100_000, 'booking-per-address')}
          </Row>
          <label className="choice__option">
            <input type="checkbox" checked={requireId} onChange={(e) => setRequireId(e.target.checked)} data-testid="booking-require-id" />
            {t(lang, 'adminBookingRequireId')}
          </label>
        </fieldset>

        <fieldset className="form__group">
          <legend>{t(lang, 'adminBookingCalendar')}</legend>
          <Row lang={lang} label="adminBookingDaysAhead" name="daysAhead" invalid={invalid}>
            {number(daysAhead, setDaysAhead, 1, 60, 'booking-days-ahead')}
          </Row>
          <div className={`form__row${invalid.has('workingDays') ? ' form__row--invalid' : ''}`} data-prop="workingDays" role="group" aria-labelledby="booking-weekdays">
            <span id="booking-weekdays">{t(lang, 'adminBookingWorkingDays')}</span>
            <span className="inline-inputs">
              {weekdays.map((w) => (
                <label key={w.day} className="choice__option">
                  <input
                    type="checkbox"
                    checked={working.has(w.day)}
                    onChange={(e) =>
                      setWorking((set) => {
                        const next = new Set(set);
                        if (e.target.checked) next.add(w.day);
                        else next.delete(w.day);
                        return next;
                      })
                    }
                  />
                  {t(lang, w.label)}
                </label>
              ))}
            </span>
          </div>
          <Row lang={lang} label="adminBookingClosedDates" name="closedDates" invalid={invalid}>
            <textarea rows={3} value={closed} onChange={(e) => setClosed(e.target.value)} className="mono" data-testid="booking-closed-dates" />
          </Row>
          <div className={`form__row${invalid.has('sessions') ? ' form__row--invalid' : ''}`} data-prop="sessions" data-invalid={invalid.has('sessions') || undefined} role="group" aria-labelledby="booking-sessions">
            <span id="booking-sessions">{t(lang, 'adminBookingSessions')}</span>
            {sessions.map((s, i) => (
              <span key={i} className="inline-inputs">
                {t(lang, 'adminBookingSessionFrom')}
                <input type="time" value={s.from} onChange={(e) => editSession(i, { from: e.target.value })} aria-label={`${t(lang, 'adminBookingSessionFrom')} ${i + 1}`} />
                {t(lang, 'adminBookingSessionTo')}
                <input type="time" value={s.to} onChange={(e) => editSession(i, { to: e.target.value })} aria-label={`${t(lang, 'adminBookingSessionTo')} ${i + 1}`} />
                {sessions.length > 1 && (
                  <button type="button" className="btn btn--small" onClick={() => setSessions((list) => list.filter((_, j) => j !== i))}>
                    {t(lang, 'adminRemove')}
                  </button>
                )}
              </span>
            ))}
            {sessions.length < 4 && (
              <button type="button" className="btn btn--small" onClick={() => setSessions((list) => [...list, { from: '13:30', to: '17:00' }])}>
                {t(lang, 'adminBookingAddSession')}
              </button>
            )}
            {invalid.has('sessions') && <small className="form__hint">{t(lang, 'adminInvalidValue')}</small>}
          </div>
          <Row lang={lang} label="adminBookingRemoteOpens" name="remoteOpensAt" invalid={invalid}>
            <input type="time" value={remoteOpensAt} onChange={(e) => setRemoteOpensAt(e.target.value)} />
          </Row>
        </fieldset>

        <fieldset className="form__group">
          <legend>{t(lang, 'adminBookingCapacity')}</legend>
          <Row lang={lang} label="adminBookingShare" name="bookingShare" invalid={invalid}>
            {number(share, setShare, 0, 100, 'booking-share')}
          </Row>
          <div className={`form__row${invalid.has('capacityOverrides') ? ' form__row--invalid' : ''}`} data-prop="capacityOverrides" role="group" aria-labelledby="booking-overrides">
            <span id="booking-overrides">{t(lang, 'adminBookingOverride')}</span>
            <table className="table">
              <tbody>
                {fields.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">
                      {f.prefix} · {lang === 'vi' ? f.nameVi : f.nameEn}
                    </th>
                    <td>
                      <input
                        type="number"
                        min={0}
                        max={200}
                        value={overrides[String(f.id)] ?? ''}
                        onChange={(e) => setOverrides((o) => ({ ...o, [String(f.id)]: e.target.value }))}
                        aria-label={`${t(lang, 'adminBookingCapacity')}: ${lang === 'vi' ? f.nameVi : f.nameEn}`}
                        data-testid={`booking-capacity-${f.prefix}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>

        <fieldset className="form__group">
          <legend>{t(lang, 'adminBookingCheckIn')}</legend>
          <Row lang={lang} label="adminBookingLateGrace" hint="adminBookingLateGraceHint" name="lateGraceMinutes" invalid={invalid}>
            {number(lateGrace, setLateGrace, 0, 120, 'booking-late-grace')}
          </Row>
          <Row lang={lang} label="adminBookingRemoteGrace" name="remoteGraceMinutes" invalid={invalid}>
            {number(remoteGrace, setRemoteGrace, 0, 240, 'booking-remote-grace')}
          </Row>
          <div className={`form__row${invalid.has('bookedInterleave') ? ' form__row--invalid' : ''}`} data-prop="bookedInterleave">
            <span className="inline-inputs">
              {t(lang, 'adminBookingInterleave')}
              <input type="number" min={1} max={10} value={booked} onChange={(e) => setBooked(e.target.value)} aria-label={t(lang, 'adminBookingInterleaveBooked')} />
              {t(lang, 'adminBookingInterleaveBooked')}
              <input type="number" min={1} max={10} value={walkIn} onChange={(e) => setWalkIn(e.target.value)} aria-label={t(lang, 'adminBookingInterleaveWalkIn')} />
              {t(lang, 'adminBookingInterleaveWalkIn')}
            </span>
            <small className="form__hint">{t(lang, 'adminBookingInterleaveHint')}</small>
          </div>
        </fieldset>

        <Row lang={lang} label="adminBookingPersonalDays" name="personalDataDays" invalid={invalid}>
          {number(personalDays, setPersonalDays, 1, 365, 'booking-personal-days')}
        </Row>

        {typed.size > 0 && <p className="problem problem__text">{t(lang, 'adminNumbersInvalid')}</p>}
        <Problem lang={lang} failure={failure} testId="form-problem" />
        <div>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="booking-save">
            {t(lang, 'consoleSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
