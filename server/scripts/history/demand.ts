import type { RatingReason } from '@luot/shared';
import type { Ticket } from '../../src/domain/types.ts';
import type { StaffActor } from '../../src/services/actor.ts';
import type { Random } from './random.ts';

const SECOND = 1000;
import type { Clock } from '../../src/domain/clock.ts';

/** The simulated center's demand and calendar, and the simulator's options: what the history is made of. */

/** Time the generator controls: set before each command, read by the queue service. */
export class SimClock implements Clock {
  constructor(public ms = 0) {}
  now(): number {
    return this.ms;
  }
}

/** Half-hour arrival weights from 07:30 to 16:30: a morning peak, a lunch lull, a smaller afternoon peak. */
export const arrivalSlots = [6, 9, 10, 10, 9, 8, 7, 5, 2, 1, 1, 3, 6, 7, 6, 5, 4, 2];
/** Monday is the busiest day; Friday afternoon the quietest. Index = getUTCDay(). */
export const weekdayFactor = [0, 1.12, 1.0, 0.97, 0.95, 0.96, 0];
/** Busier before Tết and at the start of the year, quiet in the Tết month and in summer. */
export const monthFactor = [1.1, 0.8, 1.05, 1.0, 0.98, 0.95, 0.92, 0.93, 1.0, 1.02, 1.05, 1.1];
/** Public holidays on fixed solar dates (MM-DD); Tết moves with the lunar calendar and is left to the month factor. */
const holidays = new Set(['01-01', '04-30', '05-01', '09-02', '09-03']);
export const priorities = [
  { code: 'elderly', weight: 60 },
  { code: 'disability', weight: 15 },
  { code: 'pregnancy', weight: 15 },
  { code: 'meritorious', weight: 10 },
];

export interface SimOptions {
  /** Mean tickets on an ordinary working day. */
  ticketsPerDay: number;
  /** Share of tickets whose citizens belong to a priority category. */
  priorityShare?: number;
  noShowShare?: number;
  transferShare?: number;
  /**
   * 'service' runs every command through the queue service (load → decide → persist, group-commit batcher
   * inlined); 'engine' keeps the slice in memory and persists through the same repositories (EngineDriver),
   * about four times faster, for multi-year histories.
   */
  path?: 'service' | 'engine';
  /**
   * Called after each ticket is issued, inside the day's transaction, so a reader on the same connection sees
   * the queue as the kiosk would at that moment (the wait-estimate benchmark records its estimates here).
   * It must only read: the simulation's random choices do not depend on it.
   */
  onIssued?: (ticket: Ticket) => void;
  /**
   * Counters opened and closed by the hour (issue 17, the staffing replay): counter `index` (the center's order) is
   * staffed in local hour `hour` of a day whose weekday is `weekday` (Monday = 0) when this says so. The counter
   * opens on the hour (7:30 for the first hour, when the center opens) and closes at the end of its last open
   * hour, finishing the citizen at its desk first. Without it every counter is open all day.
   */
  schedule?: CounterSchedule;
  /**
   * Draw the day's arrivals (how many, when, which field, priority) from a generator of their own with this seed, so
   * two runs with different counters meet the same citizens. Without it one generator draws everything.
   */
  demandSeed?: number;
}

export type CounterSchedule = (index: number, weekday: number, hour: number) => boolean;

/** The working hours a schedule is asked about: the center opens at 7:30 and the counters close at 17:00. */
export const SCHEDULED_HOURS = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16] as const;

export interface DayStats {
  day: string;
  tickets: number;
  commands: number;
  refused: number;
}

export const isWorkingDay = (day: string) => {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day.slice(5));
};

/** One thing that happens at a moment of the simulated day. */
export type Step =
  | { kind: 'arrive'; fieldId: number; priority: string | null }
  | { kind: 'open' | 'close' | 'resume' | 'tryCall' | 'recall' | 'noShow' | 'start' | 'finish' | 'hold' | 'transfer'; counter: number; ticketId?: number }
  | { kind: 'pause'; counter: number; reason: string }
  | { kind: 'return'; counter: number; ticketId: number }
  | { kind: 'cancel'; ticketId: number };

/** A counter as the simulator drives it. */
export interface CounterSim {
  id: number;
  fieldIds: number[];
  officer: StaffActor;
  status: 'open' | 'paused' | 'closed';
  current: Ticket | null;
  closing: boolean;
  idle: boolean;
  present: boolean;
}

/**
 * About six in ten served citizens answer the counter screen's question. Most are satisfied; the longer the
 * whole visit took, the likelier a lukewarm or negative answer, which then often names the wait.
 */
export function ratingOf(r: Random, ticket: Ticket, counterId: number, officerId: number, now: number) {
  if (!r.chance(0.6)) return null;
  const hours = (now - ticket.issuedAt) / 3_600_000;
  const roll = r.next() + Math.min(0.1, hours * 0.03);
  const score = roll < 0.72 ? 1 : roll < 0.95 ? 2 : roll < 0.99 ? 3 : 4;
  const reasons: RatingReason[] = score >= 3 && r.chance(0.7) ? [hours > 1 ? 'long_wait' : r.pick(['attitude', 'extra_papers', 'repeat_visits', 'other'] as const)] : [];
  return { ticketId: ticket.id, counterId, officerId, fieldId: ticket.fieldId, serviceDay: ticket.serviceDay, score, reasons, source: 'counter' as const, at: now + r.between(3, 20) * SECOND };
}

/** What a called citizen does, as steps after the call: comes after a short walk, needs a recall, or never comes. */
export function afterCallSteps(r: Random, noShow: number, counter: number): [number, Step][] {
  const roll = r.next();
  const steps: [number, Step][] = [];
  if (roll < noShow) {
    const recalls = r.int(1, 4);
    let t = 0;
    for (let i = 0; i < recalls; i++) {
      t += r.between(40, 70) * SECOND;
      steps.push([t, { kind: 'recall', counter }]);
    }
    // After four recalls the engine marks them absent itself; otherwise the officer does.
    if (recalls < 4) steps.push([t + r.between(30, 60) * SECOND, { kind: 'noShow', counter }]);
  } else if (roll < noShow + 0.09) {
    steps.push([r.between(45, 60) * SECOND, { kind: 'recall', counter }], [r.between(70, 130) * SECOND, { kind: 'start', counter }]);
  } else {
    steps.push([Math.min(150, r.logNormal(35, 0.4)) * SECOND, { kind: 'start', counter }]);
  }
  return steps;
}
