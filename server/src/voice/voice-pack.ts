import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultTrim, trimSilence, type TrimOptions } from './pcm.ts';
import { clipName, type VoiceLang } from './sentence.ts';
import { decodeWav, type Pcm } from './wav.ts';

/** Human-recorded clips, trimmed, by language and clip name. See README.md for the folder layout. */
export interface VoicePack {
  dir: string;
  sampleRate: number;
  /** Changes whenever a clip is added, removed or re-recorded; part of cache keys. */
  fingerprint: string;
  clips: Record<VoiceLang, Map<string, Pcm>>;
  /** Files that were not used, and why. */
  rejected: { file: string; reason: string }[];
}

export type ClipPlan = { complete: true; names: string[]; clips: Pcm[] } | { complete: false; missing: string[] };

const LANG_FOLDERS: Record<VoiceLang, string> = { vi: '', en: 'en' };

interface Candidate {
  lang: VoiceLang;
  file: string;
  name: string;
  pcm: Pcm;
  size: number;
  mtimeMs: number;
}

async function readFolder(dir: string, lang: VoiceLang, rejected: VoicePack['rejected']): Promise<Candidate[]> {
  const folder = join(dir, LANG_FOLDERS[lang]);
  const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (lang !== 'vi' && error.code === 'ENOENT') return [];
    throw error;
  });
  const found: Candidate[] = [];
  for (const entry of names.sort()) {
    if (!entry.toLowerCase().endsWith('.wav')) continue;
    const file = join(folder, entry);
    try {
      const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
      found.push({ lang, file, name: clipName(entry.slice(0, -4)), pcm: decodeWav(new Uint8Array(bytes)), size: info.size, mtimeMs: info.mtimeMs });
    } catch (error) {
      rejected.push({ file, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return found;
}

/**
 * Reads a pack folder: Vietnamese clips at its top, English clips in `en/`. All clips must share one
 * sample rate; the rate most clips have wins, the others are rejected (and reported). Each clip is
 * trimmed of leading and trailing silence once, here.
 */
export async function loadVoicePack(dir: string, trim: TrimOptions = defaultTrim): Promise<VoicePack> {
  const rejected: VoicePack['rejected'] = [];
  const candidates = [...(await readFolder(dir, 'vi', rejected)), ...(await readFolder(dir, 'en', rejected))];
  const rates = new Map<number, number>();
  for (const c of candidates) rates.set(c.pcm.sampleRate, (rates.get(c.pcm.sampleRate) ?? 0) + 1);
  const sampleRate = [...rates].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 22050;
  const clips: VoicePack['clips'] = { vi: new Map(), en: new Map() };
  const hash = createHash('sha256').update(`rate ${sampleRate}\n`);
  for (const c of candidates) {
    if (c.pcm.sampleRate !== sampleRate) {
      rejected.push({ file: c.file, reason: `${c.pcm.sampleRate} Hz; this pack is ${sampleRate} Hz` });
      continue;
    }
    const trimmed = trimSilence(c.pcm, trim);
    if (trimmed.samples.length === 0) {
      rejected.push({ file: c.file, reason: 'silent' });
      continue;
    }
    if (clips[c.lang].has(c.name)) {
      rejected.push({ file: c.file, reason: `another file is also named "${c.name}"` });
      continue;
    }
    clips[c.lang].set(c.name, trimmed);
    hash.update(`${c.lang}/${c.name}\t${c.size}\t${c.mtimeMs}\n`);
  }
  return { dir, sampleRate, fingerprint: hash.digest('hex'), clips, rejected };
}

/**
 * Chooses clips for a sentence's tokens. The tokens are split into words, and the words are covered
 * by the fewest clips (so the longest recorded phrase wins; among equal counts, the longer first
 * phrase). A phrase may span tokens ("có số a" is a fine clip). When no cover exists, lists the words
 * no clip can say.
 */
export function planClips(clips: Map<string, Pcm>, tokens: string[]): ClipPlan {
  const words = tokens.flatMap((t) => clipName(t).split(' ')).filter(Boolean);
  const n = words.length;
  let longest = 1;
  for (const name of clips.keys()) longest = Math.max(longest, name.split(' ').length);
  const phrase = (from: number, to: number) => words.slice(from, to).join(' ');

  // best[i]: fewest clips covering words[i..]; next[i]: where the first of them ends.
  const best = new Array<number>(n + 1).fill(Infinity);
  const next = new Array<number>(n + 1).fill(-1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = Math.min(n, i + longest); j > i; j--) {
      const rest = best[j] ?? Infinity;
      if (rest + 1 < (best[i] ?? Infinity) && clips.has(phrase(i, j))) {
        best[i] = rest + 1;
        next[i] = j;
      }
    }
  }

  if (best[0] !== Infinity) {
    const names: string[] = [];
    const chosen: Pcm[] = [];
    for (let i = 0; i < n; i = next[i] ?? n) {
      const name = phrase(i, next[i] ?? n);
      const clip = clips.get(name);
      if (!clip) throw new Error(`planned clip "${name}" is gone`);
      names.push(name);
      chosen.push(clip);
    }
    return { complete: true, names, clips: chosen };
  }

  // Words that no clip covers, or (rarely) the words left over by a greedy longest-first pass.
  const covered = new Array<boolean>(n).fill(false);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j <= Math.min(n, i + longest); j++) if (clips.has(phrase(i, j))) covered.fill(true, i, j);
  }
  let missing = words.filter((_, i) => !covered[i]);
  if (missing.length === 0) {
    missing = [];
    for (let i = 0; i < n; ) {
      let j = Math.min(n, i + longest);
      while (j > i && !clips.has(phrase(i, j))) j--;
      if (j === i) missing.push(words[i] ?? '');
      i = Math.max(j, i + 1);
    }
  }
  return { complete: false, missing: [...new Set(missing)] };
}
