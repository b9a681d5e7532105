import type { CenterConfigSnapshot, CenterLiveStatus, SyncEvent, SyncRating } from '@luot/shared';
import type { Sql, TransactionSql } from 'postgres';
import { countNames, encodeMs, ratingNames, type Cell } from '../../reports/cells.ts';
import type { TicketMemory } from '../../reports/ticket-fold.ts';
import type { GroupCell, HourCell } from './hub-cells.ts';

export type Tx = TransactionSql | Sql;

/** PostgreSQL takes at most 65,535 parameters a statement; rows are sent in chunks well under that. */
const PARAMS_PER_STATEMENT = 30_000;

async function inChunks<T>(rows: readonly T[], columns: number, write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  const size = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / columns));
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export interface SyncRow {
  eventsAcked: number;
  ratingsAcked: number;
  ackedEventAt: number | null;
  headEventId: number;
  headEventAt: number | null;
  configHash: string | null;
  config: CenterConfigSnapshot | null;
  newestDay: string | null;
  resyncRequested: boolean;
}

export interface MemoryRow extends TicketMemory {
  ticketId: number;
  serviceDay: string;
}

const cellColumns = ['issued', 'called', 'served', 'no_show', 'transferred', 'cancelled', 'expired', 'recalls', 'within_target', 'rated_very_good', 'rated_good', 'rated_neutral', 'rated_bad'] as const;
const countsOf = (cell: Cell) => [...countNames.map((n) => cell[n]), cell.withinTarget, ...ratingNames.map((n) => cell[n])];

function cellRow(cell: Cell): Record<string, number | Buffer> {
  const row: Record<string, number | Buffer> = {};
  countsOf(cell).forEach((n, i) => (row[cellColumns[i] as string] = n));
  row.wait_ms = encodeMs(cell.wait);
  row.walk_ms = encodeMs(cell.walk);
  row.service_ms = encodeMs(cell.service);
  return row;
}

const addUp = (table: string) =>
  [...cellColumns.map((c) => `${c} = ${table}.${c} + excluded.${c}`), ...['wait_ms', 'walk_ms', 'service_ms'].map((c) => `${c} = ${table}.${c} || excluded.${c}`)].join(', ');
const figureColumns = [...cellColumns, 'wait_ms', 'walk_ms', 'service_ms'];

/** The statements of the ingest, all run inside the caller's transaction. */
export const ingestRepo = {
  /** Locks the center's sync row for the transaction: batches of one center are applied one at a time. */
  async lockSync(tx: Tx, centerId: number): Promise<SyncRow | null> {
    const [row] = await tx<SyncRow[]>`
      SELECT events_acked AS "eventsAcked", ratings_acked AS "ratingsAcked", acked_event_at AS "ackedEventAt",
             head_event_id AS "headEventId", head_event_at AS "headEventAt", config_hash AS "configHash", config,
             newest_day::text AS "newestDay", resync_requested AS "resyncRequested"
      FROM center_sync WHERE center_id = ${centerId} FOR UPDATE`;
    return row ?? null;
  },

  async memories(tx: Tx, centerId: number, ticketIds: readonly number[]): Promise<Map<number, MemoryRow>> {
    if (ticketIds.length === 0) return new Map();
    const rows = await tx<MemoryRow[]>`
      SELECT ticket_id AS "ticketId", service_day::text AS "serviceDay", called, called_at AS "calledAt", serving_at AS "servingAt"
      FROM ticket_memory WHERE center_id = ${centerId} AND ticket_id = ANY(${tx.array(ticketIds as number[])}::bigint[])`;
    return new Map(rows.map((r) => [r.ticketId, r]));
  },

  /**
   * Plain INSERTs, no ON CONFLICT: the caller holds the center's sync row lock and keeps only items past the
   * acknowledged position, which moves in the same transaction, so a stored id cannot come again (a resent batch is
   * SYNC_REPLAYED before this). ON CONFLICT DO NOTHING made PostgreSQL probe the key before every row's insert
   * (speculative insertion); a duplicate now, which would be a bug, rolls the batch back instead of hiding it.
   */
  async insertEvents(tx: Tx, centerId: number, events: readonly SyncEvent[]): Promise<void> {
    const rows = events.map((e) => eventRow(centerId, e));
    const columns = Object.keys(rows[0] ?? {});
    await inChunks(rows, columns.length, (chunk) => tx`INSERT INTO hub_events ${tx(chunk, columns as (keyof (typeof rows)[number])[])}`);
  },

  async insertRatings(tx: Tx, centerId: number, ratings: readonly SyncRating[]): Promise<void> {
    const rows = ratings.map((r) => ({
      center_id: centerId,
      rating_id: r.id,
      ticket_id: r.ticketId,
      counter_id: r.counterId,
      officer_id: r.officerId,
      field_id: r.fieldId,
      service_day: r.serviceDay,
      issued_at: r.issuedAt,
      score: r.score,
      reasons: r.reasons,
      source: r.source,
      at: r.at,
    }));
    const columns = Object.keys(rows[0] ?? {});
    await inChunks(rows, columns.length, (chunk) => tx`INSERT INTO hub_ratings ${tx(chunk, columns as (keyof (typeof rows)[number])[])}`);
  },

  /** Adds cells to the stored rollups: counts add up, durations are appended. */
  async addGroups(tx: Tx, centerId: number, cells: Iterable<GroupCell>): Promise<void> {
    const rows = [...cells].map((g) => ({ center_id: centerId, day: g.day, field: g.field, counter: g.counter, officer: g.officer, ...cellRow(g.cell) }));
    const columns = ['center_id', 'day', 'field', 'counter', 'officer', ...figureColumns];
    await inChunks(rows, columns.length, (chunk) =>
      tx`INSERT INTO hub_rollups ${tx(chunk as Record<string, number | string | Buffer>[], columns)} ON CONFLICT (center_id, day, field, counter, officer) DO UPDATE SET ${tx.unsafe(addUp('hub_rollups'))}`,
    );
  },

  async addHours(tx: Tx, centerId: number, cells: Iterable<HourCell>): Promise<void> {
    const rows = [...cells].map((h) => ({ center_id: centerId, day: h.day, hour: h.hour, ...cellRow(h.cell) }));
    const columns = ['center_id', 'day', 'hour', ...figureColumns];
    await inChunks(rows, columns.length, (chunk) =>
      tx`INSERT INTO hub_rollup_hours ${tx(chunk as Record<string, number | string | Buffer>[], columns)} ON CONFLICT (center_id, day, hour) DO UPDATE SET ${tx.unsafe(addUp('hub_rollup_hours'))}`,
    );
  },

  async saveMemories(tx: Tx, centerId: number, memories: readonly MemoryRow[]): Promise<void> {
    const rows = memories.map((m) => ({ center_id: centerId, ticket_id: m.ticketId, service_day: m.serviceDay, called: m.called, called_at: m.calledAt, serving_at: m.servingAt }));
    const columns = ['center_id', 'ticket_id', 'service_day', 'called', 'called_at', 'serving_at'] as const;
    await inChunks(rows, columns.length, (chunk) =>
      tx`INSERT INTO ticket_memory ${tx(chunk, ...columns)} ON CONFLICT (center_id, ticket_id) DO UPDATE SET
           called = excluded.called, called_at = excluded.called_at, serving_at = excluded.serving_at`,
    );
  },

  async dropMemories(tx: Tx, centerId: number, ticketIds: readonly number[]): Promise<void> {
    await tx`DELETE FROM ticket_memory WHERE center_id = ${centerId} AND ticket_id = ANY(${tx.array(ticketIds as number[])}::bigint[])`;
  },

  /** Memories of tickets a month older than the newest day synced: no event of theirs can still need them. */
  async pruneMemories(tx: Tx, centerId: number, before: string): Promise<void> {
    await tx`DELETE FROM ticket_memory WHERE center_id = ${centerId} AND service_day < ${before}::date`;
  },

  async saveSync(
    tx: Tx,
    centerId: number,
    s: { eventsAcked: number; ratingsAcked: number; ackedEventAt: number | null; headEventId: number; headEventAt: number | null; headRatingId: number; now: number; newestDay: string | null; resyncDone: boolean },
  ): Promise<void> {
    await tx`
      UPDATE center_sync SET events_acked = ${s.eventsAcked}, ratings_acked = ${s.ratingsAcked}, acked_event_at = ${s.ackedEventAt},
        head_event_id = ${s.headEventId}, head_event_at = ${s.headEventAt}, head_rating_id = ${s.headRatingId},
        last_contact_at = ${s.now}, newest_day = ${s.newestDay}::date,
        resync_requested = resync_requested AND NOT ${s.resyncDone}
      WHERE center_id = ${centerId}`;
  },

  async saveConfig(tx: Tx, centerId: number, config: CenterConfigSnapshot, hash: string): Promise<void> {
    await tx`UPDATE center_sync SET config = ${JSON.stringify(config)}::jsonb, config_hash = ${hash} WHERE center_id = ${centerId}`;
  },

  async saveLive(tx: Tx, centerId: number, live: CenterLiveStatus, now: number): Promise<void> {
    await tx`
      INSERT INTO center_live (center_id, at, received_at, status) VALUES (${centerId}, ${live.at}, ${now}, ${JSON.stringify(live)}::jsonb)
      ON CONFLICT (center_id) DO UPDATE SET at = excluded.at, received_at = excluded.received_at, status = excluded.status`;
  },

  /** Tells every hub process (LISTEN luot_hub) that a center's row of the board changed; delivered at commit. */
  async notify(tx: Tx, centerId: number): Promise<void> {
    await tx`SELECT pg_notify('luot_hub', ${String(centerId)})`;
  },

  /** Drops everything the hub holds of a center, to rebuild it from the center's full log. */
  async dropCenterData(tx: Tx, centerId: number): Promise<void> {
    await tx`DELETE FROM hub_events WHERE center_id = ${centerId}`;
    await tx`DELETE FROM hub_ratings WHERE center_id = ${centerId}`;
    await tx`DELETE FROM ticket_memory WHERE center_id = ${centerId}`;
    await tx`DELETE FROM hub_rollups WHERE center_id = ${centerId}`;
    await tx`DELETE FROM hub_rollup_hours WHERE center_id = ${centerId}`;
    await tx`
      UPDATE center_sync SET events_acked = 0, ratings_acked = 0, acked_event_at = NULL, newest_day = NULL,
        config_hash = NULL, resync_requested = TRUE
      WHERE center_id = ${centerId}`;
  },
};

/** One synced event as a row of the hub's event table; the ingest benchmark's raw baseline inserts the same rows. */
export function eventRow(centerId: number, e: SyncEvent) {
  return {
    center_id: centerId,
    event_id: e.id,
    at: e.at,
    type: e.type,
    ticket_id: e.ticketId,
    counter_id: e.counterId,
    field_id: e.fieldId,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor_id: e.actorId,
    device_id: e.deviceId,
    data: JSON.stringify(e.data),
    service_day: e.serviceDay,
    issued_at: e.issuedAt,
  };
}
