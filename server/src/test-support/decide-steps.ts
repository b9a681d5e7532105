import type { ErrorCode } from '@luot/shared';
import { expect } from 'vitest';
import type { Command } from '../domain/commands.ts';
import { DomainError } from '../domain/errors.ts';
import { MINUTE, TestWorld, makeCounter, makeField } from './test-world.ts';
import type { DomainEvent, QueueRules } from '../domain/types.ts';

/** The small world and the steps the engine's decide tests (domain/decide-*.test.ts) share. */
export const DAY = 24 * 60 * MINUTE;

/**
 * Fields: 1 = A (leaf), 2 = B (leaf), 3 = group with children, 4 = D open 07:30–17:00, 5 = E not issuing,
 * 6 = F limited to 2 a day and numbered from 100. Counters: 1 serves A, 2 serves A then B, 3 serves B.
 */
export function world(rules: Partial<QueueRules> = {}): TestWorld {
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
export function refusal(w: TestWorld, command: Command): ErrorCode {
  const before = w.snapshot();
  const result = w.attempt(command);
  if (!(result instanceof DomainError)) throw new Error(`expected a refusal of ${command.kind}, got ${JSON.stringify(result.events)}`);
  expect(w.snapshot()).toEqual(before);
  return result.code;
}

export function lastEvent(w: TestWorld): DomainEvent {
  const e = w.events.at(-1);
  if (!e) throw new Error('no events');
  return e;
}

/** Calls the next ticket at a counter and returns its id. */
export function callNext(w: TestWorld, counterId: number): number {
  w.advance(MINUTE);
  w.apply({ kind: 'callNext', counterId });
  const id = w.counter(counterId).currentTicketId;
  if (id === null) throw new Error('nothing called');
  return id;
}

export function finish(w: TestWorld, counterId: number): void {
  w.advance(MINUTE);
  w.apply({ kind: 'finish', counterId, dossierCode: null });
}

/** Issues a ticket a minute after the previous action. */
export function issue(w: TestWorld, fieldId: number, priority: string | null = null): number {
  w.advance(MINUTE);
  return w.issue(fieldId, priority).id;
}

