import { TestClock } from '../src/test-support/test-app.ts';

/** Benchmarks run on real time so durations and the service day are real. */
export class LiveClock extends TestClock {
  override now(): number {
    return Date.now();
  }
}

/** A chosen moment that then runs on with real time: the bench's day and hour, with rate limits that refill. */
export class RunningClock extends TestClock {
  private readonly startedAt = performance.now();
  override now(): number {
    return this.ms + Math.round(performance.now() - this.startedAt);
  }
}
