import { type CounterLive, type CounterSatisfaction, type CounterView, type FieldView, fill, type Lang, type LiveAlert, t, type TicketView } from '@luot/shared';
import { counterLabel, fieldName, pauseReasonLabel } from '../text/names.ts';
import { formatTimer, secondsSince, useNow } from '../time/clock.ts';
import { percent } from './satisfaction.ts';

interface CountersTableProps {
  lang: Lang;
  counters: readonly CounterView[];
  fields: readonly FieldView[];
  figures: readonly CounterLive[] | null;
  /** When the server computed the figures: a counter's idle time keeps counting from there between polls. */
  figuresAt: string | null;
  /** Today's ratings per counter; counters nobody rated are absent. */
  satisfaction: readonly CounterSatisfaction[] | null;
  alerts: readonly LiveAlert[];
  busy: boolean;
  onOpen: (counter: CounterView) => void;
  onClose: (counter: CounterView) => void;
  onTransfer: (counter: CounterView, ticket: TicketView) => void;
}

const statusKey = { open: 'consoleStatusOpen', paused: 'consoleStatusPaused', closed: 'consoleStatusClosed' } as const;
const ticketKey = { called: 'boardTicketCalled', serving: 'boardTicketServing' } as const;

/** Per counter: its state (and why paused, since when), who sits there, which number and for how long. */
export function CountersTable({ lang, counters, fields, figures, figuresAt, satisfaction, alerts, busy, onOpen, onClose, onTransfer }: CountersTableProps) {
  const now = useNow(1_000);
  const idle = new Set(alerts.filter((a) => a.kind === 'counter_idle').map((a) => a.counterId));
  const drift = figuresAt === null ? 0 : secondsSince(figuresAt, now);
  return (
    <section className="panel" aria-labelledby="counters-title">
      <h2 className="panel__title" id="counters-title">
        {t(lang, 'boardCountersTitle')}
      </h2>
      <table className="table" data-testid="counters-table">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'boardCounter')}</th>
            <th scope="col">{t(lang, 'boardState')}</th>
            <th scope="col">{t(lang, 'boardOfficer')}</th>
            <th scope="col">{t(lang, 'boardTicket')}</th>
            <th scope="col">{t(lang, 'boardSatisfied')}</th>
            <th scope="col">
              <span className="visually-hidden">{t(lang, 'boardActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {counters.map((counter) => {
            const ticket = counter.current;
            const live = figures?.find((c) => c.counterId === counter.id);
            const stateSince = ticket === null && live?.stateSinceSeconds != null ? live.stateSinceSeconds + drift : null;
            const served = counter.fieldIds.map((id) => fields.find((f) => f.id === id)?.prefix ?? '?').join(' ');
            const isIdle = idle.has(counter.id);
            const rated = satisfaction?.find((r) => r.counterId === counter.id);
            return (
              <tr key={counter.id} className={isIdle ? 'row--warn' : undefined} data-testid="counter-row" data-number={counter.number} data-status={counter.status}>
                <th scope="row">
                  {counterLabel(lang, counter)}
                  <small className="sub" title={counter.fieldIds.map((id) => fieldName(lang, fields.find((f) => f.id === id))).join(', ')}>
                    {served}
                  </small>
                </th>
                <td className="nowrap">
                  <span className={`status status--${counter.status}`}>{t(lang, statusKey[counter.status])}</span>
                  <small className={isIdle ? 'sub sub--warn' : 'sub'}>
                    {counter.status === 'paused' && counter.pauseReason && <span data-testid="counter-pause-reason">{pauseReasonLabel(lang, counter.pauseReason)}</span>}
                    {isIdle && t(lang, 'boardIdle')}
                    {stateSince !== null && (counter.status === 'paused' || isIdle) && ` · ${fill(lang, 'consoleMinutes', { minutes: Math.floor(stateSince / 60) })}`}
                  </small>
                </td>
                <td data-testid="counter-officer">{counter.officer?.name ?? <span className="muted">{t(lang, 'boardNoOfficer')}</span>}</td>
                <td className="nowrap" data-testid="counter-ticket">
                  {ticket ? (
                    <>
                      <strong className="ticket-number">{ticket.number}</strong>
                      {ticket.calledAt && <span className="timer"> · {formatTimer(secondsSince(ticket.calledAt, now))}</span>}
                      <small className="sub">{ticket.status === 'called' || ticket.status === 'serving' ? t(lang, ticketKey[ticket.status]) : ''}</small>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="nowrap" data-testid="counter-satisfaction">
                  {rated ? (
                    <>
                      {percent(lang, rated.satisfiedShare)}
                      <small className="sub">{fill(lang, 'boardRatingsCount', { count: rated.ratings })}</small>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="actions">
                  {ticket && (
                    <button type="button" className="btn btn--small" disabled={busy} onClick={() => onTransfer(counter, ticket)} data-testid="counter-transfer">
                      {t(lang, 'deskTransfer')}
                    </button>
                  )}
                  {counter.status !== 'closed' && ticket === null && (
                    <button type="button" className="btn btn--small btn--subtle" disabled={busy} onClick={() => onClose(counter)} data-testid="counter-close">
                      {t(lang, 'deskClose')}
                    </button>
                  )}
                  {counter.status !== 'open' && (
                    <button type="button" className="btn btn--small btn--subtle" disabled={busy} onClick={() => onOpen(counter)} data-testid="counter-open">
                      {t(lang, 'deskOpen')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
