import type { Pcm } from './wav.ts';

/** Bump when the sound changes, so cached calls made with the old chime are not served. */
export const CHIME_VERSION = 1;

const DURATION_S = 0.8;
/** "Ding" then "dong": E5 then C5, a falling major third like a doorbell. */
const NOTES = [
  { hz: 659.25, at: 0 },
  { hz: 523.25, at: 0.25 },
];
/** Bell-like: a few harmonics that die away faster than the fundamental. [multiple, level, decay s] */
const PARTIALS = [
  [1, 1, 0.2],
  [2, 0.3, 0.1],
  [3, 0.1, 0.05],
] as const;
const ATTACK_S = 0.012;
const FADE_OUT_S = 0.1;
/** Soft: peaks at 40 % of full scale, below the speech (normalised to −3 dBFS). */
const PEAK = 0.4 * 32767;

/**
 * The two-tone chime played before every call: 0.8 s, soft attack, exponential decay. The "dong" has
 * died away to about −25 dB by the end, which leaves the ear a short breath before the first word.
 */
export function chime(sampleRate: number): Pcm {
  let samples = made.get(sampleRate);
  if (!samples) {
    samples = make(sampleRate);
    made.set(sampleRate, samples);
  }
  return { sampleRate, samples: samples.slice() };
}

/** A pack has one rate and eSpeak NG another: the chime is computed once per rate. */
const made = new Map<number, Int16Array>();

function make(sampleRate: number): Int16Array {
  const length = Math.round(DURATION_S * sampleRate);
  const wave = new Float64Array(length);
  for (const note of NOTES) {
    const start = Math.round(note.at * sampleRate);
    for (let i = start; i < length; i++) {
      const t = (i - start) / sampleRate;
      const attack = t < ATTACK_S ? 0.5 - 0.5 * Math.cos((Math.PI * t) / ATTACK_S) : 1;
      let v = 0;
      for (const [multiple, level, decay] of PARTIALS) v += level * Math.exp(-t / decay) * Math.sin(2 * Math.PI * note.hz * multiple * t);
      wave[i] = (wave[i] ?? 0) + attack * v;
    }
  }
  const fadeFrom = length - Math.round(FADE_OUT_S * sampleRate);
  for (let i = fadeFrom; i < length; i++) wave[i] = (wave[i] ?? 0) * (0.5 + 0.5 * Math.cos((Math.PI * (i - fadeFrom)) / (length - fadeFrom)));
  let max = 0;
  for (let i = 0; i < length; i++) max = Math.max(max, Math.abs(wave[i] ?? 0));
  const gain = max === 0 ? 0 : PEAK / max;
  const samples = new Int16Array(length);
  for (let i = 0; i < length; i++) samples[i] = Math.round((wave[i] ?? 0) * gain);
  return samples;
}
