import type { Alert, CallView, CenterSnapshot, CounterView, FieldView, TicketView } from '@luot/shared';
import type { CenterChange } from './center-messages.ts';

/** What the console knows of the center, all from the server: a snapshot plus the deltas since. */
export interface CenterState {
  fields: FieldView[];
  counters: CounterView[];
  /** Waiting and held tickets of the day, in arrival order. */
  queue: TicketView[];
  calls: CallView[];
  /** Printer problems announced live, one per printer; cleared when the printer recovers. */
  printerAlerts: Alert[];
  /** Counts changes that move waiting figures, so the supervisor's board knows when to refresh its figures. */
  changes: number;
}

export const emptyCenter: CenterState = { fields: [], counters: [], queue: [], calls: [], printerAlerts: [], changes: 0 };

const inQueue = (t: TicketView) => t.status === 'waiting' || t.status === 'held';
const byArrival = (a: TicketView, b: TicketView) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id - b.id);
const byNumber = (a: CounterView, b: CounterView) => a.number - b.number;
const maxCalls = 20;

function upsert<T extends { id: number }>(list: readonly T[], changed: readonly T[]): T[] {
  if (changed.length === 0) return [...list];
  const byId = new Map(changed.map((item) => [item.id, item]));
  const next = list.map((item) => byId.get(item.id) ?? item);
  const known = new Set(list.map((item) => item.id));
  for (const item of changed) if (!known.has(item.id)) next.push(item);
  return next;
}

/** A fresh snapshot is the whole truth: nothing from before it survives, except live printer alerts. */
export function fromSnapshot(previous: CenterState, data: CenterSnapshot): CenterState {
  return {
    fields: data.fields,
    counters: [...data.counters].sort(byNumber),
    queue: data.queue.filter(inQueue).sort(byArrival),
    calls: data.calls.slice(0, maxCalls),
    printerAlerts: previous.printerAlerts,
    changes: previous.changes + 1,
  };
}

/** Ticket upserts: a ticket leaves the queue when it is neither waiting nor held (called, done, cancelled…). */
export function withTickets(queue: readonly TicketView[], tickets: readonly TicketView[]): TicketView[] {
  if (tickets.length === 0) return [...queue];
  const changed = new Set(tickets.map((t) => t.id));
  return [...queue.filter((t) => !changed.has(t.id)), ...tickets.filter(inQueue)].sort(byArrival);
}

export function applyChange(state: CenterState, change: CenterChange): CenterState {
  let printerAlerts = state.printerAlerts;
  if (change.alert) {
    const alert = change.alert;
    const others = printerAlerts.filter((a) => a.printerId !== alert.printerId);
    printerAlerts = alert.problems.length ? [alert, ...others] : others;
  }
  const call = change.call;
  return {
    fields: upsert(state.fields, change.fields),
    counters: upsert(state.counters, change.counters).sort(byNumber),
    queue: withTickets(state.queue, change.tickets),
    calls: call ? [call, ...state.calls].slice(0, maxCalls) : state.calls,
    printerAlerts,
    changes: state.changes + (change.tickets.length || change.counters.length || change.alert ? 1 : 0),
  };
}

/** What an action answered (`{ counter, ticket }` or a field): the server's confirmed state, applied at once. */
export function applyConfirmed(state: CenterState, confirmed: { counter?: CounterView | null; ticket?: TicketView | null; field?: FieldView | null }): CenterState {
  const { counter, ticket, field } = confirmed;
  return {
    ...state,
    fields: field ? upsert(state.fields, [field]) : state.fields,
    counters: counter ? upsert(state.counters, [counter]).sort(byNumber) : state.counters,
    queue: ticket ? withTickets(state.queue, [ticket]) : state.queue,
  };
}
