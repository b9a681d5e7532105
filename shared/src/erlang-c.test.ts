import { describe, expect, it } from 'vitest';
import { countersNeeded, erlangC, meanWaitMinutes, shareWithin } from './erlang-c.ts';

/** Direct evaluation of the textbook formula with factorials, to hold the recursion to it. */
function erlangCByDefinition(n: number, a: number): number {
  let fact = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) fact *= k;
    sum += a ** k / fact;
  }
  const top = ((a ** n) / (fact * n)) * (n / (n - a));
  return top / (sum + top);
}

describe('Erlang C', () => {
  it('matches the published table for 10 erlangs (Call Centre Helper’s worked example): 11–14 agents', () => {
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 4);
    expect(erlangC(12, 10)).toBeCloseTo(0.4494, 4);
    expect(erlangC(13, 10)).toBeCloseTo(0.2853, 4);
    expect(erlangC(14, 10)).toBeCloseTo(0.1741, 4);
  });

  it('matches the classic worked example: 360 calls per half hour, 4 minutes, 55 agents, 15 s target', () => {
    // Published: probability of waiting 23.9 %, average speed of answer 8.2 s, service level 84.6 %.
    const q = { arrivalsPerHour: 720, serviceMinutes: 4 };
    expect(erlangC(55, 48)).toBeCloseTo(0.2387, 4);
    expect(meanWaitMinutes(q, 55) * 60).toBeCloseTo(8.18, 2);
    expect(shareWithin(q, 55, 0.25)).toBeCloseTo(0.8459, 4);
  });

  it('matches the textbook M/M/10 example: 120 arrivals an hour, 3 minutes each, waits with probability about 0.10', () => {
    expect(erlangC(10, 6)).toBeCloseTo(0.1013, 4);
  });

  it('finds the fewest counters for a service level: 30 an hour at 5 minutes, 90 % not delayed → 6', () => {
    const q = { arrivalsPerHour: 30, serviceMinutes: 5 };
    expect(countersNeeded(q, 0, 0.9)).toBe(6);
    expect(shareWithin(q, 5, 0)).toBeLessThan(0.9);
  });

  it('agrees with the factorial definition across loads, and is 1 when the counters cannot keep up', () => {
    for (const a of [0.3, 1.7, 4, 9.5, 15]) {
      for (let n = Math.floor(a) + 1; n < a + 12; n++) expect(erlangC(n, a)).toBeCloseTo(erlangCByDefinition(n, a), 10);
    }
    expect(erlangC(3, 3)).toBe(1);
    expect(shareWithin({ arrivalsPerHour: 60, serviceMinutes: 10 }, 10, 20)).toBe(0);
    expect(countersNeeded({ arrivalsPerHour: 0, serviceMinutes: 10 }, 20, 0.9)).toBe(0);
  });

  it('more counters never lower the share called in time', () => {
    const q = { arrivalsPerHour: 23, serviceMinutes: 12 };
    let last = 0;
    for (let n = 1; n < 15; n++) {
      const s = shareWithin(q, n, 15);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });
});
