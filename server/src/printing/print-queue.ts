import type { PrinterProblem, PrintOutcome } from '@luot/shared';
import { mainProblem } from './printer-status.ts';
import type { PrintAttempt, PrinterTransport } from './transport.ts';

export interface PrintQueueOptions {
  now: () => number;
  retryMs: number;
  attemptTimeoutMs: number;
  maxJobAgeMs: number;
  /** A job still waiting this long after it was queued prints its late version (when it has one). */
  lateAfterMs: number;
  /** Problems seen by every attempt and check, whether or not they changed. */
  onProblems: (problems: PrinterProblem[]) => void;
  onLength: (length: number) => void;
  onDropped: (job: { createdAt: number; ageMs: number }) => void;
}

/** What to print: the bytes, and the bytes to print instead once the job is late (drawn only if needed). */
export interface PrintJob {
  bytes: Uint8Array;
  late?: () => Uint8Array;
}

interface Job extends PrintJob {
  createdAt: number;
  /** An attempt failed while it waited: whoever took the number has been told there was no receipt. */
  failed: boolean;
  /** Settles the caller's promise with the result of the first attempt that concerned this job. */
  answer: ((outcome: PrintOutcome) => void) | null;
}

/**
 * The receipts waiting for one printer, oldest first, sent one at a time. A failed attempt leaves the
 * job at the head and tries again every `retryMs` (and at once when a new job arrives), so receipts
 * come out in order once the paper is changed. A job that comes out after a failed attempt, or more than
 * `lateAfterMs` after it was queued, prints its late version (a receipt saying it is reprinted and when the
 * number was taken), so the next person at the kiosk does not take it for theirs. A job older than
 * `maxJobAgeMs` is dropped: by then its citizen has long left the kiosk.
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
  enqueue(job: PrintJob): Promise<PrintOutcome> {
    if (this.closed) return Promise.resolve({ status: 'failed', problem: 'error' });
    return new Promise((resolve) => {
      this.jobs.push({ ...job, createdAt: this.options.now(), failed: false, answer: resolve });
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
        const bytes = this.isLate(job) && job.late ? job.late() : job.bytes;
        const attempt = await this.exclusive((signal) => this.transport.print(bytes, signal));
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
    for (const job of this.jobs) {
      job.failed = true;
      this.answer(job, outcome);
    }
  }

  private isLate(job: Job): boolean {
    return job.failed || this.options.now() - job.createdAt > this.options.lateAfterMs;
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
