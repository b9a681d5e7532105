import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEspeakSynth, espeakArgs, type EspeakRequest, type EspeakSynth, type OverrunTimer } from './espeak-synth.ts';
import { decodeWav } from './wav.ts';

const request = (input: string): EspeakRequest => ({ voice: 'vi', input, ssml: false, rate: 145, amplitude: 80 });
const synths: EspeakSynth[] = [];
const make = (options: Parameters<typeof createEspeakSynth>[0]) => {
  const synth = createEspeakSynth(options);
  synths.push(synth);
  return synth;
};
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(synths.splice(0).map((s) => s.close()));
});

describe('the eSpeak NG worker', () => {
  it('passes the options espeak-ng expects', () => {
    expect(espeakArgs({ voice: 'en', input: '<speak>x</speak>', ssml: true, rate: 145, amplitude: 80 })).toEqual(['-v', 'en', '-s', '145', '-a', '80', '-m', '-w', 'out.wav', '<speak>x</speak>']);
    expect(() => espeakArgs(request('-x'))).toThrow(/must not start/);
  });

  it('stops a job that runs too long, and the next job gets a fresh worker', async () => {
    // The time limit is driven by the test, so a slow or loaded machine cannot change the outcome.
    const limits: Array<{ fire: () => void; cancelled: boolean }> = [];
    let limitStarted: () => void = () => undefined;
    const overrunTimer: OverrunTimer = (onOverrun) => {
      const limit = { fire: onOverrun, cancelled: false };
      limits.push(limit);
      limitStarted();
      return () => (limit.cancelled = true);
    };
    const synth = make({ timeoutMs: 1200, overrunTimer });
    const started = new Promise<void>((resolve) => (limitStarted = resolve));
    const long = Array.from({ length: 200 }, () => 'Mời công dân có số a hai mươi ba đến quầy số ba.').join(' ');
    const overrun = synth.synthesize({ ...request(long), rate: 80 });
    // The limit starts once the worker has compiled the module and taken the job, not while it boots.
    await started;
    limits[0]?.fire();
    await expect(overrun).rejects.toThrow(/longer than 1200 ms/);
    const wav = await synth.synthesize(request('Xin chào.'));
    expect(decodeWav(wav).samples.length).toBeGreaterThan(1000);
    expect(synth.workersStarted).toBe(2);
    // The second job finished in time: its limit was started on the new worker and cancelled by the answer.
    expect(limits).toHaveLength(2);
    expect(limits[1]?.cancelled).toBe(true);
  });

  it('reports a failed synthesis and goes on working', async () => {
    const synth = make({});
    // espeak-ng copies its arguments onto a small stack; 40 kB of text overflows it.
    const huge = Array.from({ length: 800 }, () => 'Mời công dân có số a hai mươi ba đến quầy số ba.').join(' ');
    await expect(synth.synthesize(request(huge))).rejects.toThrow(/.+/);
    expect(decodeWav(await synth.synthesize(request('Xin chào.'))).sampleRate).toBe(22050);
  });

  it('starts again after stopping when idle', async () => {
    // The idle time (ten minutes) passes on a clock the test moves; the worker's messages are real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const synth = make({});
    await synth.synthesize(request('Một.'));
    expect(synth.workersStarted).toBe(1);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(decodeWav(await synth.synthesize(request('Hai.'))).sampleRate).toBe(22050);
    expect(synth.workersStarted).toBe(2);
  });

  it('refuses work once closed, and rejects what was waiting', async () => {
    const synth = make({});
    const first = expect(synth.synthesize(request('Một.'))).rejects.toThrow(/closed/);
    const queued = expect(synth.synthesize(request('Hai.'))).rejects.toThrow(/closed/);
    await synth.close();
    await first;
    await queued;
    await expect(synth.synthesize(request('Ba.'))).rejects.toThrow(/closed/);
  });
});
