import { t, type CounterView, type FieldView, type Lang, type TicketView } from '@luot/shared';
import { fill } from '../text/fill.ts';
import { counterLabel, fieldName } from '../text/names.ts';

interface HandoverNoteProps {
  lang: Lang;
  ticket: TicketView;
  /** The desk's counter: a ticket sent to it without a sending counter is "sent to this counter". */
  counterId: number;
  counters: readonly CounterView[];
  fields: readonly FieldView[];
}

/**
 * What the officer who calls a ticket next needs to know about how it got here: sent from counter 1 (and from
 * which field), back from hold, and the note left with it. Nothing for a ticket that simply waited its turn.
 */
export function HandoverNote({ lang, ticket, counterId, counters, fields }: HandoverNoteProps) {
  const handover = ticket.handover ?? null;
  let from: string | null = null;
  if (handover?.kind === 'returned') from = t(lang, 'deskReturnedFromHold');
  else if (handover?.kind === 'transferred') {
    const counter = counters.find((c) => c.id === handover.fromCounterId);
    const field = handover.fromFieldId === null ? null : fieldName(lang, fields.find((f) => f.id === handover.fromFieldId));
    if (counter) from = fill(lang, field ? 'deskSentFromCounterField' : 'deskSentFromCounter', { counter: counterLabel(lang, counter), field: field ?? '' });
    else if (field) from = fill(lang, 'deskSentFromField', { field });
    else if (ticket.counterId === counterId) from = t(lang, 'deskSentHere');
  } else if (handover === null && ticket.status === 'waiting' && ticket.counterId === counterId) from = t(lang, 'deskSentHere');
  const note = handover?.note ?? null;
  if (from === null && note === null) return null;
  return (
    <span className="handover" data-testid="handover" data-kind={handover?.kind ?? 'transferred'}>
      {from !== null && <span className="badge badge--sent">{from}</span>}
      {note !== null && (
        <span className="handover__note" data-testid="handover-note">
          {fill(lang, 'deskHandoverNote', { note })}
        </span>
      )}
    </span>
  );
}
