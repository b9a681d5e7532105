import { t, type Lang, type TicketView } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { fill } from '../text/fill.ts';

interface FinishDialogProps {
  lang: Lang;
  ticket: TicketView;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (dossierCode: string | null) => void;
  onClose: () => void;
}

/** Finishing asks for the dossier code of the one-stop system, optional: Enter alone finishes without one. */
export function FinishDialog({ lang, ticket, busy, failure, onSubmit, onClose }: FinishDialogProps) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(code.trim() || null);
  };
  return (
    <Dialog title={fill(lang, 'finishTitle', { number: ticket.number })} onClose={onClose} testId="finish-dialog">
      <form className="form" onSubmit={submit}>
        <label className="form__row">
          <span>{t(lang, 'finishDossierCode')}</span>
          <input type="text" maxLength={64} value={code} onChange={(e) => setCode(e.target.value)} data-autofocus autoComplete="off" data-testid="dossier-code" />
          <small className="form__hint">{t(lang, 'finishDossierHint')}</small>
        </label>
        <Problem lang={lang} failure={failure} />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="finish-submit">
            {t(lang, 'deskFinish')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
