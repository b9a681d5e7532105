import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import { MINUTE } from '../test-support/test-world.ts';
import { world, refusal, lastEvent, callNext, finish, issue } from '../test-support/decide-steps.ts';

// The queue engine's decide(): serving: start, finish, no-show, hold and return.
describe('start, finish, no-show', () => {
  it('start keeps the counter busy and moves called to serving', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    const d = w.apply({ kind: 'start', counterId: 1 });
    expect(d.counters).toEqual([]);
    expect(w.ticket(a).status).toBe('serving');
    expect(w.counter(1).currentTicketId).toBe(a);
    expect(lastEvent(w)).toMatchObject({ type: 'serving', ticketId: a, counterId: 1, from: 'called', to: 'serving' });
    expect(refusal(w, { kind: 'start', counterId: 1 })).toBe('TICKET_WRONG_STATE');
  });

  it('finish frees the counter and records the dossier code', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'start', counterId: 1 });
    w.apply({ kind: 'finish', counterId: 1, dossierCode: '000.00.17.H56-250310-0001' });
    expect(w.ticket(a).status).toBe('done');
    expect(w.counter(1).currentTicketId).toBeNull();
    expect(lastEvent(w)).toMatchObject({
      type: 'done',
      ticketId: a,
      counterId: 1,
      fieldId: 1,
      from: 'serving',
      to: 'done',
      data: { dossierCode: '000.00.17.H56-250310-0001' },
    });
  });

  it('finish is allowed straight from called', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'finish', counterId: 1, dossierCode: null });
    expect(w.ticket(a).status).toBe('done');
    expect(lastEvent(w)).toMatchObject({ from: 'called', to: 'done', data: { dossierCode: null } });
  });

  it('no-show marks a called ticket absent and frees the counter', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'noShow', counterId: 1 });
    expect(w.ticket(a).status).toBe('no_show');
    expect(w.counter(1).currentTicketId).toBeNull();
    expect(lastEvent(w)).toMatchObject({ type: 'no_show', from: 'called', to: 'no_show', data: { auto: false } });
  });

  it('no-show is refused once service started', () => {
    const w = world();
    issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'start', counterId: 1 });
    expect(refusal(w, { kind: 'noShow', counterId: 1 })).toBe('TICKET_WRONG_STATE');
  });

  it('desk actions need a current ticket', () => {
    const w = world();
    for (const command of [
      { kind: 'start', counterId: 1 },
      { kind: 'finish', counterId: 1, dossierCode: null },
      { kind: 'noShow', counterId: 1 },
      { kind: 'hold', counterId: 1, note: null },
    ] satisfies Command[]) {
      expect(refusal(w, command)).toBe('NO_CURRENT_TICKET');
    }
  });
});

describe('hold and return', () => {
  it('holds the ticket aside, frees the counter and returns it to the same counter with its arrival time', () => {
    const w = world();
    const a = issue(w, 1);
    const b = issue(w, 1);
    const queuedAt = w.ticket(a).queuedAt;
    expect(callNext(w, 2)).toBe(a);
    w.apply({ kind: 'start', counterId: 2 });
    w.apply({ kind: 'hold', counterId: 2, note: 'thiếu bản sao CCCD' });
    expect(w.ticket(a)).toMatchObject({ status: 'held', counterId: 2, targetCounterId: 2 });
    expect(w.counter(2).currentTicketId).toBeNull();
    expect(lastEvent(w)).toMatchObject({ type: 'held', ticketId: a, counterId: 2, from: 'serving', to: 'held', data: { note: 'thiếu bản sao CCCD' } });

    // Held tickets are not in the queue.
    expect(callNext(w, 2)).toBe(b);
    finish(w, 2);
    expect(refusal(w, { kind: 'callNext', counterId: 2 })).toBe('QUEUE_EMPTY');

    w.advance(MINUTE);
    w.apply({ kind: 'returnHeld', ticketId: a });
    expect(w.ticket(a)).toMatchObject({ status: 'waiting', targetCounterId: 2, queuedAt });
    expect(lastEvent(w)).toMatchObject({ type: 'returned', ticketId: a, counterId: 2, from: 'held', to: 'waiting' });

    // Counter 1 serves the same field but may not take it.
    expect(refusal(w, { kind: 'callNext', counterId: 1 })).toBe('QUEUE_EMPTY');
    expect(refusal(w, { kind: 'callTicket', counterId: 1, ticketId: a })).toBe('TICKET_NOT_FOR_COUNTER');
    expect(callNext(w, 2)).toBe(a);
    expect(w.ticket(a).targetCounterId).toBeNull();
  });

  it('a returned ticket goes before the general queue of its class at its counter', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'hold', counterId: 1, note: null });
    const later = issue(w, 1);
    w.apply({ kind: 'returnHeld', ticketId: a });
    // Counter 2 only sees the general queue.
    expect(callNext(w, 2)).toBe(later);
    expect(callNext(w, 1)).toBe(a);
  });

  it('only returns held tickets', () => {
    const w = world();
    const a = issue(w, 1);
    expect(refusal(w, { kind: 'returnHeld', ticketId: a })).toBe('TICKET_WRONG_STATE');
    expect(refusal(w, { kind: 'returnHeld', ticketId: 77 })).toBe('TICKET_NOT_FOUND');
  });
});
