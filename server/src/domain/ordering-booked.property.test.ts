import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import type { Ticket } from './types.ts';
import { MINUTE, TestWorld, makeCounter, makeField } from '../test-support/test-world.ts';
import { NUM_RUNS } from '../test-support/ordering-model.ts';

type Step = { kind: 'walkIn'; priority: boolean } | { kind: 'booked'; slotOffsetMin: number; priority: boolean } | { kind: 'serve' } | { kind: 'wait'; minutes: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('walkIn' as const), priority: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('booked' as const), slotOffsetMin: fc.integer({ min: -20, max: 40 }), priority: fc.boolean() }) },
  { weight: 4, arbitrary: fc.constant({ kind: 'serve' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 15 }) }) },
);

const ratioArb = fc.constantFrom({ booked: 1, walkIn: 1 }, { booked: 2, walkIn: 1 }, { booked: 3, walkIn: 1 }, { booked: 1, walkIn: 2 });

const isDue = (t: Ticket, now: number): boolean => t.bookedFor !== null && t.bookedFor <= now;
const isEarly = (t: Ticket, now: number): boolean => t.bookedFor !== null && t.bookedFor > now;

/** Two counters over two fields, so transfers and field order play along with bookings. */
function world(ratio: { booked: number; walkIn: number }): TestWorld {
  return new TestWorld({
    fields: [makeField(1), makeField(2)],
    counters: [makeCounter(1, [1, 2]), makeCounter(2, [2])],
    rules: { bookedInterleave: ratio, interleave: { priority: 1, normal: 2 } },
  });
}

function checkIn(w: TestWorld, fieldId: number, slotOffsetMin: number, priority: boolean): Ticket {
  const cmd = { ...w.issueCommand(fieldId, priority ? 'elderly' : null), booked: { bookedFor: w.now + slotOffsetMin * MINUTE, queuedAt: w.now } };
  const [t] = w.apply(cmd).tickets;
  if (!t) throw new Error('no ticket');
  return t;
}

/** Finishes counter 1's ticket and calls the next; the waiting list as the engine saw it comes back too. */
function serve(w: TestWorld): { called: Ticket; before: Ticket[] } | null {
  if (w.counter(1).currentTicketId !== null) w.apply({ kind: 'finish', counterId: 1, dossierCode: null });
  const before = [...w.tickets.values()].filter((t) => t.status === 'waiting' && (t.fieldId === 1 || t.fieldId === 2) && t.targetCounterId === null);
  const r = w.attempt({ kind: 'callNext', counterId: 1 });
  if (r instanceof DomainError) {
    expect(r.code).toBe('QUEUE_EMPTY');
    return null;
  }
  const called = r.tickets[0];
  if (!called) throw new Error('call returned no ticket');
  return { called, before };
}

describe('booked citizens in the call order', () => {
  it('(h) due booked before early ones, slot order among the due, early only when nobody else waits', () => {
    fc.assert(
      fc.property(ratioArb, fc.array(stepArb, { minLength: 1, maxLength: 120 }), (ratio, steps) => {
        const w = world(ratio);
        for (const step of steps) {
          w.advance(30_000);
          if (step.kind === 'walkIn') w.issue(1, step.priority ? 'elderly' : null);
          else if (step.kind === 'booked') checkIn(w, 1, step.slotOffsetMin, step.priority);
          else if (step.kind === 'wait') w.advance(step.minutes * MINUTE);
          else {
            const out = serve(w);
            if (!out) continue;
            const { called, before } = out;
            const due = before.filter((t) => isDue(t, w.now));
            if (isEarly(called, w.now)) {
              expect(before.filter((t) => !isEarly(t, w.now)), 'an early booking was called while others waited').toEqual([]);
              const earliest = Math.min(...before.map((t) => t.bookedFor ?? Infinity));
              expect(called.bookedFor).toBe(earliest);
            }
            if (isDue(called, w.now)) {
              const earlierSlot = due.filter((t) => (t.bookedFor ?? 0) < (called.bookedFor ?? 0));
              expect(earlierSlot, 'a booked citizen with an earlier slot was passed over').toEqual([]);
            }
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(i) while both wait, runs of booked and of walk-in calls never exceed their share: walk-ins never starve', () => {
    fc.assert(
      fc.property(ratioArb, fc.integer({ min: 0, max: 5 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (ratio, prelude, priorities) => {
        const w = world(ratio);
        // Calls while only one side waits must not bank credit against the other.
        for (let i = 0; i < prelude; i++) checkIn(w, 1, -1, false);
        while (serve(w));
        for (let i = 0; i < 30; i++) {
          w.issue(1, priorities[i] ? 'elderly' : null);
          checkIn(w, 1, -5, false);
        }
        let run = { side: '', length: 0 };
        for (let i = 0; i < 30; i++) {
          w.advance(1000);
          const out = serve(w);
          if (!out) throw new Error('queue ran dry');
          const side = out.called.bookedFor === null ? 'walkIn' : 'booked';
          run = side === run.side ? { side, length: run.length + 1 } : { side, length: 1 };
          expect(run.length, `${run.length} ${side} calls in a row at ${ratio.booked}:${ratio.walkIn}`).toBeLessThanOrEqual(side === 'booked' ? ratio.booked : ratio.walkIn);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(j) transfers keep a booked citizen booked, and priority walk-ins keep their interleave among walk-ins', () => {
    const w = world({ booked: 1, walkIn: 1 });
    const booked = checkIn(w, 2, -1, false);
    w.apply({ kind: 'callNext', counterId: 2 });
    w.apply({ kind: 'transfer', ticketId: booked.id, toFieldId: 1, toCounterId: null, note: null });
    expect(w.ticket(booked.id)).toMatchObject({ fieldId: 1, status: 'waiting', bookedFor: booked.bookedFor });
    const walkIn = w.issue(1);
    const elderly = w.issue(1, 'elderly');
    const order = [serve(w), serve(w), serve(w)].map((o) => o?.called.id);
    expect(order).toEqual([booked.id, elderly.id, walkIn.id]);
  });
});
