import type { DurationFigures } from '@luot/shared';

/** Milliseconds → seconds with one decimal. */
export const seconds = (ms: number) => Math.round(ms / 100) / 10;

const hi = new Uint32Array(65536);
const lo = new Uint32Array(65536);

/**
 * The k-th smallest values (0-based ranks, ascending) without sorting: a radix pass over the top 16 bits finds
 * each rank's bucket, a second pass over the low 16 bits inside that bucket finds the value. Linear in n, so a
 * year of waits costs a few milliseconds; small sets are simply sorted.
 */
export function kthSmallest(values: Uint32Array, ranks: readonly number[]): number[] {
  const n = values.length;
  if (n <= 4096) {
    const sorted = values.slice().sort();
    return ranks.map((k) => sorted[k] ?? NaN);
  }
  hi.fill(0);
  for (let i = 0; i < n; i++) {
    const b = (values[i] as number) >>> 16;
    hi[b] = (hi[b] as number) + 1;
  }
  return ranks.map((k) => {
    let bucket = 0;
    let below = 0;
    while (below + (hi[bucket] as number) <= k) below += hi[bucket++] as number;
    lo.fill(0);
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (v >>> 16 === bucket) {
        const l = v & 0xffff;
        lo[l] = (lo[l] as number) + 1;
      }
    }
    let low = 0;
    let rank = k - below;
    while ((lo[low] as number) <= rank) rank -= lo[low++] as number;
    return bucket * 65536 + low;
  });
}

/** Nearest-rank percentile p (0 < p ≤ 100) of n values, as a 0-based rank: the ⌈p·n/100⌉-th smallest. */
export const nearestRank = (n: number, p: number) => Math.max(0, Math.ceil((p / 100) * n) - 1);

export function summarize(values: Uint32Array): DurationFigures {
  const n = values.length;
  if (n === 0) return { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const [median = NaN, p90 = NaN] = kthSmallest(values, [nearestRank(n, 50), nearestRank(n, 90)]);
  return { count: n, meanSeconds: seconds(sum / n), medianSeconds: seconds(median), p90Seconds: seconds(p90) };
}

/** Joins chunks of durations into one array. */
export function concat(chunks: readonly Uint32Array[]): Uint32Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint32Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
