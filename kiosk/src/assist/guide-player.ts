import type { GuideRequest, Lang } from '@luot/shared';
import { guideLog, type GuideRecord } from './guide-log.ts';

/** The query string of a guidance request: everything but `say`, which is the path. */
function guideUrl(request: GuideRequest, lang: Lang): string {
  const query = new URLSearchParams({ lang });
  for (const [name, value] of Object.entries(request)) {
    if (name !== 'say' && name !== 'lang' && value !== undefined) query.set(name, String(value));
  }
  return `/api/voice/guide/${request.say}?${query.toString()}`;
}

interface Playing {
  controller: AbortController;
  source: AudioBufferSourceNode | null;
  record: GuideRecord;
}

/**
 * Plays the kiosk's spoken guidance, one sentence at a time: a new one cuts the old one short, as a person
 * would stop mid-sentence when asked something else. The audio is fetched with the kiosk's token and played
 * through Web Audio, which a strict Content-Security-Policy does not restrict the way it does media elements
 * with blob: addresses.
 */
export class GuidePlayer {
  private context: AudioContext | null = null;
  private playing: Playing | null = null;
  private readonly log = guideLog();

  constructor(
    private readonly token: () => string | null,
    private readonly tokenRefused: (token: string, code: string) => void,
  ) {}

  /** Call from a touch: a user gesture is what lets a page start making sound. */
  unlock(): void {
    this.context ??= new AudioContext();
    if (this.context.state !== 'running') void this.context.resume();
  }

  play(request: GuideRequest, lang: Lang): void {
    this.stop();
    const token = this.token();
    if (token === null) return;
    const record: GuideRecord = { say: request.say, text: null, requestedAt: Date.now(), startedAt: null, endedAt: null, stoppedAt: null, failed: false };
    this.log.push(record);
    const playing: Playing = { controller: new AbortController(), source: null, record };
    this.playing = playing;
    void this.fetchAndPlay(playing, guideUrl(request, lang), token);
  }

  /** Silence now; nothing more is said until the next play(). */
  stop(): void {
    const playing = this.playing;
    this.playing = null;
    if (!playing) return;
    playing.controller.abort();
    if (playing.record.endedAt === null && !playing.record.failed) playing.record.stoppedAt = Date.now();
    try {
      playing.source?.stop();
    } catch {
      // Not started yet, or already ended: nothing to stop.
    }
  }

  private async fetchAndPlay(playing: Playing, url: string, token: string): Promise<void> {
    const { record, controller } = playing;
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
      if (!response.ok) {
        record.failed = true;
        if (response.status === 401) this.tokenRefused(token, await errorCode(response));
        return;
      }
      record.text = decodeURIComponent(response.headers.get('x-voice-text') ?? '');
      const bytes = await response.arrayBuffer();
      this.unlock();
      const context = this.context;
      if (!context || controller.signal.aborted) return;
      const buffer = await context.decodeAudioData(bytes);
      if (controller.signal.aborted) return;
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.addEventListener('ended', () => {
        if (record.stoppedAt === null) record.endedAt = Date.now();
        if (this.playing === playing) this.playing = null;
      });
      playing.source = source;
      record.startedAt = Date.now();
      source.start();
    } catch {
      if (!controller.signal.aborted) record.failed = true;
    }
  }
}

async function errorCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as unknown;
    return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code : 'UNAUTHENTICATED';
  } catch {
    return 'UNAUTHENTICATED';
  }
}
