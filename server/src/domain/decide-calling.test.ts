import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { MINUTE, TestWorld, makeCounter, makeField } from '../test-support/test-world.ts';
import { world, refusal, lastEvent, callNext, finish, issue } from '../test-support/decide-steps.ts';

// The queue engine's decide(): calling: next, a chosen ticket, recall.
describe('call next', () => {
  it('calls the earliest waiting ticket and makes it current', () => {
    const w = world();
    const first = issue(w, 1);
    issue(w, 1);
    w.advance(MINUTE);
    const d = w.apply({ kind: 'callNext', counterId: 1 });
    expect(d.tickets.map((t) => t.id)).toEqual([first]);
    expect(d.counters.map((c) => c.id)).toEqual([1]);
    expect(w.ticket(first)).toMatchObject({ status: 'called', counterId: 1, calledAt: w.now, recalls: 0 });
    expect(w.counter(1).currentTicketId).toBe(first);
    expect(d.events).toEqual([
      { type: 'called', at: w.now, ticketId: first, counterId: 1, fieldId: 1, from: 'waiting', to: 'called', data: { how: 'next', counterNumber: 1 } },
    ]);
  });

  it('says the queue is empty when nobody waits for the counter fields', () => {
    const w = world();
    issue(w, 2);
    expect(refusal(w, { kind: 'callNext', counterId: 1 })).toBe('QUEUE_EMPTY');
  });

  it('refuses while the counter has a current ticket', () => {
    const w = world();
    issue(w, 1);
    issue(w, 1);
    callNext(w, 1);
    expect(refusal(w, { kind: 'callNext', counterId: 1 })).toBe('COUNTER_BUSY');
  });

  it('refuses an unknown counter', () => {
    const w = world();
    expect(refusal(w, { kind: 'callNext', counterId: 42 })).toBe('COUNTER_NOT_FOUND');
  });

  it('follows the counter field order before arrival', () => {
    const w = new TestWorld({ fields: [makeField(1), makeField(2)], counters: [makeCounter(1, [2, 1])] });
    const a = issue(w, 1);
    const b = issue(w, 2);
    expect(callNext(w, 1)).toBe(b);
    finish(w, 1);
    expect(callNext(w, 1)).toBe(a);
  });

  it('interleaves priority and normal by the rules ratio (1 priority : 2 normal)', () => {
    const w = world({ interleave: { priority: 1, normal: 2 } });
    const n = [issue(w, 1), issue(w, 1), issue(w, 1), issue(w, 1)];
    const p = [issue(w, 1, 'elderly'), issue(w, 1, 'disabled')];
    const order: number[] = [];
    for (let i = 0; i < 6; i++) {
      order.push(callNext(w, 1));
      finish(w, 1);
    }
    expect(order).toEqual([p[0], n[0], n[1], p[1], n[2], n[3]]);
  });

  /** Finishes and calls `n` times at counter 1; returns the classes called, P or N. */
  function serveClasses(w: TestWorld, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) {
      if (w.counter(1).currentTicketId !== null) finish(w, 1);
      out += w.ticket(callNext(w, 1)).priority === null ? 'N' : 'P';
    }
    return out;
  }

  it('after a lone normal call, the ratio 1:1 still alternates (regression: gave P, P)', () => {
    const w = world({ interleave: { priority: 1, normal: 1 } });
    issue(w, 1);
    expect(serveClasses(w, 1)).toBe('N');
    issue(w, 1, 'elderly');
    issue(w, 1, 'elderly');
    issue(w, 1);
    expect(serveClasses(w, 3)).toBe('PNP');
  });

  it('normal citizens who come and go do not erode the share of waiting priority citizens (3:1)', () => {
    const w = world({ interleave: { priority: 3, normal: 1 } });
    for (let i = 0; i < 9; i++) issue(w, 1, 'disabled');
    let order = '';
    for (let round = 0; round < 3; round++) {
      issue(w, 1);
      order += serveClasses(w, 3);
    }
    expect(order).toBe('PNPPPNPPP');
  });

  it('priority citizens who come and go do not erode the share of waiting normal citizens (1:3)', () => {
    const w = world({ interleave: { priority: 1, normal: 3 } });
    for (let i = 0; i < 12; i++) issue(w, 1);
    let order = '';
    for (let round = 0; round < 4; round++) {
      issue(w, 1, 'pregnant');
      order += serveClasses(w, 2);
    }
    expect(order).toBe('PNNNPNNN');
  });

  it('returns only the entities it changed', () => {
    const w = world();
    issue(w, 1);
    issue(w, 1);
    const d = decide(w.slice(), { kind: 'callNext', counterId: 2 }, w.now);
    expect(d.tickets).toHaveLength(1);
    expect(d.counters).toHaveLength(1);
  });
});

describe('call a specific ticket', () => {
  it('calls a waiting ticket out of turn without moving the fairness memory', () => {
    const w = world();
    issue(w, 1);
    const later = issue(w, 1, 'elderly');
    const fairBefore = w.counter(1).fair;
    w.apply({ kind: 'callTicket', counterId: 1, ticketId: later });
    expect(w.ticket(later)).toMatchObject({ status: 'called', counterId: 1 });
    expect(w.counter(1).currentTicketId).toBe(later);
    expect(w.counter(1).fair).toEqual(fairBefore);
    expect(lastEvent(w)).toMatchObject({ type: 'called', from: 'waiting', to: 'called', data: { how: 'specific' } });
  });

  it('refuses a ticket of a field the counter does not serve', () => {
    const w = world();
    const b = issue(w, 2);
    expect(refusal(w, { kind: 'callTicket', counterId: 1, ticketId: b })).toBe('TICKET_NOT_FOR_COUNTER');
  });

  it('refuses a ticket that is not waiting', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    expect(refusal(w, { kind: 'callTicket', counterId: 2, ticketId: a })).toBe('TICKET_WRONG_STATE');
    finish(w, 1);
    expect(refusal(w, { kind: 'callTicket', counterId: 2, ticketId: a })).toBe('TICKET_WRONG_STATE');
  });

  it('refuses an unknown ticket, a busy counter and a paused counter', () => {
    const w = world();
    const a = issue(w, 1);
    expect(refusal(w, { kind: 'callTicket', counterId: 1, ticketId: 99 })).toBe('TICKET_NOT_FOUND');
    w.apply({ kind: 'pause', counterId: 1, reason: 'break' });
    expect(refusal(w, { kind: 'callTicket', counterId: 1, ticketId: a })).toBe('COUNTER_NOT_OPEN');
    issue(w, 1);
    callNext(w, 2);
    expect(refusal(w, { kind: 'callTicket', counterId: 2, ticketId: a + 1 })).toBe('COUNTER_BUSY');
  });
});

describe('recall', () => {
  it('counts recalls and marks the ticket absent on the recall after maxRecalls', () => {
    const w = world({ maxRecalls: 2 });
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'recall', counterId: 1 });
    expect(w.ticket(a)).toMatchObject({ status: 'called', recalls: 1 });
    expect(lastEvent(w)).toMatchObject({ type: 'recalled', ticketId: a, from: 'called', to: 'called', data: { recalls: 1, counterNumber: 1 } });
    w.apply({ kind: 'recall', counterId: 1 });
    expect(w.ticket(a)).toMatchObject({ status: 'called', recalls: 2 });
    expect(w.counter(1).currentTicketId).toBe(a);

    w.apply({ kind: 'recall', counterId: 1 });
    expect(w.ticket(a).status).toBe('no_show');
    expect(w.counter(1).currentTicketId).toBeNull();
    expect(lastEvent(w)).toMatchObject({ type: 'no_show', ticketId: a, counterId: 1, from: 'called', to: 'no_show', data: { auto: true, recalls: 2 } });
    expect(refusal(w, { kind: 'recall', counterId: 1 })).toBe('NO_CURRENT_TICKET');
  });

  it('with maxRecalls 0 the first recall marks the ticket absent', () => {
    const w = world({ maxRecalls: 0 });
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'recall', counterId: 1 });
    expect(w.ticket(a).status).toBe('no_show');
  });

  it('only recalls a called ticket, not one being served', () => {
    const w = world();
    issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'start', counterId: 1 });
    expect(refusal(w, { kind: 'recall', counterId: 1 })).toBe('TICKET_WRONG_STATE');
  });

  it('starts counting afresh when the ticket is called again', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'recall', counterId: 1 });
    w.apply({ kind: 'hold', counterId: 1, note: null });
    w.apply({ kind: 'returnHeld', ticketId: a });
    expect(callNext(w, 1)).toBe(a);
    expect(w.ticket(a).recalls).toBe(0);
  });
});
