/**
 * Erlang C (the M/M/N queue): how many counters a field needs so that a chosen share of citizens is called within
 * the committed wait. Pure arithmetic, shared so the console's "what if" answers at once with the same formula as
 * the server's plan.
 *
 * What the model assumes, and so leaves out (the staffing plan says so on screen):
 * - arrivals are random (Poisson) at the hour's rate and service times exponential around their mean;
 * - one first-come queue per field served by its own counters; a counter shared by several fields is split
 *   between them, and fields are worked out apart and added up (pooled counters usually need fewer);
 * - priority classes are not modelled: with alike service times the interleave changes who waits, not the mean
 *   wait, though priority citizens then wait less and the others somewhat more than the figure;
 * - transfers count as a further arrival at the receiving field (new work there), absent citizens as arrivals.
 */

/** Probability that a citizen has to wait at all, with `servers` counters and `load` erlangs (arrivals × service). */
export function erlangC(servers: number, load: number): number {
  if (load <= 0) return 0;
  if (servers <= load) return 1;
  // Erlang B by its stable recursion, then C from B: no factorials, no overflow for large centers.
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return (servers * b) / (servers - load * (1 - b));
}

export interface QueueLoad {
  /** Citizens arriving per hour. */
  arrivalsPerHour: number;
  /** Mean time at the counter, minutes. */
  serviceMinutes: number;
}

/** Offered load in erlangs: how many counters would be busy all the time. */
export const offeredLoad = (q: QueueLoad): number => (q.arrivalsPerHour * q.serviceMinutes) / 60;

/** Share of citizens called within `targetMinutes`, 0..1; 0 when the counters cannot keep up at all. */
export function shareWithin(q: QueueLoad, servers: number, targetMinutes: number): number {
  const load = offeredLoad(q);
  if (load <= 0) return 1;
  if (servers <= load) return 0;
  return 1 - erlangC(servers, load) * Math.exp((-(servers - load) * targetMinutes) / q.serviceMinutes);
}

/** Mean wait before the call, minutes; Infinity when the counters cannot keep up. */
export function meanWaitMinutes(q: QueueLoad, servers: number): number {
  const load = offeredLoad(q);
  if (load <= 0) return 0;
  if (servers <= load) return Infinity;
  return (erlangC(servers, load) * q.serviceMinutes) / (servers - load);
}

/** No center has more counters for one field than this; past it the plan says "more than". */
export const MAX_COUNTERS = 60;

/** Fewest counters so that at least `share` (0..1) of citizens are called within `targetMinutes`. */
export function countersNeeded(q: QueueLoad, targetMinutes: number, share: number): number {
  const load = offeredLoad(q);
  if (load <= 0) return 0;
  for (let n = Math.max(1, Math.floor(load) + 1); n <= MAX_COUNTERS; n++) {
    if (shareWithin(q, n, targetMinutes) >= share) return n;
  }
  return MAX_COUNTERS;
}
