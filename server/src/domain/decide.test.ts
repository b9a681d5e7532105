import type { ErrorCode } from '@luot/shared';
import { describe, expect, it } from 'vitest';
import type { Command } from './commands.ts';
import { decide } from './decide.ts';
import { DomainError } from './errors.ts';
import { MINUTE, T0, TestWorld, makeCounter, makeField } from './test-world.ts';
import type { DomainEvent, QueueRules } from './types.ts';

const DAY = 24 * 60 * MINUTE;

/**
 * Fields: 1 = A (leaf), 2 = B (leaf), 3 = group with children, 4 = D open 07:30–17:00, 5 = E not issuing,
 * 6 = F limited to 2 a day and numbered from 100. Counters: 1 serves A, 2 serves A then B, 3 serves B.
 */
function world(rules: Partial<QueueRules> = {}): TestWorld {
  return new TestWorld({
    rules,
    fields: [
      makeField(1),
      makeField(2),
      makeField(3, { hasChildren: true }),
      makeField(4, { opensAt: '07:30', closesAt: '17:00' }),
      makeField(5, { issuing: false }),
      makeField(6, { dailyLimit: 2, startNumber: 100 }),
    ],
    counters: [makeCounter(1, [1]), makeCounter(2, [1, 2]), makeCounter(3, [2])],
  });
}

/** Expects the command to be refused without any change to the world; returns the refusal code. */
function refusal(w: TestWorld, command: Command): ErrorCode {
  const before = w.snapshot();
  const result = w.attempt(command);
  if (!(result instanceof DomainError)) throw new Error(`expected a refusal of ${command.kind}, got ${JSON.stringify(result.events)}`);
  expect(w.snapshot()).toEqual(before);
  return result.code;
}

function lastEvent(w: TestWorld): DomainEvent {
  const e = w.events.at(-1);
  if (!e) throw new Error('no events');
  return e;
}

/** Calls the next ticket at a counter and returns its id. */
function callNext(w: TestWorld, counterId: number): number {
  w.advance(MINUTE);
  w.apply({ kind: 'callNext', counterId });
  const id = w.counter(counterId).currentTicketId;
  if (id === null) throw new Error('nothing called');
  return id;
}

function finish(w: TestWorld, counterId: number): void {
  w.advance(MINUTE);
  w.apply({ kind: 'finish', counterId, dossierCode: null });
}

/** Issues a ticket a minute after the previous action. */
function issue(w: TestWorld, fieldId: number, priority: string | null = null): number {
  w.advance(MINUTE);
  return w.issue(fieldId, priority).id;
}

describe('issue', () => {
  it('issues a waiting ticket with the next printed number of the day', () => {
    const w = world();
    const d = w.apply(w.issueCommand(1));
    expect(d.counters).toEqual([]);
    expect(d.tickets).toEqual([
      {
        id: 1,
        fieldId: 1,
        seq: 1,
        number: 'A001',
        serviceDay: '2025-03-10',
        status: 'waiting',
        priority: null,
        counterId: null,
        targetCounterId: null,
        issuedAt: T0,
        queuedAt: T0,
        calledAt: null,
        recalls: 0,
        handover: null,
      },
    ]);
    expect(d.events).toEqual([
      { type: 'issued', at: T0, ticketId: 1, counterId: null, fieldId: 1, from: null, to: 'waiting', data: { priority: null } },
    ]);
    expect(w.issue(1).number).toBe('A002');
    expect(w.issue(2).number).toBe('B001');
    expect(w.issue(1).number).toBe('A003');
  });

  it('numbers from the field start number and restarts on the next service day', () => {
    const w = world();
    expect(w.issue(6).number).toBe('F100');
    expect(w.issue(6).number).toBe('F101');
    w.advance(DAY);
    const next = w.issue(6);
    expect(next.number).toBe('F100');
    expect(next.serviceDay).toBe('2025-03-11');
  });

  it('records the priority category', () => {
    const w = world();
    const t = w.issue(1, 'elderly');
    expect(t.priority).toBe('elderly');
    expect(lastEvent(w).data).toEqual({ priority: 'elderly' });
  });

  it('refuses an unknown field', () => {
    const w = world();
    expect(refusal(w, w.issueCommand(99))).toBe('FIELD_NOT_FOUND');
  });

  it('refuses a group field that has children', () => {
    const w = world();
    expect(refusal(w, w.issueCommand(3))).toBe('FIELD_HAS_CHILDREN');
  });

  it('refuses a field that stopped issuing', () => {
    const w = world();
    expect(refusal(w, w.issueCommand(5))).toBe('FIELD_NOT_ISSUING');
  });

  it('refuses outside opening hours, local time, closing bound excluded', () => {
    const w = world();
    w.now = Date.parse('2025-03-10T07:29:00+07:00');
    expect(refusal(w, w.issueCommand(4))).toBe('FIELD_CLOSED_HOURS');
    w.now = Date.parse('2025-03-10T07:30:00+07:00');
    expect(w.issue(4).number).toBe('D001');
    w.now = Date.parse('2025-03-10T16:59:00+07:00');
    expect(w.issue(4).number).toBe('D002');
    w.now = Date.parse('2025-03-10T17:00:00+07:00');
    expect(refusal(w, w.issueCommand(4))).toBe('FIELD_CLOSED_HOURS');
  });

  it('refuses past the daily limit until the next service day', () => {
    const w = world();
    w.issue(6);
    w.issue(6);
    expect(refusal(w, w.issueCommand(6))).toBe('DAILY_LIMIT_REACHED');
    // Other fields are not affected.
    expect(w.issue(1).number).toBe('A001');
    // 02:59 next morning still belongs to today's service day (rollover 03:00).
    w.now = Date.parse('2025-03-11T02:59:00+07:00');
    expect(refusal(w, w.issueCommand(6))).toBe('DAILY_LIMIT_REACHED');
    w.now = Date.parse('2025-03-11T03:00:00+07:00');
    expect(w.issue(6).number).toBe('F100');
  });

  it('refuses an unknown priority category', () => {
    const w = world();
    expect(refusal(w, w.issueCommand(1, 'vip'))).toBe('PRIORITY_UNKNOWN');
  });
});

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

describe('handover: what the next desk is told', () => {
  it('carries a transfer’s note, where it came from and its old field, through the call at the new counter', () => {
    const w = world();
    const a = issue(w, 1);
    const b = issue(w, 2);
    callNext(w, 1);
    w.advance(MINUTE);
    w.apply({ kind: 'transfer', ticketId: a, toFieldId: null, toCounterId: 2, note: 'Hồ sơ chứng thực kèm theo, nhờ quầy 2 xử lý' });
    expect(w.ticket(a).handover).toEqual({ kind: 'transferred', fromCounterId: 1, fromFieldId: null, note: 'Hồ sơ chứng thực kèm theo, nhờ quầy 2 xử lý', at: w.now });
    expect(callNext(w, 2)).toBe(a);
    expect(w.ticket(a).handover?.note).toBe('Hồ sơ chứng thực kèm theo, nhờ quầy 2 xử lý');
    // Sent to another field from the queue by a supervisor: no counter, the old field.
    w.apply({ kind: 'transfer', ticketId: b, toFieldId: 1, toCounterId: null, note: null });
    expect(w.ticket(b).handover).toMatchObject({ kind: 'transferred', fromCounterId: null, fromFieldId: 2, note: null });
  });

  it('says a returned ticket comes back from hold, with the hold’s note, not that it was transferred', () => {
    const w = world();
    const a = issue(w, 1);
    callNext(w, 1);
    w.apply({ kind: 'hold', counterId: 1, note: 'đi photo CCCD' });
    expect(w.ticket(a).handover).toMatchObject({ kind: 'held', fromCounterId: 1, note: 'đi photo CCCD' });
    w.advance(MINUTE);
    w.apply({ kind: 'returnHeld', ticketId: a });
    expect(w.ticket(a).handover).toEqual({ kind: 'returned', fromCounterId: 1, fromFieldId: null, note: 'đi photo CCCD', at: w.now });
  });
});

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
