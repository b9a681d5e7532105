import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chime } from './chime.ts';
import { rms } from './pcm.ts';
import { createVoice, type Voice } from './voice.ts';
import { decodeWav } from './wav.ts';

let dir: string;
const voices: Voice[] = [];
const open = (options: { english?: boolean; cacheDir?: string } = {}) => {
  const voice = createVoice({ cacheDir: options.cacheDir ?? join(dir, 'cache'), packDir: null, english: options.english ?? false });
  voices.push(voice);
  return voice;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-voice-'));
});
afterEach(async () => {
  await Promise.all(voices.splice(0).map((v) => v.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Reads the header field by field, independently of wav.ts. */
function header(wav: Uint8Array) {
  const b = Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength);
  return {
    riff: b.toString('latin1', 0, 4),
    riffSize: b.readUInt32LE(4),
    wave: b.toString('latin1', 8, 12),
    fmt: b.toString('latin1', 12, 16),
    fmtSize: b.readUInt32LE(16),
    format: b.readUInt16LE(20),
    channels: b.readUInt16LE(22),
    sampleRate: b.readUInt32LE(24),
    byteRate: b.readUInt32LE(28),
    blockAlign: b.readUInt16LE(32),
    bits: b.readUInt16LE(34),
    data: b.toString('latin1', 36, 40),
    dataSize: b.readUInt32LE(40),
  };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

describe('synthesized calls (eSpeak NG)', () => {
  it('are valid 16-bit mono WAV: chime, then a Vietnamese sentence of plausible length, not silent', async () => {
    const audio = await open().callAudio('A023', 3);
    expect(audio).toMatchObject({ source: 'espeak', cached: false, text: 'Mời công dân có số a hai mươi ba đến quầy số ba.' });
    expect(header(audio.wav)).toEqual({
      riff: 'RIFF',
      riffSize: audio.wav.byteLength - 8,
      wave: 'WAVE',
      fmt: 'fmt ',
      fmtSize: 16,
      format: 1,
      channels: 1,
      sampleRate: 22050,
      byteRate: 44100,
      blockAlign: 2,
      bits: 16,
      data: 'data',
      dataSize: audio.wav.byteLength - 44,
    });
    const { samples, sampleRate } = decodeWav(audio.wav);
    const seconds = samples.length / sampleRate;
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(8);
    const ring = chime(sampleRate).samples;
    expect(samples.subarray(0, ring.length)).toEqual(ring);
    const speech = samples.subarray(ring.length);
    expect(speech.length / sampleRate).toBeGreaterThan(1.5);
    expect(rms(speech)).toBeGreaterThan(0.03);
    // Trimmed: the sentence starts right after the chime and ends on sound, not on half a second of silence.
    expect(rms(speech.subarray(0, Math.round(sampleRate * 0.1)))).toBeGreaterThan(0.005);
    expect(rms(speech.subarray(speech.length - Math.round(sampleRate * 0.2)))).toBeGreaterThan(0.001);
  });

  it('add the English sentence when asked, per call or by default', async () => {
    const vi = await open().callAudio('Đ007', 21);
    const both = await open().callAudio('Đ007', 21, { english: true });
    const byDefault = await open({ english: true }).callAudio('Đ007', 21);
    expect(both.text).toBe('Mời công dân có số đê bảy đến quầy số hai mươi mốt. Number Đ seven, please go to counter twenty-one.');
    const seconds = (wav: Uint8Array) => decodeWav(wav).samples.length / 22050;
    expect(seconds(both.wav) - seconds(vi.wav)).toBeGreaterThan(2);
    expect(seconds(both.wav)).toBeLessThan(14);
    expect(byDefault.wav).toEqual(both.wav);
  });

  it('never hold the event loop while synthesizing', async () => {
    const voice = open();
    await voice.callAudio('B015', 8); // warm: worker started, module compiled, chime made
    const before = performance.eventLoopUtilization();
    const [, wallMs] = await timed(() => voice.callAudio('C100', 10, { english: true }));
    const { active } = performance.eventLoopUtilization(before);
    // Run on the event loop, eSpeak NG keeps it busy for nearly all of the call (100–400 ms);
    // on its worker, the loop only decodes, trims and joins: a few milliseconds. A ratio, not a bound in
    // milliseconds: on a loaded machine both stretch alike.
    expect(wallMs).toBeGreaterThan(80);
    expect(active).toBeLessThan(wallMs / 3);
  });
});

describe('the call cache', () => {
  it('returns identical bytes much faster, and a new instance on the same folder has them at once', async () => {
    const voice = open();
    const [miss, missMs] = await timed(() => voice.callAudio('D999', 10));
    const [hit, hitMs] = await timed(() => voice.callAudio('D999', 10));
    expect(miss.cached).toBe(false);
    expect(hit.cached).toBe(true);
    expect(hit.wav).toEqual(miss.wav);
    expect(hit.key).toBe(miss.key);
    expect(hitMs).toBeLessThan(missMs / 5);
    await voice.close();
    expect(readdirSync(join(dir, 'cache'))).toEqual([`${miss.key}.wav`]);

    const [again, againMs] = await timed(() => open().callAudio('D999', 10));
    expect(again.cached).toBe(true);
    expect(again.wav).toEqual(miss.wav);
    expect(againMs).toBeLessThan(missMs / 5);
  });

  it('keys on everything that changes the sound', async () => {
    const voice = open();
    const [a, b, c] = [await voice.callAudio('A001', 1), await voice.callAudio('A001', 3), await voice.callAudio('A001', 1, { english: true })];
    expect(new Set([a.key, b.key, c.key]).size).toBe(3);
    expect(a.wav).not.toEqual(b.wav);
  });

  it('shares one synthesis between concurrent requests', async () => {
    const voice = open();
    const results = await Promise.all([voice.callAudio('1023', 3), voice.callAudio('1023', 3), voice.callAudio('1023', 3)]);
    expect(results[1]?.wav).toBe(results[0]?.wav);
    expect(results[2]?.wav).toBe(results[0]?.wav);
  });

  it('synthesizes again when a cache file is damaged', async () => {
    const first = open();
    const original = await first.callAudio('A001', 8);
    await first.close();
    writeFileSync(join(dir, 'cache', `${original.key}.wav`), 'not a wav');
    const again = await open().callAudio('A001', 8);
    expect(again.cached).toBe(false);
    expect(again.wav).toEqual(original.wav);
  });
});
