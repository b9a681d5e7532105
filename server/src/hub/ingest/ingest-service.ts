import { configHash, type SyncBatch, type SyncEvent, type SyncPosition } from '@luot/shared';
import { DomainError } from '../../domain/errors.ts';
import { addDays } from '../../reports/range.ts';
import { freshMemory, step, type TicketMemory } from '../../reports/ticket-fold.ts';
import type { HubStore } from '../db/open-hub-db.ts';
import { Partitions } from '../db/partitions.ts';
import { HubCells } from './hub-cells.ts';
import { ingestRepo, type MemoryRow } from './ingest-repo.ts';

/** A month past a ticket's day, nothing of it can still need its fold memory (expiries do not). */
const MEMORY_DAYS = 31;

export interface IngestResult {
  position: SyncPosition;
  storedEvents: number;
  storedRatings: number;
}

/** Ascending ids, all after `after`: anything else is a malformed batch. */
function ordered(after: number, ids: readonly number[]): boolean {
  let last = after;
  for (const id of ids) {
    if (id <= last) return false;
    last = id;
  }
  return true;
}

/**
 * Applies a center's batch in one short PostgreSQL transaction: the center's sync row is locked, only items past
 * its acknowledged positions are kept (so a resent batch changes nothing), they are folded with the center's own
 * report fold into rollups, stored, and the positions move on; the board's processes are notified at commit.
 */
export function createIngest(deps: { store: HubStore; clock: { now(): number } }) {
  const { sql } = deps.store;
  const partitions = new Partitions(sql);

  function check(centerId: number, batch: SyncBatch): void {
    if (batch.centerId !== centerId) throw new DomainError('SYNC_WRONG_CENTER');
    const eventIds = batch.events.items.map((e) => e.id);
    const ratingIds = batch.ratings.items.map((r) => r.id);
    if (!ordered(batch.events.after, eventIds) || !ordered(batch.ratings.after, ratingIds)) throw new DomainError('SYNC_BATCH_INVALID', 'ids not ascending after the position');
    if ((eventIds.at(-1) ?? 0) > batch.head.eventId || (ratingIds.at(-1) ?? 0) > batch.head.ratingId) throw new DomainError('SYNC_BATCH_INVALID', 'items past the head');
    for (const e of batch.events.items) {
      if (e.ticketId !== null && (e.serviceDay === null || e.issuedAt === null)) throw new DomainError('SYNC_BATCH_INVALID', `event ${e.id}: a ticket event needs its service day and issue time`);
    }
    if (batch.config && configHash(batch.config) !== batch.configHash) throw new DomainError('SYNC_BATCH_INVALID', 'config does not match its hash');
  }

  return {
    async ingest(centerId: number, batch: SyncBatch): Promise<IngestResult> {
      check(centerId, batch);
      await partitions.ensure(batch.events.items.map((e) => e.at));
      const now = deps.clock.now();
      return sql.begin(async (tx) => {
        const sync = await ingestRepo.lockSync(tx, centerId);
        if (!sync) throw new DomainError('CENTER_NOT_FOUND');
        if (batch.events.after > sync.eventsAcked || batch.ratings.after > sync.ratingsAcked) throw new DomainError('SYNC_GAP');
        const events = batch.events.items.filter((e) => e.id > sync.eventsAcked);
        const ratings = batch.ratings.items.filter((r) => r.id > sync.ratingsAcked);
        const carried = batch.events.items.length + batch.ratings.items.length;
        if (carried > 0 && events.length + ratings.length === 0) throw new DomainError('SYNC_REPLAYED');

        const config = batch.config ?? sync.config;
        if (!config && events.length + ratings.length > 0) throw new DomainError('SYNC_CONFIG_NEEDED');
        if (batch.config && batch.configHash !== sync.configHash) await ingestRepo.saveConfig(tx, centerId, batch.config, batch.configHash);

        const cells = new HubCells();
        const targets = new Map((config?.fields ?? []).map((f) => [f.id, f.targetWaitMinutes * 60_000]));
        // As the center's own rebuild does (events-source.ts targetsOf): a field it does not know waits 30 minutes.
        const targetMs = (fieldId: number) => targets.get(fieldId) ?? 30 * 60_000;
        const { open: touched, finished } = await foldEvents(tx, centerId, events, cells, targetMs);
        for (const r of ratings) {
          cells.addRating({ ticket: { serviceDay: r.serviceDay, issuedAt: r.issuedAt }, field: r.fieldId, counter: r.counterId ?? 0, officer: r.officerId ?? 0, score: r.score });
        }

        if (events.length) await ingestRepo.insertEvents(tx, centerId, events);
        if (ratings.length) await ingestRepo.insertRatings(tx, centerId, ratings);
        if (cells.groups.size) await ingestRepo.addGroups(tx, centerId, cells.groups.values());
        if (cells.hours.size) await ingestRepo.addHours(tx, centerId, cells.hours.values());
        if (touched.length) await ingestRepo.saveMemories(tx, centerId, touched);
        if (finished.stored.length) await ingestRepo.dropMemories(tx, centerId, finished.stored);

        const newestDay = [sync.newestDay, ...touched.map((m) => m.serviceDay), ...finished.days].reduce<string | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);
        if (newestDay && newestDay !== sync.newestDay) await ingestRepo.pruneMemories(tx, centerId, addDays(newestDay, -MEMORY_DAYS));

        const last = events.at(-1);
        const eventsAcked = last?.id ?? sync.eventsAcked;
        const ratingsAcked = ratings.at(-1)?.id ?? sync.ratingsAcked;
        await ingestRepo.saveSync(tx, centerId, {
          eventsAcked,
          ratingsAcked,
          ackedEventAt: last?.at ?? sync.ackedEventAt,
          headEventId: Math.max(batch.head.eventId, eventsAcked),
          headEventAt: batch.head.eventAt,
          headRatingId: Math.max(batch.head.ratingId, ratingsAcked),
          now,
          newestDay,
          resyncDone: eventsAcked >= batch.head.eventId && ratingsAcked >= batch.head.ratingId,
        });
        if (batch.live) await ingestRepo.saveLive(tx, centerId, batch.live, now);
        await ingestRepo.notify(tx, centerId);
        const resyncRequested = sync.resyncRequested && !(eventsAcked >= batch.head.eventId && ratingsAcked >= batch.head.ratingId);
        return {
          position: { centerId, events: eventsAcked, ratings: ratingsAcked, configHash: batch.config ? batch.configHash : sync.configHash, resyncRequested },
          storedEvents: events.length,
          storedRatings: ratings.length,
        };
      });
    },
  };
}

/** A ticket in one of these states gets no more events (the engine's own rule): its memory is not kept. */
const finalStates = new Set(['done', 'no_show', 'cancelled']);

/**
 * Folds the batch's ticket events in log order with the center's fold, starting each ticket from the memory its
 * earlier batches left; returns the memories to keep for tickets still open, and the finished tickets whose
 * stored memory can go (most tickets start and finish within one batch and are never stored at all).
 */
async function foldEvents(
  tx: Parameters<typeof ingestRepo.memories>[0],
  centerId: number,
  events: readonly SyncEvent[],
  cells: HubCells,
  targetMs: (fieldId: number) => number,
): Promise<{ open: MemoryRow[]; finished: { stored: number[]; days: string[] } }> {
  const ticketIds = [...new Set(events.filter((e) => e.ticketId !== null && e.type !== 'issued').map((e) => e.ticketId as number))];
  const stored = await ingestRepo.memories(tx, centerId, ticketIds);
  const memories = new Map<number, { memory: TicketMemory; serviceDay: string; finished: boolean }>();
  for (const e of events) {
    if (e.ticketId === null || e.serviceDay === null || e.issuedAt === null) continue;
    let entry = memories.get(e.ticketId);
    if (!entry) {
      const row = stored.get(e.ticketId);
      entry = { memory: row ? { called: row.called, calledAt: row.calledAt, servingAt: row.servingAt } : freshMemory(), serviceDay: e.serviceDay, finished: false };
      memories.set(e.ticketId, entry);
    }
    entry.finished = e.toStatus !== null && finalStates.has(e.toStatus);
    const ticket = { serviceDay: e.serviceDay, issuedAt: e.issuedAt };
    const fromFieldId = typeof e.data.fromFieldId === 'number' ? e.data.fromFieldId : null;
    const c = step(entry.memory, ticket, { type: e.type, at: e.at, fieldId: e.fieldId, counterId: e.counterId, actorId: e.actorId, fromFieldId });
    if (c) cells.add(ticket, c, targetMs);
  }
  const open: MemoryRow[] = [];
  const finished = { stored: [] as number[], days: [] as string[] };
  for (const [ticketId, { memory, serviceDay, finished: done }] of memories) {
    if (!done) open.push({ ticketId, serviceDay, ...memory });
    else {
      finished.days.push(serviceDay);
      if (stored.has(ticketId)) finished.stored.push(ticketId);
    }
  }
  return { open, finished };
}

export type Ingest = ReturnType<typeof createIngest>;
