import { TestClock } from '../src/test-support/test-app.ts';

/** Benchmarks run on real time so durations and the service day are real. */
export class LiveClock extends TestClock {
  override now(): number {
    return Date.now();
  }
}
