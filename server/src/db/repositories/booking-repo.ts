import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { defaultBookingSettings, type BookingSettings } from '../../domain/booking-rules.ts';
import type { Db } from '../open-db.ts';
import { bookings, settings } from '../schema/index.ts';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

/** Bookings that still hold a place: counted against slot capacity and the per-phone limits. */
const ACTIVE = ['booked', 'checked_in'] as const;

/** The only place that reads and writes bookings. Writes run inside the caller's (batched) transaction. */
export const bookingRepo = {
  settings(db: Db): BookingSettings {
    const row = db.select().from(settings).where(eq(settings.key, 'booking')).get();
    return row ? { ...defaultBookingSettings, ...(row.value as Partial<BookingSettings>) } : defaultBookingSettings;
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
    const row = db
      .select({ n: sql<number>`count(*)` })
      .from(bookings)
      .where(and(eq(bookings.fieldId, fieldId), eq(bookings.kind, 'slot'), eq(bookings.slotAt, slotAt), inArray(bookings.status, [...ACTIVE])))
      .get();
    return row?.n ?? 0;
  },

  /** Active slot bookings of a field on a day, per slot start. */
  perSlot(db: Db, fieldId: number, day: string): Map<number, number> {
    const rows = db
      .select({ slotAt: bookings.slotAt, n: sql<number>`count(*)` })
      .from(bookings)
      .where(and(eq(bookings.fieldId, fieldId), eq(bookings.serviceDay, day), eq(bookings.kind, 'slot'), inArray(bookings.status, [...ACTIVE])))
      .groupBy(bookings.slotAt)
      .all();
    return new Map(rows.map((r) => [r.slotAt, r.n]));
  },

  /** A phone's active bookings on a day: all of them, and those of one field. */
  byPhone(db: Db, phone: string, day: string, fieldId: number, except: number | null): { day: number; field: number } {
    const rows = db
      .select({ id: bookings.id, fieldId: bookings.fieldId })
      .from(bookings)
      .where(and(eq(bookings.phone, phone), eq(bookings.serviceDay, day), inArray(bookings.status, [...ACTIVE])))
      .all()
      .filter((r) => r.id !== except);
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
