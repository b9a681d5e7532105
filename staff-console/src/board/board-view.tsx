import { type CenterInfo, type CounterView, FieldView, fill, type Lang, t, type TicketView } from '@luot/shared';
import { useState } from 'react';
import { Value } from 'typebox/value';
import type { ConsoleApi } from '../api/console-api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { NoticeLine } from '../components/notice-line.tsx';
import { TransferDialog } from '../components/transfer-dialog.tsx';
import { useDesk } from '../desk/use-desk.ts';
import { useRunner } from '../hooks/use-runner.ts';
import type { Center } from '../live/use-center.ts';
import { counterLabel, fieldName } from '../text/names.ts';
import { AlertsPanel } from './alerts-panel.tsx';
import { BookingsPanel } from './bookings-panel.tsx';
import { CancelDialog } from './cancel-dialog.tsx';
import { CountersTable } from './counters-table.tsx';
import { FieldsTable } from './fields-table.tsx';
import { QueuePanel } from './queue-panel.tsx';
import { percent } from './satisfaction.ts';
import { SatisfactionPanel } from './satisfaction-panel.tsx';
import { TicketDialog } from './ticket-dialog.tsx';
import { TicketLookup } from './ticket-lookup.tsx';
import { useLiveFigures } from './use-live-figures.ts';

interface BoardViewProps {
  lang: Lang;
  api: ConsoleApi;
  center: Center;
  info: CenterInfo | null;
}

type Open =
  | { kind: 'ticket'; ticket: TicketView }
  | { kind: 'transfer'; ticket: TicketView; from: number | null }
  | { kind: 'cancel'; ticket: TicketView }
  | { kind: 'close'; counter: CounterView }
  | { kind: 'stopIssuing'; field: FieldView };

/** The supervisor's live board: alerts on top, fields and counters, and the whole queue beside them. */
export function BoardView({ lang, api, center, info }: BoardViewProps) {
  const { fields, counters, queue, printerAlerts } = center.state;
  const live = useLiveFigures(api, center.state.changes);
  const desk = useDesk(center);
  const issuing = useRunner(center.resync);
  const [open, setOpen] = useState<Open | null>(null);
  const busy = desk.busy !== null || issuing.busy !== null;
  const failure = desk.notice?.tone === 'error' ? desk.notice.failure : null;
  const alerts = live.figures?.alerts ?? [];

  const dialog = (next: Open) => {
    desk.say(null);
    issuing.say(null);
    setOpen(next);
  };
  const close = () => setOpen(null);
  const ok = (text: string) => () => ({ tone: 'ok' as const, text });

  const setIssuing = async (field: FieldView, on: boolean) => {
    const done = await issuing.run('issuing', () => api.setIssuing(field.id, on), (body) => {
      // The server's field, if that is what it answered; the live delta brings it in any case.
      if (Value.Check(FieldView, body)) center.confirm({ field: body });
      return { tone: 'ok', text: fill(lang, on ? 'boardIssuingResumed' : 'boardIssuingStopped', { field: fieldName(lang, field) }) };
    });
    if (done) close();
  };

  const waitingTotal = fields.reduce((sum, f) => sum + f.waiting, 0);
  const openCounters = counters.filter((c) => c.status === 'open').length;
  const servedTotal = live.figures?.fields.reduce((sum, f) => sum + f.servedToday, 0);
  const notice = open ? null : (issuing.notice ?? desk.notice);

  if (!center.loaded) return <p className="loading">{t(lang, 'loading')}</p>;

  return (
    <div className="board" data-testid="board">
      <div className="board__top">
        <dl className="summary" data-testid="board-summary">
          <div>
            <dt>{t(lang, 'boardTotalWaiting')}</dt>
            <dd data-testid="total-waiting">{waitingTotal}</dd>
          </div>
          <div>
            <dt>{t(lang, 'boardCountersOpen')}</dt>
            <dd>
              {openCounters}/{counters.length}
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'boardServedTotal')}</dt>
            <dd>{servedTotal ?? '—'}</dd>
          </div>
          <div>
            <dt>{t(lang, 'boardSatisfiedToday')}</dt>
            <dd data-testid="satisfied-today">{percent(lang, live.satisfaction?.satisfiedShare ?? null)}</dd>
          </div>
        </dl>
        <AlertsPanel lang={lang} alerts={alerts} printerAlerts={printerAlerts} loaded={live.figures !== null} fields={fields} counters={counters} />
      </div>
      {live.failure && !live.figures && (
        <p className="notice notice--error" role="alert" data-testid="figures-problem">
          {t(lang, 'boardFiguresUnavailable')}
        </p>
      )}
      <NoticeLine lang={lang} notice={notice} testId="board-notice" />
      <div className="board__main">
        <div className="board__tables">
          <FieldsTable
            lang={lang}
            fields={fields}
            queue={queue}
            figures={live.figures?.fields ?? null}
            busy={busy}
            onIssuing={(field, on) => (on ? void setIssuing(field, true) : dialog({ kind: 'stopIssuing', field }))}
          />
          <CountersTable
            lang={lang}
            counters={counters}
            fields={fields}
            figures={live.figures?.counters ?? null}
            figuresAt={live.figures?.at ?? null}
            satisfaction={live.satisfaction?.counters ?? null}
            alerts={alerts}
            busy={busy}
            onOpen={(counter) => void desk.run('open', () => api.step(counter.id, 'open'), ok(fill(lang, 'boardOpenedNotice', { counter: counterLabel(lang, counter) })))}
            onClose={(counter) => dialog({ kind: 'close', counter })}
            onTransfer={(counter, ticket) => dialog({ kind: 'transfer', ticket, from: counter.id })}
          />
          <SatisfactionPanel lang={lang} today={live.satisfaction} />
          <BookingsPanel lang={lang} api={api} fields={fields} />
        </div>
        <div className="board__side">
          <TicketLookup lang={lang} api={api} fields={fields} counters={counters} categories={info?.priorityCategories ?? []} />
          <QueuePanel
            lang={lang}
            queue={queue}
            fields={fields}
            counters={counters}
            categories={info?.priorityCategories ?? []}
            busy={busy}
            onPick={(ticket) => dialog({ kind: 'ticket', ticket })}
          />
        </div>
      </div>

      {open?.kind === 'ticket' && (
        <TicketDialog
          lang={lang}
          ticket={open.ticket}
          fields={fields}
          categories={info?.priorityCategories ?? []}
          onTransfer={() => setOpen({ kind: 'transfer', ticket: open.ticket, from: open.ticket.status === 'held' ? open.ticket.counterId : null })}
          onCancel={() => setOpen({ kind: 'cancel', ticket: open.ticket })}
          onClose={close}
        />
      )}
      {open?.kind === 'transfer' && (
        <TransferDialog
          lang={lang}
          ticket={open.ticket}
          fields={fields}
          counters={counters}
          fromCounterId={open.from}
          busy={busy}
          failure={failure}
          onClose={close}
          onSubmit={(target, note) =>
            void desk
              .run('transfer', () => api.transfer(open.ticket.id, target, note), ok(fill(lang, 'boardTransferredNotice', { number: open.ticket.number })))
              .then((done) => done && close())
          }
        />
      )}
      {open?.kind === 'cancel' && (
        <CancelDialog
          lang={lang}
          ticket={open.ticket}
          busy={busy}
          failure={failure}
          onClose={close}
          onSubmit={(reason) =>
            void desk
              .run('cancel', () => api.cancel(open.ticket.id, reason), ok(fill(lang, 'boardCancelledNotice', { number: open.ticket.number })))
              .then((done) => done && close())
          }
        />
      )}
      {open?.kind === 'close' && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, 'boardCloseCounterTitle', { counter: counterLabel(lang, open.counter) })}
          body={t(lang, 'closeCounterBody')}
          confirmLabel={t(lang, 'deskClose')}
          busy={busy}
          onClose={close}
          onConfirm={() =>
            void desk
              .run('close', () => api.step(open.counter.id, 'close'), ok(fill(lang, 'boardClosedNotice', { counter: counterLabel(lang, open.counter) })))
              .then((done) => done && close())
          }
          testId="close-dialog"
        />
      )}
      {open?.kind === 'stopIssuing' && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, 'boardStopIssuingTitle', { field: fieldName(lang, open.field) })}
          body={t(lang, 'boardStopIssuingBody')}
          confirmLabel={t(lang, 'boardStopIssuing')}
          danger
          busy={busy}
          onClose={close}
          onConfirm={() => void setIssuing(open.field, false)}
          testId="stop-issuing-dialog"
        />
      )}
    </div>
  );
}
