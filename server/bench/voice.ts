import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createVoice } from '../src/voice/index.ts';
import { percentile } from './machine.ts';

const median = (times: number[]) => percentile([...times].sort((a, b) => a - b), 50);

/**
 * Time from asking for a call's audio to holding the WAV bytes, median of `runs` calls: on a cache miss
 * (eSpeak NG synthesis on its worker thread + chime + encoding, each call a different number) and on a
 * cache hit (the same calls again). Vietnamese only, the default.
 */
export async function voiceBench(runs = 20): Promise<{ missMs: number; hitMs: number; runs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'luot-voice-bench-'));
  const voice = createVoice({ cacheDir: dir, packDir: null, english: false });
  try {
    // Warm-up: worker thread start, WebAssembly compilation, JIT.
    for (const n of [1, 2]) await voice.callAudio(`Z${n}`, 1);
    const calls = Array.from({ length: runs }, (_, i) => [`A${String(100 + i).padStart(3, '0')}`, 1 + (i % 8)] as const);
    const time = async (number: string, counter: number) => {
      const started = performance.now();
      await voice.callAudio(number, counter);
      return performance.now() - started;
    };
    const misses: number[] = [];
    for (const [number, counter] of calls) misses.push(await time(number, counter));
    const hits: number[] = [];
    for (const [number, counter] of calls) hits.push(await time(number, counter));
    return { missMs: median(misses), hitMs: median(hits), runs };
  } finally {
    await voice.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
