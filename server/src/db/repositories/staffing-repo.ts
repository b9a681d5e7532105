import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';

/** Arrivals (numbers issued and transfers into a field) in a time range, oldest first. */
const arrivalsStmt = perConnection((sqlite) =>
  sqlite.prepare(
    `SELECT CASE WHEN type = 'issued' THEN field_id ELSE json_extract(data, '$.toFieldId') END AS fieldId, at, type,
            CASE WHEN type = 'issued' THEN json_extract(data, '$.priority') IS NOT NULL ELSE 0 END AS priority
       FROM events
      WHERE at >= ? AND at < ? AND (type = 'issued' OR (type = 'transferred' AND json_extract(data, '$.toFieldId') IS NOT NULL))`,
  ),
);

/** Each call and what ended it at the counter, in order, for the counter time per visit. */
const visitsStmt = perConnection((sqlite) =>
  sqlite.prepare(
    `SELECT ticket_id AS ticketId, type, at, field_id AS fieldId FROM events
      WHERE at >= ? AND at < ? AND type IN ('called', 'done', 'no_show', 'held', 'transferred') AND ticket_id IS NOT NULL
      ORDER BY id`,
  ),
);

export interface ArrivalRow {
  fieldId: number | null;
  at: number;
  type: 'issued' | 'transferred';
  priority: 0 | 1;
}

export interface VisitEventRow {
  ticketId: number;
  type: 'called' | 'done' | 'no_show' | 'held' | 'transferred';
  at: number;
  fieldId: number | null;
}

/** The history the staffing advice learns from. Reads only; the events_at index bounds both scans. */
export const staffingRepo = {
  arrivals: (db: Db, from: number, to: number) => arrivalsStmt(db).all(from, to) as ArrivalRow[],
  visitEvents: (db: Db, from: number, to: number) => visitsStmt(db).all(from, to) as VisitEventRow[],
};
