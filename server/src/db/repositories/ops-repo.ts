import { count, gte, sql } from 'drizzle-orm';
import type { Db } from '../open-db.ts';
import { counters, events } from '../schema/index.ts';

/** Small read-only figures for monitoring (/metrics) and `luot doctor`. */
export const opsRepo = {
  /** Ticket and counter events since `since`, by type and field (uses the events_at index: one day is cheap). */
  eventCounts: (db: Db, since: number): { type: string; fieldId: number | null; n: number }[] =>
    db
      .select({ type: events.type, fieldId: events.fieldId, n: count() })
      .from(events)
      .where(gte(events.at, since))
      .groupBy(events.type, events.fieldId)
      .all(),
  countersByStatus: (db: Db): { status: string; n: number }[] =>
    db
      .select({ status: counters.status, n: count() })
      .from(counters)
      .where(sql`${counters.active} = 1`)
      .groupBy(counters.status)
      .all(),
};
