import { localMinutes } from '../domain/time.ts';

/**
 * What the reports count, decided one ticket event at a time. The same fold runs live (rollup-writer.ts, inside
 * the transaction that appends the event) and over the stored log (events-source.ts, for rebuilds and for the
 * comparison without rollups), so both always agree.
 *
 * Attribution: the day and hour are those of the ticket (its service day and the local hour it was issued), so a
 * day's or an hour's row describes the citizens who arrived then, even when a step happened later (an expiry
 * the next morning). Field, counter and officer are those of the event itself: where and by whom it happened.
 */

/** A stored or just-decided ticket event, with who did it. */
export interface FoldEvent {
  type: string;
  at: number;
  fieldId: number | null;
  counterId: number | null;
  actorId: number | null;
  /** For a transfer: the field the ticket left. */
  fromFieldId: number | null;
}

/** The ticket's own facts the figures are measured from. */
export interface FoldTicket {
  serviceDay: string;
  issuedAt: number;
}

/** What earlier events of the ticket leave behind for the later ones. */
export interface TicketMemory {
  /** Whether it has been called before: wait is measured once, to the first call. */
  called: boolean;
  /** Latest call, for the walk to the counter; cleared when the ticket leaves the counter. */
  calledAt: number | null;
  /** Start of service at the current counter, for the service time. */
  servingAt: number | null;
}

export const freshMemory = (): TicketMemory => ({ called: false, calledAt: null, servingAt: null });

export type CountName = 'issued' | 'called' | 'served' | 'noShow' | 'transferred' | 'cancelled' | 'expired' | 'recalls';
export type DurationName = 'wait' | 'walk' | 'service';

/** One event's share of the figures, and the groups it belongs to (0 = none). */
export interface Contribution {
  field: number;
  counter: number;
  officer: number;
  count: CountName | null;
  /** A measured duration in milliseconds. */
  duration: { name: DurationName; ms: number } | null;
}

/** Local hour (Asia/Ho_Chi_Minh) a ticket was issued: its row when grouped by hour. */
export const arrivalHour = (ticket: FoldTicket): number => Math.floor(localMinutes(ticket.issuedAt) / 60);

/** Advances `memory` past `e` (in place) and says what the event adds to the figures, if anything. */
export function step(memory: TicketMemory, ticket: FoldTicket, e: FoldEvent): Contribution | null {
  const at = (count: CountName | null, duration: Contribution['duration'] = null, field = e.fieldId, officer = e.actorId): Contribution => ({
    field: field ?? 0,
    counter: e.counterId ?? 0,
    officer: officer ?? 0,
    count,
    duration,
  });
  switch (e.type) {
    case 'issued':
      // Issued at a kiosk (or by staff on someone's behalf): not at a counter, not an officer's work.
      return { field: e.fieldId ?? 0, counter: 0, officer: 0, count: 'issued', duration: null };
    case 'called': {
      const first = !memory.called;
      memory.called = true;
      memory.calledAt = e.at;
      memory.servingAt = null;
      return first ? at('called', { name: 'wait', ms: e.at - ticket.issuedAt }) : null;
    }
    case 'recalled':
      return at('recalls');
    case 'serving': {
      const walk = memory.calledAt === null ? null : { name: 'walk' as const, ms: e.at - memory.calledAt };
      memory.servingAt = e.at;
      return walk ? at(null, walk) : null;
    }
    case 'done': {
      const service = memory.servingAt === null ? null : { name: 'service' as const, ms: e.at - memory.servingAt };
      memory.servingAt = null;
      memory.calledAt = null;
      return at('served', service);
    }
    case 'no_show':
      memory.calledAt = null;
      return at('noShow');
    case 'held':
      // Set aside: the citizen stays called-and-waiting; service, if started, does not go on.
      memory.servingAt = null;
      return null;
    case 'transferred':
      memory.calledAt = null;
      memory.servingAt = null;
      return at('transferred', null, e.fromFieldId ?? e.fieldId);
    case 'cancelled':
      return at('cancelled');
    case 'expired':
      // The system expires leftovers at the next day's first change: nobody's work.
      return at('expired', null, e.fieldId, null);
    default:
      return null;
  }
}
