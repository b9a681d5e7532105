import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { FieldDayDelta } from '../../domain/field-day.ts';
import type { Counter, CounterField, DomainEvent, FairShare, Ticket } from '../../domain/types.ts';
import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';
import { counters, tickets } from '../schema/index.ts';

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
    handover: row.handover ?? null,
  };
}

export interface EventStamp {
  actorId: number | null;
  deviceId: number | null;
}

/** Hot statements, prepared once per connection: these run on every ticket. */
const statements = perConnection((sqlite) => ({
  fieldDay: sqlite.prepare('SELECT last_seq AS lastSeq, issued, waiting FROM field_days WHERE field_id = ? AND service_day = ?'),
  maxTicketId: sqlite.prepare('SELECT max(id) FROM tickets').pluck(),
  insertTicket: sqlite.prepare(
    `INSERT INTO tickets (id, series_field_id, field_id, seq, number, service_day, status, priority, counter_id,
       target_counter_id, issued_at, queued_at, called_at, recalls, tracking_code, idempotency_key, device_id)
     VALUES (@id, @fieldId, @fieldId, @seq, @number, @serviceDay, @status, @priority, @counterId,
       @targetCounterId, @issuedAt, @queuedAt, @calledAt, @recalls, @trackingCode, @idempotencyKey, @deviceId)`,
  ),
  insertEvent: sqlite.prepare(
    `INSERT INTO events (at, type, ticket_id, counter_id, field_id, from_status, to_status, actor_id, device_id, data)
     VALUES (@at, @type, @ticketId, @counterId, @fieldId, @from, @to, @actorId, @deviceId, @data)`,
  ),
  // Every column of a Ticket but its id, as drizzle's update(tickets).set(ticket) wrote them; prepared, because
  // building that query again on every call was a tenth of a command's time.
  updateTicket: sqlite.prepare(
    `UPDATE tickets SET field_id = @fieldId, seq = @seq, number = @number, service_day = @serviceDay, status = @status,
       priority = @priority, counter_id = @counterId, target_counter_id = @targetCounterId, issued_at = @issuedAt,
       queued_at = @queuedAt, called_at = @calledAt, recalls = @recalls, handover = @handover
     WHERE id = @id`,
  ),
  updateCounter: sqlite.prepare(
    `UPDATE counters SET status = @status, pause_reason = @pauseReason, current_ticket_id = @currentTicketId,
       officer_id = @officerId, fair = @fair
     WHERE id = @id`,
  ),
  upsertFieldDay: sqlite.prepare(
    `INSERT INTO field_days (field_id, service_day, issued, last_seq, waiting) VALUES (@fieldId, @serviceDay, @issued, @lastSeq, @waiting)
     ON CONFLICT (field_id, service_day) DO UPDATE SET
       issued = issued + excluded.issued,
       waiting = waiting + excluded.waiting,
       last_seq = CASE WHEN excluded.last_seq IS NULL THEN last_seq ELSE max(coalesce(last_seq, excluded.last_seq), excluded.last_seq) END`,
  ),
}));

/** The only place that reads and writes queue state. All calls run inside the caller's transaction. */
export const queueRepo = {
  counters(db: Db, links: ReadonlyMap<number, CounterField[]>): Map<number, Counter> {
    const rows = db.select().from(counters).where(eq(counters.active, true)).all();
    return new Map(rows.map((r) => [r.id, toCounter(r, links.get(r.id) ?? [])]));
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

  /** Today's tallies of a field's series: last sequence, tickets issued, tickets waiting now. O(1). */
  fieldDay(db: Db, fieldId: number, serviceDay: string): { lastSeq: number | null; issued: number; waiting: number } {
    const row = statements(db).fieldDay.get(fieldId, serviceDay) as { lastSeq: number | null; issued: number; waiting: number } | undefined;
    return row ?? { lastSeq: null, issued: 0, waiting: 0 };
  },

  applyFieldDays(db: Db, deltas: readonly FieldDayDelta[]): void {
    const upsert = statements(db).upsertFieldDay;
    for (const d of deltas) upsert.run(d);
  },

  nextTicketId(db: Db): number {
    return ((statements(db).maxTicketId.get() as number | null) ?? 0) + 1;
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
    // A new ticket has no handover yet: the column keeps its NULL default.
    const { handover: _none, ...columns } = ticket;
    statements(db).insertTicket.run({ ...columns, ...extra });
  },

  updateTicket(db: Db, t: Ticket): void {
    statements(db).updateTicket.run({
      id: t.id,
      fieldId: t.fieldId,
      seq: t.seq,
      number: t.number,
      serviceDay: t.serviceDay,
      status: t.status,
      priority: t.priority,
      counterId: t.counterId,
      targetCounterId: t.targetCounterId,
      issuedAt: t.issuedAt,
      queuedAt: t.queuedAt,
      calledAt: t.calledAt,
      recalls: t.recalls,
      handover: t.handover === null ? null : JSON.stringify(t.handover),
    });
  },

  updateCounter(db: Db, c: Counter): void {
    statements(db).updateCounter.run({
      id: c.id,
      status: c.status,
      pauseReason: c.pauseReason,
      currentTicketId: c.currentTicketId,
      officerId: c.officerId,
      fair: JSON.stringify(c.fair),
    });
  },

  appendEvents(db: Db, list: readonly DomainEvent[], stamp: EventStamp): void {
    const insert = statements(db).insertEvent;
    for (const e of list) {
      insert.run({ ...e, ...stamp, data: JSON.stringify(e.data) });
    }
  },
};

function toCounter(row: CounterRow, fields: CounterField[]): Counter {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    pauseReason: row.pauseReason,
    policy: row.policy,
    priorityMode: row.priorityMode,
    fields,
    currentTicketId: row.currentTicketId,
    officerId: row.officerId,
    fair: row.fair as FairShare,
  };
}
