import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configHash, SYNC_PROTOCOL, type CenterConfigSnapshot, type SyncBatch, type SyncEvent, type SyncRating } from '@luot/shared';
import { generateHistory } from '../../scripts/history/generate.ts';
import { openDb, type OpenDb } from '../../src/db/open-db.ts';
import { outboxRepo } from '../../src/sync/outbox-repo.ts';

/** A center's log as the sync reads it: generated through the server's own code, then read by the outbox. */
export interface CenterLog {
  events: SyncEvent[];
  ratings: SyncRating[];
  config: CenterConfigSnapshot;
  tickets: number;
  seconds: number;
}

export async function generatedCenter(options: { days: number; end: string; ticketsPerDay: number; counters: number; seed: number; file?: string }): Promise<{ store: OpenDb; file: string; tickets: number; seconds: number }> {
  const file = options.file ?? join(mkdtempSync(join(tmpdir(), 'luot-hub-bench-')), 'center.db');
  const store = openDb(file);
  const result = await generateHistory(store, { end: options.end, days: options.days, seed: options.seed, ticketsPerDay: options.ticketsPerDay, counters: options.counters, path: 'engine' });
  return { store, file, tickets: result.tickets, seconds: result.seconds };
}

export function readLog(store: OpenDb): Omit<CenterLog, 'tickets' | 'seconds'> {
  const events: SyncEvent[] = [];
  for (let after = 0; ; ) {
    const chunk = outboxRepo.eventsAfter(store.db, after, 50_000);
    if (chunk.length === 0) break;
    events.push(...chunk);
    after = chunk.at(-1)?.id ?? after;
  }
  const ratings = outboxRepo.ratingsAfter(store.db, 0, 10_000_000);
  const config = outboxRepo.config(store.db, { name: 'Bench center', address: '', dayRollover: '00:00' });
  return { events, ratings, config };
}

/** The log cut into the batches a center sends, for one center id. */
export function batchesOf(log: Omit<CenterLog, 'tickets' | 'seconds'>, centerId: number, size: number): SyncBatch[] {
  const out: SyncBatch[] = [];
  const hash = configHash(log.config);
  const lastEvent = log.events.at(-1);
  const head = { eventId: lastEvent?.id ?? 0, eventAt: lastEvent?.at ?? null, ratingId: log.ratings.at(-1)?.id ?? 0 };
  let e = 0;
  let r = 0;
  while (e < log.events.length || r < log.ratings.length) {
    const events = log.events.slice(e, e + size);
    const ratings = log.ratings.slice(r, r + size);
    out.push({
      protocol: SYNC_PROTOCOL,
      centerId,
      events: { after: e === 0 ? 0 : (log.events[e - 1]?.id ?? 0), items: events },
      ratings: { after: r === 0 ? 0 : (log.ratings[r - 1]?.id ?? 0), items: ratings },
      head,
      ...(out.length === 0 ? { config: log.config } : {}),
      configHash: hash,
    });
    e += events.length;
    r += ratings.length;
  }
  return out;
}
