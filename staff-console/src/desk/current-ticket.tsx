import { t, type CounterView, type FieldView, type Lang, type PriorityCategory } from '@luot/shared';
import { fill } from '../text/fill.ts';
import { fieldName, pauseReasonLabel, priorityName } from '../text/names.ts';
import { clockTime, formatTimer, secondsSince, useNow } from '../time/clock.ts';
import { HandoverNote } from './handover-note.tsx';

interface CurrentTicketProps {
  lang: Lang;
  counter: CounterView;
  counters: readonly CounterView[];
  fields: readonly FieldView[];
  categories: readonly PriorityCategory[];
}

/** The citizen at the desk: the number, since when, and a line that says what to press next. */
export function CurrentTicket({ lang, counter, counters, fields, categories }: CurrentTicketProps) {
  const now = useNow(1_000);
  const ticket = counter.current;

  if (ticket === null) {
    let hint = t(lang, 'deskHintIdle');
    if (counter.status === 'paused') hint = fill(lang, 'deskHintPaused', { reason: pauseReasonLabel(lang, counter.pauseReason ?? '—') });
    if (counter.status === 'closed') hint = t(lang, 'deskHintClosed');
    return (
      <section className="current current--empty" aria-labelledby="current-title" data-testid="current-ticket" data-status="none">
        <h2 className="current__label" id="current-title">
          {t(lang, 'deskCurrentNone')}
        </h2>
        <p className="current__hint" data-testid="desk-hint">
          {hint}
        </p>
      </section>
    );
  }

  const field = fields.find((f) => f.id === ticket.fieldId);
  const serving = ticket.status === 'serving';
  const elapsed = ticket.calledAt ? secondsSince(ticket.calledAt, now) : 0;
  return (
    <section className={`current current--${ticket.status}`} aria-labelledby="current-title" data-testid="current-ticket" data-status={ticket.status}>
      <div className="current__top">
        <h2 className="current__label" id="current-title">
          {t(lang, serving ? 'deskServing' : 'deskCalled')}
        </h2>
        <p className="current__timer" aria-label={t(lang, 'deskTimerLabel')} data-testid="current-timer">
          <span aria-hidden="true">⏱ </span>
          {formatTimer(elapsed)}
        </p>
      </div>
      <p className="current__number" data-testid="current-number">
        {ticket.number}
      </p>
      <p className="current__meta">
        <span>{fieldName(lang, field)}</span>
        {ticket.priority && (
          <span className="badge badge--priority" data-testid="current-priority">
            {fill(lang, 'consolePriorityBadge', { name: priorityName(lang, categories, ticket.priority) })}
          </span>
        )}
        {ticket.calledAt && <span>{fill(lang, 'deskCalledAt', { time: clockTime(ticket.calledAt) })}</span>}
        {ticket.recalls > 0 && <span data-testid="current-recalls">{fill(lang, 'deskRecalls', { count: ticket.recalls })}</span>}
      </p>
      <HandoverNote lang={lang} ticket={ticket} counterId={counter.id} counters={counters} fields={fields} />
      <p className="current__hint" data-testid="desk-hint">
        {t(lang, serving ? 'deskHintServing' : 'deskHintCalled')}
      </p>
    </section>
  );
}
