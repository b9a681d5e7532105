import type { Ticket } from '../domain/types.ts';
import { localMinutes, serviceDayStart } from '../domain/time.ts';
import type { OpenDb } from '../db/open-db.ts';
import { estimatesRepo, type CounterNow } from '../db/repositories/estimates-repo.ts';
import type { Clock } from '../domain/clock.ts';
import type { ConfigCache } from '../db/config-cache.ts';
import { callTime, drainMs, remainingMs, type CounterTurns } from './wait-model.ts';

/** Before a field has any visit, today or on the days before, we assume this long per citizen. */
export const DEFAULT_SERVICE_MINUTES = 8;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Today's visits the mean is taken over: recent enough to follow the day, enough to be steady. */
const RECENT_VISITS = 50;
/** The earlier days' mean counts as this many visits beside today's. */
const HISTORY_WEIGHT = 20;
const HISTORY_DAYS = 7;
/** A counter that calls again within this long after a visit was calling straight on; a longer gap was idleness. */
const GAP_WITHIN = 3 * MINUTE;
const ARRIVALS_WINDOW = 30 * MINUTE;
/** A pause that is not the counter's lunch is assumed to last this long. */
const SHORT_PAUSE = 10 * MINUTE;
/** A lunch break: a pause of at least 45 minutes that began between 10:30 and 13:30 (local time). */
const LUNCH = { minMs: 45 * MINUTE, from: 10 * 60 + 30, to: 13 * 60 + 30, earlyMs: 30 * MINUTE };
const CACHE_MS = 30_000;

/** The ingredients of the estimate; all on in the product. The accuracy benchmark turns them off one by one. */
export interface EstimateMethod {
  /** Priority citizens count only priority citizens ahead; normal ones allow for priority arrivals going first. */
  classes: boolean;
  /** A counter that serves other fields first joins once those fields' queues are expected to empty. */
  fieldOrder: boolean;
  /** Visits under way end when their expected time is up, not all at once now. */
  residual: boolean;
  /** Counters take their usual time between one visit and the next call. */
  gap: boolean;
  /** Counters take their usual lunch break; paused counters are expected back. */
  breaks: boolean;
  /** The earlier days' mean visit steadies today's. */
  history: boolean;
}

export const fullMethod: EstimateMethod = { classes: true, fieldOrder: true, residual: true, gap: true, breaks: true, history: true };

export type WaitingTicket = Pick<Ticket, 'id' | 'fieldId' | 'priority' | 'queuedAt' | 'serviceDay' | 'targetCounterId' | 'status'>;

/**
 * Estimated wait of a waiting citizen, in whole minutes: when a counter is expected to call them. The people
 * ahead are lined up at the counters that can call them, the earliest free counter taking the next one:
 *
 *   counter c is free first at   now + what is left of its current visit + g   (now, if it is free),
 *   then again every             (m + g) ÷ class share ÷ field share;
 *   wait = when the counter that takes this citizen is free, after the people ahead have been taken.
 *
 * With many people ahead this tends to ahead × (m + g) ÷ counters, the old formula, but it counts the right
 * people, the right counters and the right minutes:
 *
 *   1. People ahead: the field's waiting citizens queued before them (not those sent to one counter). A priority
 *      citizen counts only priority citizens ahead: the engine calls that class first (domain/ordering.ts).
 *   2. Minutes per citizen m: the mean visit (call → done or absent) of the field's last 50 visits today, with the
 *      previous 7 days' mean counting as 20 more visits (8 minutes with no history at all); g: the mean time a
 *      counter takes from the end of a visit to its next call (when it calls within 3 minutes), from today's log.
 *      What is left of a visit under way: its field's m less the time already spent, at least a quarter of m.
 *   3. Class share: for a normal citizen 1 − p, p being today's share of priority tickets (at most the interleave's
 *      share), since priority citizens who arrive meanwhile go first; for a priority citizen, while others wait
 *      too, the interleave's share (1 in 3 by default); otherwise 1.
 *   4. Counters: the open counters serving the field. One that serves other fields first (field order) starts on
 *      this one only when those fields' queues are expected to empty: queued × their (m + g) ÷ (counters for which
 *      that field is the first with someone waiting − arrivals per minute over the last 30 minutes × their m + g);
 *      never while arrivals keep up. A weighted counter's field share is its weight among its fields with someone
 *      waiting; otherwise the field share is 1.
 *   5. Breaks: a counter that paused for lunch on its last working day (45 minutes or more, begun between 10:30
 *      and 13:30) is expected to do so again at the same times: a turn that would fall in it waits for its end
 *      (a counter still open takes its next citizen first: it has not left). A paused counter is back at the end
 *      of its lunch, or in 10 minutes from another pause.
 *
 * Null when no counter serving the field is open and none is away for its lunch (nobody can say when service
 * resumes). Means, the gap, the priority share and the arrival rates are cached for 30 s, the earlier days' means
 * and the lunch habits for the day; queue lengths come from the fields' tallies, so an estimate costs the same
 * with 10 or 5,000 people waiting. Accuracy against simulated days, with each ingredient turned off in turn, is in
 * docs/benchmarks.md (`pnpm --dir server bench:eta --ablation`).
 */
export function createEstimates(deps: { store: OpenDb; clock: Clock; config: ConfigCache; method?: EstimateMethod }) {
  const { db } = deps.store;
  const method = deps.method ?? fullMethod;
  const cached = new Map<string, { at: number; value: number }>();
  const lunches = new Map<string, Map<number, readonly [number, number]>>();
  const history = new Map<string, Map<number, { ms: number; n: number }>>();

  /** A number recomputed at most every 30 s. */
  function memo(key: string, compute: () => number): number {
    const now = deps.clock.now();
    const hit = cached.get(key);
    if (hit && now - hit.at < CACHE_MS) return hit.value;
    const value = compute();
    cached.set(key, { at: now, value });
    return value;
  }

  function meanVisitMs(fieldId: number, dayStart: number): number {
    return memo(`visit|${fieldId}|${dayStart}`, () => {
      const today = estimatesRepo.recentVisitMs(db, fieldId, dayStart, dayStart + DAY, RECENT_VISITS);
      const before = method.history ? earlierMeans(dayStart).get(fieldId) : undefined;
      const weight = before ? HISTORY_WEIGHT : 0;
      const total = today.reduce((a, b) => a + b, 0) + weight * (before?.ms ?? 0);
      return today.length + weight > 0 ? total / (today.length + weight) : DEFAULT_SERVICE_MINUTES * MINUTE;
    });
  }

  function earlierMeans(dayStart: number): Map<number, { ms: number; n: number }> {
    const key = String(dayStart);
    let means = history.get(key);
    if (!means) {
      means = estimatesRepo.visitMeans(db, dayStart - HISTORY_DAYS * DAY, dayStart);
      history.clear();
      history.set(key, means);
    }
    return means;
  }

  function gapMs(dayStart: number): number {
    if (!method.gap) return 0;
    return memo(`gap|${dayStart}`, () => {
      const gaps = estimatesRepo.gapsBetweenVisits(db, dayStart, 100, GAP_WITHIN);
      return gaps.length >= 5 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0;
    });
  }

  function priorityShare(serviceDay: string): number {
    const { interleave } = deps.config.get().rules;
    const cap = interleave.priority / (interleave.priority + interleave.normal);
    return memo(`classes|${serviceDay}`, () => {
      const { issued, priority } = estimatesRepo.classes(db, serviceDay);
      return issued >= 20 ? Math.min(cap, priority / issued) : 0;
    });
  }

  /** Each counter's lunch on its last working day within the week, as times of `serviceDay`. */
  function lunchOf(serviceDay: string, dayStart: number): Map<number, readonly [number, number]> {
    let byCounter = lunches.get(serviceDay);
    if (byCounter) return byCounter;
    byCounter = new Map();
    const midnight = serviceDayStart(serviceDay, '00:00');
    for (const p of estimatesRepo.longPauses(db, dayStart - HISTORY_DAYS * DAY, dayStart, LUNCH.minMs)) {
      const start = localMinutes(p.pausedAt);
      if (start < LUNCH.from || start > LUNCH.to) continue;
      // Oldest first, so the last working day's lunch is the one kept.
      byCounter.set(p.counterId, [midnight + start * MINUTE, midnight + localMinutes(p.backAt) * MINUTE]);
    }
    lunches.clear();
    lunches.set(serviceDay, byCounter);
    return byCounter;
  }

  /** Numbers issued per field over the last 30 minutes, recounted at most every 30 s (a rate, not a count). */
  let arrivalsMemo: { at: number; byField: Map<number, number> } | null = null;
  function recentArrivals(now: number): Map<number, number> {
    if (!arrivalsMemo || now - arrivalsMemo.at >= CACHE_MS || now < arrivalsMemo.at) arrivalsMemo = { at: now, byField: estimatesRepo.issuedSince(db, now - ARRIVALS_WINDOW) };
    return arrivalsMemo.byField;
  }

  /**
   * For a counter that calls other fields first: how long until it turns to `fieldId`, i.e. until the queues of
   * the fields before it are expected to empty (Infinity: not while arrivals keep up with them).
   */
  function otherFieldsFirst(fieldId: number, counters: readonly CounterNow[], waiting: ReadonlyMap<number, number>, gap: number, now: number, dayStart: number) {
    const links = deps.config.get().counterLinks;
    const arrivals = recentArrivals(now);
    const open = counters.filter((c) => c.status === 'open');
    const drains = new Map<number, number>();
    const drainOf = (other: number) => {
      let ms = drains.get(other);
      if (ms === undefined) {
        // Counters for which `other` is the first field with someone waiting.
        const own = open.filter((c) => {
          const list = links.get(c.id) ?? [];
          const at = list.findIndex((l) => l.fieldId === other);
          return at >= 0 && list.slice(0, at).every((l) => (waiting.get(l.fieldId) ?? 0) === 0);
        }).length;
        ms = drainMs(waiting.get(other) ?? 0, meanVisitMs(other, dayStart) + gap, own, (arrivals.get(other) ?? 0) / ARRIVALS_WINDOW);
        drains.set(other, ms);
      }
      return ms;
    };
    return (c: CounterNow): number => {
      if (c.policy !== 'order') return 0;
      const own = links.get(c.id) ?? [];
      const before = own.slice(0, Math.max(0, own.findIndex((l) => l.fieldId === fieldId)));
      return before.reduce((longest, l) => Math.max(longest, drainOf(l.fieldId)), 0);
    };
  }

  /**
   * The citizens ahead of a waiting ticket, counted as the engine calls them (domain/ordering.ts): one sent to a
   * counter counts those sent there before it; a priority citizen counts only priority citizens ahead in the
   * field's queue (the class goes first); a normal one counts everyone queued before them. What the kiosk, the
   * receipt and the phone say, and what the estimate lines up.
   */
  function peopleAhead(ticket: WaitingTicket, byClass: boolean, waiting: ReadonlyMap<number, number>): number {
    if (ticket.targetCounterId !== null) return estimatesRepo.aheadAtCounter(db, ticket, ticket.targetCounterId);
    return estimatesRepo.ahead(db, ticket, byClass && ticket.priority !== null, waiting.get(ticket.fieldId) ?? 0);
  }

  /** Citizens in each field's general queue (all fields: counters serving other fields first need theirs). */
  function waitingNow(ticket: WaitingTicket): Map<number, number> {
    return estimatesRepo.waitingByField(db, ticket.serviceDay, new Set([ticket.fieldId, ...deps.config.get().fields.keys()]));
  }

  /** Minutes until the ticket is expected to be called, `ahead` being the citizens before it; null when nobody can say. */
  function waitMinutes(ticket: WaitingTicket, ahead: number, waiting: ReadonlyMap<number, number>): number | null {
    const config = deps.config.get();
    const now = deps.clock.now();
    const dayStart = serviceDayStart(ticket.serviceDay, config.rules.dayRollover);
    const links = (counterId: number) => config.counterLinks.get(counterId) ?? [];
    const sentToCounter = ticket.targetCounterId !== null;
    // A priority citizen, or one sent to a counter, is called before the general queue of normal citizens.
    const priority = method.classes && ticket.priority !== null;
    const first = priority || sentToCounter;
    const counters = estimatesRepo.counters(db);
    const serving = counters.filter((c) => (sentToCounter ? c.id === ticket.targetCounterId : links(c.id).some((l) => l.fieldId === ticket.fieldId)));
    const lunch = method.breaks ? lunchOf(ticket.serviceDay, dayStart) : new Map<number, readonly [number, number]>();
    const atLunch = (c: CounterNow) => {
      const l = lunch.get(c.id);
      return l !== undefined && now >= l[0] - LUNCH.earlyMs && now < l[1];
    };
    // A strictly priority-only counter never calls a normal citizen: it is no turn of theirs (Decree 107, #17).
    const canCall = serving.filter((c) => (c.status === 'open' || (method.breaks && c.status === 'paused')) && (ticket.priority !== null || sentToCounter || c.priorityMode !== 'priority_only'));
    if (!serving.some((c) => c.status === 'open') && !canCall.some(atLunch)) return null;

    const gap = gapMs(dayStart);
    const perCitizen = meanVisitMs(ticket.fieldId, dayStart) + gap;
    const othersWaiting = (waiting.get(ticket.fieldId) ?? 0) > ahead + 1;
    const share = !method.classes || sentToCounter ? 1 : classShare(priority, othersWaiting, config.rules.interleave, () => priorityShare(ticket.serviceDay));
    const step = perCitizen / share;
    const startsAfter = method.fieldOrder && !first ? otherFieldsFirst(ticket.fieldId, counters, waiting, gap, now, dayStart) : () => 0;
    // If every counter calls other fields first and those queues never seem to empty, the estimate cannot see
    // when they will turn: they are then counted as if this field were their own.
    const delays = canCall.map(startsAfter);
    const noneTurns = delays.every((d) => !Number.isFinite(d));

    const turns: CounterTurns[] = [];
    for (const [i, c] of canCall.entries()) {
      const delay = noneTurns ? 0 : (delays[i] ?? 0);
      if (!Number.isFinite(delay)) continue;
      let freeAt = now;
      if (c.status === 'paused') {
        const l = lunch.get(c.id);
        freeAt = l !== undefined && atLunch(c) ? l[1] : now + SHORT_PAUSE;
      } else if (method.residual && c.currentFieldId !== null && c.calledAt !== null) {
        freeAt = now + remainingMs(meanVisitMs(c.currentFieldId, dayStart), now - c.calledAt) + gap;
      }
      const fieldShare = c.policy === 'weights' && !first && method.fieldOrder ? weightShare(links(c.id), ticket.fieldId, waiting) : 1;
      // A priority counter gives a priority citizen every call while they wait, not the interleave's share. For a
      // normal citizen the priority citizens already waiting are among those ahead, and the ones still to come go
      // first at any counter (the class share): a priority-first counter is counted like a mixed one there, which
      // is conservative only in that it may send more arrivals of priority to it than the engine does.
      const stepMs = priority && c.priorityMode !== 'mixed' ? perCitizen / fieldShare : step / fieldShare;
      turns.push({ freeAt: Math.max(freeAt, now + delay), stepMs, lunch: lunch.get(c.id) ?? null, openNow: c.status === 'open' });
    }
    const at = callTime(turns, ahead);
    return at === null ? null : Math.max(0, Math.round((at - now) / MINUTE));
  }

  return {
    /** The field's mean visit as the estimate measures it today (recent visits, weighted history): sizes booking slots. */
    meanVisitMs(fieldId: number, serviceDay: string): number {
      return meanVisitMs(fieldId, serviceDayStart(serviceDay, deps.config.get().rules.dayRollover));
    },

    /** Minutes until the ticket is expected to be called; null when it is not waiting or nobody can say. */
    waitMinutes(ticket: WaitingTicket): number | null {
      if (ticket.status !== 'waiting') return null;
      const waiting = waitingNow(ticket);
      return waitMinutes(ticket, peopleAhead(ticket, method.classes, waiting), waiting);
    },

    /** What a waiting citizen is told: the people ahead and the estimated wait, from one count. Null when not waiting. */
    forCitizen(ticket: WaitingTicket): { peopleAhead: number; estimatedWaitMinutes: number | null } | null {
      if (ticket.status !== 'waiting') return null;
      const waiting = waitingNow(ticket);
      const ahead = peopleAhead(ticket, true, waiting);
      const lined = method.classes ? ahead : peopleAhead(ticket, false, waiting);
      return { peopleAhead: ahead, estimatedWaitMinutes: waitMinutes(ticket, lined, waiting) };
    },
  };
}

/**
 * The share of a counter's calls that go to the citizen's class. Priority arrivals go ahead of a normal citizen,
 * so the normal class gets 1 − p (p: today's share of priority tickets, at most the interleave's). While others
 * wait too, a counter gives the priority class only the interleave's share of its calls (1 in 3 by default).
 */
function classShare(priority: boolean, othersWaiting: boolean, interleave: { priority: number; normal: number }, priorityShare: () => number): number {
  if (!priority) return 1 - priorityShare();
  return othersWaiting ? interleave.priority / (interleave.priority + interleave.normal) : 1;
}

/** A weighted counter's share of calls for the field: its weight among its fields that have someone waiting. */
function weightShare(links: readonly { fieldId: number; weight: number }[], fieldId: number, waiting: ReadonlyMap<number, number>): number {
  const busy = links.filter((l) => l.fieldId === fieldId || (waiting.get(l.fieldId) ?? 0) > 0);
  const total = busy.reduce((sum, l) => sum + Math.max(1, l.weight), 0);
  const own = links.find((l) => l.fieldId === fieldId);
  return own && total > 0 ? Math.max(1, own.weight) / total : 1;
}

export type Estimates = ReturnType<typeof createEstimates>;
