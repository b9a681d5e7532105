import { t, type Lang, type TicketView } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/http.ts';
import { Dialog } from '../components/dialog.tsx';
import { Problem } from '../components/problem.tsx';
import { fill } from '../text/fill.ts';

interface HoldDialogProps {
  lang: Lang;
  ticket: TicketView;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (note: string | null) => void;
  onClose: () => void;
}

/** Setting a citizen aside (tạm giữ), e.g. to fetch a missing paper; a note says why, for whoever returns it. */
export function HoldDialog({ lang, ticket, busy, failure, onSubmit, onClose }: HoldDialogProps) {
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(note.trim() || null);
  };
  return (
    <Dialog title={fill(lang, 'holdTitle', { number: ticket.number })} onClose={onClose} testId="hold-dialog">
      <form className="form" onSubmit={submit}>
        <p className="dialog__body">{t(lang, 'holdExplain')}</p>
        <label className="form__row">
          <span>{t(lang, 'holdNote')}</span>
          <input type="text" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-autofocus data-testid="hold-note" />
        </label>
        <Problem lang={lang} failure={failure} />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy} data-testid="hold-submit">
            {t(lang, 'deskHold')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
