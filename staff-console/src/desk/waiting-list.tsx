import { type CounterView, type FieldView, fill, type Lang, type PriorityCategory, t, type TicketView } from '@luot/shared';
import { HandoverNote } from './handover-note.tsx';
import { fieldName, priorityName } from '../text/names.ts';
import { secondsSince, useNow } from '../time/clock.ts';
import { BookedBadge } from './booked-badge.tsx';

interface WaitingListProps {
  lang: Lang;
  counter: CounterView;
  waiting: readonly TicketView[];
  held: readonly TicketView[];
  fields: readonly FieldView[];
  /** Every counter, to name the one a ticket was sent from. */
  counters: readonly CounterView[];
  categories: readonly PriorityCategory[];
  canCall: boolean;
  busy: boolean;
  onCall: (ticket: TicketView) => void;
  onReturn: (ticket: TicketView) => void;
  onTransferHeld: (ticket: TicketView) => void;
}

/** Who waits for this counter, in arrival order, and the tickets it set aside. */
export function WaitingList({ lang, counter, waiting, held, fields, counters, categories, canCall, busy, onCall, onReturn, onTransferHeld }: WaitingListProps) {
  const now = useNow(15_000);
  const showField = counter.fieldIds.length > 1;
  return (
    <aside className="queue-panel" aria-labelledby="waiting-title">
      <h2 className="queue-panel__title" id="waiting-title" data-testid="waiting-count" data-count={waiting.length}>
        {fill(lang, 'deskWaitingTitle', { count: waiting.length })}
      </h2>
      {waiting.length === 0 ? (
        <p className="queue-panel__empty">{t(lang, 'deskWaitingEmpty')}</p>
      ) : (
        <ol className="ticket-list" data-testid="waiting-list">
          {waiting.map((ticket) => {
            const minutes = Math.floor(secondsSince(ticket.queuedAt, now) / 60);
            return (
              <li key={ticket.id} className="ticket-row" data-testid="waiting-ticket" data-number={ticket.number}>
                <span className="ticket-row__number">{ticket.number}</span>
                <span className="ticket-row__info">
                  {showField && <span className="ticket-row__field">{fieldName(lang, fields.find((f) => f.id === ticket.fieldId))}</span>}
                  <BookedBadge lang={lang} ticket={ticket} />
                  {ticket.priority && (
                    <span className="badge badge--priority">{fill(lang, 'consolePriorityBadge', { name: priorityName(lang, categories, ticket.priority) })}</span>
                  )}
                  <HandoverNote lang={lang} ticket={ticket} counterId={counter.id} counters={counters} fields={fields} />
                  <span className="ticket-row__wait">{fill(lang, 'deskWaitedMinutes', { minutes })}</span>
                </span>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={!canCall || busy}
                  onClick={() => onCall(ticket)}
                  aria-label={fill(lang, 'deskCallThisLabel', { number: ticket.number })}
                  data-testid="call-this"
                >
                  {t(lang, 'deskCallThis')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {held.length > 0 && (
        <>
          <h2 className="queue-panel__title queue-panel__title--held" data-testid="held-count">
            {fill(lang, 'deskHeldTitle', { count: held.length })}
          </h2>
          <ol className="ticket-list" data-testid="held-list">
            {held.map((ticket) => (
              <li key={ticket.id} className="ticket-row ticket-row--held" data-testid="held-ticket" data-number={ticket.number}>
                <span className="ticket-row__number">{ticket.number}</span>
                <span className="ticket-row__info">
                  {showField && <span className="ticket-row__field">{fieldName(lang, fields.find((f) => f.id === ticket.fieldId))}</span>}
                  <HandoverNote lang={lang} ticket={ticket} counterId={counter.id} counters={counters} fields={fields} />
                </span>
                <span className="ticket-row__actions">
                  <button type="button" className="btn btn--small" disabled={busy} onClick={() => onReturn(ticket)} data-testid="return-held">
                    {t(lang, 'deskReturnHeld')}
                  </button>
                  <button type="button" className="btn btn--small" disabled={busy} onClick={() => onTransferHeld(ticket)} data-testid="transfer-held">
                    {t(lang, 'deskTransfer')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
