import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { defaultBookingSettings, type BookingSettings } from '../../domain/booking-rules.ts';
import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';
import { bookings, settings } from '../schema/index.ts';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

/*
 * The reads every booking request makes (settings, a slot's count, a phone's bookings) are prepared once: when the
 * day's bookings open, thousands arrive within a minute, and building each query through the ORM cost more than
 * running it (profiled: two thirds of a turned-away booking's time; see docs/benchmarks.md, issue 16). Bookings
 * that still hold a place ('booked', 'checked_in') count against slot capacity and the per-phone limits.
 */
const statements = perConnection((sqlite) => ({
  settings: sqlite.prepare("SELECT value FROM settings WHERE key = 'booking'").pluck(),
  inSlot: sqlite.prepare("SELECT count(*) FROM bookings WHERE field_id = ? AND kind = 'slot' AND slot_at = ? AND status IN ('booked', 'checked_in')").pluck(),
  perSlot: sqlite.prepare(
    "SELECT slot_at AS slotAt, count(*) AS n FROM bookings WHERE field_id = ? AND service_day = ? AND kind = 'slot' AND status IN ('booked', 'checked_in') GROUP BY slot_at",
  ),
  byPhone: sqlite.prepare("SELECT id, field_id AS fieldId FROM bookings WHERE phone = ? AND service_day = ? AND status IN ('booked', 'checked_in')"),
}));

/** The only place that reads and writes bookings. Writes run inside the caller's (batched) transaction. */
export const bookingRepo = {
  settings(db: Db): BookingSettings {
    const value = statements(db).settings.get() as string | undefined;
    return value === undefined ? defaultBookingSettings : { ...defaultBookingSettings, ...(JSON.parse(value) as Partial<BookingSettings>) };
  },

  saveSettings(db: Db, value: BookingSettings, now: number): void {
    db.insert(settings)
      .values({ key: 'booking', value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
  },

  insert(db: Db, row: NewBooking): BookingRow {
    return db.insert(bookings).values(row).returning().get();
  },

  byCodeHash(db: Db, codeHash: string): BookingRow | undefined {
    return db.select().from(bookings).where(eq(bookings.codeHash, codeHash)).get();
  },

  /** Active slot bookings of one field and slot. */
  inSlot(db: Db, fieldId: number, slotAt: number): number {
    return statements(db).inSlot.get(fieldId, slotAt) as number;
  },

  /** Active slot bookings of a field on a day, per slot start. */
  perSlot(db: Db, fieldId: number, day: string): Map<number, number> {
    const rows = statements(db).perSlot.all(fieldId, day) as { slotAt: number; n: number }[];
    return new Map(rows.map((r) => [r.slotAt, r.n]));
  },

  /** A phone's active bookings on a day: all of them, and those of one field. */
  byPhone(db: Db, phone: string, day: string, fieldId: number, except: number | null): { day: number; field: number } {
    const rows = (statements(db).byPhone.all(phone, day) as { id: number; fieldId: number }[]).filter((r) => r.id !== except);
    return { day: rows.length, field: rows.filter((r) => r.fieldId === fieldId).length };
  },

  /** Remote numbers of a field taken today and not yet checked in: they come back to a place ahead of new arrivals. */
  pendingRemote(db: Db, fieldId: number, day: string): number {
    const row = db
      .select({ n: sql<number>`count(*)` })
      .from(bookings)
      .where(and(eq(bookings.fieldId, fieldId), eq(bookings.serviceDay, day), eq(bookings.kind, 'remote'), eq(bookings.status, 'booked')))
      .get();
    return row?.n ?? 0;
  },

  update(db: Db, id: number, set: Partial<NewBooking>): void {
    db.update(bookings).set(set).where(eq(bookings.id, id)).run();
  },

  /** Bookings whose check-in deadline passed with nobody coming: lapsed (the board's no-shows). */
  lapse(db: Db, now: number): number {
    return db
      .update(bookings)
      .set({ status: 'lapsed', endedAt: now })
      .where(and(eq(bookings.status, 'booked'), lt(bookings.deadlineAt, now)))
      .run().changes;
  },

  /** Blanks phone, name and citizen ID of bookings for days before `beforeDay`; the rest of the row stays for counts. */
  erase(db: Db, beforeDay: string, now: number): number {
    return db
      .update(bookings)
      .set({ phone: null, name: null, citizenId: null, erasedAt: now })
      .where(and(lt(bookings.serviceDay, beforeDay), isNull(bookings.erasedAt)))
      .run().changes;
  },

  ofDay(db: Db, day: string): BookingRow[] {
    return db.select().from(bookings).where(eq(bookings.serviceDay, day)).all();
  },

  /** Ticket ids of a period's checked-in bookings that came on time: the report's "booked" citizens. */
  bookedTicketIds(db: Db, fromDay: string, toDay: string): Set<number> {
    const rows = db
      .select({ ticketId: bookings.ticketId })
      .from(bookings)
      .where(and(eq(bookings.status, 'checked_in'), eq(bookings.onTime, true), sql`${bookings.serviceDay} BETWEEN ${fromDay} AND ${toDay}`))
      .all();
    return new Set(rows.map((r) => r.ticketId).filter((id): id is number => id !== null));
  },
};
