import { and, count, desc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import type { CallView, CounterView, FieldView, TicketView } from '@luot/shared';
import type { Ticket } from '../../domain/types.ts';
import type { Db } from '../open-db.ts';
import { counterFields, counters, events, fields, staff, tickets } from '../schema/index.ts';
import { toTicket } from './queue-repo.ts';

const iso = (ms: number) => new Date(ms).toISOString();

export function ticketView(t: Ticket): TicketView {
  return {
    id: t.id,
    number: t.number,
    fieldId: t.fieldId,
    serviceDay: t.serviceDay,
    status: t.status,
    priority: t.priority,
    counterId: t.counterId,
    issuedAt: iso(t.issuedAt),
    queuedAt: iso(t.queuedAt),
    calledAt: t.calledAt === null ? null : iso(t.calledAt),
    recalls: t.recalls,
  };
}

/** Read models for snapshots and deltas. Reads only; the queue repository owns writes. */
export const viewsRepo = {
  waitingCounts(db: Db, serviceDay: string, fieldIds?: readonly number[]): Map<number, number> {
    const rows = db
      .select({ fieldId: tickets.fieldId, n: count() })
      .from(tickets)
      .where(
        and(
          eq(tickets.status, 'waiting'),
          eq(tickets.serviceDay, serviceDay),
          fieldIds ? inArray(tickets.fieldId, [...fieldIds]) : undefined,
        ),
      )
      .groupBy(tickets.fieldId)
      .all();
    return new Map(rows.map((r) => [r.fieldId, r.n]));
  },

  fields(db: Db, serviceDay: string, onlyIds?: readonly number[]): FieldView[] {
    const waiting = viewsRepo.waitingCounts(db, serviceDay, onlyIds);
    const rows = db
      .select()
      .from(fields)
      .where(and(eq(fields.active, true), onlyIds ? inArray(fields.id, [...onlyIds]) : undefined))
      .orderBy(fields.position, fields.id)
      .all();
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      code: r.code,
      nameVi: r.nameVi,
      nameEn: r.nameEn,
      prefix: r.prefix,
      width: r.width,
      startNumber: r.startNumber,
      dailyLimit: r.dailyLimit,
      opensAt: r.opensAt,
      closesAt: r.closesAt,
      issuing: r.issuing,
      targetWaitMinutes: r.targetWaitMinutes,
      waiting: waiting.get(r.id) ?? 0,
    }));
  },

  counters(db: Db, onlyIds?: readonly number[]): CounterView[] {
    const rows = db
      .select({ counter: counters, officerName: staff.displayName })
      .from(counters)
      .leftJoin(staff, eq(staff.id, counters.officerId))
      .where(and(eq(counters.active, true), onlyIds ? inArray(counters.id, [...onlyIds]) : undefined))
      .orderBy(counters.number)
      .all();
    const links = db.select().from(counterFields).orderBy(counterFields.position).all();
    const currentIds = rows.map((r) => r.counter.currentTicketId).filter((id): id is number => id !== null);
    const current = new Map(
      (currentIds.length ? db.select().from(tickets).where(inArray(tickets.id, currentIds)).all() : []).map((t) => [
        t.id,
        ticketView(toTicket(t)),
      ]),
    );
    return rows.map(({ counter: c, officerName }) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      status: c.status,
      pauseReason: c.pauseReason,
      fieldIds: links.filter((l) => l.counterId === c.id).map((l) => l.fieldId),
      officer: c.officerId !== null && officerName !== null ? { id: c.officerId, name: officerName } : null,
      current: c.currentTicketId === null ? null : (current.get(c.currentTicketId) ?? null),
    }));
  },

  /** Tickets of the same field that are ahead in the queue (a plain count; the class interleave may reorder). */
  peopleAhead(db: Db, t: Ticket): number {
    const row = db
      .select({ n: count() })
      .from(tickets)
      .where(
        and(
          eq(tickets.status, 'waiting'),
          eq(tickets.serviceDay, t.serviceDay),
          eq(tickets.fieldId, t.fieldId),
          or(lt(tickets.queuedAt, t.queuedAt), and(eq(tickets.queuedAt, t.queuedAt), lt(tickets.id, t.id))),
        ),
      )
      .get();
    return row?.n ?? 0;
  },

  /** Waiting and held tickets of the day, in arrival order. */
  queue(db: Db, serviceDay: string): TicketView[] {
    return db
      .select()
      .from(tickets)
      .where(and(inArray(tickets.status, ['waiting', 'held']), eq(tickets.serviceDay, serviceDay)))
      .orderBy(tickets.queuedAt, tickets.id)
      .all()
      .map((t) => ticketView(toTicket(t)));
  },

  recentCalls(db: Db, since: number, limit: number): CallView[] {
    const rows = db
      .select({ e: events, number: tickets.number, counterNumber: counters.number })
      .from(events)
      .innerJoin(tickets, eq(tickets.id, events.ticketId))
      .innerJoin(counters, eq(counters.id, events.counterId))
      .where(and(inArray(events.type, ['called', 'recalled']), gte(events.at, since)))
      .orderBy(desc(events.at), desc(events.id))
      .limit(limit)
      .all();
    return rows.map(({ e, number, counterNumber }) => ({
      ticketId: e.ticketId ?? 0,
      number,
      fieldId: e.fieldId ?? 0,
      counterId: e.counterId ?? 0,
      counterNumber,
      at: iso(e.at),
      recall: e.type === 'recalled',
    }));
  },
};
