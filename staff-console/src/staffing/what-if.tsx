import { countersNeeded, fill, meanWaitMinutes, offeredLoad, reportWeekdays, shareWithin, t, type Lang, type StaffingPlan } from '@luot/shared';
import { useState } from 'react';

/**
 * "What if": a field, a weekday and hour from the records, and a number of counters → the expected wait, by the
 * same Erlang C as the plan, worked out in the browser as the number changes.
 */
export function WhatIf({ lang, plan, fieldId }: { lang: Lang; plan: StaffingPlan; fieldId: number }) {
  const field = plan.fields.find((f) => f.fieldId === fieldId);
  const slots = plan.cells.filter((c) => c.fieldId === fieldId);
  const busiest = [...slots].sort((a, b) => b.arrivalsPerHour - a.arrivalsPerHour)[0];
  const [slotKey, setSlotKey] = useState<number | null>(null);
  const slot = slots.find((c) => c.weekday * 24 + c.hour === slotKey) ?? busiest;
  const [counters, setCounters] = useState<string>('');
  if (!field) return null;
  const n = counters === '' ? (slot?.needed ?? 1) : Math.max(1, Math.min(60, Number(counters) || 1));
  const q = { arrivalsPerHour: slot?.arrivalsPerHour ?? 0, serviceMinutes: field.serviceMinutes };
  const wait = meanWaitMinutes(q, n);
  let result: string;
  if (!slot) result = t(lang, 'staffingWhatIfNone');
  else if (!Number.isFinite(wait)) result = fill(lang, 'staffingWhatIfOverload', { min: Math.floor(offeredLoad(q)) + 1 });
  else result = fill(lang, 'staffingWhatIfResult', { wait: Math.round(wait * 10) / 10, share: Math.floor(shareWithin(q, n, field.targetWaitMinutes) * 100), target: field.targetWaitMinutes });

  return (
    <section className="what-if" data-testid="staffing-what-if">
      <h2>{t(lang, 'staffingWhatIf')}</h2>
      <div className="what-if__inputs">
        <label>
          {t(lang, 'staffingWhatIfHour')}
          <select value={slot ? slot.weekday * 24 + slot.hour : ''} onChange={(e) => setSlotKey(Number(e.target.value))} data-testid="what-if-slot">
            {slots.map((c) => (
              <option key={c.weekday * 24 + c.hour} value={c.weekday * 24 + c.hour}>
                {`${reportWeekdays[c.weekday]?.[lang] ?? ''} ${String(c.hour).padStart(2, '0')}:00 · ${c.arrivalsPerHour}/h`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'staffingWhatIfCounters')}
          <input type="number" min={1} max={60} value={counters === '' ? n : counters} onChange={(e) => setCounters(e.target.value)} data-testid="what-if-counters" />
        </label>
      </div>
      <p className="what-if__result" role="status" data-testid="what-if-result" data-needed={slot ? countersNeeded(q, field.targetWaitMinutes, plan.share) : undefined}>
        {result}
      </p>
    </section>
  );
}
