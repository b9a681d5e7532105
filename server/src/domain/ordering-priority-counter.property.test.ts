import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PriorityMode } from '@luot/shared';
import { DomainError } from './errors.ts';
import type { Ticket } from './types.ts';
import { NUM_RUNS, at, before, buildWorld, callableAt, clsOf, configArb, stepsArb } from '../test-support/ordering-model.ts';
import type { Config } from '../test-support/ordering-model.ts';
import { checkDesks, simulate } from '../test-support/ordering-checks.ts';
import type { TestWorld } from '../test-support/test-world.ts';

/** Decree 107/2021 priority counters in random worlds: the same command sequences as the other ordering properties. */
const modesArb = fc.array(fc.constantFrom<PriorityMode>('mixed', 'priority_then_normal', 'priority_only'), { minLength: 3, maxLength: 3 });

function worldWith(cfg: Config, modes: readonly PriorityMode[]): TestWorld {
  const w = buildWorld(cfg);
  for (const c of [...w.counters.values()]) w.counters.set(c.id, Object.freeze({ ...c, priorityMode: at(modes, c.id - 1) }));
  return w;
}

const waitingFor = (w: TestWorld, counterId: number): Ticket[] => [...w.tickets.values()].filter((t) => callableAt(w.counter(counterId), t));

/** After every accepted command: a priority counter refuses, by hand too, a normal citizen while a priority one waits. */
function checkCallsByHand(w: TestWorld): void {
  for (const counter of w.counters.values()) {
    if (counter.priorityMode === 'mixed' || counter.status !== 'open' || counter.currentTicketId !== null) continue;
    const waiting = waitingFor(w, counter.id);
    const priorityWaits = waiting.some((t) => clsOf(t) === 'priority');
    for (const t of waiting.filter((x) => clsOf(x) === 'normal')) {
      const sentHere = t.targetCounterId === counter.id;
      const allowed = !priorityWaits && (counter.priorityMode === 'priority_then_normal' || sentHere);
      if (allowed) continue;
      const result = w.attempt({ kind: 'callTicket', counterId: counter.id, ticketId: t.id });
      expect(result, `counter ${counter.id} (${counter.priorityMode}) called normal ticket ${t.id} by hand`).toBeInstanceOf(DomainError);
    }
  }
  checkDesks(w);
}

describe('priority counters (Decree 107/2021)', () => {
  it('never call a normal ticket while a priority ticket they may call waits', () => {
    fc.assert(
      fc.property(configArb, modesArb, stepsArb, (cfg, modes, steps) => {
        const { calls } = simulate(worldWith(cfg, modes), steps, checkCallsByHand);
        for (const { counter, picked, waitingBefore } of calls) {
          if (counter.priorityMode === 'mixed') continue;
          const priorityWaiting = waitingBefore.filter((t) => clsOf(t) === 'priority' && callableAt(counter, t));
          if (priorityWaiting.length > 0) expect(clsOf(picked), `counter ${counter.id} called ${picked.id} while ${priorityWaiting.map((t) => t.id).join(',')} waited`).toBe('priority');
          // Strict counters take a normal citizen only when a person sent that citizen to this very counter.
          if (counter.priorityMode === 'priority_only' && clsOf(picked) === 'normal') expect(picked.targetCounterId).toBe(counter.id);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('still call in arrival order within their class, and one with fallback never idles while someone it may call waits', () => {
    fc.assert(
      fc.property(configArb, modesArb, stepsArb, (cfg, modes, steps) => {
        const w = worldWith(cfg, modes);
        const { calls } = simulate(w, steps);
        for (const { counter, picked, waitingBefore } of calls) {
          if (picked.targetCounterId !== null || counter.priorityMode === 'mixed') continue;
          const skipped = waitingBefore.filter((t) => t.targetCounterId === null && t.fieldId === picked.fieldId && clsOf(t) === clsOf(picked) && before(t, picked));
          expect(skipped.map((t) => t.id)).toEqual([]);
        }
        for (const counter of w.counters.values()) {
          if (counter.priorityMode !== 'priority_then_normal' || counter.status !== 'open' || counter.currentTicketId !== null) continue;
          const result = w.attempt({ kind: 'callNext', counterId: counter.id });
          if (result instanceof DomainError) expect(waitingFor(w, counter.id)).toEqual([]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
