import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readWavInfo } from './wav.ts';

export interface VoiceLogger {
  warn(details: object, message: string): void;
}

export interface AudioCacheOptions {
  /** Folder for the on-disk copy; null keeps everything in memory only. */
  dir: string | null;
  /** Bound of the in-memory LRU, in bytes of WAV. */
  maxMemoryBytes: number;
  /** Bound of the folder: past it, the least recently used files are deleted down to 90 %. */
  maxDiskBytes: number;
  logger?: VoiceLogger;
}

export interface AudioCache {
  get(key: string): Promise<Uint8Array | null>;
  /** Keeps the audio in memory at once; the disk copy is written in the background (see `flush`). */
  set(key: string, wav: Uint8Array, options: { disk: boolean }): void;
  /** Waits for pending disk writes. */
  flush(): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

/**
 * Finished call audio by key (a SHA-256 of everything that shapes the sound). Memory first, then the
 * folder, so a restarted server answers known calls at once. Files are written under a temporary name
 * and renamed, so a crash never leaves half a file behind a valid name.
 */
export function createAudioCache(options: AudioCacheOptions): AudioCache {
  const memory = new Map<string, Uint8Array>();
  let memoryBytes = 0;
  let disk: Promise<Map<string, { size: number; usedAt: number }>> | null = null;
  const writes = new Set<Promise<void>>();
  let tempCount = 0;

  function remember(key: string, wav: Uint8Array): void {
    const old = memory.get(key);
    if (old) {
      memory.delete(key);
      memoryBytes -= old.byteLength;
    }
    if (wav.byteLength > options.maxMemoryBytes) return;
    memory.set(key, wav);
    memoryBytes += wav.byteLength;
    for (const [oldest, bytes] of memory) {
      if (memoryBytes <= options.maxMemoryBytes) break;
      memory.delete(oldest);
      memoryBytes -= bytes.byteLength;
    }
  }

  const fileOf = (dir: string, key: string) => join(dir, `${key}.wav`);

  function index(dir: string) {
    disk ??= (async () => {
      await mkdir(dir, { recursive: true });
      const entries = new Map<string, { size: number; usedAt: number }>();
      for (const name of await readdir(dir)) {
        if (name.endsWith('.tmp')) {
          // Left by a process that stopped mid-write; another live process's file is younger.
          const info = await stat(join(dir, name)).catch(() => null);
          if (info && Date.now() - info.mtimeMs > 10 * 60_000) await rm(join(dir, name), { force: true });
          continue;
        }
        const key = name.slice(0, -4);
        if (!name.endsWith('.wav') || !KEY.test(key)) continue;
        const info = await stat(join(dir, name)).catch(() => null);
        if (info) entries.set(key, { size: info.size, usedAt: info.mtimeMs });
      }
      return entries;
    })().catch((error: unknown) => {
      // Forget the failure, so the folder is tried again once someone fixes it.
      disk = null;
      throw error;
    });
    return disk;
  }

  async function prune(dir: string, entries: Map<string, { size: number; usedAt: number }>): Promise<void> {
    let total = 0;
    for (const e of entries.values()) total += e.size;
    if (total <= options.maxDiskBytes) return;
    const oldestFirst = [...entries].sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [key, entry] of oldestFirst) {
      if (total <= options.maxDiskBytes * 0.9) break;
      entries.delete(key);
      total -= entry.size;
      await rm(fileOf(dir, key), { force: true });
    }
  }

  async function save(dir: string, key: string, wav: Uint8Array): Promise<void> {
    const entries = await index(dir);
    const temp = join(dir, `${key}.${process.pid}.${tempCount++}.tmp`);
    await writeFile(temp, wav);
    await rename(temp, fileOf(dir, key));
    entries.set(key, { size: wav.byteLength, usedAt: Date.now() });
    await prune(dir, entries);
  }

  async function load(dir: string, key: string): Promise<Uint8Array | null> {
    const entries = await index(dir);
    const entry = entries.get(key);
    if (!entry) return null;
    const file = fileOf(dir, key);
    try {
      const wav = new Uint8Array(await readFile(file));
      readWavInfo(wav);
      const now = Date.now();
      entry.usedAt = now;
      // The file's time records its last use, so the least recently used go first after a restart too.
      void utimes(file, now / 1000, now / 1000).catch(() => undefined);
      return wav;
    } catch (error) {
      entries.delete(key);
      await rm(file, { force: true });
      options.logger?.warn({ err: error, file }, 'voice cache: dropped an unreadable file');
      return null;
    }
  }

  return {
    async get(key) {
      const hit = memory.get(key);
      if (hit) {
        remember(key, hit);
        return hit;
      }
      if (!options.dir) return null;
      const wav = await load(options.dir, key).catch((error: unknown) => {
        options.logger?.warn({ err: error }, 'voice cache: cannot read the cache folder');
        return null;
      });
      if (wav) remember(key, wav);
      return wav;
    },
    set(key, wav, { disk: toDisk }) {
      if (!KEY.test(key)) throw new Error('cache keys are SHA-256 hex digests');
      remember(key, wav);
      const dir = options.dir;
      if (!toDisk || !dir) return;
      const write: Promise<void> = save(dir, key, wav)
        .catch((error: unknown) => options.logger?.warn({ err: error, dir }, 'voice cache: cannot write to the cache folder; calls still play'))
        .finally(() => writes.delete(write));
      writes.add(write);
    },
    async flush() {
      await Promise.all([...writes]);
    },
  };
}
