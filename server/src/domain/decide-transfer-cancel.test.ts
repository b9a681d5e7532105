import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import { MINUTE } from '../test-support/test-world.ts';
import { world, refusal, lastEvent, callNext, finish, issue } from '../test-support/decide-steps.ts';

// The queue engine's decide(): transfer, cancel and expire.
describe('transfer', () => {
  it('to a field keeps the arrival time by default and records from, to and note', () => {
    const w = world();
    const a = issue(w, 1);
    const queuedAt = w.ticket(a).queuedAt;
    const b = issue(w, 2);
    callNext(w, 1);
    w.apply({ kind: 'start', counterId: 1 });
    w.advance(MINUTE);
    const d = w.apply({ kind: 'transfer', ticketId: a, toFieldId: 2, toCounterId: null, note: 'hồ sơ đất đai' });
    expect(d.counters.map((c) => [c.id, c.currentTicketId])).toEqual([[1, null]]);
    expect(w.ticket(a)).toMatchObject({ status: 'waiting', fieldId: 2, number: 'A001', counterId: null, targetCounterId: null, calledAt: null, queuedAt });
    expect(d.events).toEqual([
      {
        type: 'transferred',
        at: w.now,
        ticketId: a,
        counterId: 1,
        fieldId: 2,
        from: 'serving',
        to: 'waiting',
        data: { fromFieldId: 1, toFieldId: 2, toCounterId: null, note: 'hồ sơ đất đai' },
      },
    ]);
    // It arrived before B001, so it is called first in field B.
    expect(callNext(w, 3)).toBe(a);
    finish(w, 3);
    expect(callNext(w, 3)).toBe(b);
  });

  it('to a field queues anew when keepArrivalOnTransfer is false', () => {
    const w = world({ keepArrivalOnTransfer: false });
    const a = issue(w, 1);
    const b = issue(w, 2);
    callNext(w, 1);
    w.advance(MINUTE);
    w.apply({ kind: 'transfer', ticketId: a, toFieldId: 2, toCounterId: null, note: null });
    expect(w.ticket(a).queuedAt).toBe(w.now);
    expect(w.ticket(a).issuedAt).toBeLessThan(w.now);
    expect(callNext(w, 3)).toBe(b);
    finish(w, 3);
    expect(callNext(w, 3)).toBe(a);
  });

  it('to a counter: only that counter may call it, before the general queue of its class', () => {
    const w = world();
    const a1 = issue(w, 1);
    const a2 = issue(w, 1);
    const b = issue(w, 2);
    callNext(w, 3);
    w.advance(MINUTE);
    w.apply({ kind: 'transfer', ticketId: b, toFieldId: null, toCounterId: 1, note: 'chuyển quầy 1' });
    expect(w.ticket(b)).toMatchObject({ status: 'waiting', fieldId: 2, counterId: 1, targetCounterId: 1 });
    expect(w.counter(3).currentTicketId).toBeNull();
    expect(lastEvent(w)).toMatchObject({ counterId: 3, from: 'called', to: 'waiting', data: { fromFieldId: 2, toFieldId: null, toCounterId: 1, note: 'chuyển quầy 1' } });

    // Counters 2 and 3 serve field B but may not take it.
    expect(refusal(w, { kind: 'callNext', counterId: 3 })).toBe('QUEUE_EMPTY');
    expect(refusal(w, { kind: 'callTicket', counterId: 2, ticketId: b })).toBe('TICKET_NOT_FOR_COUNTER');
    expect(callNext(w, 2)).toBe(a1);
    // Counter 1 does not serve field B, yet calls it before A002 who waits in its own field.
    expect(callNext(w, 1)).toBe(b);
    finish(w, 1);
    expect(callNext(w, 1)).toBe(a2);
  });

  it('to a counter still lets the priority class take its turn first', () => {
    const w = world({ interleave: { priority: 1, normal: 1 } });
    const n = issue(w, 1);
    callNext(w, 2);
    w.apply({ kind: 'transfer', ticketId: n, toFieldId: null, toCounterId: 1, note: null });
    const p = issue(w, 1, 'pregnant');
    expect(callNext(w, 1)).toBe(p);
    finish(w, 1);
    expect(callNext(w, 1)).toBe(n);
  });

  it('a held ticket can be transferred to another counter', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'hold', counterId: 1, note: null });
    w.apply({ kind: 'transfer', ticketId: a, toFieldId: null, toCounterId: 2, note: null });
    expect(w.ticket(a)).toMatchObject({ status: 'waiting', targetCounterId: 2 });
    expect(refusal(w, { kind: 'callNext', counterId: 1 })).toBe('QUEUE_EMPTY');
    expect(callNext(w, 2)).toBe(a);
  });

  it('refuses invalid targets', () => {
    const w = world();
    const a = issue(w, 1);
    const t = (toFieldId: number | null, toCounterId: number | null): Command => ({ kind: 'transfer', ticketId: a, toFieldId, toCounterId, note: null });
    expect(refusal(w, t(null, null))).toBe('TRANSFER_TARGET_INVALID');
    expect(refusal(w, t(2, 3))).toBe('TRANSFER_TARGET_INVALID');
    expect(refusal(w, t(1, null))).toBe('TRANSFER_TARGET_INVALID');
    expect(refusal(w, t(3, null))).toBe('TRANSFER_TARGET_INVALID');
    expect(refusal(w, t(99, null))).toBe('FIELD_NOT_FOUND');
    expect(refusal(w, t(null, 99))).toBe('COUNTER_NOT_FOUND');
    callNext(w, 1);
    expect(refusal(w, t(null, 1))).toBe('TRANSFER_TARGET_INVALID');
    finish(w, 1);
    expect(refusal(w, t(2, null))).toBe('TICKET_WRONG_STATE');
    expect(refusal(w, { kind: 'transfer', ticketId: 50, toFieldId: 2, toCounterId: null, note: null })).toBe('TICKET_NOT_FOUND');
  });
});

describe('cancel and expire', () => {
  it('cancels a waiting ticket with a reason', () => {
    const w = world();
    const a = issue(w, 1);
    w.apply({ kind: 'cancel', ticketId: a, reason: 'công dân về' });
    expect(w.ticket(a).status).toBe('cancelled');
    expect(lastEvent(w)).toMatchObject({ type: 'cancelled', ticketId: a, from: 'waiting', to: 'cancelled', data: { reason: 'công dân về' } });
    expect(refusal(w, { kind: 'callNext', counterId: 1 })).toBe('QUEUE_EMPTY');
  });

  it('cancelling the current ticket frees its counter', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    const d = w.apply({ kind: 'cancel', ticketId: a, reason: null });
    expect(d.counters.map((c) => c.id)).toEqual([1]);
    expect(w.counter(1).currentTicketId).toBeNull();
    expect(lastEvent(w)).toMatchObject({ counterId: 1, from: 'called', to: 'cancelled' });
  });

  it('cancelling a held ticket leaves its former counter alone', () => {
    const w = world();
    const a = issue(w, 1);
    const b = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'hold', counterId: 1, note: null });
    callNext(w, 1);
    const d = w.apply({ kind: 'cancel', ticketId: a, reason: null });
    expect(d.counters).toEqual([]);
    expect(w.counter(1).currentTicketId).toBe(b);
  });

  it('expire ends the ticket as cancelled with an expired event', () => {
    const w = world();
    const a = issue(w, 1);
    w.apply({ kind: 'expire', ticketId: a });
    expect(w.ticket(a).status).toBe('cancelled');
    expect(lastEvent(w)).toMatchObject({ type: 'expired', ticketId: a, from: 'waiting', to: 'cancelled', data: { reason: 'expired' } });
  });

  it('refuses tickets already ended', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    finish(w, 1);
    expect(refusal(w, { kind: 'cancel', ticketId: a, reason: null })).toBe('TICKET_WRONG_STATE');
    expect(refusal(w, { kind: 'expire', ticketId: a })).toBe('TICKET_WRONG_STATE');
    expect(refusal(w, { kind: 'cancel', ticketId: 99, reason: null })).toBe('TICKET_NOT_FOUND');
  });
});
