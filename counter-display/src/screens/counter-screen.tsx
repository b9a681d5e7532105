import { type CounterView, type FieldView, fill, type Lang, t } from '@luot/shared';
import type { Flash } from '../hooks/use-flash.ts';
import { PriorityBadge } from '../standards/priority-counters.tsx';

interface CounterScreenProps {
  lang: Lang;
  counter: CounterView;
  /** All fields of the center, for names; null until loaded (names are then left out, never guessed). */
  fields: FieldView[] | null;
  flash: Flash | null;
}

type Mode = 'calling' | 'called' | 'serving' | 'idle' | 'paused' | 'closed';

function modeOf(counter: CounterView, flash: Flash | null): Mode {
  if (counter.status === 'closed') return 'closed';
  if (counter.status === 'paused') return 'paused';
  const current = counter.current;
  if (!current) return 'idle';
  if (flash !== null && current.status === 'called') return 'calling';
  return current.status === 'serving' ? 'serving' : 'called';
}

/**
 * The small screen above one counter: which counter this is, and the number it is calling or serving,
 * big enough to read from the waiting seats. A call or recall makes it flash for a few seconds.
 */
export function CounterScreen({ lang, counter, fields, flash }: CounterScreenProps) {
  const mode = modeOf(counter, flash);
  const name = (id: number) => {
    const field = fields?.find((f) => f.id === id);
    return field ? (lang === 'vi' ? field.nameVi : field.nameEn) : null;
  };
  const heading = fill(lang, 'displayCounter', { number: counter.number });
  const served = counter.fieldIds.map(name).filter((n): n is string => n !== null);
  const current = counter.current;

  return (
    <div className={`counter-screen counter-screen--${mode}`} data-testid="counter-screen" data-mode={mode}>
      <header className="counter-screen__head">
        <h1 className="counter-screen__counter" data-testid="counter-heading">
          {heading}
          {counter.name !== heading && <span className="counter-screen__name">{counter.name}</span>}
        </h1>
        {served.length > 0 && <p className="counter-screen__fields">{served.join(' · ')}</p>}
        <PriorityBadge lang={lang} counter={counter} />
      </header>

      <main className="counter-screen__body" key={mode === 'calling' ? flash?.key : mode}>
        {(mode === 'calling' || mode === 'called' || mode === 'serving') && current && (
          <>
            {/* "Xin mời công dân có số A023" is the screen's heading after the counter's own. */}
            <h2 className="counter-screen__call">
              <span className="counter-screen__label" data-testid="counter-label">
                {t(lang, mode === 'serving' ? 'displayServing' : flash?.recall ? 'displayRecalling' : 'displayCalling')}
              </span>
              <span className="counter-screen__number" data-testid="counter-number">
                {current.number}
              </span>
            </h2>
            {name(current.fieldId) !== null && <p className="counter-screen__field">{name(current.fieldId)}</p>}
          </>
        )}
        {mode === 'idle' && (
          <p className="counter-screen__idle" data-testid="counter-label">
            {t(lang, 'displayIdle')}
          </p>
        )}
        {mode === 'paused' && (
          <>
            <p className="counter-screen__status" data-testid="counter-status">
              {t(lang, 'displayPaused')}
            </p>
            {counter.pauseReason && (
              <p className="counter-screen__reason" data-testid="counter-reason">
                {fill(lang, 'displayPauseReason', { reason: counter.pauseReason })}
              </p>
            )}
            <p className="counter-screen__hint">{t(lang, 'displayPausedHint')}</p>
          </>
        )}
        {mode === 'closed' && (
          <>
            <p className="counter-screen__status" data-testid="counter-status">
              {t(lang, 'displayClosed')}
            </p>
            <p className="counter-screen__hint">{t(lang, 'displayClosedHint')}</p>
          </>
        )}
      </main>

      {counter.officer && mode !== 'closed' && (
        <footer className="counter-screen__foot">{fill(lang, 'displayOfficer', { name: counter.officer.name })}</footer>
      )}
    </div>
  );
}
