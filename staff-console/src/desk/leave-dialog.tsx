import { t, type CounterView, type Lang, type LeaveCounterBody } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { fill } from '../text/fill.ts';
import { counterLabel, pauseReasonLabel, pauseReasons } from '../text/names.ts';

interface LeaveDialogProps {
  lang: Lang;
  counter: CounterView;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (body: LeaveCounterBody) => void;
  onClose: () => void;
}

const other = 'other';

/**
 * Leaving a counter (or signing out while seated at one) says what becomes of it: nobody calls at an empty
 * desk, so it is closed, or paused with a reason the counter screen shows. A paused counter can stay paused.
 */
export function LeaveDialog({ lang, counter, busy, failure, onSubmit, onClose }: LeaveDialogProps) {
  const [then, setThen] = useState<'close' | 'pause'>(counter.status === 'paused' ? 'pause' : 'close');
  const [choice, setChoice] = useState<string>(pauseReasons[0].value);
  const [text, setText] = useState('');
  const keepPaused = counter.status === 'paused';
  const reason = keepPaused ? (counter.pauseReason ?? '') : choice === other ? text.trim() : choice;
  const closed = counter.status === 'closed';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (closed || then === 'close') onSubmit({ counter: 'close' });
    else if (reason) onSubmit({ counter: 'pause', reason });
  };

  return (
    <Dialog title={fill(lang, 'leaveTitle', { counter: counterLabel(lang, counter) })} onClose={onClose} testId="leave-dialog">
      <form className="form" onSubmit={submit}>
        <p className="form__hint">{t(lang, closed ? 'leaveClosedExplain' : 'leaveExplain')}</p>
        {!closed && (
          <fieldset className="choice choice--column">
            <legend>{t(lang, 'leaveWhat')}</legend>
            <label className="choice__option">
              <input type="radio" name="leave-then" checked={then === 'close'} onChange={() => setThen('close')} data-autofocus={then === 'close' || undefined} data-testid="leave-close" />
              {t(lang, 'leaveClose')}
            </label>
            <label className="choice__option">
              <input type="radio" name="leave-then" checked={then === 'pause'} onChange={() => setThen('pause')} data-autofocus={then === 'pause' || undefined} data-testid="leave-pause" />
              {keepPaused ? fill(lang, 'leaveKeepPaused', { reason: pauseReasonLabel(lang, reason) }) : t(lang, 'leavePause')}
            </label>
            {then === 'pause' && !keepPaused && (
              <div className="leave__reason">
                <label className="form__row">
                  <span>{t(lang, 'leaveReason')}</span>
                  <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="leave-reason">
                    {pauseReasons.map((r) => (
                      <option key={r.value} value={r.value}>
                        {lang === 'vi' ? r.value.charAt(0).toUpperCase() + r.value.slice(1) : r.en}
                      </option>
                    ))}
                    <option value={other}>{t(lang, 'pauseOther')}</option>
                  </select>
                </label>
                {choice === other && (
                  <input type="text" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} aria-label={t(lang, 'pauseOtherLabel')} data-testid="leave-reason-text" />
                )}
              </div>
            )}
          </fieldset>
        )}
        <Problem lang={lang} failure={failure} />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || (then === 'pause' && !closed && !reason)} data-testid="leave-submit">
            {t(lang, 'deskLeave')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
