import type { CounterView, TicketView } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import { availability, canCallSpecific, deskQueue } from './desk-state.ts';

const ticket = (id: number, patch: Partial<TicketView> = {}): TicketView => ({
  id,
  number: `A${id}`,
  fieldId: 1,
  serviceDay: '2026-12-03',
  status: 'waiting',
  priority: null,
  counterId: null,
  issuedAt: '2026-12-03T01:00:00Z',
  queuedAt: '2026-12-03T01:00:00Z',
  calledAt: null,
  recalls: 0,
  ...patch,
});
const counter = (patch: Partial<CounterView> = {}): CounterView => ({
  id: 7,
  number: 7,
  name: '',
  status: 'open',
  pauseReason: null,
  fieldIds: [1, 2],
  officer: { id: 1, name: 'Cán bộ' },
  current: null,
  ...patch,
});

describe('counter desk state', () => {
  it('calls the next number only when open, free and someone waits, and says why not', () => {
    expect(availability(counter(), 3).callNext).toEqual({ enabled: true, whyNot: null });
    expect(availability(counter(), 0).callNext.whyNot).toBe('deskWhyEmpty');
    expect(availability(counter({ status: 'paused' }), 3).callNext.whyNot).toBe('deskWhyPaused');
    expect(availability(counter({ status: 'closed' }), 3).callNext.whyNot).toBe('deskWhyClosed');
    expect(availability(counter({ current: ticket(1, { status: 'called' }) }), 3).callNext.whyNot).toBe('deskWhyBusy');
  });

  it('recalls, starts and marks no-show only a called ticket; finishes, holds and transfers any ticket at the desk', () => {
    const called = availability(counter({ current: ticket(1, { status: 'called' }) }), 0);
    expect([called.recall.enabled, called.start.enabled, called.noShow.enabled, called.finish.enabled]).toEqual([true, true, true, true]);
    const serving = availability(counter({ current: ticket(1, { status: 'serving' }) }), 0);
    expect(serving.recall.whyNot).toBe('deskWhyServing');
    expect([serving.finish.enabled, serving.hold.enabled, serving.transfer.enabled]).toEqual([true, true, true]);
    const empty = availability(counter(), 0);
    expect(empty.finish.whyNot).toBe('deskWhyNoTicket');
    expect(empty.recall.whyNot).toBe('deskWhyNoTicket');
    expect(empty.pause.enabled).toBe(true);
  });

  it('calls a specific ticket only at an open, free counter', () => {
    expect(canCallSpecific(counter())).toBe(true);
    expect(canCallSpecific(counter({ status: 'paused' }))).toBe(false);
    expect(canCallSpecific(counter({ current: ticket(1, { status: 'serving' }) }))).toBe(false);
  });

  it("queues its fields' waiting tickets and those sent to it, and holds only its own", () => {
    const queue = [
      ticket(1),
      ticket(2, { fieldId: 3 }),
      ticket(3, { fieldId: 3, counterId: 7 }),
      ticket(4, { counterId: 8 }),
      ticket(5, { status: 'held', counterId: 7 }),
      ticket(6, { status: 'held', counterId: 8 }),
    ];
    const { waiting, held } = deskQueue(queue, counter());
    expect(waiting.map((t) => t.id)).toEqual([1, 3]);
    expect(held.map((t) => t.id)).toEqual([5]);
  });
});
