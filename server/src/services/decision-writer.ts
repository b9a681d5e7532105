import type { Db } from '../db/open-db.ts';
import { queueRepo } from '../db/repositories/queue-repo.ts';
import { fieldDayDeltas } from '../domain/field-day.ts';
import type { Decision, DomainEvent, Ticket } from '../domain/types.ts';
import { stampOf, type Actor } from './actor.ts';

/**
 * Writes derived from a decision that live outside the queue's own tables (the report rollups), wired in
 * app.ts. Called inside the decision's transaction and BEFORE its events are appended, because a rollup folds
 * a ticket's earlier events from the log.
 */
export interface DerivedWrites {
  record(events: readonly DomainEvent[], tickets: readonly Ticket[], stamp: { actorId: number | null }): void;
}

/** A ticket the decision created: inserted with its tracking code rather than updated. */
export interface NewTicket {
  ticket: Ticket;
  trackingCode: string;
  idempotencyKey: string | null;
}

/**
 * The one place a decision reaches the database: tickets, counters, the event log, the per-field tallies and
 * the derived writes, all in the caller's transaction. The queue service and the history generator's engine
 * driver both write through it, so the two cannot drift apart.
 */
export function createDecisionWriter(db: Db, derived: DerivedWrites) {
  /** The event log and what is derived from it, in the same transaction as the change. */
  function record(decision: Decision, actor: Actor): void {
    const stamp = stampOf(actor);
    derived.record(decision.events, decision.tickets, stamp);
    queueRepo.appendEvents(db, decision.events, stamp);
    queueRepo.applyFieldDays(db, fieldDayDeltas(decision.events, decision.tickets));
  }

  return {
    record,
    persist(decision: Decision, actor: Actor, created: NewTicket | null = null): void {
      if (created) {
        const deviceId = actor.kind === 'device' ? actor.deviceId : null;
        queueRepo.insertTicket(db, created.ticket, { trackingCode: created.trackingCode, idempotencyKey: created.idempotencyKey, deviceId });
      }
      for (const t of decision.tickets) if (t !== created?.ticket) queueRepo.updateTicket(db, t);
      for (const c of decision.counters) queueRepo.updateCounter(db, c);
      record(decision, actor);
    },
  };
}

export type DecisionWriter = ReturnType<typeof createDecisionWriter>;
