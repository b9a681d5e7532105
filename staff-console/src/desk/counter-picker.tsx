import { type CounterView, type FieldView, fill, type Lang, type Me, t } from '@luot/shared';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import type { ApiFailure } from '../api/http.ts';
import { Problem } from '../components/problem.tsx';
import { counterLabel, fieldName, pauseReasonLabel } from '../text/names.ts';

interface CounterPickerProps {
  lang: Lang;
  api: ConsoleApi;
  me: Me;
  counters: readonly CounterView[];
  fields: readonly FieldView[];
  onJoined: (counter: CounterView) => void;
}

const statusKey = { open: 'consoleStatusOpen', paused: 'consoleStatusPaused', closed: 'consoleStatusClosed' } as const;

/**
 * Choosing a counter after sign-in. A counter this officer still holds (a new session after a closed
 * browser or a restart) is taken back at once: their place is kept by the server, not by this tab.
 */
export function CounterPicker({ lang, api, me, counters, fields, onJoined }: CounterPickerProps) {
  const [busy, setBusy] = useState<number | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const mine = counters.find((c) => c.officer?.id === me.id);
  const resumed = useRef(false);

  const join = async (counter: CounterView) => {
    setBusy(counter.id);
    setFailure(null);
    const result = await api.join(counter.id);
    setBusy(null);
    if (result.ok) onJoined(result.body.counter);
    else if (result.kind !== 'unauthorized') setFailure(result);
  };

  const resume = useEffectEvent((counter: CounterView) => void join(counter));
  useEffect(() => {
    // Once: an officer who then leaves and comes back to this list chooses again.
    if (!mine || resumed.current) return;
    resumed.current = true;
    resume(mine);
  }, [mine]);

  return (
    <section className="picker" aria-labelledby="picker-title" data-testid="counter-picker">
      <h2 id="picker-title" className="picker__title">
        {t(lang, 'pickerTitle')}
      </h2>
      <p className="picker__hint">{t(lang, 'pickerHint')}</p>
      <Problem lang={lang} failure={failure} />
      <ul className="picker__list">
        {counters.map((counter) => {
          const takenBy = counter.officer && counter.officer.id !== me.id ? counter.officer.name : null;
          return (
            <li key={counter.id}>
              <button
                type="button"
                className="picker__counter"
                disabled={takenBy !== null || busy !== null}
                onClick={() => void join(counter)}
                data-testid="pick-counter"
                data-number={counter.number}
              >
                <span className="picker__name">{counterLabel(lang, counter)}</span>
                <span className="picker__fields">{counter.fieldIds.map((id) => fieldName(lang, fields.find((f) => f.id === id))).join(' · ')}</span>
                <span className={`status status--${counter.status}`}>
                  {t(lang, statusKey[counter.status])}
                  {counter.status === 'paused' && counter.pauseReason ? ` — ${pauseReasonLabel(lang, counter.pauseReason)}` : ''}
                </span>
                <span className="picker__officer">{takenBy ? fill(lang, 'pickerTaken', { name: takenBy }) : t(lang, 'pickerFree')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
