import { smsTexts } from '@luot/shared';
import type { OpenDb } from '../db/open-db.ts';
import { queueRepo } from '../db/repositories/queue-repo.ts';
import { smsRepo } from '../db/repositories/sms-repo.ts';
import type { Clock } from '../domain/clock.ts';
import type { DomainEvent, Ticket } from '../domain/types.ts';
import type { DerivedWrites } from './decision-writer.ts';
import type { Estimates } from './estimates.ts';
import type { SmsOutbox } from './sms-outbox.ts';

/**
 * "Your turn is near" and "please come to counter 3" by SMS, for citizens who gave a phone number.
 *
 * The "called" SMS is queued by `derived`, which the decision writer runs inside the call's own transaction: the
 * call and its SMS commit together or not at all. The "near" SMS depends on the estimate, so it is judged after the
 * commit, when the queue has moved (any event but a new ticket), each in a short transaction of its own that marks
 * the ticket and queues its one SMS.
 */
export function createSmsNotices(deps: { store: OpenDb; clock: Clock; estimates: Estimates; outbox: SmsOutbox; knownFields: () => number[] }) {
  const { db } = deps.store;
  let afterCommit = false;
  let queueMoved = false;
  let stopped = false;

  function nearFor(ticket: Ticket): { near: boolean; peopleAhead: number; minutes: number | null } {
    const said = deps.estimates.forCitizen(ticket);
    if (!said) return { near: false, peopleAhead: 0, minutes: null };
    const settings = smsRepo.settings(db);
    const rule = settings.fields[String(ticket.fieldId)] ?? settings.near;
    const minutes = said.estimatedWaitMinutes;
    return { near: said.peopleAhead <= rule.ahead || (minutes !== null && minutes <= rule.minutes), peopleAhead: said.peopleAhead, minutes };
  }

  /** Every waiting citizen with a phone who is now near gets their one "near" SMS; returns how many were queued. */
  function checkNear(): number {
    let queued = 0;
    for (const candidate of smsRepo.nearCandidates(db, deps.knownFields())) {
      const ticket = queueRepo.tickets(db, [candidate.ticketId]).get(candidate.ticketId);
      if (!ticket) continue;
      const said = nearFor(ticket);
      if (!said.near) continue;
      db.transaction(() => {
        if (!smsRepo.markNear(db, ticket.id, deps.clock.now())) return;
        deps.outbox.enqueueSms({ to: candidate.phone, text: smsTexts.near(ticket.number, said.peopleAhead, said.minutes), purpose: 'near', ticketId: ticket.id });
        queued++;
      });
    }
    if (queued > 0) deps.outbox.kick();
    return queued;
  }

  const derived: DerivedWrites = {
    record(events: readonly DomainEvent[], tickets: readonly Ticket[]) {
      const called = events.filter((e) => e.type === 'called');
      if (called.length > 0) {
        const phones = smsRepo.phonesOf(db, called.map((e) => e.ticketId ?? 0));
        for (const e of called) {
          const phone = e.ticketId === null ? undefined : phones.get(e.ticketId);
          const ticket = tickets.find((t) => t.id === e.ticketId);
          if (phone === undefined || !ticket || e.type !== 'called') continue;
          deps.outbox.enqueueSms({ to: phone, text: smsTexts.called(ticket.number, e.data.counterNumber), purpose: 'called', ticketId: ticket.id });
        }
      }
      // Judged once the batch has committed (a timer callback never runs inside a synchronous transaction).
      if (events.some((e) => e.type !== 'issued')) queueMoved = true;
      if (!afterCommit) {
        afterCommit = true;
        setImmediate(() => {
          afterCommit = false;
          if (stopped) return;
          if (queueMoved) checkNear();
          queueMoved = false;
          deps.outbox.kick();
        });
      }
    },
  };

  return {
    derived,
    checkNear,

    /** The server is closing: a check scheduled by the last commit must not touch the closed database. */
    stop(): void {
      stopped = true;
    },

    /**
     * After a ticket with a phone is issued (committed): a citizen who is already near is told so on the kiosk's
     * screen and receipt, so no "near" SMS follows; they still get the "called" one.
     */
    issued(ticket: Ticket, hasPhone: boolean): void {
      if (!hasPhone) return;
      if (nearFor(ticket).near) smsRepo.markNear(db, ticket.id, deps.clock.now());
    },
  };
}

export type SmsNotices = ReturnType<typeof createSmsNotices>;
