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

/** Above this much stepping (people ahead × counters), the turns are counted by bisection instead. */
const STEPWISE_LIMIT = 256;

/**
 * When the citizen with `ahead` people before them is called: the counters take the people ahead in turn, the
 * earliest free one first, and the citizen goes to whichever is free next. Null without any counter. Long
 * queues are answered by counting turns (callTimeByCounting) so the cost does not grow with the queue; the
 * step-by-step walk (callTimeStepwise) is the definition, and a property test holds the two equal.
 */
export function callTime(counters: readonly CounterTurns[], ahead: number): number | null {
  return ahead * counters.length <= STEPWISE_LIMIT ? callTimeStepwise(counters, ahead) : callTimeByCounting(counters, ahead);
}

const afterLunch = (at: number, lunch: CounterTurns['lunch']) => (lunch !== null && at >= lunch[0] && at < lunch[1] ? lunch[1] : at);

export function callTimeStepwise(counters: readonly CounterTurns[], ahead: number): number | null {
  // Turn k of a line is start + k × step (computed, not summed, so both ways of counting meet the same numbers);
  // a turn put off to the end of lunch starts the line again from there.
  const lines = counters.map((c) => {
    const start = c.openNow ? c.freeAt : afterLunch(c.freeAt, c.lunch);
    return { ...c, start, k: 0, next: start };
  });
  if (lines.length === 0) return null;
  for (let served = 0; ; served++) {
    let first = lines[0];
    for (const line of lines) if (first && line.next < first.next) first = line;
    if (!first) return null;
    if (served === ahead) return first.next;
    const due = first.start + (first.k + 1) * first.stepMs;
    const at = afterLunch(due, first.lunch);
    if (at === due) first.k += 1;
    else [first.start, first.k] = [at, 0];
    first.next = at;
  }
}

/** `count` turns (Infinity: no end) at start, start + step, … */
interface Run {
  start: number;
  step: number;
  count: number;
}

/** A counter's turns as at most two runs: up to its lunch, and from the end of it (or from the turn after it). */
function runsOf(c: CounterTurns): Run[] {
  const t0 = c.openNow ? c.freeAt : afterLunch(c.freeAt, c.lunch);
  const step = c.stepMs;
  if (c.lunch === null || t0 >= c.lunch[1]) return [{ start: t0, step, count: Infinity }];
  const [from, to] = c.lunch;
  // Turns before the lunch (t0 itself even if it falls inside, for a counter still open), then the first one due
  // at or after its start, put off to its end if it falls inside.
  let before = t0 >= from ? 1 : Math.max(1, Math.ceil((from - t0) / step));
  while (before > 1 && t0 + (before - 1) * step >= from) before--;
  while (t0 < from && t0 + before * step < from) before++;
  const due = t0 + before * step;
  // Due after the lunch is over: the lunch never comes between this counter's turns.
  if (due >= to) return [{ start: t0, step, count: Infinity }];
  return [
    { start: t0, step, count: before },
    { start: to, step, count: Infinity },
  ];
}

const turnsBy = (r: Run, at: number) => (at < r.start ? 0 : Math.min(r.count, Math.floor((at - r.start) / r.step) + 1));

/** The (ahead + 1)-th turn over all counters, found by bisecting on time and counting each run's turns. */
export function callTimeByCounting(counters: readonly CounterTurns[], ahead: number): number | null {
  if (counters.length === 0) return null;
  if (counters.some((c) => !(c.stepMs > 0) || !Number.isFinite(c.stepMs))) return callTimeStepwise(counters, ahead);
  const runs = counters.flatMap(runsOf);
  const wanted = ahead + 1;
  const turnsAt = (at: number) => runs.reduce((n, r) => n + turnsBy(r, at), 0);
  let low = Math.min(...runs.map((r) => r.start)) - 1;
  // One counter alone would have given the wanted turn by then: an upper bound.
  let high = Math.min(...counters.map((c) => c.freeAt + (c.lunch ? c.lunch[1] - c.lunch[0] : 0) + wanted * c.stepMs)) + 1;
  high = Math.max(high, low + 1);
  while (turnsAt(high) < wanted) high += high - low;
  for (let i = 0; i < 200 && high - low > 1e-6; i++) {
    const mid = low + (high - low) / 2;
    if (turnsAt(mid) >= wanted) high = mid;
    else low = mid;
  }
  // The earliest turn after `low`: the wanted one.
  let best = Infinity;
  for (const r of runs) {
    const k = low < r.start ? 0 : Math.floor((low - r.start) / r.step) + 1;
    if (k < r.count) best = Math.min(best, r.start + k * r.step);
  }
  return best;
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
