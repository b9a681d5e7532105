import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callTime, callTimeByCounting, callTimeStepwise, drainMs, remainingMs, type CounterTurns } from './wait-model.ts';

const MIN = 60_000;
const counter = (freeAtMin: number, stepMin: number, more: Partial<CounterTurns> = {}): CounterTurns => ({
  freeAt: freeAtMin * MIN,
  stepMs: stepMin * MIN,
  lunch: null,
  openNow: true,
  ...more,
});

describe('callTime: the people ahead taken in turn by the earliest free counter', () => {
  it('gives each citizen to whichever counter is free first', () => {
    const counters = [counter(0, 8), counter(5, 8)];
    expect([0, 1, 2, 3, 4].map((ahead) => (callTime(counters, ahead) ?? NaN) / MIN)).toEqual([0, 5, 8, 13, 16]);
  });

  it('has no answer without a counter', () => {
    expect(callTime([], 0)).toBeNull();
  });

  it('puts a turn due inside a counter’s lunch off to its end, but not the first call of a counter still open', () => {
    const lunch = [10 * MIN, 100 * MIN] as const;
    // Turns at 0 and 8; the third would start at 16, inside lunch, so it waits until 100.
    expect(callTime([counter(0, 8, { lunch })], 2)).toBe(100 * MIN);
    // Open at minute 12 (inside its usual lunch): it has not left, so it takes the next citizen when free.
    expect(callTime([counter(12, 8, { lunch })], 0)).toBe(12 * MIN);
    // The same counter paused: its first turn waits for the end of lunch too.
    expect(callTime([counter(12, 8, { lunch, openNow: false })], 0)).toBe(100 * MIN);
  });
});

describe('what is left of a visit, and when a queue empties', () => {
  it('counts the mean less the time spent, and a quarter of the mean once the visit has run past it', () => {
    expect(remainingMs(8 * MIN, 6 * MIN)).toBe(2 * MIN);
    expect(remainingMs(8 * MIN, 10 * MIN)).toBe(2 * MIN);
    expect(remainingMs(8 * MIN, 0)).toBe(8 * MIN);
  });

  it('empties a queue at its counters’ pace less the arrivals’, and never when the arrivals keep up', () => {
    expect(drainMs(0, 8 * MIN, 1, 1 / MIN)).toBe(0);
    // Two queued, 8 min each, one counter, two arrivals in 30 min: 16 min of work shrinking at 1 − 8/15 per minute.
    expect(drainMs(2, 8 * MIN, 1, 2 / (30 * MIN)) / MIN).toBeCloseTo(16 / (1 - 16 / 30), 6);
    expect(drainMs(2, 8 * MIN, 1, 4 / (30 * MIN))).toBe(Infinity);
  });
});

describe('callTime on long queues: counting turns gives what taking them one by one gives', () => {
  it('for any counters, lunches and queue length', () => {
    const line = fc.record({
      freeAt: fc.integer({ min: 0, max: 240 }),
      step: fc.integer({ min: 1, max: 40 }),
      lunch: fc.option(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 120 })), { nil: null }),
      openNow: fc.boolean(),
      fraction: fc.constantFrom(1, 0.5, 1 / 3, 0.7),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 400 }), (lines, ahead) => {
        const counters = lines.map((l) => counter(l.freeAt, l.step / l.fraction, { lunch: l.lunch ? ([l.lunch[0] * MIN, (l.lunch[0] + l.lunch[1]) * MIN] as const) : null, openNow: l.openNow }));
        const stepwise = callTimeStepwise(counters, ahead) ?? NaN;
        const counted = callTimeByCounting(counters, ahead) ?? NaN;
        // Sums of fractional steps differ in the last bits; a millisecond is far below the minute shown.
        expect(Math.abs(counted - stepwise)).toBeLessThan(1);
      }),
      { numRuns: 500 },
    );
  });
});
