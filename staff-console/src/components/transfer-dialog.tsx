import { t, type CounterView, type FieldView, type Lang, type TicketView } from '@luot/shared';
import { useState, type FormEvent } from 'react';
import type { ApiFailure } from '../api/http.ts';
import type { TransferTarget } from '../api/console-api.ts';
import { fill } from '../text/fill.ts';
import { counterLabel, fieldName, leafFields } from '../text/names.ts';
import { Dialog } from './dialog.tsx';
import { Problem } from './problem.tsx';

interface TransferDialogProps {
  lang: Lang;
  ticket: TicketView;
  fields: readonly FieldView[];
  counters: readonly CounterView[];
  /** The counter the transfer is made from, which is not offered as a target. */
  fromCounterId: number | null;
  busy: boolean;
  failure: ApiFailure | null;
  onSubmit: (target: TransferTarget, note: string | null) => void;
  onClose: () => void;
}

/** Sends a ticket to another field (it queues there) or to a named counter (it is called there first). */
export function TransferDialog({ lang, ticket, fields, counters, fromCounterId, busy, failure, onSubmit, onClose }: TransferDialogProps) {
  const fieldTargets = leafFields(fields).filter((f) => f.id !== ticket.fieldId);
  // A counter transfer keeps the field: only counters that serve it can take the citizen.
  const counterTargets = counters.filter((c) => c.id !== fromCounterId && c.status !== 'closed' && c.fieldIds.includes(ticket.fieldId));
  const ticketField = fieldName(lang, fields.find((f) => f.id === ticket.fieldId));
  const [mode, setMode] = useState<'field' | 'counter'>('field');
  const [fieldId, setFieldId] = useState<number | null>(fieldTargets[0]?.id ?? null);
  const [counterId, setCounterId] = useState<number | null>(counterTargets[0]?.id ?? null);
  const [note, setNote] = useState('');
  const targetId = mode === 'field' ? fieldId : counterId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (targetId === null) return;
    onSubmit(mode === 'field' ? { toFieldId: targetId } : { toCounterId: targetId }, note.trim() || null);
  };

  return (
    <Dialog title={fill(lang, 'transferTitle', { number: ticket.number })} onClose={onClose} testId="transfer-dialog">
      <form className="form" onSubmit={submit}>
        <fieldset className="choice">
          <legend>{t(lang, 'transferTo')}</legend>
          <label className="choice__option">
            <input type="radio" name="transfer-mode" checked={mode === 'field'} onChange={() => setMode('field')} data-testid="transfer-mode-field" />
            {t(lang, 'transferToField')}
          </label>
          <label className="choice__option">
            <input type="radio" name="transfer-mode" checked={mode === 'counter'} onChange={() => setMode('counter')} data-testid="transfer-mode-counter" />
            {t(lang, 'transferToCounter')}
          </label>
        </fieldset>
        {mode === 'field' ? (
          <label className="form__row">
            <span>{t(lang, 'transferFieldLabel')}</span>
            <select value={fieldId ?? ''} onChange={(e) => setFieldId(Number(e.target.value))} data-testid="transfer-field">
              {fieldTargets.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.prefix} · {fieldName(lang, f)}
                </option>
              ))}
            </select>
          </label>
        ) : counterTargets.length === 0 ? (
          <p className="notice notice--info" data-testid="transfer-no-counter">
            {fill(lang, 'transferNoCounter', { field: ticketField })}
          </p>
        ) : (
          <label className="form__row">
            <span>{t(lang, 'transferCounterLabel')}</span>
            <select value={counterId ?? ''} onChange={(e) => setCounterId(Number(e.target.value))} data-testid="transfer-counter">
              {counterTargets.map((c) => (
                <option key={c.id} value={c.id}>
                  {counterLabel(lang, c)}
                  {c.officer ? ` — ${c.officer.name}` : ''}
                </option>
              ))}
            </select>
            <small className="form__hint">{fill(lang, 'transferCounterHint', { field: ticketField })}</small>
          </label>
        )}
        <label className="form__row">
          <span>{t(lang, 'transferNote')}</span>
          <input type="text" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="transfer-note" />
        </label>
        <Problem lang={lang} failure={failure} />
        <div className="dialog__actions">
          <button type="button" className="btn" onClick={onClose}>
            {t(lang, 'consoleCancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy || targetId === null} data-testid="transfer-submit">
            {t(lang, 'transferSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
