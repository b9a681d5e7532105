import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestWorld, makeCounter, makeField } from '../test-support/test-world.ts';
import type { CounterField } from './types.ts';
import { NUM_RUNS } from '../test-support/ordering-model.ts';
import { serve } from '../test-support/ordering-one-counter.ts';

describe('weights policy', () => {
  it('(g) two fields weighted 2:1, both always waiting, split 30 calls 20:10 ±1', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 8 }),
        fc.boolean(),
        (heavyFirst, heavyIsOne, prelude, preludeHeavy) => {
          const heavy = heavyIsOne ? 1 : 2;
          const light = heavyIsOne ? 2 : 1;
          const cf: CounterField[] = [
            { fieldId: heavy, position: heavyFirst ? 0 : 1, weight: 2 },
            { fieldId: light, position: heavyFirst ? 1 : 0, weight: 1 },
          ];
          const w = new TestWorld({ fields: [makeField(1), makeField(2)], counters: [makeCounter(1, cf, { policy: 'weights' })] });
          // Some calls while only one field has people: that field must not bank credit against the other.
          for (let i = 0; i < prelude; i++) w.issue(preludeHeavy ? heavy : light);
          while (serve(w));
          for (let i = 0; i < 35; i++) {
            w.advance(1000);
            w.issue(heavy);
            w.issue(light);
          }
          const count = { heavy: 0, light: 0 };
          for (let i = 0; i < 30; i++) {
            const t = serve(w);
            if (!t) throw new Error('queue ran dry');
            if (t.fieldId === heavy) count.heavy++;
            else count.light++;
          }
          expect(Math.abs(count.heavy - 20), `split ${count.heavy}:${count.light}`).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
