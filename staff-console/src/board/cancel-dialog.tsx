import { t, type Lang, type TicketView } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { fill } from '../text/fill.ts';

interface CancelDialogProps {
  lang: Lang;
  ticket: TicketView;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (reason: string | null) => void;
  onClose: () => void;
}

/** Cancelling takes a ticket out of the day for good, so the reason is asked for and kept in the log. */
export function CancelDialog({ lang, ticket, busy, failure, onSubmit, onClose }: CancelDialogProps) {
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(reason.trim() || null);
  };
  return (
    <Dialog title={fill(lang, 'cancelTitle', { number: ticket.number })} onClose={onClose} testId="cancel-dialog">
      <form className="form" onSubmit={submit}>
        <p className="dialog__body">{t(lang, 'cancelExplain')}</p>
        <label className="form__row">
          <span>{t(lang, 'cancelReason')}</span>
          <input type="text" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-autofocus data-testid="cancel-reason" />
        </label>
        <Problem lang={lang} failure={failure} />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--danger" disabled={busy} data-testid="cancel-submit">
            {t(lang, 'boardCancelTicket')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
