import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';

const statements = perConnection((sqlite) => ({
  oldestWaiting: sqlite.prepare(
    `SELECT field_id AS fieldId, min(queued_at) AS at FROM tickets WHERE status = 'waiting' AND service_day = ? GROUP BY field_id`,
  ),
  // Wait is issue → FIRST call: a recall or a call after a transfer does not count again.
  firstCallWaits: sqlite.prepare(
    `SELECT e.field_id AS fieldId, avg(e.at - t.issued_at) AS ms FROM events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.type = 'called' AND e.at >= ?
       AND NOT EXISTS (SELECT 1 FROM events p WHERE p.ticket_id = e.ticket_id AND p.type = 'called' AND p.id < e.id)
     GROUP BY e.field_id`,
  ),
  served: sqlite.prepare(`SELECT field_id AS fieldId, count(*) AS n FROM events WHERE type = 'done' AND at >= ? GROUP BY field_id`),
  // Waiting tickets by field and by the counter they were sent to (if any): enough to tell which counter may call.
  waitingGroups: sqlite.prepare(
    `SELECT field_id AS fieldId, target_counter_id AS targetCounterId, count(*) AS n FROM tickets
     WHERE status = 'waiting' AND service_day = ? GROUP BY field_id, target_counter_id`,
  ),
  counterLastEvent: sqlite.prepare(
    `SELECT counter_id AS counterId, max(at) AS at FROM events WHERE counter_id IS NOT NULL AND at >= ? GROUP BY counter_id`,
  ),
}));

function byId<K extends string>(rows: unknown[], key: 'fieldId' | 'counterId', value: K): Map<number, number> {
  return new Map((rows as Record<string, number>[]).map((r) => [r[key] ?? 0, r[value] ?? 0]));
}

/** Reads behind the supervisor's live figures. */
export const liveRepo = {
  oldestWaiting: (db: Db, serviceDay: string) => byId(statements(db).oldestWaiting.all(serviceDay), 'fieldId', 'at'),
  firstCallWaitMs: (db: Db, since: number) => byId(statements(db).firstCallWaits.all(since), 'fieldId', 'ms'),
  served: (db: Db, since: number) => byId(statements(db).served.all(since), 'fieldId', 'n'),
  counterLastEvent: (db: Db, since: number) => byId(statements(db).counterLastEvent.all(since), 'counterId', 'at'),
  waitingGroups: (db: Db, serviceDay: string) => statements(db).waitingGroups.all(serviceDay) as { fieldId: number; targetCounterId: number | null; n: number }[],
};
