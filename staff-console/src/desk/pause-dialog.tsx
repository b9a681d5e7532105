import { t, type Lang } from '@luot/shared';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Keycap } from '../components/keycap.tsx';
import { Problem } from '../components/problem.tsx';
import { pauseReasons } from '../text/names.ts';

interface PauseDialogProps {
  lang: Lang;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

const other = 'other';

/** Pausing needs a reason, shown on the counter screen: the glossary's three, by one key each, or free text. */
export function PauseDialog({ lang, busy, failure, onSubmit, onClose }: PauseDialogProps) {
  const [choice, setChoice] = useState<string>(pauseReasons[0].value);
  const [text, setText] = useState('');
  const reason = choice === other ? text.trim() : choice;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason) onSubmit(reason);
  };

  // 1, 2, 3 pick a reason and pause at once; the free-text field keeps its digits.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'text') return;
    const index = ['Digit1', 'Digit2', 'Digit3', 'Numpad1', 'Numpad2', 'Numpad3'].indexOf(event.code) % 3;
    const picked = pauseReasons[index];
    if (index < 0 || !picked || busy) return;
    event.preventDefault();
    setChoice(picked.value);
    onSubmit(picked.value);
  };

  return (
    <Dialog title={t(lang, 'pauseTitle')} onClose={onClose} testId="pause-dialog">
      <form className="form" onSubmit={submit} onKeyDown={onKeyDown}>
        <fieldset className="choice choice--column">
          <legend>{t(lang, 'pauseReason')}</legend>
          {pauseReasons.map((r, i) => (
            <label key={r.value} className="choice__option">
              <input
                type="radio"
                name="pause-reason"
                checked={choice === r.value}
                onChange={() => setChoice(r.value)}
                data-autofocus={i === 0 || undefined}
                data-testid={`pause-reason-${i + 1}`}
              />
              <Keycap label={String(i + 1)} />
              {lang === 'vi' ? r.value.charAt(0).toUpperCase() + r.value.slice(1) : r.en}
            </label>
          ))}
          <label className="choice__option">
            <input type="radio" name="pause-reason" checked={choice === other} onChange={() => setChoice(other)} data-testid="pause-reason-other" />
            {t(lang, 'pauseOther')}
          </label>
          {choice === other && (
            <input
              type="text"
              className="choice__text"
              maxLength={200}
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-label={t(lang, 'pauseOtherLabel')}
              autoFocus
              data-testid="pause-reason-text"
            />
          )}
        </fieldset>
        {lang === 'en' && <p className="form__hint">{t(lang, 'pauseShownInVietnamese')}</p>}
        <Problem lang={lang} failure={failure} />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || !reason} data-testid="pause-submit">
            {t(lang, 'deskPause')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
