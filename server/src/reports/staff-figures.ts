import type { StaffFigureRow } from '@luot/shared';
import { freshMemory, step, type TicketMemory } from './ticket-fold.ts';
import type { SweepEvent } from './staff-figures-repo.ts';

/** What one officer or one counter adds up to over the period. */
export class StaffTally {
  served = 0;
  recalls = 0;
  noShows = 0;
  openMs = 0;
  idleMs = 0;
  pauseMs = new Map<string | null, number>();
  walk = { n: 0, ms: 0 };
  service = { n: 0, ms: 0 };
  ratings = 0;
  satisfied = 0;

  row(key: number, label: { vi: string; en: string }): StaffFigureRow {
    const minutes = (ms: number) => Math.round(ms / 6000) / 10;
    const pauses = [...this.pauseMs].map(([reason, ms]) => ({ reason, minutes: minutes(ms) })).sort((a, b) => b.minutes - a.minutes);
    return {
      key,
      label,
      served: this.served,
      openMinutes: minutes(this.openMs),
      servedPerHour: this.openMs > 0 ? Math.round((this.served / (this.openMs / 3_600_000)) * 10) / 10 : null,
      meanVisitMinutes: this.service.n > 0 ? Math.round(this.service.ms / this.service.n / 6000) / 10 : null,
      meanWalkSeconds: this.walk.n > 0 ? Math.round(this.walk.ms / this.walk.n / 100) / 10 : null,
      idleMinutes: minutes(this.idleMs),
      pauseMinutes: minutes([...this.pauseMs.values()].reduce((a, b) => a + b, 0)),
      pauses,
      recalls: this.recalls,
      noShows: this.noShows,
      ratings: this.ratings,
      satisfiedShare: this.ratings > 0 ? Math.round((this.satisfied / this.ratings) * 1000) / 1000 : null,
    };
  }
}

interface CounterState {
  status: 'open' | 'paused' | 'closed';
  reason: string | null;
  current: number | null;
  officer: number | null;
}

/**
 * Staff figures over the event log, one service day at a time. Counts and durations (served, recalls, no-shows,
 * walk, visit) come from the report fold (ticket-fold.ts), the same that makes every other report figure, so they
 * agree with the counter and officer reports. Time budgets come from a sweep over the same events: between two
 * events each counter is open (and then idle when it serves nobody while someone waits for one of its fields),
 * paused for a reason, or closed; that time goes to the counter and to the officer seated there.
 *
 * Limits, stated: the fields a counter serves are today's set-up; a day starts with every counter closed and ends
 * at its last event (a counter left open overnight is not counted as open all night); a citizen sent to one
 * counter counts as waiting for the field.
 */
export class StaffSweep {
  readonly counters = new Map<number, StaffTally>();
  readonly officers = new Map<number, StaffTally>();

  constructor(private readonly fieldsOf: Map<number, number[]>) {}

  private tally(map: Map<number, StaffTally>, key: number): StaffTally {
    let t = map.get(key);
    if (!t) map.set(key, (t = new StaffTally()));
    return t;
  }

  private both(counter: number, officer: number | null, f: (t: StaffTally) => void): void {
    if (counter) f(this.tally(this.counters, counter));
    if (officer) f(this.tally(this.officers, officer));
  }

  /** One service day's events, in time order. */
  day(events: readonly SweepEvent[]): void {
    const state = new Map<number, CounterState>();
    const waiting = new Map<number, number>();
    const waitingIn = new Map<number, number>();
    const memory = new Map<number, TicketMemory>();
    let last: number | null = null;

    const advance = (to: number) => {
      if (last !== null && to > last) {
        const dt = to - last;
        for (const [counterId, s] of state) {
          if (s.status === 'open') {
            const idle = s.current === null && (this.fieldsOf.get(counterId) ?? []).some((f) => (waiting.get(f) ?? 0) > 0);
            this.both(counterId, s.officer, (t) => {
              t.openMs += dt;
              if (idle) t.idleMs += dt;
            });
          } else if (s.status === 'paused') {
            this.both(counterId, s.officer, (t) => t.pauseMs.set(s.reason, (t.pauseMs.get(s.reason) ?? 0) + dt));
          }
        }
      }
      last = to;
    };
    const counter = (id: number): CounterState => {
      let s = state.get(id);
      if (!s) state.set(id, (s = { status: 'closed', reason: null, current: null, officer: null }));
      return s;
    };

    for (const e of events) {
      advance(e.at);
      const data = JSON.parse(e.data) as { reason?: unknown; fromFieldId?: unknown };
      if (e.counterId !== null && e.type.startsWith('counter_')) {
        const s = counter(e.counterId);
        if (e.actorId !== null) s.officer = e.actorId;
        s.status = e.type === 'counter_paused' ? 'paused' : e.type === 'counter_closed' ? 'closed' : 'open';
        s.reason = e.type === 'counter_paused' && typeof data.reason === 'string' ? data.reason : null;
        continue;
      }
      if (e.ticketId === null) continue;
      // The queue each field has: who waits for it now.
      if (e.fromStatus === 'waiting') {
        const f = waitingIn.get(e.ticketId);
        if (f !== undefined) waiting.set(f, (waiting.get(f) ?? 1) - 1);
        waitingIn.delete(e.ticketId);
      }
      if (e.toStatus === 'waiting' && e.fieldId !== null) {
        waitingIn.set(e.ticketId, e.fieldId);
        waiting.set(e.fieldId, (waiting.get(e.fieldId) ?? 0) + 1);
      }
      // Who the counter serves now; a call at a counter never seen opened today means it was open.
      if (e.counterId !== null) {
        const s = counter(e.counterId);
        if (e.actorId !== null) s.officer = e.actorId;
        if (e.type === 'called') {
          s.current = e.ticketId;
          if (s.status === 'closed') s.status = 'open';
        } else if (s.current === e.ticketId && e.type !== 'recalled' && e.type !== 'serving') s.current = null;
      }
      // Counts and durations: the report fold, per ticket.
      if (e.serviceDay === null || e.issuedAt === null) continue;
      let m = memory.get(e.ticketId);
      if (!m) memory.set(e.ticketId, (m = freshMemory()));
      const c = step(m, { serviceDay: e.serviceDay, issuedAt: e.issuedAt }, {
        type: e.type,
        at: e.at,
        fieldId: e.fieldId,
        counterId: e.counterId,
        actorId: e.actorId,
        fromFieldId: typeof data.fromFieldId === 'number' ? data.fromFieldId : null,
      });
      if (!c) continue;
      this.both(c.counter, c.officer || null, (t) => {
        if (c.count === 'served') t.served += 1;
        if (c.count === 'recalls') t.recalls += 1;
        if (c.count === 'noShow') t.noShows += 1;
        const d = c.duration === null ? null : c.duration.name === 'walk' ? t.walk : c.duration.name === 'service' ? t.service : null;
        if (d && c.duration) {
          d.n += 1;
          d.ms += c.duration.ms;
        }
      });
    }
  }

  rating(counterId: number | null, officerId: number | null, score: number): void {
    this.both(counterId ?? 0, officerId, (t) => {
      t.ratings += 1;
      if (score <= 2) t.satisfied += 1;
    });
  }
}
