import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chime } from './chime.ts';
import { concat, defaultTrim, silence } from './pcm.ts';
import { loadVoicePack, planClips } from './voice-pack.ts';
import { createVoice, type Voice } from './voice.ts';
import { decodeWav, encodeWav, type Pcm } from './wav.ts';

const RATE = 16000;
const MARGIN = Math.round((defaultTrim.marginMs / 1000) * RATE);

/**
 * A test clip: a square wave (every sample at ±amplitude, so trimming has an exact answer) between a
 * lead and a tail of faint noise below the trim threshold. Each clip gets its own pitch and length.
 */
function toneClip(index: number): { file: Pcm; sound: Pcm } {
  const lead = 400 + 37 * index;
  const tail = 700 + 53 * index;
  const length = 1600 + 211 * index;
  const period = 8 + 2 * index;
  const amplitude = 4000 + 500 * index;
  const samples = new Int16Array(lead + length + tail);
  for (let i = 0; i < samples.length; i++) samples[i] = ((i * 7919 + index) % 201) - 100; // noise within ±100
  for (let i = 0; i < length; i++) samples[lead + i] = Math.floor(i / (period / 2)) % 2 === 0 ? amplitude : -amplitude;
  // What trimming must keep: the sound plus the margin of (noise) on both sides.
  return { file: { sampleRate: RATE, samples }, sound: { sampleRate: RATE, samples: samples.slice(lead - MARGIN, lead + length + MARGIN) } };
}

let dir: string;
let packDir: string;
const voices: Voice[] = [];
const sounds = new Map<string, Pcm>();

function addClip(name: string, folder = packDir): void {
  const { file, sound } = toneClip(sounds.size);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.wav`), encodeWav(file));
  sounds.set(`${folder === packDir ? '' : 'en/'}${name.normalize('NFC').toLowerCase()}`, sound);
}

function open(english = false): Voice {
  const voice = createVoice({ cacheDir: join(dir, 'cache'), packDir, english });
  voices.push(voice);
  return voice;
}

const sound = (name: string): Pcm => {
  const found = sounds.get(name);
  if (!found) throw new Error(`no clip ${name}`);
  return found;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'luot-pack-'));
  packDir = join(dir, 'pack');
  sounds.clear();
  for (const name of ['mời công dân có số', 'a', 'hai', 'mươi', 'ba', 'hai mươi ba', 'đến quầy số', 'một', 'bê', 'mười lăm']) addClip(name);
});
afterEach(async () => {
  await Promise.all(voices.splice(0).map((v) => v.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('a voice pack', () => {
  it('says a call with its own clips: chime, then the trimmed clips in order with nothing between them', async () => {
    const audio = await open().callAudio('A023', 3);
    expect(audio.source).toBe('pack');
    expect(audio.missing).toBeUndefined();
    const expected = concat([chime(RATE), ...['mời công dân có số', 'a', 'hai mươi ba', 'đến quầy số', 'ba'].map(sound)]);
    const got = decodeWav(audio.wav);
    expect(got.sampleRate).toBe(RATE);
    expect(got.samples.length).toBe(expected.samples.length);
    expect(got.samples).toEqual(expected.samples);
    // Each clip lost its lead and tail: exactly the square wave plus the margin remains.
    expect(sound('a').samples.length).toBe(1600 + 211 * 1 + 2 * MARGIN);
  });

  it('prefers the longest recorded phrase, and falls back to single words', async () => {
    const got = decodeWav((await open().callAudio('B015', 1)).wav);
    const expected = concat([chime(RATE), ...['mời công dân có số', 'bê', 'mười lăm', 'đến quầy số', 'một'].map(sound)]);
    expect(got.samples).toEqual(expected.samples);
    rmSync(join(packDir, 'hai mươi ba.wav'));
    const words = decodeWav((await open().callAudio('A023', 3)).wav);
    expect(words.samples).toEqual(concat([chime(RATE), ...['mời công dân có số', 'a', 'hai', 'mươi', 'ba', 'đến quầy số', 'ba'].map(sound)]).samples);
  });

  it('falls back to eSpeak NG for a call it cannot say whole, and says which words are missing', async () => {
    const audio = await open().callAudio('Đ007', 3);
    expect(audio.source).toBe('espeak');
    expect(audio.missing).toEqual(['đê', 'bảy']);
    expect(decodeWav(audio.wav).sampleRate).toBe(22050);
  });

  it('needs English clips (in en/) for an English call, and uses them with a pause between the languages', async () => {
    const withoutEnglish = await open().callAudio('A023', 3, { english: true });
    expect(withoutEnglish.source).toBe('espeak');
    expect(withoutEnglish.missing).toEqual(['en: number', 'en: a', 'en: twenty', 'en: three', 'en: please', 'en: go', 'en: to', 'en: counter']);

    const en = join(packDir, 'en');
    for (const name of ['Number', 'A', 'twenty three', 'please go to counter', 'three']) addClip(name, en);
    const audio = await open().callAudio('A023', 3, { english: true });
    expect(audio.source).toBe('pack');
    const vi = ['mời công dân có số', 'a', 'hai mươi ba', 'đến quầy số', 'ba'].map(sound);
    const english = ['en/number', 'en/a', 'en/twenty three', 'en/please go to counter', 'en/three'].map(sound);
    expect(decodeWav(audio.wav).samples).toEqual(concat([chime(RATE), ...vi, silence(RATE, 600), ...english]).samples);
  });

  it('matches file names in any Unicode normalisation and case', async () => {
    rmSync(join(packDir, 'đến quầy số.wav'));
    addClip('Đến quầy số'.normalize('NFD'));
    expect((await open().callAudio('A023', 3)).source).toBe('pack');
  });

  it('reports and skips clips in another format or sample rate', async () => {
    writeFileSync(join(packDir, 'bảy.wav'), encodeWav({ sampleRate: 44100, samples: new Int16Array(4410).fill(5000) }));
    writeFileSync(join(packDir, 'tám.wav'), Buffer.from('RIFF....WAVEnope'));
    writeFileSync(join(packDir, 'chín.wav'), encodeWav({ sampleRate: RATE, samples: new Int16Array(1000) }));
    writeFileSync(join(packDir, 'notes.txt'), 'not audio');
    const pack = await loadVoicePack(packDir);
    expect(pack.sampleRate).toBe(RATE);
    expect(pack.rejected.map((r) => [r.file.slice(packDir.length + 1), r.reason])).toEqual([
      ['tám.wav', 'no fmt chunk'],
      ['bảy.wav', '44100 Hz; this pack is 16000 Hz'],
      ['chín.wav', 'silent'],
    ]);
    expect(pack.clips.vi.has('bảy')).toBe(false);
    expect(pack.clips.vi.size).toBe(10);
  });

  it('works without a pack folder: synthesis only', async () => {
    const voice = createVoice({ cacheDir: join(dir, 'cache'), packDir: join(dir, 'nowhere'), english: false });
    voices.push(voice);
    expect((await voice.callAudio('A001', 1)).source).toBe('espeak');
  });
});

describe('choosing clips', () => {
  const clip = (n: number): Pcm => ({ sampleRate: RATE, samples: new Int16Array(n) });
  const clips = new Map([
    ['a b', clip(1)],
    ['b c d', clip(2)],
    ['a', clip(3)],
    ['c', clip(4)],
    ['d', clip(5)],
    ['b', clip(6)],
  ]);

  it('uses the fewest clips, across token boundaries', () => {
    const plan = planClips(clips, ['a', 'b c', 'd']);
    expect(plan).toMatchObject({ complete: true, names: ['a', 'b c d'] });
  });

  it('among equal counts takes the longer phrase first', () => {
    expect(planClips(clips, ['a b c'])).toMatchObject({ complete: true, names: ['a b', 'c'] });
  });

  it('lists the words nothing covers', () => {
    expect(planClips(clips, ['a', 'x', 'b', 'y', 'x'])).toEqual({ complete: false, missing: ['x', 'y'] });
  });
});
