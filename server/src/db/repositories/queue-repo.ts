import { and, asc, eq, inArray, isNull, lt, max, or, sql, count } from 'drizzle-orm';
import type { Counter, DomainEvent, FairShare, FieldConfig, Ticket } from '../../domain/types.ts';
import type { Db } from '../open-db.ts';
import { counterFields, counters, events, fields, tickets } from '../schema/index.ts';

type TicketRow = typeof tickets.$inferSelect;
type CounterRow = typeof counters.$inferSelect;

export function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    fieldId: row.fieldId,
    seq: row.seq,
    number: row.number,
    serviceDay: row.serviceDay,
    status: row.status,
    priority: row.priority,
    counterId: row.counterId,
    targetCounterId: row.targetCounterId,
    issuedAt: row.issuedAt,
    queuedAt: row.queuedAt,
    calledAt: row.calledAt,
    recalls: row.recalls,
  };
}

export interface EventStamp {
  actorId: number | null;
  deviceId: number | null;
}

/** The only place that reads and writes queue state. All calls run inside the caller's transaction. */
export const queueRepo = {
  fields(db: Db): Map<number, FieldConfig> {
    const rows = db.select().from(fields).where(eq(fields.active, true)).all();
    const parents = new Set(rows.map((r) => r.parentId).filter((id): id is number => id !== null));
    return new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          parentId: r.parentId,
          prefix: r.prefix,
          width: r.width,
          startNumber: r.startNumber,
          dailyLimit: r.dailyLimit,
          opensAt: r.opensAt,
          closesAt: r.closesAt,
          issuing: r.issuing,
          hasChildren: parents.has(r.id),
        },
      ]),
    );
  },

  counters(db: Db): Map<number, Counter> {
    const rows = db.select().from(counters).where(eq(counters.active, true)).all();
    const links = db.select().from(counterFields).orderBy(asc(counterFields.position)).all();
    return new Map(rows.map((r) => [r.id, toCounter(r, links)]));
  },

  tickets(db: Db, ids: readonly number[]): Map<number, Ticket> {
    if (ids.length === 0) return new Map();
    const rows = db.select().from(tickets).where(inArray(tickets.id, [...ids])).all();
    return new Map(rows.map((r) => [r.id, toTicket(r)]));
  },

  /** Waiting tickets a counter could call: its fields' general queue plus those sent to it. */
  waitingFor(db: Db, counter: Counter, serviceDay: string): Ticket[] {
    const fieldIds = counter.fields.map((f) => f.fieldId);
    const rows = db
      .select()
      .from(tickets)
      .where(
        and(
          eq(tickets.status, 'waiting'),
          eq(tickets.serviceDay, serviceDay),
          or(
            eq(tickets.targetCounterId, counter.id),
            and(isNull(tickets.targetCounterId), fieldIds.length ? inArray(tickets.fieldId, fieldIds) : sql`0`),
          ),
        ),
      )
      .all();
    return rows.map(toTicket);
  },

  /** Highest sequence and count issued today in a field's series (for numbering and the daily limit). */
  dayTally(db: Db, fieldId: number, serviceDay: string): { lastSeq: number | null; issued: number } {
    const row = db
      .select({ lastSeq: max(tickets.seq), issued: count() })
      .from(tickets)
      .where(and(eq(tickets.seriesFieldId, fieldId), eq(tickets.serviceDay, serviceDay)))
      .get();
    return { lastSeq: row?.lastSeq ?? null, issued: row?.issued ?? 0 };
  },

  nextTicketId(db: Db): number {
    const row = db.select({ id: max(tickets.id) }).from(tickets).get();
    return (row?.id ?? 0) + 1;
  },

  byIdempotencyKey(db: Db, deviceId: number, key: string): { ticket: Ticket; trackingCode: string } | null {
    const row = db
      .select()
      .from(tickets)
      .where(and(eq(tickets.deviceId, deviceId), eq(tickets.idempotencyKey, key)))
      .get();
    return row ? { ticket: toTicket(row), trackingCode: row.trackingCode } : null;
  },

  /** Unfinished tickets of earlier service days, left when the center closed; they are expired at rollover. */
  staleIds(db: Db, serviceDay: string): number[] {
    return db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(inArray(tickets.status, ['waiting', 'called', 'serving', 'held']), lt(tickets.serviceDay, serviceDay)))
      .all()
      .map((r) => r.id);
  },

  insertTicket(db: Db, ticket: Ticket, extra: { trackingCode: string; idempotencyKey: string | null; deviceId: number | null }): void {
    db.insert(tickets)
      .values({ ...ticket, seriesFieldId: ticket.fieldId, ...extra })
      .run();
  },

  updateTicket(db: Db, ticket: Ticket): void {
    const { id, ...rest } = ticket;
    db.update(tickets).set(rest).where(eq(tickets.id, id)).run();
  },

  updateCounter(db: Db, counter: Counter): void {
    db.update(counters)
      .set({
        status: counter.status,
        pauseReason: counter.pauseReason,
        currentTicketId: counter.currentTicketId,
        officerId: counter.officerId,
        fair: counter.fair,
      })
      .where(eq(counters.id, counter.id))
      .run();
  },

  appendEvents(db: Db, list: readonly DomainEvent[], stamp: EventStamp): void {
    if (list.length === 0) return;
    db.insert(events)
      .values(
        list.map((e) => ({
          at: e.at,
          type: e.type,
          ticketId: e.ticketId,
          counterId: e.counterId,
          fieldId: e.fieldId,
          fromStatus: e.from,
          toStatus: e.to,
          actorId: stamp.actorId,
          deviceId: stamp.deviceId,
          data: e.data,
        })),
      )
      .run();
  },
};

function toCounter(row: CounterRow, links: readonly (typeof counterFields.$inferSelect)[]): Counter {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    pauseReason: row.pauseReason,
    policy: row.policy,
    fields: links
      .filter((l) => l.counterId === row.id)
      .map((l) => ({ fieldId: l.fieldId, position: l.position, weight: l.weight })),
    currentTicketId: row.currentTicketId,
    officerId: row.officerId,
    fair: row.fair as FairShare,
  };
}
