import type { Pcm } from './wav.ts';

export interface TrimOptions {
  /** A sample counts as sound from this absolute amplitude on; 328 ≈ 1 % of full scale (−40 dBFS). */
  threshold: number;
  /** Kept before the first and after the last sound sample, so soft onsets ("s", "h") are not clipped. */
  marginMs: number;
}

export const defaultTrim: TrimOptions = { threshold: 328, marginMs: 5 };

/** The span from the first to the last sample at or above the threshold, widened by the margin. Silence → empty. */
export function trimSilence(pcm: Pcm, options: TrimOptions = defaultTrim): Pcm {
  const { samples } = pcm;
  let first = -1;
  let last = -1;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i] ?? 0) >= options.threshold) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { sampleRate: pcm.sampleRate, samples: new Int16Array(0) };
  const margin = Math.round((options.marginMs / 1000) * pcm.sampleRate);
  return { sampleRate: pcm.sampleRate, samples: samples.slice(Math.max(0, first - margin), Math.min(samples.length, last + 1 + margin)) };
}

/** Scales so the loudest sample sits at `peak` (of 32767). Deterministic, so cached bytes stay identical. */
export function normalizePeak(pcm: Pcm, peak: number): Pcm {
  // Index loops: iterators and Int16Array.from(…, fn) are ten times slower, and this runs on the event loop.
  const { samples } = pcm;
  let max = 0;
  for (let i = 0; i < samples.length; i++) max = Math.max(max, Math.abs(samples[i] ?? 0));
  if (max === 0) return pcm;
  const gain = peak / max;
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.round((samples[i] ?? 0) * gain);
  return { sampleRate: pcm.sampleRate, samples: out };
}

export function silence(sampleRate: number, ms: number): Pcm {
  return { sampleRate, samples: new Int16Array(Math.round((ms / 1000) * sampleRate)) };
}

/** Joins pieces end to end, with nothing added between them. All must share one sample rate. */
export function concat(pieces: Pcm[]): Pcm {
  const first = pieces[0];
  if (!first) throw new Error('nothing to join');
  const mismatched = pieces.find((p) => p.sampleRate !== first.sampleRate);
  if (mismatched) throw new Error(`cannot join ${first.sampleRate} Hz and ${mismatched.sampleRate} Hz audio`);
  const out = new Int16Array(pieces.reduce((n, p) => n + p.samples.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p.samples, at);
    at += p.samples.length;
  }
  return { sampleRate: first.sampleRate, samples: out };
}

/** Root mean square as a fraction of full scale (0–1). */
export function rms(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / samples.length) / 32768;
}

export const durationMs = (pcm: Pcm) => (pcm.samples.length / pcm.sampleRate) * 1000;
