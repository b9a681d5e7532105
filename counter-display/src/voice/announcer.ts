import { defaultDeviceSettings, type CallView, type DeviceSettings } from '@luot/shared';
import { announcementLog, type AnnouncementRecord } from './announcement-log.ts';
import { playChime, resumeAudio } from './chime.ts';

/** What the announcer tells the screen. */
export interface AnnouncerHost {
  /** The server said the token expired: the screen renews it and hands the new one to `setToken`. */
  tokenExpired(token: string): void;
  /** Autoplay is blocked (true) until someone touches the screen, or unblocked again (false). */
  blocked(blocked: boolean): void;
}

type Clip = { kind: 'wav'; blob: Blob } | { kind: 'chime' };

interface Job {
  call: CallView;
  enqueuedAt: number;
  clip: Promise<Clip> | null;
}

/** A call that waited this long (sound blocked, a long queue) is not read out any more: people have moved on. */
const staleMs = 90_000;
/** How long to wait for a renewed token before giving the call a chime instead. */
const renewWaitMs = 10_000;
/** Never let one stuck clip hold the queue: past its own length plus this, the next call goes. */
const overrunMs = 3_000;
const unknownLengthMs = 30_000;

class Blocked extends Error {}

const isBlocked = (error: unknown) => error instanceof Blocked || (error instanceof DOMException && error.name === 'NotAllowedError');

/**
 * The hall board's voice: every call and recall is read out — chime and Vietnamese sentence made on the server
 * (GET /api/voice/call) — one at a time, in the order they came, none dropped, a recall read again. The next
 * clip is fetched while the current one plays, so calls follow each other without a gap.
 */
export class Announcer {
  private readonly queue: Job[] = [];
  private running = false;
  private tokenWaiters: (() => void)[] = [];
  private unblock: (() => void) | null = null;
  private readonly log = announcementLog();
  private token: string | null = null;
  /** Sound on/off and volume from the screen's own stream; read by each announcement as it starts. */
  private settings: DeviceSettings = defaultDeviceSettings;

  constructor(private host: AnnouncerHost) {}

  /** The screen's callbacks change with its React state; the queue and its history stay. */
  setHost(host: AnnouncerHost): void {
    this.host = host;
  }

  enqueue(call: CallView): void {
    const job: Job = { call, enqueuedAt: Date.now(), clip: null };
    this.queue.push(job);
    // The next call's audio is fetched at once; later ones when they move up, so a burst of calls does not
    // make the server synthesize a dozen sentences at the same moment.
    if (!this.running) void this.prefetch(job);
    void this.pump();
  }

  setSettings(settings: DeviceSettings): void {
    this.settings = settings;
  }

  /** The screen's current token; requests waiting for a renewed one go ahead. */
  setToken(token: string | null): void {
    const changed = token !== this.token;
    this.token = token;
    if (changed && token !== null) for (const resolve of this.tokenWaiters.splice(0)) resolve();
  }

  /** Called from a tap on the "touch to enable sound" overlay: a user gesture is what unlocks audio. */
  async unlock(): Promise<void> {
    await resumeAudio();
    // Playing anything inside the gesture marks the page as allowed to play media from now on.
    const silent = new Audio('data:audio/wav;base64,UklGRiQAAABXQVZFZm10IBAAAAABAAEAQB8AAIA+AAACABAAZGF0YQAAAAA=');
    await silent.play().catch(() => undefined);
    const resolve = this.unblock;
    this.unblock = null;
    resolve?.();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.queue.shift(); job; job = this.queue.shift()) await this.announce(job);
    } finally {
      this.running = false;
    }
  }

  private async announce(job: Job): Promise<void> {
    const record: AnnouncementRecord = {
      number: job.call.number,
      counter: job.call.counterNumber,
      recall: job.call.recall,
      source: null,
      skipped: null,
      enqueuedAt: job.enqueuedAt,
      startedAt: null,
      endedAt: null,
    };
    if (!this.settings.soundEnabled) return this.skip(record, 'muted');
    const clip = await this.prefetch(job);
    // While this one plays, the next one loads.
    const next = this.queue[0];
    if (next) void this.prefetch(next);
    for (;;) {
      if (Date.now() - job.enqueuedAt > staleMs) return this.skip(record, 'stale');
      record.source = clip.kind === 'wav' ? 'server' : 'chime';
      record.startedAt = Date.now();
      record.endedAt = null;
      if (!this.log.includes(record)) this.log.push(record);
      try {
        // Volume is read again per call: an admin's change applies from the next one.
        const volume = Math.min(1, Math.max(0, this.settings.volume / 100));
        await (clip.kind === 'wav' ? playWav(clip.blob, volume) : playChime(volume));
        record.endedAt = Date.now();
        return;
      } catch (error) {
        if (!isBlocked(error)) {
          record.endedAt = Date.now();
          return;
        }
        // Autoplay refused: ask for one tap, then read this same call (unless it went stale meanwhile).
        record.startedAt = null;
        await new Promise<void>((resolve) => {
          this.unblock = resolve;
          this.host.blocked(true);
        });
        this.host.blocked(false);
      }
    }
  }

  /** Starts fetching a job's audio once, unless sound is off for this screen. */
  private prefetch(job: Job): Promise<Clip> {
    if (job.clip === null && this.settings.soundEnabled) job.clip = this.fetchClip(job.call);
    return job.clip ?? Promise.resolve({ kind: 'chime' });
  }

  private skip(record: AnnouncementRecord, why: 'muted' | 'stale'): void {
    record.skipped = why;
    if (!this.log.includes(record)) this.log.push(record);
  }

  private async fetchClip(call: CallView, renewed = false): Promise<Clip> {
    const token = this.token;
    if (token === null) return { kind: 'chime' };
    const query = new URLSearchParams({ number: call.number, counter: String(call.counterNumber) });
    try {
      const response = await fetch(`/api/voice/call?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.ok) return { kind: 'wav', blob: await response.blob() };
      if (response.status === 401 && !renewed && (await errorCode(response)) === 'DEVICE_TOKEN_EXPIRED') {
        await this.renewedToken(token);
        return this.fetchClip(call, true);
      }
      // 404: a server without the voice route. Anything else: this call cannot be voiced; a chime still tells the hall.
      return { kind: 'chime' };
    } catch {
      return { kind: 'chime' };
    }
  }

  private renewedToken(expired: string): Promise<void> {
    return new Promise((resolve) => {
      const timer = window.setTimeout(resolve, renewWaitMs);
      this.tokenWaiters.push(() => {
        window.clearTimeout(timer);
        resolve();
      });
      this.host.tokenExpired(expired);
    });
  }
}

async function errorCode(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as unknown;
    return typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string' ? body.code : null;
  } catch {
    return null;
  }
}

/** Plays a WAV to its end. Rejects with Blocked when the browser refuses to play without a user gesture. */
async function playWav(blob: Blob, volume: number): Promise<void> {
  const url = URL.createObjectURL(blob);
  const audio = new Audio();
  audio.preload = 'auto';
  audio.volume = volume;
  audio.src = url;
  let timer: number | undefined;
  try {
    const finished = new Promise<void>((resolve) => {
      const done = () => resolve();
      audio.addEventListener('ended', done, { once: true });
      audio.addEventListener('error', done, { once: true });
      timer = window.setTimeout(done, unknownLengthMs);
      audio.addEventListener(
        'loadedmetadata',
        () => {
          if (!Number.isFinite(audio.duration)) return;
          window.clearTimeout(timer);
          timer = window.setTimeout(done, audio.duration * 1000 + overrunMs);
        },
        { once: true },
      );
    });
    try {
      await audio.play();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'NotAllowedError') throw new Blocked();
      return;
    }
    await finished;
  } finally {
    window.clearTimeout(timer);
    audio.pause();
    audio.removeAttribute('src');
    URL.revokeObjectURL(url);
  }
}
