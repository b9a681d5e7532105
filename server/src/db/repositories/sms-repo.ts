import { and, asc, desc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../open-db.ts';
import { settings, smsOutbox, ticketPhones, tickets } from '../schema/index.ts';

export type SmsPurpose = 'otp' | 'near' | 'called' | 'booking';

/** When a waiting citizen is told their turn is near: this many people ahead, or this many minutes' estimate. */
export interface NearRule {
  ahead: number;
  minutes: number;
}

/** The admin's SMS settings; `fields` overrides the center's rule for one field (by id). */
export interface SmsSettings {
  near: NearRule;
  fields: Record<string, NearRule>;
  /** Phone numbers (and the SMS that carried them) are deleted this many days after they were given. */
  personalDataDays: number;
}

export const defaultSmsSettings: SmsSettings = { near: { ahead: 3, minutes: 10 }, fields: {}, personalDataDays: 30 };

export interface OutboxRow {
  id: number;
  phone: string;
  body: string;
  purpose: SmsPurpose;
  ticketId: number | null;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  nextAt: number;
  createdAt: number;
  sentAt: number | null;
  lastError: string | null;
}

/** A waiting ticket with a phone that has not been told its turn is near yet. */
export interface NearCandidate {
  ticketId: number;
  phone: string;
}

/**
 * A one-time code is the booking's proof of the phone: it stays in the outbox only while it waits to leave. Once
 * sent (or given up on) the row keeps a placeholder, so neither the SQLite file nor a backup holds a usable code.
 */
export const SPENT_OTP_TEXT = '••••••';
const spentBody = sql<string>`CASE WHEN ${smsOutbox.purpose} = 'otp' THEN ${SPENT_OTP_TEXT} ELSE ${smsOutbox.body} END`;

export const smsRepo = {
  settings(db: Db): SmsSettings {
    const row = db.select().from(settings).where(eq(settings.key, 'sms')).get();
    return row ? { ...defaultSmsSettings, ...(row.value as Partial<SmsSettings>) } : defaultSmsSettings;
  },

  saveSettings(db: Db, value: SmsSettings, now: number): void {
    db.insert(settings)
      .values({ key: 'sms', value, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
      .run();
  },

  savePhone(db: Db, ticketId: number, phone: string, now: number, nearAt: number | null): void {
    db.insert(ticketPhones).values({ ticketId, phone, createdAt: now, nearAt }).run();
  },

  phonesOf(db: Db, ticketIds: readonly number[]): Map<number, string> {
    if (ticketIds.length === 0) return new Map();
    const rows = db.select({ ticketId: ticketPhones.ticketId, phone: ticketPhones.phone }).from(ticketPhones).where(inArray(ticketPhones.ticketId, [...ticketIds])).all();
    return new Map(rows.map((r) => [r.ticketId, r.phone]));
  },

  /** Waiting tickets of these fields whose citizen gave a phone and has not had the "near" SMS. */
  nearCandidates(db: Db, fieldIds: readonly number[]): NearCandidate[] {
    if (fieldIds.length === 0) return [];
    return db
      .select({ ticketId: ticketPhones.ticketId, phone: ticketPhones.phone })
      .from(ticketPhones)
      .innerJoin(tickets, eq(tickets.id, ticketPhones.ticketId))
      .where(and(isNull(ticketPhones.nearAt), eq(tickets.status, 'waiting'), inArray(tickets.fieldId, [...fieldIds])))
      .all();
  },

  /** Marks the "near" SMS as given; false when another check got there first. */
  markNear(db: Db, ticketId: number, now: number): boolean {
    return db.update(ticketPhones).set({ nearAt: now }).where(and(eq(ticketPhones.ticketId, ticketId), isNull(ticketPhones.nearAt))).run().changes === 1;
  },

  enqueue(db: Db, message: { phone: string; body: string; purpose: SmsPurpose; ticketId: number | null }, now: number): number {
    const row = db
      .insert(smsOutbox)
      .values({ ...message, status: 'queued', attempts: 0, nextAt: now, createdAt: now })
      .returning({ id: smsOutbox.id })
      .get();
    return row.id;
  },

  /** The next queued message due by `now`, oldest first. */
  nextDue(db: Db, now: number): OutboxRow | undefined {
    return db
      .select()
      .from(smsOutbox)
      .where(and(eq(smsOutbox.status, 'queued'), lte(smsOutbox.nextAt, now)))
      .orderBy(asc(smsOutbox.nextAt), asc(smsOutbox.id))
      .limit(1)
      .get();
  },

  /** When the earliest queued message falls due, or null when none is queued. */
  nextDueAt(db: Db): number | null {
    const row = db.select({ at: sql<number | null>`min(${smsOutbox.nextAt})` }).from(smsOutbox).where(eq(smsOutbox.status, 'queued')).get();
    return row?.at ?? null;
  },

  markSent(db: Db, id: number, now: number): void {
    db.update(smsOutbox)
      .set({ status: 'sent', sentAt: now, attempts: sql`${smsOutbox.attempts} + 1`, lastError: null, body: spentBody })
      .where(eq(smsOutbox.id, id))
      .run();
  },

  markAttemptFailed(db: Db, id: number, error: string, nextAt: number | null): void {
    db.update(smsOutbox)
      .set({ status: nextAt === null ? 'failed' : 'queued', attempts: sql`${smsOutbox.attempts} + 1`, lastError: error, ...(nextAt === null ? { body: spentBody } : { nextAt }) })
      .where(eq(smsOutbox.id, id))
      .run();
  },

  /** The latest messages for the admin's SMS log. */
  recent(db: Db, limit: number): OutboxRow[] {
    return db.select().from(smsOutbox).orderBy(desc(smsOutbox.id)).limit(limit).all();
  },

  /** Messages given up on since `since`, for the supervisors' alert. */
  failedSince(db: Db, since: number): number {
    const row = db
      .select({ n: sql<number>`count(*)` })
      .from(smsOutbox)
      .where(and(eq(smsOutbox.status, 'failed'), sql`${smsOutbox.createdAt} >= ${since}`))
      .get();
    return row?.n ?? 0;
  },

  /** Deletes every phone number and every SMS (its number and text) older than `before`; returns how many. */
  purgeBefore(db: Db, before: number): { phones: number; messages: number } {
    const phones = db.delete(ticketPhones).where(lt(ticketPhones.createdAt, before)).run().changes;
    const messages = db.delete(smsOutbox).where(lt(smsOutbox.createdAt, before)).run().changes;
    return { phones, messages };
  },
};
