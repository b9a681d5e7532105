import { describe, expect, it } from 'vitest';
import { chime } from './chime.ts';
import { concat, normalizePeak, rms, trimSilence } from './pcm.ts';
import { decodeWav, encodeWav, readWavInfo, WavFormatError } from './wav.ts';

/** A WAV file built by hand, to test the reader against bytes it did not write itself. */
function handmade(opts: { format?: number; channels?: number; bits?: number; rate?: number; extraChunk?: boolean; data?: number[] }): Uint8Array {
  const data = Buffer.alloc((opts.data ?? [1, -2, 3]).length * 2);
  (opts.data ?? [1, -2, 3]).forEach((s, i) => data.writeInt16LE(s, i * 2));
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(opts.format ?? 1, 0);
  fmt.writeUInt16LE(opts.channels ?? 1, 2);
  fmt.writeUInt32LE(opts.rate ?? 16000, 4);
  fmt.writeUInt32LE((opts.rate ?? 16000) * 2, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(opts.bits ?? 16, 14);
  const chunk = (id: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.write(id, 0, 'latin1');
    head.writeUInt32LE(body.length, 4);
    return Buffer.concat([head, body, body.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  // An odd-sized LIST chunk before the data: the reader must skip it and its pad byte.
  const chunks = [chunk('fmt ', fmt), ...(opts.extraChunk ? [chunk('LIST', Buffer.from('INFOabc'))] : []), chunk('data', data)];
  const body = Buffer.concat([Buffer.from('WAVE'), ...chunks]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return new Uint8Array(Buffer.concat([head, body]));
}

describe('WAV files', () => {
  it('round-trips 16-bit mono PCM through a canonical 44-byte header', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const bytes = encodeWav({ sampleRate: 22050, samples });
    expect(bytes.byteLength).toBe(44 + samples.length * 2);
    expect(Buffer.from(bytes.subarray(0, 4)).toString('latin1')).toBe('RIFF');
    expect(readWavInfo(bytes)).toEqual({ audioFormat: 1, channels: 1, sampleRate: 22050, bitsPerSample: 16, dataOffset: 44, dataBytes: 12 });
    expect(decodeWav(bytes)).toEqual({ sampleRate: 22050, samples });
  });

  it('reads files it did not write, skipping other chunks', () => {
    expect(Array.from(decodeWav(handmade({ extraChunk: true, data: [5, -6, 7] })).samples)).toEqual([5, -6, 7]);
  });

  it('reads from a view that does not start at the buffer’s beginning', () => {
    const file = handmade({ data: [9, 8] });
    const padded = new Uint8Array(file.length + 1);
    padded.set(file, 1);
    expect(Array.from(decodeWav(padded.subarray(1)).samples)).toEqual([9, 8]);
  });

  it('refuses other formats with the reason', () => {
    expect(() => decodeWav(new Uint8Array(50))).toThrow(WavFormatError);
    expect(() => decodeWav(handmade({ channels: 2 }))).toThrow(/mono/);
    expect(() => decodeWav(handmade({ bits: 24 }))).toThrow(/16-bit/);
    expect(() => decodeWav(handmade({ format: 3 }))).toThrow(/not PCM/);
  });
});

describe('PCM helpers', () => {
  it('trims leading and trailing silence, keeping a short margin', () => {
    const samples = new Int16Array(1000);
    samples.fill(1000, 300, 600);
    samples[250] = 100; // below the threshold: noise, not sound
    const trimmed = trimSilence({ sampleRate: 1000, samples }, { threshold: 328, marginMs: 10 });
    expect(trimmed.samples.length).toBe(300 + 2 * 10);
    expect(trimmed.samples[10]).toBe(1000);
    expect(trimSilence({ sampleRate: 1000, samples: new Int16Array(50) }).samples.length).toBe(0);
  });

  it('joins without gaps and refuses mixed rates', () => {
    const joined = concat([{ sampleRate: 8000, samples: Int16Array.from([1, 2]) }, { sampleRate: 8000, samples: Int16Array.from([3]) }]);
    expect(Array.from(joined.samples)).toEqual([1, 2, 3]);
    expect(() => concat([{ sampleRate: 8000, samples: new Int16Array(1) }, { sampleRate: 16000, samples: new Int16Array(1) }])).toThrow(/8000 Hz and 16000 Hz/);
  });

  it('normalises the peak', () => {
    expect(Array.from(normalizePeak({ sampleRate: 8000, samples: Int16Array.from([100, -200]) }, 1000).samples)).toEqual([500, -1000]);
  });
});

describe('the chime', () => {
  it('is 0.8 s, soft, with a gentle start and a silent end', () => {
    const { samples, sampleRate } = chime(22050);
    expect(samples.length).toBe(Math.round(0.8 * 22050));
    const peak = samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);
    expect(peak).toBeGreaterThan(0.35 * 32767);
    expect(peak).toBeLessThanOrEqual(Math.ceil(0.4 * 32767));
    // Soft attack: the first 2 ms stay well below the peak; the last sample is silent.
    expect(Math.max(...Array.from(samples.subarray(0, Math.round(sampleRate * 0.002)), Math.abs))).toBeLessThan(peak / 4);
    expect(samples[samples.length - 1]).toBe(0);
    expect(rms(samples)).toBeGreaterThan(0.05);
  });

  it('is the same at any call and made at the rate asked', () => {
    expect(chime(16000).samples).toEqual(chime(16000).samples);
    expect(chime(16000).samples.length).toBe(12800);
  });
});
