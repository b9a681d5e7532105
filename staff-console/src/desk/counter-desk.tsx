import { t, type CenterInfo, type CounterView, type Lang, type TicketView } from '@luot/shared';
import { useMemo, useState } from 'react';
import type { ConsoleApi } from '../api/console-api.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { TransferDialog } from '../components/transfer-dialog.tsx';
import { useShortcuts } from '../hooks/use-shortcuts.ts';
import type { Center } from '../live/use-center.ts';
import { fill } from '../text/fill.ts';
import { counterLabel, fieldName } from '../text/names.ts';
import { ActionPad } from './action-pad.tsx';
import { CounterBar } from './counter-bar.tsx';
import { CurrentTicket } from './current-ticket.tsx';
import { availability, canCallSpecific, deskQueue, shortcuts, type DeskAction } from './desk-state.ts';
import { NoticeLine } from '../components/notice-line.tsx';
import { FinishDialog } from './finish-dialog.tsx';
import { HoldDialog } from './hold-dialog.tsx';
import { LeaveDialog } from './leave-dialog.tsx';
import { PauseDialog } from './pause-dialog.tsx';
import { useDesk } from './use-desk.ts';
import { WaitingList } from './waiting-list.tsx';

interface CounterDeskProps {
  lang: Lang;
  api: ConsoleApi;
  center: Center;
  counter: CounterView;
  info: CenterInfo | null;
  onLeft: () => void;
}

type Open =
  | { kind: 'finish' | 'hold' | 'pause' | 'noShow' | 'close' | 'leave' }
  | { kind: 'transfer'; ticket: TicketView };

/** An officer's working screen at one counter. */
export function CounterDesk({ lang, api, center, counter, info, onLeft }: CounterDeskProps) {
  const desk = useDesk(center);
  const [open, setOpen] = useState<Open | null>(null);
  const { fields, counters, queue } = center.state;
  const categories = info?.priorityCategories ?? [];
  const { waiting, held } = useMemo(() => deskQueue(queue, counter), [queue, counter]);
  const can = availability(counter, waiting.length);
  const current = counter.current;
  const id = counter.id;

  let primary: DeskAction | null = null;
  if (current?.status === 'called') primary = 'start';
  else if (current?.status === 'serving') primary = 'finish';
  else if (can.callNext.enabled) primary = 'callNext';

  const dialog = (next: Open) => {
    desk.say(null);
    setOpen(next);
  };
  const close = () => setOpen(null);
  const done = (text: string) => ({ tone: 'ok' as const, text });
  const failure = desk.notice?.tone === 'error' ? desk.notice.failure : null;

  const act = (action: DeskAction) => {
    if (!can[action].enabled) {
      const why = can[action].whyNot;
      if (why) desk.say({ tone: 'info', text: t(lang, why) });
      return;
    }
    switch (action) {
      case 'callNext':
        void desk.run('callNext', () => api.step(id, 'call-next'));
        return;
      case 'recall':
        void desk.run('recall', () => api.step(id, 'recall'));
        return;
      case 'start':
        void desk.run('start', () => api.step(id, 'start'));
        return;
      case 'finish':
      case 'hold':
      case 'noShow':
        dialog({ kind: action });
        return;
      case 'transfer':
        if (current) dialog({ kind: 'transfer', ticket: current });
        return;
      case 'pause':
        if (counter.status === 'open') dialog({ kind: 'pause' });
        else void desk.run('pause', () => api.step(id, counter.status === 'paused' ? 'resume' : 'open'));
        return;
    }
  };

  useShortcuts(Object.fromEntries(Object.entries(shortcuts).map(([action, key]) => [key.code, () => act(action as DeskAction)])));

  const afterDialog = async (name: string, send: Parameters<typeof desk.run>[1], text?: string) => {
    const ok = await desk.run(name, send, text === undefined ? undefined : () => done(text));
    if (ok) close();
  };

  const number = current?.number ?? '';
  const targetName = (toFieldId?: number, toCounterId?: number) => {
    if (toFieldId !== undefined) return fieldName(lang, fields.find((f) => f.id === toFieldId));
    const target = counters.find((c) => c.id === toCounterId);
    return target ? counterLabel(lang, target) : '—';
  };

  return (
    <div className="desk" data-testid="desk" data-counter-id={counter.id}>
      <CounterBar
        lang={lang}
        counter={counter}
        fields={fields}
        busy={desk.busy}
        onPauseKey={() => act('pause')}
        onClose={() => dialog({ kind: 'close' })}
        onLeave={() => dialog({ kind: 'leave' })}
      />
      <div className="desk__main">
        <div className="desk__work">
          <CurrentTicket lang={lang} counter={counter} counters={counters} fields={fields} categories={categories} />
          <ActionPad lang={lang} can={can} primary={primary} busy={desk.busy} onAction={act} />
          <NoticeLine lang={lang} notice={open ? null : desk.notice} testId="desk-notice" reserve />
        </div>
        <WaitingList
          lang={lang}
          counter={counter}
          canCall={canCallSpecific(counter)}
          waiting={waiting}
          held={held}
          fields={fields}
          counters={counters}
          categories={categories}
          busy={desk.busy !== null}
          onCall={(ticket) => void desk.run('call', () => api.callTicket(id, ticket.id))}
          onReturn={(ticket) => void desk.run('return', () => api.returnHeld(ticket.id), () => done(fill(lang, 'deskReturnedNotice', { number: ticket.number })))}
          onTransferHeld={(ticket) => dialog({ kind: 'transfer', ticket })}
        />
      </div>

      {open?.kind === 'finish' && current && (
        <FinishDialog
          lang={lang}
          ticket={current}
          busy={desk.busy !== null}
          failure={failure}
          onClose={close}
          onSubmit={(code) =>
            void afterDialog('finish', () => api.finish(id, code), code ? fill(lang, 'deskFinishedWithCode', { number, code }) : fill(lang, 'deskFinishedNotice', { number }))
          }
        />
      )}
      {open?.kind === 'hold' && current && (
        <HoldDialog
          lang={lang}
          ticket={current}
          busy={desk.busy !== null}
          failure={failure}
          onClose={close}
          onSubmit={(note) => void afterDialog('hold', () => api.hold(id, note), fill(lang, 'deskHeldNotice', { number }))}
        />
      )}
      {open?.kind === 'pause' && (
        <PauseDialog lang={lang} busy={desk.busy !== null} failure={failure} onClose={close} onSubmit={(reason) => void afterDialog('pause', () => api.pause(id, reason))} />
      )}
      {open?.kind === 'noShow' && current && (
        <ConfirmDialog
          lang={lang}
          title={fill(lang, 'noShowTitle', { number })}
          body={t(lang, 'noShowBody')}
          confirmLabel={t(lang, 'deskNoShow')}
          danger
          busy={desk.busy !== null}
          onClose={close}
          onConfirm={() => void afterDialog('noShow', () => api.step(id, 'no-show'), fill(lang, 'deskNoShowNotice', { number }))}
          testId="no-show-dialog"
        />
      )}
      {open?.kind === 'close' && (
        <ConfirmDialog
          lang={lang}
          title={t(lang, 'closeCounterTitle')}
          body={t(lang, 'closeCounterBody')}
          confirmLabel={t(lang, 'deskClose')}
          busy={desk.busy !== null}
          onClose={close}
          onConfirm={() => void afterDialog('close', () => api.step(id, 'close'))}
          testId="close-dialog"
        />
      )}
      {open?.kind === 'leave' && (
        <LeaveDialog
          lang={lang}
          counter={counter}
          busy={desk.busy !== null}
          failure={failure}
          onClose={close}
          onSubmit={(body) =>
            void desk.run('leave', () => api.leave(id, body)).then((left) => {
              if (left) onLeft();
            })
          }
        />
      )}
      {open?.kind === 'transfer' && (
        <TransferDialog
          lang={lang}
          ticket={open.ticket}
          fields={fields}
          counters={counters}
          fromCounterId={counter.id}
          busy={desk.busy !== null}
          failure={failure}
          onClose={close}
          onSubmit={(target, note) =>
            void afterDialog(
              'transfer',
              () => api.transfer(open.ticket.id, target, note),
              fill(lang, 'deskTransferredNotice', {
                number: open.ticket.number,
                target: 'toFieldId' in target ? targetName(target.toFieldId) : targetName(undefined, target.toCounterId),
              }),
            )
          }
        />
      )}
    </div>
  );
}
