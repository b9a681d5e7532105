import type { CounterView, StringKey, TicketView } from '@luot/shared';

/** The desk's actions with a keyboard shortcut. `pause` opens, resumes or pauses depending on the counter. */
export type DeskAction = 'callNext' | 'recall' | 'start' | 'finish' | 'noShow' | 'hold' | 'transfer' | 'pause';

export interface Availability {
  enabled: boolean;
  /** Why the action cannot apply now, said to the officer when they press its key anyway. */
  whyNot: StringKey | null;
}

/**
 * Physical keys (KeyboardEvent.code), so a Vietnamese input method or a switched layout does not move them.
 * Letters follow the Vietnamese words: Gọi, gọi Lại, Bắt đầu, Hoàn thành, Vắng mặt, Tạm giữ, Chuyển, Dừng.
 */
export const shortcuts: Record<DeskAction, { code: string; label: string }> = {
  callNext: { code: 'KeyG', label: 'G' },
  recall: { code: 'KeyL', label: 'L' },
  start: { code: 'KeyB', label: 'B' },
  finish: { code: 'KeyH', label: 'H' },
  noShow: { code: 'KeyV', label: 'V' },
  hold: { code: 'KeyT', label: 'T' },
  transfer: { code: 'KeyC', label: 'C' },
  pause: { code: 'KeyD', label: 'D' },
};

const yes: Availability = { enabled: true, whyNot: null };
const no = (whyNot: StringKey): Availability => ({ enabled: false, whyNot });

/** What the officer can do now, from the counter as the server last confirmed it. Mirrors the engine's rules. */
export function availability(counter: CounterView, waiting: number): Record<DeskAction, Availability> {
  const current = counter.current;
  const called = current?.status === 'called';
  const atDesk = current !== null;
  const noTicket = no('deskWhyNoTicket');

  let callNext = yes;
  if (counter.status === 'paused') callNext = no('deskWhyPaused');
  else if (counter.status === 'closed') callNext = no('deskWhyClosed');
  else if (atDesk) callNext = no('deskWhyBusy');
  else if (waiting === 0) callNext = no('deskWhyEmpty');

  const needsCalled = atDesk ? (called ? yes : no('deskWhyServing')) : noTicket;
  return {
    callNext,
    recall: needsCalled,
    start: needsCalled,
    noShow: needsCalled,
    finish: atDesk ? yes : noTicket,
    hold: atDesk ? yes : noTicket,
    transfer: atDesk ? yes : noTicket,
    pause: yes,
  };
}

/** A specific waiting ticket can be called when the counter is open and free. */
export function canCallSpecific(counter: CounterView): boolean {
  return counter.status === 'open' && counter.current === null;
}

export interface DeskQueue {
  waiting: TicketView[];
  held: TicketView[];
}

/**
 * The tickets this counter may call: waiting in one of its fields and not sent to another counter, or sent
 * to this very counter (a transfer, or a held ticket returned). Held tickets are the ones this counter set aside.
 */
export function deskQueue(queue: readonly TicketView[], counter: CounterView): DeskQueue {
  const fields = new Set(counter.fieldIds);
  return {
    waiting: queue.filter((t) => t.status === 'waiting' && (t.counterId === counter.id || (t.counterId === null && fields.has(t.fieldId)))),
    held: queue.filter((t) => t.status === 'held' && t.counterId === counter.id),
  };
}
