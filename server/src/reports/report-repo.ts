import type { Db } from '../db/open-db.ts';
import { perConnection } from '../db/prepared.ts';
import { countNames, decodeMs, encodeMs, ratingNames, type Cell, type Dim, type RatingName } from './cells.ts';
import type { CountName, FoldEvent } from './ticket-fold.ts';

/** Column names of the counts, in `countNames` order. */
const countColumns: Record<CountName, string> = {
  issued: 'issued',
  called: 'called',
  served: 'served',
  noShow: 'no_show',
  transferred: 'transferred',
  cancelled: 'cancelled',
  expired: 'expired',
  recalls: 'recalls',
};
const ratingColumns: Record<RatingName, string> = {
  ratedVeryGood: 'rated_very_good',
  ratedGood: 'rated_good',
  ratedNeutral: 'rated_neutral',
  ratedBad: 'rated_bad',
};
/** The summed columns, in the order of `cellCounts`. */
const counts = [...countNames.map((n) => countColumns[n]), 'within_target', ...ratingNames.map((n) => ratingColumns[n])];

/** A cell's counts in the order rollup rows carry them: `countNames`, then withinTarget, then `ratingNames`. */
export const cellCounts = (cell: Cell): number[] => [...countNames.map((n) => cell[n]), cell.withinTarget, ...ratingNames.map((n) => cell[n])];
/** Index of withinTarget and of the first rating count in `RollupRow.counts`. */
export const WITHIN_TARGET_AT = countNames.length;
export const RATINGS_AT = countNames.length + 1;

/** A stored rollup row as the report reads it. */
export interface RollupRow {
  day: string;
  key: number;
  counts: number[];
  wait: Uint32Array;
  walk: Uint32Array;
  service: Uint32Array;
}

/** The events source's row: one ticket event with the ticket's facts, ordered by ticket then event. */
export type EventRow = [ticketId: number, serviceDay: string, issuedAt: number, type: string, at: number, fieldId: number | null, counterId: number | null, actorId: number | null, fromFieldId: number | null];

const statements = perConnection((sqlite) => ({
  priorEvents: sqlite.prepare('SELECT type, at, field_id AS fieldId, counter_id AS counterId, actor_id AS actorId FROM events WHERE ticket_id = ? ORDER BY id'),
  targetMinutes: sqlite.prepare('SELECT target_wait_minutes FROM fields WHERE id = ?').pluck(),
  allTargets: sqlite.prepare('SELECT id, target_wait_minutes AS minutes FROM fields'),
  upsert: sqlite.prepare(
    `INSERT INTO report_days (dim, service_day, key, ${counts.join(', ')}, wait_ms, walk_ms, service_ms)
     VALUES (@dim, @day, @key, ${counts.map((_, i) => `@c${i}`).join(', ')}, @wait, @walk, @service)
     ON CONFLICT (dim, service_day, key) DO UPDATE SET
       ${counts.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')},
       wait_ms = CAST(wait_ms || excluded.wait_ms AS BLOB),
       walk_ms = CAST(walk_ms || excluded.walk_ms AS BLOB),
       service_ms = CAST(service_ms || excluded.service_ms AS BLOB)`,
  ),
  // Most events add only counts; leaving the duration blobs out of the statement spares rewriting them.
  upsertCounts: sqlite.prepare(
    `INSERT INTO report_days (dim, service_day, key, ${counts.join(', ')})
     VALUES (@dim, @day, @key, ${counts.map((_, i) => `@c${i}`).join(', ')})
     ON CONFLICT (dim, service_day, key) DO UPDATE SET ${counts.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`,
  ),
  dayRatings: sqlite
    .prepare(
      `SELECT t.service_day, t.issued_at, r.field_id, r.counter_id, r.officer_id, r.score
       FROM ratings r JOIN tickets t ON t.id = r.ticket_id WHERE r.service_day = ?`,
    )
    .raw(),
  rows: sqlite
    .prepare(
      `SELECT service_day, key, ${counts.join(', ')}, wait_ms, walk_ms, service_ms FROM report_days
       WHERE dim = ? AND service_day BETWEEN ? AND ?`,
    )
    .raw(),
  hourCounts: sqlite.prepare(`SELECT service_day, key, issued FROM report_days WHERE dim = 'hour' AND service_day BETWEEN ? AND ?`).raw(),
  anyRollup: sqlite.prepare('SELECT 1 FROM report_days LIMIT 1').pluck(),
  anyTicketEvent: sqlite.prepare('SELECT 1 FROM events WHERE ticket_id IS NOT NULL LIMIT 1').pluck(),
  ticketDays: sqlite.prepare('SELECT DISTINCT service_day FROM tickets WHERE service_day BETWEEN ? AND ? ORDER BY service_day').pluck(),
  dayEvents: sqlite
    .prepare(
      `SELECT t.id, t.service_day, t.issued_at, e.type, e.at, e.field_id, e.counter_id, e.actor_id,
         CASE WHEN e.type = 'transferred' THEN json_extract(e.data, '$.fromFieldId') END
       FROM tickets t JOIN events e ON e.ticket_id = t.id
       WHERE t.service_day = ? ORDER BY t.id, e.id`,
    )
    .raw(),
  deleteDay: sqlite.prepare('DELETE FROM report_days WHERE service_day = ?'),
  fieldLabels: sqlite.prepare('SELECT id, name_vi AS vi, name_en AS en, position FROM fields'),
  counterLabels: sqlite.prepare('SELECT id, number, name FROM counters'),
  staffLabels: sqlite.prepare('SELECT id, display_name AS name, username FROM staff'),
}));

/** Queries of the reports: rollup reads and writes, the event log by ticket, labels. */
export const reportRepo = {
  priorEvents(db: Db, ticketId: number): Omit<FoldEvent, 'fromFieldId'>[] {
    return statements(db).priorEvents.all(ticketId) as Omit<FoldEvent, 'fromFieldId'>[];
  },

  targetMinutes(db: Db, fieldId: number): number {
    return (statements(db).targetMinutes.get(fieldId) as number | undefined) ?? 30;
  },

  allTargetMinutes(db: Db): Map<number, number> {
    return new Map((statements(db).allTargets.all() as { id: number; minutes: number }[]).map((r) => [r.id, r.minutes]));
  },

  /** Adds a cell to the stored one (counts add up, durations are appended). */
  addCell(db: Db, day: string, dim: Dim, key: number, cell: Cell): void {
    const params: Record<string, unknown> = { dim, day, key };
    cellCounts(cell).forEach((n, i) => (params[`c${i}`] = n));
    if (cell.wait.length + cell.walk.length + cell.service.length === 0) {
      statements(db).upsertCounts.run(params);
      return;
    }
    statements(db).upsert.run({ ...params, wait: encodeMs(cell.wait), walk: encodeMs(cell.walk), service: encodeMs(cell.service) });
  },

  /** Rows of one dim over service days `from`..`to`; counts in `cellCounts` order. */
  rows(db: Db, dim: Dim, from: string, to: string): RollupRow[] {
    return (statements(db).rows.all(dim, from, to) as unknown[][]).map((r) => ({
      day: r[0] as string,
      key: r[1] as number,
      counts: r.slice(2, 2 + counts.length) as number[],
      wait: decodeMs(r[2 + counts.length] as Buffer),
      walk: decodeMs(r[3 + counts.length] as Buffer),
      service: decodeMs(r[4 + counts.length] as Buffer),
    }));
  },

  /** Numbers issued per day and local hour, for the heat map (reads no durations). */
  hourCounts(db: Db, from: string, to: string): [day: string, hour: number, issued: number][] {
    return statements(db).hourCounts.all(from, to) as [string, number, number][];
  },

  /** True when tickets have events but no rollup exists yet: a database from before the reports. */
  needsBackfill(db: Db): boolean {
    const s = statements(db);
    return s.anyRollup.get() === undefined && s.anyTicketEvent.get() !== undefined;
  },

  ticketDays(db: Db, from: string, to: string): string[] {
    return statements(db).ticketDays.all(from, to) as string[];
  },

  dayEvents(db: Db, day: string): EventRow[] {
    return statements(db).dayEvents.all(day) as EventRow[];
  },

  /** The day's ratings with their tickets' facts: [serviceDay, issuedAt, fieldId, counterId, officerId, score]. */
  dayRatings(db: Db, day: string): [string, number, number, number | null, number | null, number][] {
    return statements(db).dayRatings.all(day) as [string, number, number, number | null, number | null, number][];
  },

  deleteDay(db: Db, day: string): void {
    statements(db).deleteDay.run(day);
  },

  fieldLabels(db: Db) {
    return statements(db).fieldLabels.all() as { id: number; vi: string; en: string; position: number }[];
  },
  counterLabels(db: Db) {
    return statements(db).counterLabels.all() as { id: number; number: number; name: string }[];
  },
  staffLabels(db: Db) {
    return statements(db).staffLabels.all() as { id: number; name: string; username: string }[];
  },
};
