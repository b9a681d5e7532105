import { createHash } from 'node:crypto';
import type { VoiceSource } from '@luot/shared';
import { createAudioCache, type VoiceLogger } from './audio-cache.ts';
import { chime, CHIME_VERSION } from './chime.ts';
import { createEspeakSynth, ESPEAK_VERSION, type EspeakRequest, type EspeakSynth } from './espeak-synth.ts';
import { concat, defaultTrim, normalizePeak, silence, trimSilence } from './pcm.ts';
import { callSentence, type CallSentence, type SpokenPart } from './sentence.ts';
import { loadVoicePack, planClips, type VoicePack } from './voice-pack.ts';
import { decodeWav, encodeWav, type Pcm } from './wav.ts';

export interface VoiceDeps {
  /** Folder for synthesized calls, kept across restarts. Created when needed. */
  cacheDir: string;
  /** Folder of a human-recorded voice pack (README.md), or null for synthesis only. */
  packDir: string | null;
  /** Add the English sentence after the Vietnamese one, unless a call says otherwise. */
  english: boolean;
  logger?: VoiceLogger;
  /** In-memory cache bound; default 64 MB (some 250 calls). */
  memoryCacheBytes?: number;
  /** Cache folder bound; default 512 MB (some 2,000 calls): least recently used files go first. */
  diskCacheBytes?: number;
  /** eSpeak NG speaking rate, words per minute; default 145 (its own default is 175). */
  rate?: number;
  /** Stop a synthesis that runs longer than this; default 15 s. */
  synthTimeoutMs?: number;
}

export interface CallAudio {
  /** 16-bit PCM mono WAV: chime, then the sentence(s). */
  wav: Uint8Array;
  source: VoiceSource;
  /** What is said, e.g. "Mời công dân có số a hai mươi ba đến quầy số ba." */
  text: string;
  /** Served from the memory or disk cache. */
  cached: boolean;
  /** A SHA-256 of everything that shapes the sound: the same key means the same bytes (an ETag). */
  key: string;
  /** When a voice pack is set but lacks clips for this call: the words it lacks ("en: twenty" for English). */
  missing?: string[];
}

/** Spoken guidance: speech only, no chime. */
export interface SpeechAudio {
  wav: Uint8Array;
  text: string;
  cached: boolean;
  key: string;
}

export interface Voice {
  callAudio(number: string, counterNumber: number, opts?: { english?: boolean }): Promise<CallAudio>;
  /**
   * Guidance read with the calls' synthesized voice (a voice pack holds the words of calls, not of guidance),
   * cached like calls: the same sentence is made once.
   */
  speech(part: SpokenPart): Promise<SpeechAudio>;
  close(): Promise<void>;
}

/** Bump when the way audio is put together changes, so old cache files are not served. */
const ASSEMBLY_VERSION = 1;
/** Speech is normalised to −3 dBFS peak; the chime peaks lower (chime.ts). */
const SPEECH_PEAK = Math.round(32767 * 10 ** (-3 / 20));
/** eSpeak NG's own default (100) clips on some Vietnamese vowels; 80 leaves headroom before normalising. */
const ESPEAK_AMPLITUDE = 80;
/** A breath between the Vietnamese and the English sentence. Nothing is added between clips or after the chime. */
const LANGUAGE_GAP_MS = 600;

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/**
 * The hall's voice: `callAudio("A023", 3)` → chime + "Mời công dân có số a hai mươi ba đến quầy số ba."
 * From a voice pack when it has every clip the call needs, otherwise from eSpeak NG on a worker thread.
 * Results are cached by content in memory and in `cacheDir`; concurrent requests for the same call share
 * one synthesis.
 */
export function createVoice(deps: VoiceDeps): Voice {
  const log = deps.logger;
  const rate = deps.rate ?? 145;
  const cache = createAudioCache({
    dir: deps.cacheDir,
    maxMemoryBytes: deps.memoryCacheBytes ?? 64 * 1024 * 1024,
    maxDiskBytes: deps.diskCacheBytes ?? 512 * 1024 * 1024,
    ...(log ? { logger: log } : {}),
  });
  let synth: EspeakSynth | null = null;
  const inFlight = new Map<string, Promise<Uint8Array>>();
  const reported = new Set<string>();
  let pack: Promise<VoicePack | null> | null = null;

  function loadPack(): Promise<VoicePack | null> {
    const dir = deps.packDir;
    if (dir === null) return Promise.resolve(null);
    pack ??= loadVoicePack(dir).then(
      (loaded) => {
        if (loaded.rejected.length) log?.warn({ dir, rejected: loaded.rejected }, 'voice pack: some clips are not used');
        return loaded;
      },
      (error: unknown) => {
        log?.warn({ err: error, dir }, 'voice pack: cannot read the folder; using speech synthesis');
        return null;
      },
    );
    return pack;
  }

  /** Runs `make` once per key even when many ask at once; stores the result. */
  async function produce(key: string, disk: boolean, make: () => Promise<Uint8Array>): Promise<{ wav: Uint8Array; cached: boolean }> {
    const hit = await cache.get(key);
    if (hit) return { wav: hit, cached: true };
    let pending = inFlight.get(key);
    if (!pending) {
      pending = make()
        .then((wav) => {
          cache.set(key, wav, { disk });
          return wav;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return { wav: await pending, cached: false };
  }

  function fromPack(loaded: VoicePack, sentence: CallSentence): { key: string; make: () => Pcm } | { missing: string[] } {
    const chosen: Pcm[][] = [];
    const missing: string[] = [];
    for (const part of sentence.parts) {
      const plan = planClips(loaded.clips[part.lang], part.tokens);
      if (plan.complete) chosen.push(plan.clips);
      else missing.push(...plan.missing.map((word) => (part.lang === 'vi' ? word : `${part.lang}: ${word}`)));
    }
    if (missing.length) return { missing };
    const key = digest({ v: ASSEMBLY_VERSION, chime: CHIME_VERSION, pack: loaded.fingerprint, tokens: sentence.parts.map((p) => [p.lang, p.tokens]), gap: LANGUAGE_GAP_MS });
    return {
      key,
      make: () =>
        concat([chime(loaded.sampleRate), ...chosen.flatMap((clips, i) => (i === 0 ? clips : [silence(loaded.sampleRate, LANGUAGE_GAP_MS), ...clips]))]),
    };
  }

  async function synthesize(requests: EspeakRequest[], withChime = true): Promise<Pcm> {
    synth ??= createEspeakSynth(deps.synthTimeoutMs === undefined ? {} : { timeoutMs: deps.synthTimeoutMs });
    const engine = synth;
    const speech: Pcm[] = [];
    for (const request of requests) {
      const pcm = normalizePeak(trimSilence(decodeWav(await engine.synthesize(request)), defaultTrim), SPEECH_PEAK);
      if (speech.length) speech.push(silence(pcm.sampleRate, LANGUAGE_GAP_MS));
      speech.push(pcm);
    }
    const sampleRate = speech[0]?.sampleRate ?? 22050;
    return concat(withChime ? [chime(sampleRate), ...speech] : speech);
  }

  return {
    async callAudio(number, counterNumber, opts = {}) {
      const sentence = callSentence(number, counterNumber, { english: opts.english ?? deps.english });
      const loaded = await loadPack();
      let missing: string[] | undefined;
      if (loaded) {
        const planned = fromPack(loaded, sentence);
        if ('key' in planned) {
          const { wav, cached } = await produce(planned.key, false, async () => encodeWav(planned.make()));
          return { wav, source: 'pack', text: sentence.text, cached, key: planned.key };
        }
        missing = planned.missing;
        const report = missing.join(', ');
        if (!reported.has(report) && reported.size < 1000) {
          reported.add(report);
          log?.warn({ dir: loaded.dir, missing, text: sentence.text }, 'voice pack lacks clips for this call; using speech synthesis');
        }
      }
      const requests: EspeakRequest[] = sentence.parts.map((part) => ({ voice: part.lang, input: part.synthesis.input, ssml: part.synthesis.ssml, rate, amplitude: ESPEAK_AMPLITUDE }));
      const key = digest({ v: ASSEMBLY_VERSION, chime: CHIME_VERSION, espeak: ESPEAK_VERSION, requests, trim: defaultTrim, peak: SPEECH_PEAK, gap: LANGUAGE_GAP_MS });
      const { wav, cached } = await produce(key, true, async () => encodeWav(await synthesize(requests)));
      return { wav, source: 'espeak', text: sentence.text, cached, key, ...(missing ? { missing } : {}) };
    },
    async speech(part) {
      const request: EspeakRequest = { voice: part.lang, input: part.synthesis.input, ssml: part.synthesis.ssml, rate, amplitude: ESPEAK_AMPLITUDE };
      const key = digest({ v: ASSEMBLY_VERSION, kind: 'speech', espeak: ESPEAK_VERSION, request, trim: defaultTrim, peak: SPEECH_PEAK });
      const { wav, cached } = await produce(key, true, async () => encodeWav(await synthesize([request], false)));
      return { wav, text: part.text, cached, key };
    },
    async close() {
      await synth?.close();
      await Promise.allSettled([...inFlight.values()]);
      await cache.flush();
    },
  };
}
