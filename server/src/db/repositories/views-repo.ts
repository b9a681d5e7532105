import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { CallView, CounterView, TicketView } from '@luot/shared';
import type { CounterField, Ticket } from '../../domain/types.ts';
import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';
import { counters, events, staff, tickets } from '../schema/index.ts';
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
    handover: t.handover === null ? null : { ...t.handover, at: iso(t.handover.at) },
  };
}

const talliesStmt = perConnection((sqlite) => sqlite.prepare('SELECT field_id AS fieldId, waiting, issued FROM field_days WHERE service_day = ?'));
// The primary key (dim, service_day, key) serves it; the duration blobs are not read.
const charterStmt = perConnection((sqlite) =>
  sqlite.prepare("SELECT key, called, within_target AS within FROM report_days WHERE dim = 'field' AND service_day = ?"),
);

/** Read models for snapshots and deltas. Reads only; the queue repository owns writes. */
export const viewsRepo = {
  /** Waiting and issued per field today, from the per-field tallies kept with every change (runs with every delta). */
  dayTallies(db: Db, serviceDay: string): Map<number, { waiting: number; issued: number }> {
    const rows = talliesStmt(db).all(serviceDay) as { fieldId: number; waiting: number; issued: number }[];
    return new Map(rows.map((r) => [r.fieldId, { waiting: r.waiting, issued: r.issued }]));
  },

  /**
   * First calls today and those within the committed wait, per field, from the report rollups (kept in the same
   * transaction as the calls, reports/rollup-buffer.ts): the citizen charter's score on the hall board.
   */
  charterToday(db: Db, serviceDay: string): Map<number, { called: number; within: number }> {
    const rows = charterStmt(db).all(serviceDay) as { key: number; called: number; within: number }[];
    return new Map(rows.map((r) => [r.key, { called: r.called, within: r.within }]));
  },

  counters(db: Db, links: ReadonlyMap<number, readonly CounterField[]>, onlyIds?: readonly number[]): CounterView[] {
    const rows = db
      .select({ counter: counters, officerName: staff.displayName })
      .from(counters)
      .leftJoin(staff, eq(staff.id, counters.officerId))
      .where(and(eq(counters.active, true), onlyIds ? inArray(counters.id, [...onlyIds]) : undefined))
      .orderBy(counters.number)
      .all();
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
      fieldIds: (links.get(c.id) ?? []).map((l) => l.fieldId),
      priorityMode: c.priorityMode,
      officer: c.officerId !== null && officerName !== null ? { id: c.officerId, name: officerName } : null,
      current: c.currentTicketId === null ? null : (current.get(c.currentTicketId) ?? null),
    }));
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
