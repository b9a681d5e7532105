import { type CounterView, type FieldView, fill, type Lang, type PriorityCategory, t, type TicketView } from '@luot/shared';
import { useState } from 'react';
import { counterLabel, fieldName, leafFields, priorityName } from '../text/names.ts';
import { secondsSince, useNow } from '../time/clock.ts';
import { BookedBadge } from '../desk/booked-badge.tsx';

interface QueuePanelProps {
  lang: Lang;
  queue: readonly TicketView[];
  fields: readonly FieldView[];
  counters: readonly CounterView[];
  categories: readonly PriorityCategory[];
  busy: boolean;
  /** A ticket was chosen: the board offers transfer and cancel for it. */
  onPick: (ticket: TicketView) => void;
}

/** Every waiting and held ticket of the day, in arrival order; choosing one offers the supervisor's actions. */
export function QueuePanel({ lang, queue, fields, counters, categories, busy, onPick }: QueuePanelProps) {
  const now = useNow(15_000);
  const [fieldId, setFieldId] = useState<number | null>(null);
  const shown = fieldId === null ? queue : queue.filter((q) => q.fieldId === fieldId);
  return (
    <section className="panel queue-panel queue-panel--board" aria-labelledby="board-queue-title">
      <div className="panel__head">
        <h2 className="panel__title" id="board-queue-title" data-testid="board-queue-count" data-count={shown.length}>
          {fill(lang, 'boardQueueTitle', { count: shown.length })}
        </h2>
        <select
          value={fieldId ?? ''}
          onChange={(e) => setFieldId(e.target.value === '' ? null : Number(e.target.value))}
          aria-label={t(lang, 'boardQueueFilter')}
          data-testid="board-queue-filter"
        >
          <option value="">{t(lang, 'boardAllFields')}</option>
          {leafFields(fields).map((f) => (
            <option key={f.id} value={f.id}>
              {f.prefix} · {fieldName(lang, f)}
            </option>
          ))}
        </select>
      </div>
      <p className="form__hint">{t(lang, 'boardQueueHint')}</p>
      {shown.length === 0 ? (
        <p className="queue-panel__empty">{t(lang, 'boardQueueEmpty')}</p>
      ) : (
        <ol className="ticket-list" data-testid="board-queue">
          {shown.map((ticket) => {
            const at = ticket.counterId === null ? undefined : counters.find((c) => c.id === ticket.counterId);
            return (
              <li key={ticket.id}>
                <button
                  type="button"
                  className={`ticket-pick ticket-pick--${ticket.status}`}
                  disabled={busy}
                  onClick={() => onPick(ticket)}
                  title={fieldName(lang, fields.find((f) => f.id === ticket.fieldId))}
                  data-testid="board-ticket"
                  data-number={ticket.number}
                >
                  <span className="ticket-row__number">{ticket.number}</span>
                  <span className="ticket-row__info">
                    <BookedBadge lang={lang} ticket={ticket} />
                  {ticket.priority && (
                      <span className="badge badge--priority">{fill(lang, 'consolePriorityBadge', { name: priorityName(lang, categories, ticket.priority) })}</span>
                    )}
                    {ticket.status === 'held' && <span className="badge badge--held">{fill(lang, 'boardHeldAt', { counter: at ? counterLabel(lang, at) : '—' })}</span>}
                    {ticket.status === 'waiting' && at && <span className="badge badge--sent">{fill(lang, 'boardSentTo', { counter: counterLabel(lang, at) })}</span>}
                  </span>
                  <span className="ticket-row__wait">{fill(lang, 'consoleMinutes', { minutes: Math.floor(secondsSince(ticket.queuedAt, now) / 60) })}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
