import fc from 'fast-check';
import { expect } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { TestWorld, makeCounter, makeField } from './test-world.ts';
import type { Ticket } from '../domain/types.ts';
import type { Ratio } from './ordering-model.ts';

// ---------------------------------------------------------------------------------------------------------------
// One counter, one field: the interleave ratio and the wait bound

export type SimpleStep = 'normal' | 'priority' | 'serve';
/**
 * Each run draws its own mix, so some runs flood one class while the other trickles in and keeps vanishing —
 * the case where a class that comes and goes could erode the share of one that keeps waiting.
 */
export const simpleStepsArb: fc.Arbitrary<SimpleStep[]> = fc
  .tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([normal, priority, serve]) =>
    fc.array(
      fc.oneof(
        { weight: normal, arbitrary: fc.constant<SimpleStep>('normal') },
        { weight: priority, arbitrary: fc.constant<SimpleStep>('priority') },
        { weight: serve, arbitrary: fc.constant<SimpleStep>('serve') },
      ),
      { minLength: 1, maxLength: 150, size: 'max' },
    ),
  );

export function singleCounter(ratio: Ratio): TestWorld {
  return new TestWorld({ fields: [makeField(1)], counters: [makeCounter(1, [1])], rules: { interleave: ratio } });
}

/** Finishes the current ticket, if any, and calls the next; returns the called ticket or null if nobody waits. */
export function serve(w: TestWorld): Ticket | null {
  w.advance(1000);
  if (w.counter(1).currentTicketId !== null) w.apply({ kind: 'finish', counterId: 1, dossierCode: null });
  const r = w.attempt({ kind: 'callNext', counterId: 1 });
  if (r instanceof DomainError) {
    expect(r.code).toBe('QUEUE_EMPTY');
    return null;
  }
  return w.current(1);
}
