import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-db.ts';
import { perConnection } from '../db/prepared.ts';
import { counters, fields, ratings, tickets } from '../db/schema/index.ts';

export interface FinishedVisit {
  ticketId: number;
  counterId: number | null;
  /** The staff member who pressed “Hoàn thành”. */
  officerId: number | null;
  fieldId: number | null;
  at: number;
}

export interface NewRating {
  ticketId: number;
  counterId: number | null;
  officerId: number | null;
  fieldId: number;
  serviceDay: string;
  score: number;
  reasons: string[];
  source: 'counter' | 'phone';
  at: number;
}

const statements = perConnection((sqlite) => ({
  // The event log is the truth about who finished a ticket and where; the newest 'done' wins.
  doneOfTicket: sqlite.prepare(
    `SELECT ticket_id AS ticketId, counter_id AS counterId, actor_id AS officerId, field_id AS fieldId, at
     FROM events WHERE type = 'done' AND ticket_id = ? ORDER BY id DESC LIMIT 1`,
  ),
  lastDoneAtCounter: sqlite.prepare(
    `SELECT ticket_id AS ticketId, counter_id AS counterId, actor_id AS officerId, field_id AS fieldId, at
     FROM events WHERE type = 'done' AND counter_id = ? AND at >= ? ORDER BY id DESC LIMIT 1`,
  ),
  tally: sqlite.prepare(`SELECT counter_id AS counterId, score, COUNT(*) AS n FROM ratings WHERE service_day = ? GROUP BY counter_id, score`),
  reasons: sqlite.prepare(`SELECT reasons FROM ratings WHERE service_day = ? AND reasons <> '[]'`).pluck(),
}));

/** The only place that builds queries about ratings and tracking codes. */
export const ratingsRepo = {
  ticketByCode(db: Db, code: string) {
    return db.select().from(tickets).where(eq(tickets.trackingCode, code)).get() ?? null;
  },
  ticketById(db: Db, id: number) {
    return db.select().from(tickets).where(eq(tickets.id, id)).get() ?? null;
  },
  fieldNames(db: Db, fieldId: number): { nameVi: string; nameEn: string } {
    return db.select({ nameVi: fields.nameVi, nameEn: fields.nameEn }).from(fields).where(eq(fields.id, fieldId)).get() ?? { nameVi: '', nameEn: '' };
  },
  counterNumber(db: Db, counterId: number): number | null {
    return db.select({ n: counters.number }).from(counters).where(eq(counters.id, counterId)).get()?.n ?? null;
  },
  counterNumbers(db: Db): Map<number, number> {
    return new Map(db.select({ id: counters.id, n: counters.number }).from(counters).all().map((r) => [r.id, r.n]));
  },
  doneOfTicket(db: Db, ticketId: number): FinishedVisit | null {
    return (statements(db).doneOfTicket.get(ticketId) as FinishedVisit | undefined) ?? null;
  },
  lastDoneAtCounter(db: Db, counterId: number, since: number): FinishedVisit | null {
    return (statements(db).lastDoneAtCounter.get(counterId, since) as FinishedVisit | undefined) ?? null;
  },
  isRated(db: Db, ticketId: number): boolean {
    return db.select({ id: ratings.id }).from(ratings).where(eq(ratings.ticketId, ticketId)).get() !== undefined;
  },
  /** False when the ticket already has a rating (the unique index decides, so two screens cannot both win). */
  insert(db: Db, rating: NewRating): boolean {
    const res = db.insert(ratings).values(rating).onConflictDoNothing({ target: ratings.ticketId }).run();
    return res.changes === 1;
  },
  tally(db: Db, serviceDay: string): { counterId: number | null; score: number; n: number }[] {
    return statements(db).tally.all(serviceDay) as { counterId: number | null; score: number; n: number }[];
  },
  reasonLists(db: Db, serviceDay: string): string[] {
    return statements(db).reasons.all(serviceDay) as string[];
  },
};
