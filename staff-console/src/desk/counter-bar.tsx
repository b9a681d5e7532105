import { type CounterView, type FieldView, fill, type Lang, t } from '@luot/shared';
import { Keycap } from '../components/keycap.tsx';
import { counterLabel, fieldName, pauseReasonLabel } from '../text/names.ts';
import { shortcuts } from './desk-state.ts';

interface CounterBarProps {
  lang: Lang;
  counter: CounterView;
  fields: readonly FieldView[];
  busy: string | null;
  onPauseKey: () => void;
  onClose: () => void;
  onLeave: () => void;
}

const statusKey = { open: 'consoleStatusOpen', paused: 'consoleStatusPaused', closed: 'consoleStatusClosed' } as const;
const pauseKey = { open: 'deskPause', paused: 'deskResume', closed: 'deskOpen' } as const;

/** Which counter this is, what it serves, its state, and the counter-level buttons. */
export function CounterBar({ lang, counter, fields, busy, onPauseKey, onClose, onLeave }: CounterBarProps) {
  const served = counter.fieldIds.map((id) => fieldName(lang, fields.find((f) => f.id === id))).join(' · ');
  return (
    <section className={`counter-bar counter-bar--${counter.status}`} aria-label={t(lang, 'deskCounterState')}>
      <div className="counter-bar__who">
        <h2 className="counter-bar__name" data-testid="desk-counter">
          {counterLabel(lang, counter)}
        </h2>
        <p className="counter-bar__fields">{served}</p>
      </div>
      <p className={`status status--${counter.status}`} data-testid="desk-status" data-status={counter.status}>
        <span>
          {t(lang, statusKey[counter.status])}
          {counter.status === 'paused' && counter.pauseReason && (
            <span className="status__reason" data-testid="desk-pause-reason">
              {' — '}
              {fill(lang, 'consolePauseReason', { reason: pauseReasonLabel(lang, counter.pauseReason) })}
            </span>
          )}
        </span>
      </p>
      <div className="counter-bar__tools">
        <button
          type="button"
          className={counter.status === 'open' ? 'btn' : 'btn btn--primary'}
          disabled={busy !== null}
          onClick={onPauseKey}
          aria-keyshortcuts={shortcuts.pause.label}
          data-testid="action-pause"
          data-mode={counter.status}
        >
          {t(lang, pauseKey[counter.status])} <Keycap label={shortcuts.pause.label} />
        </button>
        <button type="button" className="btn" disabled={busy !== null || counter.status === 'closed' || counter.current !== null} onClick={onClose} data-testid="action-close">
          {t(lang, 'deskClose')}
        </button>
        <button type="button" className="btn btn--quiet" disabled={busy !== null || counter.current !== null} onClick={onLeave} data-testid="action-leave">
          {t(lang, 'deskLeave')}
        </button>
      </div>
    </section>
  );
}
