import type { Db } from '../db/open-db.ts';
import { perConnection } from '../db/prepared.ts';

/** One event of a time window, with what the fold and the counter sweep need. */
export interface SweepEvent {
  type: string;
  at: number;
  ticketId: number | null;
  fieldId: number | null;
  counterId: number | null;
  actorId: number | null;
  fromStatus: string | null;
  toStatus: string | null;
  data: string;
  serviceDay: string | null;
  issuedAt: number | null;
}

const statements = perConnection((sqlite) => ({
  window: sqlite.prepare(
    `SELECT e.type, e.at, e.ticket_id AS ticketId, e.field_id AS fieldId, e.counter_id AS counterId, e.actor_id AS actorId,
       e.from_status AS fromStatus, e.to_status AS toStatus, e.data, t.service_day AS serviceDay, t.issued_at AS issuedAt
     FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id
     WHERE e.at >= ? AND e.at < ? ORDER BY e.at, e.id`,
  ),
  ratings: sqlite.prepare('SELECT counter_id AS counterId, officer_id AS officerId, score FROM ratings WHERE service_day BETWEEN ? AND ?'),
  counterFields: sqlite.prepare('SELECT counter_id AS counterId, field_id AS fieldId FROM counter_fields'),
}));

export const staffFiguresRepo = {
  window: (db: Db, fromMs: number, toMs: number) => statements(db).window.all(fromMs, toMs) as SweepEvent[],
  ratings: (db: Db, from: string, to: string) => statements(db).ratings.all(from, to) as { counterId: number | null; officerId: number | null; score: number }[],
  counterFields(db: Db): Map<number, number[]> {
    const map = new Map<number, number[]>();
    for (const r of statements(db).counterFields.all() as { counterId: number; fieldId: number }[]) map.set(r.counterId, [...(map.get(r.counterId) ?? []), r.fieldId]);
    return map;
  },
};
