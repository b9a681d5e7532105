import type { SyncBatch } from '@luot/shared';
import { buildHubApp } from '../../src/hub/app.ts';
import { hubClient, openHubDb } from '../../src/hub/db/open-hub-db.ts';
import type { PgCluster } from '../../src/test-support/pg-cluster.ts';
import { batchesOf, readLog } from './source.ts';
import { eventRow } from '../../src/hub/ingest/ingest-repo.ts';
import type { OpenDb } from '../../src/db/open-db.ts';

export interface IngestResult {
  centers: number;
  events: number;
  batchSize: number;
  concurrency: number;
  hubEventsPerSecond: number;
  rawEventsPerSecond: number;
  ratio: number;
}

async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < items.length; i = next++) await work(items[i] as T);
    }),
  );
}

/**
 * Events/s into the hub over HTTP (validation, the report fold, events, rollups, memories, positions, NOTIFY), from
 * `centers` simulated centers sending the same generated log in batches; against raw multi-row INSERTs of the same
 * rows into a plain table with the same columns and key, with the same batches and concurrency, in the same run.
 */
export async function ingestBench(pg: PgCluster, source: OpenDb, options: { centers: number; batchSize: number; concurrency: number }): Promise<IngestResult> {
  const log = readLog(source);
  const url = await pg.createDatabase('bench_ingest');
  const store = await openHubDb(url, { max: options.concurrency + 2 });
  const { app, deps } = await buildHubApp({ store, provinceName: 'Bench', appsRoot: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  const work: { centerId: number; key: string; body: string; round: number }[] = [];
  const perCenter: SyncBatch[][] = [];
  for (let c = 0; c < options.centers; c++) {
    const { center, key } = await deps.centers.register({ code: `bench-${c}`, name: `Bench ${c}` });
    const batches = batchesOf(log, center.id, options.batchSize);
    perCenter.push(batches);
    batches.forEach((b, round) => work.push({ centerId: center.id, key, body: JSON.stringify(b), round }));
  }
  // Every center's first batch before any second one: a center's batches go in order, centers side by side.
  work.sort((a, b) => a.round - b.round || a.centerId - b.centerId);
  const inFlight = new Map<number, Promise<void>>();
  const started = performance.now();
  await pool(work, options.concurrency, async (w) => {
    await inFlight.get(w.centerId);
    const p = (async () => {
      const res = await fetch(`${base}/api/sync/centers/${w.centerId}/batches`, { method: 'POST', headers: { authorization: `Bearer ${w.key}`, 'content-type': 'application/json' }, body: w.body });
      if (!res.ok) throw new Error(`batch refused: ${res.status} ${await res.text()}`);
    })();
    inFlight.set(w.centerId, p);
    await p;
  });
  const hubSeconds = (performance.now() - started) / 1000;
  const events = log.events.length * options.centers;
  const [{ n } = { n: 0 }] = await store.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM hub_events`;
  if (n !== events) throw new Error(`hub holds ${n} events, expected ${events}`);
  await app.close();
  await store.close();

  // Raw: the same rows, the same batch size and concurrency, straight into a plain table.
  const raw = hubClient(url, options.concurrency + 2);
  await raw`CREATE TABLE raw_events (center_id int NOT NULL, event_id bigint NOT NULL, at bigint NOT NULL, type text NOT NULL, ticket_id bigint, counter_id int,
    field_id int, from_status text, to_status text, actor_id int, device_id int, data jsonb NOT NULL, service_day date, issued_at bigint, PRIMARY KEY (center_id, event_id, at))`;
  const rawWork = perCenter.flatMap((batches, c) =>
    batches.map((b) =>
      b.events.items.map((e) => eventRow(c + 1, e)),
    ),
  );
  const rawStarted = performance.now();
  await pool(rawWork, options.concurrency, async (rows) => {
    if (rows.length === 0) return;
    for (let i = 0; i < rows.length; i += 2000) await raw`INSERT INTO raw_events ${raw(rows.slice(i, i + 2000))}`;
  });
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  await raw.end();
  return {
    centers: options.centers,
    events,
    batchSize: options.batchSize,
    concurrency: options.concurrency,
    hubEventsPerSecond: events / hubSeconds,
    rawEventsPerSecond: events / rawSeconds,
    ratio: rawSeconds / hubSeconds,
  };
}
