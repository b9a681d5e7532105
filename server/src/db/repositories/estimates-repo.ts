import type { Db } from '../open-db.ts';
import { perConnection } from '../prepared.ts';

/** A counter as the wait estimate sees it: its state and, when someone is at its desk, their field and call time. */
export interface CounterNow {
  id: number;
  status: 'open' | 'paused' | 'closed';
  policy: 'order' | 'weights';
  /** Decree 107 priority counters (#17): 'priority_only' never calls a normal ticket; 'priority_then_normal' only when no priority citizen waits. */
  priorityMode: 'mixed' | 'priority_then_normal' | 'priority_only';
  currentFieldId: number | null;
  calledAt: number | null;
}

/** A pause of at least `minMs` that began in a local-time window, with when the counter came back. */
export interface LongPause {
  counterId: number;
  pausedAt: number;
  backAt: number;
}

const statements = perConnection((sqlite) => ({
  // Most recent finished visits of a field in a time range, newest first (walks the event log backwards).
  visits: sqlite
    .prepare(
      `SELECT e.at - t.called_at FROM events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.type IN ('done', 'no_show') AND e.field_id = ? AND e.at >= ? AND e.at < ? AND t.called_at IS NOT NULL
       ORDER BY e.id DESC LIMIT ?`,
    )
    .pluck(),
  // Mean visit per field over a range of earlier days, in one pass (computed once a day).
  visitMeans: sqlite.prepare(
    `SELECT e.field_id AS fieldId, avg(e.at - t.called_at) AS ms, count(*) AS n FROM events e JOIN tickets t ON t.id = e.ticket_id
     WHERE e.type IN ('done', 'no_show') AND e.at >= ? AND e.at < ? AND t.called_at IS NOT NULL GROUP BY e.field_id`,
  ),
  counters: sqlite.prepare(
    `SELECT c.id, c.status, c.policy, c.priority_mode AS priorityMode, t.field_id AS currentFieldId, t.called_at AS calledAt
     FROM counters c LEFT JOIN tickets t ON t.id = c.current_ticket_id WHERE c.active = 1`,
  ),
  // Citizens in the general queue of each field (not sent to one counter): the fields' tallies (O(1) each) less the
  // few sent to a counter (a partial index), so the cost does not grow with the queue.
  fieldWaiting: sqlite.prepare('SELECT waiting FROM field_days WHERE field_id = ? AND service_day = ?').pluck(),
  sentWaiting: sqlite.prepare(
    `SELECT field_id AS fieldId, count(*) AS n FROM tickets INDEXED BY tickets_sent_waiting
     WHERE status = 'waiting' AND target_counter_id IS NOT NULL AND service_day = ? GROUP BY field_id`,
  ),
  // General-queue citizens queued after a ticket: none for one just issued, whatever the queue's length.
  behind: sqlite
    .prepare(
      `SELECT count(*) FROM tickets
       WHERE status = 'waiting' AND service_day = @serviceDay AND field_id = @fieldId AND target_counter_id IS NULL
         AND (queued_at > @queuedAt OR (queued_at = @queuedAt AND id > @id))`,
    )
    .pluck(),
  priorityAhead: sqlite
    .prepare(
      `SELECT count(*) FROM tickets INDEXED BY tickets_priority_waiting
       WHERE status = 'waiting' AND priority IS NOT NULL AND target_counter_id IS NULL AND service_day = @serviceDay AND field_id = @fieldId
         AND (queued_at < @queuedAt OR (queued_at = @queuedAt AND id < @id))`,
    )
    .pluck(),
  aheadAtCounter: sqlite
    .prepare(
      `SELECT count(*) FROM tickets
       WHERE status = 'waiting' AND service_day = @serviceDay AND target_counter_id = @counterId
         AND (queued_at < @queuedAt OR (queued_at = @queuedAt AND id < @id))`,
    )
    .pluck(),
  issuedSince: sqlite.prepare(`SELECT field_id AS fieldId, count(*) AS n FROM events WHERE type = 'issued' AND at >= ? GROUP BY field_id`),
  classes: sqlite.prepare(`SELECT count(*) AS issued, count(priority) AS priority FROM tickets WHERE service_day = ?`),
  // Ends of visits (the counter is free again) and, for each, the same counter's next call if it came soon.
  visitEnds: sqlite.prepare(
    `SELECT counter_id AS counterId, at FROM events
     WHERE type IN ('done', 'no_show', 'held', 'transferred') AND counter_id IS NOT NULL AND at >= ? ORDER BY id DESC LIMIT ?`,
  ),
  nextCall: sqlite.prepare(`SELECT at FROM events WHERE type = 'called' AND counter_id = ? AND at >= ? AND at <= ? ORDER BY at LIMIT 1`).pluck(),
  counterStates: sqlite.prepare(
    `SELECT counter_id AS counterId, type, at FROM events
     WHERE type IN ('counter_paused', 'counter_resumed', 'counter_opened', 'counter_closed') AND at >= ? AND at < ? ORDER BY at, id`,
  ),
}));

/** Reads behind the wait estimate. */
export const estimatesRepo = {
  recentVisitMs(db: Db, fieldId: number, from: number, to: number, limit: number): number[] {
    return statements(db).visits.all(fieldId, from, to, limit) as number[];
  },
  visitMeans(db: Db, from: number, to: number): Map<number, { ms: number; n: number }> {
    const rows = statements(db).visitMeans.all(from, to) as { fieldId: number; ms: number; n: number }[];
    return new Map(rows.map((r) => [r.fieldId, { ms: r.ms, n: r.n }]));
  },
  counters(db: Db): CounterNow[] {
    return statements(db).counters.all() as CounterNow[];
  },
  /** Citizens in each field's general queue on `serviceDay`, for the fields given. */
  waitingByField(db: Db, serviceDay: string, fieldIds: Iterable<number>): Map<number, number> {
    const s = statements(db);
    const sent = new Map((s.sentWaiting.all(serviceDay) as { fieldId: number; n: number }[]).map((r) => [r.fieldId, r.n]));
    const out = new Map<number, number>();
    for (const id of fieldIds) out.set(id, ((s.fieldWaiting.get(id, serviceDay) as number | undefined) ?? 0) - (sent.get(id) ?? 0));
    return out;
  },
  /**
   * Citizens of the field's general queue ahead of this waiting ticket (itself in that queue, `inQueue` of them
   * in all); only priority ones when `priorityOnly`. Counted from the short side: behind a new ticket is nobody.
   */
  ahead(db: Db, t: { id: number; fieldId: number; queuedAt: number; serviceDay: string }, priorityOnly: boolean, inQueue: number): number {
    const params = { id: t.id, fieldId: t.fieldId, queuedAt: t.queuedAt, serviceDay: t.serviceDay };
    if (priorityOnly) return statements(db).priorityAhead.get(params) as number;
    return Math.max(0, inQueue - 1 - (statements(db).behind.get(params) as number));
  },
  /** Citizens sent to the same counter who are ahead of this ticket. */
  aheadAtCounter(db: Db, t: { id: number; queuedAt: number; serviceDay: string }, counterId: number): number {
    return statements(db).aheadAtCounter.get({ id: t.id, queuedAt: t.queuedAt, serviceDay: t.serviceDay, counterId }) as number;
  },
  issuedSince(db: Db, since: number): Map<number, number> {
    const rows = statements(db).issuedSince.all(since) as { fieldId: number; n: number }[];
    return new Map(rows.map((r) => [r.fieldId, r.n]));
  },
  classes(db: Db, serviceDay: string): { issued: number; priority: number } {
    return statements(db).classes.get(serviceDay) as { issued: number; priority: number };
  },
  /** Milliseconds between a visit's end and the counter's next call, for the latest `limit` visit ends (when the call came within `withinMs`). */
  gapsBetweenVisits(db: Db, since: number, limit: number, withinMs: number): number[] {
    const s = statements(db);
    const gaps: number[] = [];
    for (const end of s.visitEnds.all(since, limit) as { counterId: number; at: number }[]) {
      const next = s.nextCall.get(end.counterId, end.at, end.at + withinMs) as number | undefined;
      if (next !== undefined) gaps.push(next - end.at);
    }
    return gaps;
  },
  /** Pauses in [from, to) that lasted at least `minMs` (until the counter resumed, reopened or closed), oldest first. */
  longPauses(db: Db, from: number, to: number, minMs: number): LongPause[] {
    const pausedAt = new Map<number, number>();
    const out: LongPause[] = [];
    for (const e of statements(db).counterStates.all(from, to) as { counterId: number; type: string; at: number }[]) {
      const since = pausedAt.get(e.counterId);
      if (since !== undefined) {
        pausedAt.delete(e.counterId);
        if (e.at - since >= minMs) out.push({ counterId: e.counterId, pausedAt: since, backAt: e.at });
      }
      if (e.type === 'counter_paused') pausedAt.set(e.counterId, e.at);
    }
    return out;
  },
};
