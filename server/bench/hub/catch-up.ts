import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.ts';
import { buildHubApp } from '../../src/hub/app.ts';
import { openHubDb } from '../../src/hub/db/open-hub-db.ts';
import type { PgCluster } from '../../src/test-support/pg-cluster.ts';
import type { OpenDb } from '../../src/db/open-db.ts';

export interface CatchUpResult {
  tickets: number;
  events: number;
  ratings: number;
  seconds: number;
  batches: number;
}

/**
 * A center back after a week offline: its real app (the sync service, outbox reads, HTTP) sends a week's log to
 * a hub that has none of it, in its default batches; timed from the first attempt to the hub holding everything.
 */
export async function catchUpBench(pg: PgCluster, source: { store: OpenDb; tickets: number }): Promise<CatchUpResult> {
  const store = await openHubDb(await pg.createDatabase('bench_catch_up'), { max: 6 });
  const hub = await buildHubApp({ store, provinceName: 'Bench', appsRoot: '/nonexistent' });
  await hub.app.listen({ port: 0, host: '127.0.0.1' });
  const address = hub.app.server.address();
  const hubUrl = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
  const { center, key } = await hub.deps.centers.register({ code: 'week-offline', name: 'Week offline' });
  const dir = mkdtempSync(join(tmpdir(), 'luot-catch-up-'));
  const { app, deps } = await buildApp({
    store: source.store,
    config: { heartbeatMs: 15_000, appsRoot: dir, demo: false, publicUrl: null, hub: { hubUrl, centerId: center.id, key } },
  });
  await app.ready();
  const events = source.store.sqlite.prepare('SELECT count(*) FROM events').pluck().get() as number;
  const ratings = source.store.sqlite.prepare('SELECT count(*) FROM ratings').pluck().get() as number;
  const started = performance.now();
  deps.hubSync.start();
  for (;;) {
    const s = deps.hubSync.status();
    if (s.lagEvents === 0 && s.ackedRatingId === (ratings === 0 ? 0 : s.ackedRatingId) && s.state === 'up_to_date') break;
    if (s.state === 'failing') throw new Error(`catch-up failed: ${JSON.stringify(s.lastError)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  const [{ n, r } = { n: 0, r: 0 }] = await store.sql<{ n: number; r: number }[]>`SELECT (SELECT count(*)::int FROM hub_events) AS n, (SELECT count(*)::int FROM hub_ratings) AS r`;
  if (n !== events || r !== ratings) throw new Error(`hub holds ${n} of ${events} events, ${r} of ${ratings} ratings`);
  deps.hubSync.stop();
  await app.close();
  await hub.app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return { tickets: source.tickets, events, ratings, seconds, batches: Math.ceil(events / 2000) };
}
