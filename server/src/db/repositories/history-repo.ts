import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../open-db.ts';
import { counters, devices, events, ratings, staff, tickets } from '../schema/index.ts';
import { toTicket } from './queue-repo.ts';

/** One row of a ticket's event log with who, where and which device already joined in. */
export interface HistoryRow {
  at: number;
  type: string;
  fieldId: number | null;
  counterNumber: number | null;
  actorName: string | null;
  deviceName: string | null;
  data: Record<string, unknown>;
}

/** Reads behind a supervisor's ticket lookup. */
export const historyRepo = {
  /** The tickets of a service day with one of these printed numbers. */
  ticketsByNumber(db: Db, serviceDay: string, numbers: readonly string[]) {
    if (numbers.length === 0) return [];
    return db
      .select()
      .from(tickets)
      .where(and(eq(tickets.serviceDay, serviceDay), inArray(tickets.number, [...numbers])))
      .orderBy(asc(tickets.id))
      .all()
      .map(toTicket);
  },

  events(db: Db, ticketId: number): HistoryRow[] {
    return db
      .select({
        at: events.at,
        type: events.type,
        fieldId: events.fieldId,
        counterNumber: counters.number,
        actorName: staff.displayName,
        deviceName: devices.name,
        data: events.data,
      })
      .from(events)
      .leftJoin(counters, eq(counters.id, events.counterId))
      .leftJoin(staff, eq(staff.id, events.actorId))
      .leftJoin(devices, eq(devices.id, events.deviceId))
      .where(eq(events.ticketId, ticketId))
      .orderBy(asc(events.id))
      .all()
      .map((r) => ({ ...r, data: (r.data ?? {}) as Record<string, unknown> }));
  },

  rating(db: Db, ticketId: number) {
    return db.select().from(ratings).where(eq(ratings.ticketId, ticketId)).get() ?? null;
  },

  counterNumbers(db: Db): Map<number, number> {
    return new Map(db.select({ id: counters.id, n: counters.number }).from(counters).all().map((r) => [r.id, r.n]));
  },
};
