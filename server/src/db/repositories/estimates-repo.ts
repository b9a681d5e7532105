import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';

const statements = perConnection((sqlite) => ({
  // Most recent finished visits of a field since the day began, newest first (walks the event log backwards).
  visits: sqlite
    .prepare(
      `SELECT e.at - t.called_at FROM events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.type IN ('done', 'no_show') AND e.field_id = ? AND e.at >= ? AND t.called_at IS NOT NULL
       ORDER BY e.id DESC LIMIT ?`,
    )
    .pluck(),
  openCounters: sqlite.prepare(`SELECT id FROM counters WHERE status = 'open' AND active = 1`).pluck(),
}));

/** Reads behind the wait estimate. */
export const estimatesRepo = {
  recentVisitMs(db: Db, fieldId: number, since: number, limit: number): number[] {
    return statements(db).visits.all(fieldId, since, limit) as number[];
  },
  openCounters(db: Db, ids: readonly number[]): number {
    const open = new Set(statements(db).openCounters.all() as number[]);
    return ids.filter((id) => open.has(id)).length;
  },
};
