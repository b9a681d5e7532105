import { expect } from 'vitest';
import type { Command } from '../domain/commands.ts';
import { DomainError } from '../domain/errors.ts';
import { MINUTE, TestWorld } from './test-world.ts';
import type { Counter, Ticket } from '../domain/types.ts';
import { clsOf, callableAt, toCommands } from './ordering-model.ts';
import type { Ratio, Cls, Step } from './ordering-model.ts';

/** Running a random command sequence with the checks every command gets, and the checks on what it left. */
/** A successful callNext, with what the world looked like just before it. */
export interface CallRecord {
  counter: Counter;
  picked: Ticket;
  waitingBefore: Ticket[];
}

export interface Trace {
  world: TestWorld;
  calls: CallRecord[];
  issued: number[];
  /** Tickets held or transferred at any point. */
  moved: Set<number>;
}

/**
 * Runs the steps. Refused commands must leave the world exactly as it was, and callNext may only say the
 * queue is empty when nobody it could call is waiting. `afterStep` runs after every accepted command.
 */
export function simulate(w: TestWorld, steps: readonly Step[], afterStep: (w: TestWorld) => void = () => {}): Trace {
  const trace: Trace = { world: w, calls: [], issued: [], moved: new Set() };
  for (const step of steps) {
    w.advance(1000);
    if (step.k === 'wait') {
      w.advance(step.minutes * MINUTE);
      continue;
    }
    for (const command of toCommands(w, step)) run(w, command, trace, afterStep);
  }
  return trace;
}

/** One command with the checks every command gets; a successful callNext is recorded in the trace. */
export function run(w: TestWorld, command: Command, trace: Trace, afterStep: (w: TestWorld) => void): void {
  const snapshot = w.snapshot();
  const waitingBefore = [...w.tickets.values()].filter((t) => t.status === 'waiting');
  const counterBefore = command.kind === 'callNext' ? w.counters.get(command.counterId) : undefined;
  const result = w.attempt(command);
  if (result instanceof DomainError) {
    expect(w.snapshot(), `${command.kind} refused with ${result.code} changed the world`).toEqual(snapshot);
    if (result.code === 'QUEUE_EMPTY' && counterBefore) {
      expect(waitingBefore.filter((t) => callableAt(counterBefore, t)), 'QUEUE_EMPTY while someone waits for this counter').toEqual([]);
    }
    return;
  }
  if (command.kind === 'callNext' && counterBefore) {
    const calledEvent = result.events.find((e) => e.type === 'called');
    const picked = waitingBefore.find((t) => t.id === calledEvent?.ticketId);
    if (!picked) throw new Error(`callNext picked ticket ${String(calledEvent?.ticketId)}, which was not waiting`);
    trace.calls.push({ counter: counterBefore, picked, waitingBefore });
  }
  for (const e of result.events) {
    if ((e.type === 'held' || e.type === 'transferred') && e.ticketId !== null) trace.moved.add(e.ticketId);
    if (e.type === 'issued' && e.ticketId !== null) trace.issued.push(e.ticketId);
  }
  afterStep(w);
}

/** Structural invariants of the desk: one current ticket per counter, each at exactly one counter. */
export function checkDesks(w: TestWorld): void {
  const currents = [...w.counters.values()].flatMap((c) => (c.currentTicketId === null ? [] : [[c.id, c.currentTicketId] as const]));
  const ids = currents.map(([, id]) => id);
  expect(new Set(ids).size, 'a ticket is current at two counters').toBe(ids.length);
  for (const [counterId, ticketId] of currents) {
    const t = w.tickets.get(ticketId);
    expect(t?.status === 'called' || t?.status === 'serving', `current ticket ${ticketId} is ${String(t?.status)}`).toBe(true);
    expect(t?.counterId).toBe(counterId);
  }
  for (const t of w.tickets.values()) {
    if (t.status === 'called' || t.status === 'serving') expect(ids, `ticket ${t.id} is ${t.status} at no counter`).toContain(t.id);
  }
}

export const STATUSES: readonly Ticket['status'][] = ['waiting', 'called', 'serving', 'held', 'done', 'no_show', 'cancelled'];

/** Returns held tickets, reopens every counter, then calls and finishes until nobody waits. */
export function drain(w: TestWorld): number[] {
  for (const t of [...w.tickets.values()]) if (t.status === 'held') w.apply({ kind: 'returnHeld', ticketId: t.id });
  for (const c of [...w.counters.values()]) {
    if (c.status === 'paused') w.apply({ kind: 'resume', counterId: c.id });
    if (c.status === 'closed') w.apply({ kind: 'open', counterId: c.id });
  }
  const called: number[] = [];
  const waiting = (): number => [...w.tickets.values()].filter((t) => t.status === 'waiting').length;
  const limit = waiting() + 2;
  for (let round = 0; waiting() > 0; round++) {
    if (round > limit) throw new Error(`queue does not drain: ${waiting()} still waiting`);
    for (const id of w.counters.keys()) {
      w.advance(1000);
      if (w.counter(id).currentTicketId !== null) w.apply({ kind: 'finish', counterId: id, dossierCode: null });
      const r = w.attempt({ kind: 'callNext', counterId: id });
      if (r instanceof DomainError) expect(r.code).toBe('QUEUE_EMPTY');
      else called.push(w.counter(id).currentTicketId ?? -1);
    }
  }
  for (const id of w.counters.keys()) {
    if (w.counter(id).currentTicketId !== null) w.apply({ kind: 'finish', counterId: id, dossierCode: null });
  }
  return called;
}

/** Consecutive-call runs of one class at one counter, counting only calls made while both classes waited for it. */
export function checkInterleave(calls: readonly CallRecord[], ratio: Ratio): void {
  const runs = new Map<number, { cls: Cls; length: number }>();
  for (const call of calls) {
    const mine = call.waitingBefore.filter((t) => callableAt(call.counter, t));
    const both = mine.some((t) => t.priority !== null) && mine.some((t) => t.priority === null);
    if (!both) {
      runs.delete(call.counter.id);
      continue;
    }
    const cls = clsOf(call.picked);
    const run = runs.get(call.counter.id);
    const length = run && run.cls === cls ? run.length + 1 : 1;
    runs.set(call.counter.id, { cls, length });
    expect(length, `${length} ${cls} calls in a row at counter ${call.counter.id} with ratio ${ratio.priority}:${ratio.normal}`).toBeLessThanOrEqual(ratio[cls]);
  }
}
