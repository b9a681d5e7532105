import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAudioCache } from './audio-cache.ts';
import { encodeWav } from './wav.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const key = (n: number) => createHash('sha256').update(String(n)).digest('hex');
/** A WAV of 1,044 bytes. */
const wav = (n: number) => encodeWav({ sampleRate: 8000, samples: new Int16Array(500).fill(n) });

describe('the audio cache', () => {
  it('keeps the most recently used entries in memory, within its byte bound', async () => {
    const cache = createAudioCache({ dir: null, maxMemoryBytes: 3 * 1044, maxDiskBytes: 0 });
    for (const n of [1, 2, 3]) cache.set(key(n), wav(n), { disk: false });
    await cache.get(key(1)); // now 2 is the least recently used
    cache.set(key(4), wav(4), { disk: false });
    expect(await cache.get(key(2))).toBeNull();
    for (const n of [1, 3, 4]) expect(await cache.get(key(n))).toEqual(wav(n));
  });

  it('bounds the folder, deleting the least recently used files first', async () => {
    const cache = createAudioCache({ dir, maxMemoryBytes: 0, maxDiskBytes: 4 * 1044 });
    for (const n of [1, 2, 3, 4]) {
      cache.set(key(n), wav(n), { disk: true });
      await cache.flush();
    }
    expect(readdirSync(dir)).toHaveLength(4);
    cache.set(key(5), wav(5), { disk: true });
    await cache.flush();
    // Over the bound: down to 90 % of it, oldest first.
    expect(readdirSync(dir).sort()).toEqual([key(3), key(4), key(5)].map((k) => `${k}.wav`).sort());
  });

  it('after a restart, knows the folder’s files and their last use', async () => {
    for (const n of [1, 2]) writeFileSync(join(dir, `${key(n)}.wav`), wav(n));
    utimesSync(join(dir, `${key(2)}.wav`), new Date(1000), new Date(1000));
    writeFileSync(join(dir, 'stray.txt'), 'ignored');
    const cache = createAudioCache({ dir, maxMemoryBytes: 0, maxDiskBytes: 3 * 1044 - 1 });
    expect(await cache.get(key(1))).toEqual(wav(1));
    cache.set(key(3), wav(3), { disk: true });
    await cache.flush();
    expect(readdirSync(dir).sort()).toEqual([`${key(1)}.wav`, `${key(3)}.wav`, 'stray.txt'].sort());
  });

  it('keeps serving from memory when the folder cannot be written', async () => {
    writeFileSync(join(dir, 'file'), '');
    const warnings: string[] = [];
    const cache = createAudioCache({ dir: join(dir, 'file', 'sub'), maxMemoryBytes: 1 << 20, maxDiskBytes: 1 << 20, logger: { warn: (_d, m) => warnings.push(m) } });
    cache.set(key(1), wav(1), { disk: true });
    await cache.flush();
    expect(await cache.get(key(1))).toEqual(wav(1));
    expect(warnings).toEqual(['voice cache: cannot write to the cache folder; calls still play']);
  });
});
