import type { PrinterProblem, PrintOutcome } from '@luot/shared';
import { mainProblem } from './printer-status.ts';
import type { PrintAttempt, PrinterTransport } from './transport.ts';

export interface PrintQueueOptions {
  now: () => number;
  retryMs: number;
  attemptTimeoutMs: number;
  maxJobAgeMs: number;
  /** Problems seen by every attempt and check, whether or not they changed. */
  onProblems: (problems: PrinterProblem[]) => void;
  onLength: (length: number) => void;
  onDropped: (job: { createdAt: number; ageMs: number }) => void;
}

interface Job {
  bytes: Uint8Array;
  createdAt: number;
  /** Settles the caller's promise with the result of the first attempt that concerned this job. */
  answer: ((outcome: PrintOutcome) => void) | null;
}

/**
 * The receipts waiting for one printer, oldest first, sent one at a time. A failed attempt leaves the
 * job at the head and tries again every `retryMs` (and at once when a new job arrives), so receipts
 * come out in order once the paper is changed. A job older than `maxJobAgeMs` is dropped: a receipt
 * printed long after the citizen left the kiosk only confuses the next person.
 */
export class PrintQueue {
  private readonly jobs: Job[] = [];
  private running = false;
  private closed = false;
  private lastProblems: PrinterProblem[] = [];
  private wake: (() => void) | null = null;
  /** Attempts and status checks take turns: most printers serve one connection at a time. */
  private lane: Promise<unknown> = Promise.resolve();
  private readonly aborts = new Set<AbortController>();

  constructor(
    private transport: PrinterTransport,
    private readonly options: PrintQueueOptions,
  ) {}

  get length(): number {
    return this.jobs.length;
  }

  /** The printer's address changed: later attempts use the new transport. */
  replaceTransport(transport: PrinterTransport): void {
    this.transport.close();
    this.transport = transport;
  }

  /** Resolves with the outcome of the first attempt made while this job was waiting. */
  enqueue(bytes: Uint8Array): Promise<PrintOutcome> {
    if (this.closed) return Promise.resolve({ status: 'failed', problem: 'error' });
    return new Promise((resolve) => {
      this.jobs.push({ bytes, createdAt: this.options.now(), answer: resolve });
      this.options.onLength(this.jobs.length);
      // A new receipt is a good moment to see whether the printer is back, rather than wait for the timer.
      this.wake?.();
      void this.pump();
    });
  }

  /** Asks the printer now, between print attempts. */
  async check(): Promise<PrinterProblem[]> {
    if (this.closed) return this.lastProblems;
    const problems = await this.exclusive((signal) => this.transport.status(signal));
    if (!this.closed) this.report(problems);
    return problems;
  }

  close(): void {
    this.closed = true;
    for (const abort of this.aborts) abort.abort();
    this.wake?.();
    this.transport.close();
    for (const job of this.jobs.splice(0)) this.answer(job, { status: 'failed', problem: mainProblem(this.lastProblems) ?? 'error' });
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.closed) {
        this.dropExpired();
        const job = this.jobs[0];
        if (!job) break;
        const attempt = await this.exclusive((signal) => this.transport.print(job.bytes, signal));
        if (this.closed) break;
        this.report(attempt.problems);
        if (attempt.printed) {
          this.jobs.shift();
          this.options.onLength(this.jobs.length);
          this.answer(job, { status: 'printed', problem: mainProblem(attempt.problems) });
          continue;
        }
        this.failAll(attempt);
        await this.sleep(this.options.retryMs);
      }
    } finally {
      this.running = false;
    }
  }

  /** The attempt was about the head job, but it is also the first answer for those queued behind it. */
  private failAll(attempt: PrintAttempt): void {
    const outcome: PrintOutcome = { status: 'failed', problem: mainProblem(attempt.problems) ?? 'error' };
    for (const job of this.jobs) this.answer(job, outcome);
  }

  private dropExpired(): void {
    const now = this.options.now();
    const expired = this.jobs.filter((job) => now - job.createdAt > this.options.maxJobAgeMs);
    if (expired.length === 0) return;
    for (const job of expired) {
      this.jobs.splice(this.jobs.indexOf(job), 1);
      this.answer(job, { status: 'failed', problem: mainProblem(this.lastProblems) ?? 'error' });
      this.options.onDropped({ createdAt: job.createdAt, ageMs: now - job.createdAt });
    }
    this.options.onLength(this.jobs.length);
  }

  private answer(job: Job, outcome: PrintOutcome): void {
    job.answer?.(outcome);
    job.answer = null;
  }

  private report(problems: PrinterProblem[]): void {
    this.lastProblems = problems;
    this.options.onProblems(problems);
  }

  /** Runs one printer conversation at a time, each cut off after the per-attempt timeout. */
  private exclusive<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const run = async () => {
      const abort = new AbortController();
      this.aborts.add(abort);
      if (this.closed) abort.abort();
      const timer = setTimeout(() => abort.abort(), this.options.attemptTimeoutMs);
      try {
        return await work(abort.signal);
      } finally {
        clearTimeout(timer);
        this.aborts.delete(abort);
      }
    };
    const result = this.lane.then(run, run);
    this.lane = result.catch(() => undefined);
    return result;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
