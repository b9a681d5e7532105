import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMs, encodeMs } from './cells.ts';
import { kthSmallest, nearestRank, summarize } from './durations.ts';

describe('exact percentiles without sorting', () => {
  it('the radix selection picks the same values as a sort, small and large sets alike', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 9000 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (values, q) => {
        const sorted = [...values].sort((a, b) => a - b);
        const k = Math.min(values.length - 1, Math.floor(q * values.length));
        expect(kthSmallest(Uint32Array.from(values), [k, 0, values.length - 1])).toEqual([sorted[k], sorted[0], sorted.at(-1)]);
      }),
      { numRuns: 60 },
    );
  });

  it('nearest rank: the median of 1..10 is 5, the 90th percentile 9; of one value, that value', () => {
    const tenth = Uint32Array.from({ length: 10 }, (_, i) => (i + 1) * 1000);
    expect(summarize(tenth)).toEqual({ count: 10, meanSeconds: 5.5, medianSeconds: 5, p90Seconds: 9 });
    expect(summarize(Uint32Array.of(61_234))).toEqual({ count: 1, meanSeconds: 61.2, medianSeconds: 61.2, p90Seconds: 61.2 });
    expect(nearestRank(100_000, 90)).toBe(89_999);
  });

  it('stored durations round-trip as little-endian uint32, whatever the buffer alignment', () => {
    const values = [0, 1, 65_535, 65_536, 4_000_000_000];
    const padded = Buffer.concat([Buffer.from([9]), encodeMs(values)]).subarray(1);
    expect([...decodeMs(padded)]).toEqual(values);
    expect([...encodeMs([258])]).toEqual([2, 1, 0, 0]);
  });
});
