import { describe, expect, it } from 'vitest';
import { world, refusal, lastEvent, callNext, finish, issue } from '../test-support/decide-steps.ts';

// The queue engine's decide(): counter state and the events decide records.
describe('counter state', () => {
  it('pause and resume; a paused counter may not call', () => {
    const w = world();
    issue(w, 1);
    w.apply({ kind: 'pause', counterId: 1, reason: 'nghỉ trưa' });
    expect(w.counter(1)).toMatchObject({ status: 'paused', pauseReason: 'nghỉ trưa' });
    expect(lastEvent(w)).toMatchObject({ type: 'counter_paused', counterId: 1, ticketId: null, from: null, to: null, data: { reason: 'nghỉ trưa' } });
    expect(refusal(w, { kind: 'callNext', counterId: 1 })).toBe('COUNTER_NOT_OPEN');
    w.apply({ kind: 'resume', counterId: 1 });
    expect(w.counter(1)).toMatchObject({ status: 'open', pauseReason: null });
    expect(lastEvent(w).type).toBe('counter_resumed');
    callNext(w, 1);
  });

  it('pausing keeps the current ticket, which can still be finished', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'pause', counterId: 1, reason: 'x' });
    expect(w.counter(1).currentTicketId).toBe(a);
    finish(w, 1);
    expect(w.ticket(a).status).toBe('done');
  });

  it('close is refused while a ticket is active, then allowed; a closed counter may not call', () => {
    const w = world();
    issue(w, 1);
    issue(w, 1);
    callNext(w, 1);
    expect(refusal(w, { kind: 'close', counterId: 1 })).toBe('COUNTER_BUSY');
    w.apply({ kind: 'pause', counterId: 1, reason: 'x' });
    expect(refusal(w, { kind: 'close', counterId: 1 })).toBe('COUNTER_BUSY');
    finish(w, 1);
    w.apply({ kind: 'close', counterId: 1 });
    expect(w.counter(1)).toMatchObject({ status: 'closed', pauseReason: null });
    expect(lastEvent(w).type).toBe('counter_closed');
    expect(refusal(w, { kind: 'callNext', counterId: 1 })).toBe('COUNTER_NOT_OPEN');
    w.apply({ kind: 'open', counterId: 1 });
    expect(w.counter(1).status).toBe('open');
    expect(lastEvent(w).type).toBe('counter_opened');
    callNext(w, 1);
  });

  it('refuses transitions from the wrong state', () => {
    const w = world();
    expect(refusal(w, { kind: 'resume', counterId: 1 })).toBe('COUNTER_WRONG_STATE');
    expect(refusal(w, { kind: 'open', counterId: 1 })).toBe('COUNTER_WRONG_STATE');
    w.apply({ kind: 'close', counterId: 1 });
    expect(refusal(w, { kind: 'pause', counterId: 1, reason: 'x' })).toBe('COUNTER_WRONG_STATE');
    expect(refusal(w, { kind: 'resume', counterId: 1 })).toBe('COUNTER_WRONG_STATE');
    expect(refusal(w, { kind: 'close', counterId: 1 })).toBe('COUNTER_WRONG_STATE');
    expect(refusal(w, { kind: 'pause', counterId: 9, reason: 'x' })).toBe('COUNTER_NOT_FOUND');
  });
});

describe('events', () => {
  it('chain from/to statuses for every ticket through a whole day', () => {
    const w = world({ maxRecalls: 1 });
    const a = issue(w, 1);
    const b = issue(w, 1, 'disabled');
    const c = issue(w, 2);
    const e = issue(w, 1);
    callNext(w, 1); // b (priority)
    w.apply({ kind: 'start', counterId: 1 });
    w.apply({ kind: 'hold', counterId: 1, note: null });
    w.apply({ kind: 'returnHeld', ticketId: b });
    w.apply({ kind: 'callTicket', counterId: 1, ticketId: b });
    w.apply({ kind: 'finish', counterId: 1, dossierCode: 'HS-1' });
    callNext(w, 2); // a
    w.apply({ kind: 'transfer', ticketId: a, toFieldId: 2, toCounterId: null, note: null });
    callNext(w, 3); // a, arrived before c
    w.apply({ kind: 'recall', counterId: 3 });
    w.apply({ kind: 'recall', counterId: 3 });
    callNext(w, 3); // c
    w.apply({ kind: 'noShow', counterId: 3 });
    w.apply({ kind: 'expire', ticketId: e });

    expect(w.events.filter((ev) => ev.type === 'called').map((ev) => ev.ticketId)).toEqual([b, b, a, a, c]);
    for (const id of [a, b, c, e]) {
      const own = w.events.filter((ev) => ev.ticketId === id);
      expect(own[0]).toMatchObject({ type: 'issued', from: null, to: 'waiting' });
      for (let i = 1; i < own.length; i++) expect(own[i]?.from).toBe(own[i - 1]?.to);
      expect(own.at(-1)?.to).toBe(w.ticket(id).status);
    }
    expect(w.ticket(a).status).toBe('no_show');
    expect(w.ticket(b).status).toBe('done');
    expect(w.ticket(c).status).toBe('no_show');
    expect(w.ticket(e).status).toBe('cancelled');
  });
});
