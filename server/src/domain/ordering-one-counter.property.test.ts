import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUM_RUNS, RATIOS, clsOf } from '../test-support/ordering-model.ts';
import { checkInterleave } from '../test-support/ordering-checks.ts';
import type { Cls } from '../test-support/ordering-model.ts';
import type { CallRecord } from '../test-support/ordering-checks.ts';
import { simpleStepsArb, singleCounter, serve } from '../test-support/ordering-one-counter.ts';

describe('one counter, one field', () => {
  it('(d) never more consecutive calls of one class than its share of the ratio while both classes wait', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATIOS), simpleStepsArb, (ratio, steps) => {
        const w = singleCounter(ratio);
        const calls: CallRecord[] = [];
        const callOne = (): boolean => {
          const waitingBefore = [...w.tickets.values()].filter((t) => t.status === 'waiting');
          const counter = w.counter(1);
          const called = serve(w);
          if (!called) return false;
          const picked = waitingBefore.find((t) => t.id === called.id);
          if (!picked) throw new Error('called a ticket that was not waiting');
          calls.push({ counter, picked, waitingBefore });
          return true;
        };
        for (const step of steps) {
          w.advance(1000);
          if (step === 'serve') callOne();
          else w.issue(1, step === 'priority' ? 'elderly' : null);
        }
        while (callOne());
        checkInterleave(calls, ratio);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('(e) a ticket with k of its class ahead is called within (k+1) + other·ceil((k+1)/own) + other calls', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATIOS), simpleStepsArb, (ratio, steps) => {
        const w = singleCounter(ratio);
        const pending = new Map<number, { bound: number; calls: number }>();
        const callOne = (): boolean => {
          const called = serve(w);
          if (!called) return false;
          for (const p of pending.values()) p.calls++;
          const mine = pending.get(called.id);
          if (!mine) throw new Error(`ticket ${called.id} called twice or never issued`);
          expect(mine.calls, `ticket ${called.id} (${String(called.priority)}) waited ${mine.calls} calls, bound ${mine.bound}`).toBeLessThanOrEqual(mine.bound);
          pending.delete(called.id);
          return true;
        };
        for (const step of steps) {
          w.advance(1000);
          if (step === 'serve') {
            callOne();
            continue;
          }
          const cls: Cls = step;
          const k = [...w.tickets.values()].filter((t) => t.status === 'waiting' && clsOf(t) === cls).length;
          const own = ratio[cls];
          const other = ratio[cls === 'priority' ? 'normal' : 'priority'];
          const t = w.issue(1, cls === 'priority' ? 'elderly' : null);
          pending.set(t.id, { bound: k + 1 + other * Math.ceil((k + 1) / own) + other, calls: 0 });
        }
        while (callOne());
        // No starvation: everyone issued was called.
        expect([...pending.keys()]).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
