import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { VoiceLang } from './sentence.ts';

export interface EspeakRequest {
  voice: VoiceLang;
  /** Plain text, or SSML when `ssml` is set. Never starts with "-" (it would be read as an option). */
  input: string;
  ssml: boolean;
  /** Words per minute (espeak-ng default 175). */
  rate: number;
  /** 0–200 (espeak-ng default 100). */
  amplitude: number;
}

export interface EspeakSynth {
  /** The WAV file espeak-ng wrote. Requests run one at a time on one worker thread. */
  synthesize(request: EspeakRequest): Promise<Uint8Array>;
  close(): Promise<void>;
  /** Worker threads started so far (a replaced worker counts again). */
  readonly workersStarted: number;
}

/** Starts a job's time limit; returns its cancel. Tests pass their own, to overrun a job when they choose. */
export type OverrunTimer = (onOverrun: () => void, ms: number) => () => void;

const realTimer: OverrunTimer = (onOverrun, ms) => {
  const timer = setTimeout(onOverrun, ms);
  return () => clearTimeout(timer);
};

/** Recorded in cache keys: a new eSpeak NG build may say the same text differently. */
export const ESPEAK_VERSION = (createRequire(import.meta.url)('espeak-ng/package.json') as { version: string }).version;

/** `ready` comes once, when the worker has compiled the module; the others answer a job. */
type Reply = { ready: true } | { id: number; wav: Uint8Array } | { id: number; error: string };

interface Job {
  id: number;
  args: string[];
  /** Times sent to a worker; a job whose worker died under it is tried once more on a new one. */
  tries: number;
  resolve: (wav: Uint8Array) => void;
  reject: (error: Error) => void;
}

export function espeakArgs(request: EspeakRequest): string[] {
  if (request.input.startsWith('-')) throw new Error('espeak-ng input must not start with "-"');
  return ['-v', request.voice, '-s', String(request.rate), '-a', String(request.amplitude), ...(request.ssml ? ['-m'] : []), '-w', 'out.wav', request.input];
}

/**
 * eSpeak NG compiled to WebAssembly, run on a worker thread: a synthesis takes ~100–250 ms of CPU and
 * must never hold the event loop that serves the hall. The worker starts on first use and is replaced
 * after a failed job, a crash (the job it was running is tried once more) or a job that overruns
 * `timeoutMs`; it is stopped after `idleMs` without work.
 */
export function createEspeakSynth(options: { timeoutMs?: number; idleMs?: number; overrunTimer?: OverrunTimer } = {}): EspeakSynth {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const startTimer = options.overrunTimer ?? realTimer;
  let workersStarted = 0;
  // The worker holds ~150 MB (the module and its data); a quiet hall gives that back.
  const idleMs = options.idleMs ?? 10 * 60_000;
  let idle: NodeJS.Timeout | null = null;
  const queue: Job[] = [];
  let worker: Worker | null = null;
  /** `cancel` is null until the worker is ready: booting is not the job's time. */
  let running: { job: Job; cancel: (() => void) | null; on: Worker } | null = null;
  const ready = new WeakSet<Worker>();
  let nextId = 1;
  let closed = false;

  /** Ends the running job, if it runs on `on` (or on any worker when `on` is not given). */
  function fail(error: Error, on?: Worker, retry = false): void {
    if (running && (on === undefined || running.on === on)) {
      running.cancel?.();
      const { job } = running;
      running = null;
      if (retry && job.tries < 2 && !closed) queue.unshift(job);
      else job.reject(error);
    }
  }

  /** Stops a worker that misbehaved; the next job starts a fresh one. */
  function retire(w: Worker): void {
    if (worker === w) worker = null;
    void w.terminate();
  }

  function spawn(): Worker {
    workersStarted += 1;
    const w = new Worker(new URL('./espeak-worker.mjs', import.meta.url));
    // The worker never keeps the process alive on its own; the server's close() stops it.
    w.unref();
    w.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        ready.add(w);
        if (running?.on === w && !running.cancel) running.cancel = overrunTimer(w);
        return;
      }
      if (!running || running.job.id !== reply.id) return;
      const { job, cancel } = running;
      cancel?.();
      running = null;
      if ('error' in reply) {
        job.reject(new Error(reply.error));
        // An aborted WebAssembly run can leave the thread about to die; do not send it the next job.
        retire(w);
      } else {
        job.resolve(reply.wav);
      }
      pump();
    });
    w.on('error', (error) => {
      fail(error, w, true);
      retire(w);
      pump();
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      fail(new Error(`the speech worker stopped (exit code ${code})`), w, true);
      pump();
    });
    return w;
  }

  function stopWhenIdle(): void {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      const w = worker;
      if (running || queue.length || !w) return;
      worker = null;
      void w.terminate();
    }, idleMs);
    idle.unref();
  }

  function pump(): void {
    if (running || closed) return;
    const job = queue.shift();
    if (!job) {
      if (worker) stopWhenIdle();
      return;
    }
    if (idle) clearTimeout(idle);
    worker ??= spawn();
    const current = worker;
    job.tries += 1;
    // A cold worker first compiles the 18 MB module (seconds on a loaded machine); the job's time starts when it is ready.
    running = { job, cancel: ready.has(current) ? overrunTimer(current) : null, on: current };
    current.postMessage({ id: job.id, args: job.args });
  }

  function overrunTimer(current: Worker): () => void {
    return startTimer(() => {
      fail(new Error(`speech synthesis took longer than ${timeoutMs} ms`), current);
      // The next job gets a fresh worker; this one may be stuck in a long synchronous call.
      retire(current);
      pump();
    }, timeoutMs);
  }

  return {
    get workersStarted() {
      return workersStarted;
    },
    synthesize(request) {
      if (closed) return Promise.reject(new Error('the speech synthesizer is closed'));
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, args: espeakArgs(request), tries: 0, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      if (idle) clearTimeout(idle);
      for (const job of queue.splice(0)) job.reject(new Error('the speech synthesizer is closed'));
      fail(new Error('the speech synthesizer is closed'));
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
