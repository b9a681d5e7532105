/**
 * The arithmetic of the wait estimate, apart from the reads that feed it (estimates.ts), so it can be tested
 * and explained on its own. All times are epoch milliseconds.
 */

/** One counter that can call the citizen, as a line of turns for the citizen's field. */
export interface CounterTurns {
  /** When it can call its first citizen of the field. */
  freeAt: number;
  /** Time from one of its calls in the field to the next. */
  stepMs: number;
  /** Its usual lunch break [start, end), or null: a turn due inside it waits for its end. */
  lunch: readonly [number, number] | null;
  /**
   * Open now: its first turn is not put off by its usual lunch, since it has not left yet and calls the moment
   * it is free (a paused counter's first turn is already set to its return).
   */
  openNow: boolean;
}

/**
 * When the citizen with `ahead` people before them is called: the counters take the people ahead in turn, the
 * earliest free one first, and the citizen goes to whichever is free next. Null without any counter.
 */
export function callTime(counters: readonly CounterTurns[], ahead: number): number | null {
  const afterLunch = (at: number, lunch: CounterTurns['lunch']) => (lunch !== null && at >= lunch[0] && at < lunch[1] ? lunch[1] : at);
  const lines = counters.map((c) => ({ ...c, next: c.openNow ? c.freeAt : afterLunch(c.freeAt, c.lunch) }));
  if (lines.length === 0) return null;
  for (let served = 0; ; served++) {
    let first = lines[0];
    for (const line of lines) if (first && line.next < first.next) first = line;
    if (!first) return null;
    if (served === ahead) return first.next;
    first.next = afterLunch(first.next + first.stepMs, first.lunch);
  }
}

/**
 * A visit under way: expected to last the field's mean, so what is left is the mean less the time already spent;
 * one that has run past the mean is given a quarter of the mean more (long visits tend to run on).
 */
export function remainingMs(meanMs: number, elapsedMs: number): number {
  return Math.max(meanMs - elapsedMs, meanMs / 4);
}

/**
 * How long until a counter that calls other fields first turns to this one: until those fields' queues are
 * expected to empty. A field's queue shrinks at its own counters' pace less the pace of new arrivals; if
 * arrivals keep up with it, the queue never empties and the counter never turns (Infinity).
 */
export function drainMs(queued: number, meanMs: number, ownCounters: number, arrivalsPerMs: number): number {
  if (queued === 0) return 0;
  const counterWorkPerMs = ownCounters - arrivalsPerMs * meanMs;
  return counterWorkPerMs <= 0.05 ? Infinity : (queued * meanMs) / counterWorkPerMs;
}
