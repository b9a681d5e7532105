import type { TicketStatus } from '@luot/shared';
import type { Command } from './commands.ts';
import { DomainError } from './errors.ts';
import { formatNumber, nextSeq } from './numbering.ts';
import { eligibleFor, pickNext } from './ordering.ts';
import { serviceDayOf, withinHours } from './time.ts';
import type { Counter, Decision, DomainEvent, EventData, EventOf, Millis, QueueSlice, Ticket } from './types.ts';

/** The queue engine: (slice, command, now) → changed tickets and counters plus the events that explain them. */
export function decide(slice: QueueSlice, command: Command, now: Millis): Decision {
  switch (command.kind) {
    case 'issue':
      return issue(slice, command, now);
    case 'callNext':
      return callNext(slice, command.counterId, now);
    case 'callTicket':
      return callTicket(slice, command.counterId, command.ticketId, now);
    case 'recall':
      return recall(slice, command.counterId, now);
    case 'start':
      return atCounter(slice, command.counterId, now, ['called'], 'serving', 'serving', {});
    case 'finish':
      return atCounter(slice, command.counterId, now, ['serving', 'called'], 'done', 'done', { dossierCode: command.dossierCode });
    case 'noShow':
      return atCounter(slice, command.counterId, now, ['called'], 'no_show', 'no_show', { auto: false });
    case 'hold':
      return atCounter(slice, command.counterId, now, ['called', 'serving'], 'held', 'held', { note: command.note }, command.note);
    case 'returnHeld':
      return returnHeld(slice, command.ticketId, now);
    case 'transfer':
      return transfer(slice, command, now);
    case 'cancel':
      return endTicket(slice, command.ticketId, now, 'cancelled', 'cancelled', { reason: command.reason });
    case 'expire':
      return endTicket(slice, command.ticketId, now, 'cancelled', 'expired', { reason: 'expired' });
    case 'pause':
      return counterState(slice, command.counterId, now, ['open'], 'paused', command.reason, 'counter_paused');
    case 'resume':
      return counterState(slice, command.counterId, now, ['paused'], 'open', null, 'counter_resumed');
    case 'open':
      return counterState(slice, command.counterId, now, ['closed', 'paused'], 'open', null, 'counter_opened');
    case 'close':
      return counterState(slice, command.counterId, now, ['open', 'paused'], 'closed', null, 'counter_closed');
  }
}

function event<K extends keyof EventData>(type: K, at: Millis, ticket: Ticket | null, counterId: number | null, from: TicketStatus | null, data: EventData[K]): DomainEvent {
  // One variant per type: the cast only joins `type` and `data`, which the signature already keeps together.
  return { type, at, ticketId: ticket?.id ?? null, counterId, fieldId: ticket?.fieldId ?? null, from, to: ticket?.status ?? null, data } as EventOf<K>;
}

function issue(slice: QueueSlice, cmd: Extract<Command, { kind: 'issue' }>, now: Millis): Decision {
  const field = slice.fields.get(cmd.fieldId);
  if (!field) throw new DomainError('FIELD_NOT_FOUND');
  if (field.hasChildren) throw new DomainError('FIELD_HAS_CHILDREN');
  if (!field.issuing) throw new DomainError('FIELD_NOT_ISSUING');
  if (!withinHours(now, field.opensAt, field.closesAt)) throw new DomainError('FIELD_CLOSED_HOURS');
  if (field.dailyLimit !== null && cmd.issuedToday >= field.dailyLimit) throw new DomainError('DAILY_LIMIT_REACHED');
  if (cmd.priority !== null && !slice.rules.priorityCategories.includes(cmd.priority)) {
    throw new DomainError('PRIORITY_UNKNOWN');
  }
  const seq = nextSeq(field, cmd.lastSeqToday);
  const ticket: Ticket = {
    id: cmd.newId,
    fieldId: field.id,
    seq,
    number: formatNumber(field, seq),
    serviceDay: serviceDayOf(now, slice.rules.dayRollover),
    status: 'waiting',
    priority: cmd.priority,
    counterId: null,
    targetCounterId: null,
    issuedAt: now,
    queuedAt: now,
    calledAt: null,
    recalls: 0,
    handover: null,
  };
  return { tickets: [ticket], counters: [], events: [event('issued', now, ticket, null, null, { priority: cmd.priority })] };
}

function counterOf(slice: QueueSlice, counterId: number): Counter {
  const counter = slice.counters.get(counterId);
  if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
  return counter;
}

function ticketOf(slice: QueueSlice, ticketId: number): Ticket {
  const ticket = slice.tickets.get(ticketId);
  if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
  return ticket;
}

function readyToCall(slice: QueueSlice, counterId: number): Counter {
  const counter = counterOf(slice, counterId);
  if (counter.status !== 'open') throw new DomainError('COUNTER_NOT_OPEN');
  if (counter.currentTicketId !== null) throw new DomainError('COUNTER_BUSY');
  return counter;
}

function call(counter: Counter, ticket: Ticket, now: Millis, fair: Counter['fair'], how: 'next' | 'specific'): Decision {
  const called: Ticket = { ...ticket, status: 'called', counterId: counter.id, targetCounterId: null, calledAt: now, recalls: 0 };
  return {
    tickets: [called],
    counters: [{ ...counter, currentTicketId: ticket.id, fair }],
    events: [event('called', now, called, counter.id, 'waiting', { how, counterNumber: counter.number })],
  };
}

function callNext(slice: QueueSlice, counterId: number, now: Millis): Decision {
  const counter = readyToCall(slice, counterId);
  const pick = pickNext(counter, [...slice.tickets.values()], slice.rules);
  if (!pick) throw new DomainError(counter.priorityMode === 'priority_only' ? 'QUEUE_EMPTY_PRIORITY' : 'QUEUE_EMPTY');
  return call(counter, pick.ticket, now, pick.fair, 'next');
}

function callTicket(slice: QueueSlice, counterId: number, ticketId: number, now: Millis): Decision {
  const counter = readyToCall(slice, counterId);
  const ticket = ticketOf(slice, ticketId);
  if (ticket.status !== 'waiting') throw new DomainError('TICKET_WRONG_STATE');
  const servesField = counter.fields.some((f) => f.fieldId === ticket.fieldId);
  const sentHere = ticket.targetCounterId === counter.id;
  if (!sentHere && (ticket.targetCounterId !== null || !servesField)) throw new DomainError('TICKET_NOT_FOR_COUNTER');
  if (ticket.priority === null && !priorityCounterMayCallNormal(counter, ticket, slice.tickets.values())) throw new DomainError('PRIORITY_COUNTER');
  // Calling out of turn is a deliberate choice of the officer; it does not move the fairness memory.
  return call(counter, ticket, now, counter.fair, 'specific');
}

/** A priority counter's rule (ordering.ts) holds for a call by hand too: no normal citizen while a priority one waits. */
function priorityCounterMayCallNormal(counter: Counter, ticket: Ticket, all: Iterable<Ticket>): boolean {
  if (counter.priorityMode === 'mixed') return true;
  if (counter.priorityMode === 'priority_only' && ticket.targetCounterId !== counter.id) return false;
  for (const t of all) if (t.priority !== null && eligibleFor(counter, t)) return false;
  return true;
}

function currentTicket(slice: QueueSlice, counter: Counter): Ticket {
  if (counter.currentTicketId === null) throw new DomainError('NO_CURRENT_TICKET');
  return ticketOf(slice, counter.currentTicketId);
}

function recall(slice: QueueSlice, counterId: number, now: Millis): Decision {
  const counter = counterOf(slice, counterId);
  const ticket = currentTicket(slice, counter);
  if (ticket.status !== 'called') throw new DomainError('TICKET_WRONG_STATE');
  if (ticket.recalls >= slice.rules.maxRecalls) {
    const absent: Ticket = { ...ticket, status: 'no_show' };
    return {
      tickets: [absent],
      counters: [{ ...counter, currentTicketId: null }],
      events: [event('no_show', now, absent, counter.id, 'called', { auto: true, recalls: ticket.recalls })],
    };
  }
  const recalled: Ticket = { ...ticket, recalls: ticket.recalls + 1 };
  return {
    tickets: [recalled],
    counters: [],
    events: [event('recalled', now, recalled, counter.id, 'called', { recalls: recalled.recalls, counterNumber: counter.number })],
  };
}

/** A step of the ticket at the counter's desk; leaving `called`/`serving` frees the counter. */
function atCounter<K extends 'serving' | 'done' | 'no_show' | 'held'>(
  slice: QueueSlice,
  counterId: number,
  now: Millis,
  from: readonly TicketStatus[],
  to: TicketStatus,
  type: K,
  data: EventData[K],
  holdNote: string | null = null,
): Decision {
  const counter = counterOf(slice, counterId);
  const ticket = currentTicket(slice, counter);
  if (!from.includes(ticket.status)) throw new DomainError('TICKET_WRONG_STATE');
  const stays = to === 'serving';
  const held = to === 'held';
  const next: Ticket = {
    ...ticket,
    status: to,
    targetCounterId: held ? counter.id : null,
    handover: held ? { kind: 'held', fromCounterId: counter.id, fromFieldId: null, note: holdNote, at: now } : ticket.handover,
  };
  return {
    tickets: [next],
    counters: stays ? [] : [{ ...counter, currentTicketId: null }],
    events: [event(type, now, next, counter.id, ticket.status, data)],
  };
}

function returnHeld(slice: QueueSlice, ticketId: number, now: Millis): Decision {
  const ticket = ticketOf(slice, ticketId);
  if (ticket.status !== 'held') throw new DomainError('TICKET_WRONG_STATE');
  // Back to the counter that held it, keeping the original arrival time: they were already served in turn.
  // The hold's note comes along: it says what the citizen went to fetch.
  const handover = { kind: 'returned' as const, fromCounterId: ticket.counterId, fromFieldId: null, note: ticket.handover?.note ?? null, at: now };
  const back: Ticket = { ...ticket, status: 'waiting', handover };
  return { tickets: [back], counters: [], events: [event('returned', now, back, ticket.counterId, 'held', {})] };
}

/** Releases the counter holding the ticket, if any. */
function freeCounter(slice: QueueSlice, ticket: Ticket): Counter[] {
  if (ticket.counterId === null) return [];
  const counter = slice.counters.get(ticket.counterId);
  return counter && counter.currentTicketId === ticket.id ? [{ ...counter, currentTicketId: null }] : [];
}

function transfer(slice: QueueSlice, cmd: Extract<Command, { kind: 'transfer' }>, now: Millis): Decision {
  const ticket = ticketOf(slice, cmd.ticketId);
  if (!['waiting', 'called', 'serving', 'held'].includes(ticket.status)) throw new DomainError('TICKET_WRONG_STATE');
  if ((cmd.toFieldId === null) === (cmd.toCounterId === null)) throw new DomainError('TRANSFER_TARGET_INVALID');
  let fieldId = ticket.fieldId;
  if (cmd.toFieldId !== null) {
    const field = slice.fields.get(cmd.toFieldId);
    if (!field) throw new DomainError('FIELD_NOT_FOUND');
    if (field.hasChildren || field.id === ticket.fieldId) throw new DomainError('TRANSFER_TARGET_INVALID');
    fieldId = field.id;
  }
  if (cmd.toCounterId !== null) {
    const target = slice.counters.get(cmd.toCounterId);
    if (!target) throw new DomainError('COUNTER_NOT_FOUND');
    if (ticket.counterId === target.id && ticket.status !== 'waiting' && ticket.status !== 'held') {
      throw new DomainError('TRANSFER_TARGET_INVALID');
    }
  }
  // Sent from a desk (or the held list) when it was at a counter; from the queue by a supervisor otherwise.
  const atCounter = ticket.status === 'called' || ticket.status === 'serving' || ticket.status === 'held';
  const moved: Ticket = {
    ...ticket,
    fieldId,
    status: 'waiting',
    counterId: cmd.toCounterId,
    targetCounterId: cmd.toCounterId,
    queuedAt: slice.rules.keepArrivalOnTransfer ? ticket.queuedAt : now,
    calledAt: null,
    recalls: 0,
    handover: {
      kind: 'transferred',
      fromCounterId: atCounter ? ticket.counterId : null,
      fromFieldId: fieldId === ticket.fieldId ? null : ticket.fieldId,
      note: cmd.note,
      at: now,
    },
  };
  return {
    tickets: [moved],
    counters: freeCounter(slice, ticket),
    events: [
      event('transferred', now, moved, ticket.counterId, ticket.status, {
        fromFieldId: ticket.fieldId,
        toFieldId: cmd.toFieldId,
        toCounterId: cmd.toCounterId,
        note: cmd.note,
      }),
    ],
  };
}

function endTicket<K extends 'cancelled' | 'expired'>(slice: QueueSlice, ticketId: number, now: Millis, to: TicketStatus, type: K, data: EventData[K]): Decision {
  const ticket = ticketOf(slice, ticketId);
  if (!['waiting', 'called', 'serving', 'held'].includes(ticket.status)) throw new DomainError('TICKET_WRONG_STATE');
  const ended: Ticket = { ...ticket, status: to, targetCounterId: null };
  return {
    tickets: [ended],
    counters: freeCounter(slice, ticket),
    events: [event(type, now, ended, ticket.counterId, ticket.status, data)],
  };
}

function counterState(
  slice: QueueSlice,
  counterId: number,
  now: Millis,
  from: readonly Counter['status'][],
  to: Counter['status'],
  reason: string | null,
  type: 'counter_opened' | 'counter_paused' | 'counter_resumed' | 'counter_closed',
): Decision {
  const counter = counterOf(slice, counterId);
  if (!from.includes(counter.status)) throw new DomainError('COUNTER_WRONG_STATE', `counter is ${counter.status}`);
  if (to === 'closed' && counter.currentTicketId !== null) throw new DomainError('COUNTER_BUSY');
  const next: Counter = { ...counter, status: to, pauseReason: to === 'paused' ? reason : null };
  return {
    tickets: [],
    counters: [next],
    events: [event(type, now, null, counterId, null, { reason })],
  };
}
