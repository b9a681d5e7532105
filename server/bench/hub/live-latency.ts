import type { CenterLiveStatus, HubServerMessage, SyncBatch } from '@luot/shared';
import { configHash, SYNC_PROTOCOL } from '@luot/shared';
import WebSocket from 'ws';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.ts';
import { buildHubApp } from '../../src/hub/app.ts';
import { openHubDb } from '../../src/hub/db/open-hub-db.ts';
import type { PgCluster } from '../../src/test-support/pg-cluster.ts';
import { openDb } from '../../src/db/open-db.ts';
import { seedDemo } from '../../src/seed/seed.ts';
import { createAuthService } from '../../src/services/auth-service.ts';
import { systemClock } from '../../src/system-clock.ts';
import { percentile } from '../machine.ts';

export interface LiveLatencyResult {
  centers: number;
  backgroundPostsPerSecond: number;
  fanOut: { samples: number; p50: number; p99: number; max: number };
  endToEnd: { samples: number; p50: number; p99: number; max: number };
}

const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { samples: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
};

function live(waiting: number): CenterLiveStatus {
  return {
    at: Date.now(),
    serviceDay: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10),
    fields: [1, 2, 3, 4, 5].map((id) => ({ fieldId: id, waiting: id === 1 ? waiting : 3, longestWaitSeconds: 300, averageWaitLastHourSeconds: 200, servedToday: 40, targetWaitMinutes: 30, issuing: true })),
    counters: [1, 2, 3, 4, 5, 6].map((id) => ({ counterId: id, status: 'open' as const, pauseReason: null, officerName: `Cán bộ ${id}`, ticket: null, stateSinceSeconds: 30 })),
    alerts: [],
  };
}

/**
 * The province board's freshness with 170 centers reporting: two hub instances on one PostgreSQL, centers
 * posting their live status to the first every 5 s, a browser's socket on the second. Fan-out: a changed status
 * posted to hub A → the row on hub B's socket. End to end: a ticket issued at a real center (its sync looks every
 * second) → the row on hub B's socket.
 */
export async function liveLatencyBench(pg: PgCluster, options: { centers: number; samples: number; endToEndSamples: number }): Promise<LiveLatencyResult> {
  const url = await pg.createDatabase('bench_live');
  const storeA = await openHubDb(url, { max: 8 });
  const storeB = await openHubDb(url, { max: 4 });
  const a = await buildHubApp({ store: storeA, provinceName: 'Bench', appsRoot: '/nonexistent' });
  const b = await buildHubApp({ store: storeB, provinceName: 'Bench', appsRoot: '/nonexistent' });
  await a.app.listen({ port: 0, host: '127.0.0.1' });
  await b.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app: typeof a.app) => {
    const address = app.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  };
  const urlA = `http://127.0.0.1:${port(a.app)}`;
  const urlB = `ws://127.0.0.1:${port(b.app)}/api/hub/ws`;
  const config = { name: 'C', address: '', dayRollover: '00:00', fields: [1, 2, 3, 4, 5].map((id) => ({ id, parentId: null, code: `f${id}`, nameVi: `F${id}`, nameEn: `F${id}`, prefix: 'A', targetWaitMinutes: 30, position: id, active: true })), counters: [], staff: [] };
  const hash = configHash(config);
  const centers: { id: number; key: string }[] = [];
  for (let i = 0; i < options.centers; i++) {
    const { center, key } = await a.deps.centers.register({ code: `live-${i}`, name: `Trung tâm ${i}` });
    centers.push({ id: center.id, key });
  }
  const post = async (c: { id: number; key: string }, waiting: number) => {
    const batch: SyncBatch = { protocol: SYNC_PROTOCOL, centerId: c.id, events: { after: 0, items: [] }, ratings: { after: 0, items: [] }, head: { eventId: 0, eventAt: null, ratingId: 0 }, config, configHash: hash, live: live(waiting) };
    const res = await fetch(`${urlA}/api/sync/centers/${c.id}/batches`, { method: 'POST', headers: { authorization: `Bearer ${c.key}`, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    if (!res.ok) throw new Error(`live post refused: ${res.status}`);
  };
  for (const c of centers) await post(c, 5);

  const viewer = await a.deps.auth.createStaff({ username: 'bench-viewer', name: 'Bench', role: 'province_viewer' });
  const { token } = await a.deps.auth.login('bench-viewer', viewer.password);
  const ws = new WebSocket(urlB);
  const waiters: { centerId: number; waiting: number; resolve: (at: number) => void }[] = [];
  ws.on('message', (raw: Buffer) => {
    const at = performance.now();
    const m = JSON.parse(raw.toString()) as HubServerMessage;
    if (m.type !== 'center') return;
    for (const w of [...waiters]) {
      if (w.centerId === m.row.centerId && w.waiting === m.row.waiting) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(at);
      }
    }
  });
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'hello', token }));
  await new Promise((r) => setTimeout(r, 500));
  const seen = (centerId: number, waiting: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no board update for center ${centerId} with ${waiting} waiting within 30 s`)), 30_000);
      waiters.push({ centerId, waiting, resolve: (at) => (clearTimeout(timer), resolve(at)) });
    });

  // Background: every center reports every 5 s, staggered; the first ten are the samples' own, so a background
  // report never overwrites a sample's status before its row is built.
  const sampled = centers.slice(0, 10);
  let stop = false;
  let posts = 0;
  const background = centers.slice(10).map(async (c, i) => {
    await new Promise((r) => setTimeout(r, (i * 5000) / centers.length));
    while (!stop) {
      await post(c, 5).catch(() => undefined);
      posts++;
      await new Promise((r) => setTimeout(r, 5000));
    }
  });
  const bgStarted = performance.now();

  const fanOut: number[] = [];
  for (let i = 0; i < options.samples; i++) {
    const c = sampled[i % sampled.length];
    if (!c) continue;
    const waiting = 100 + i;
    const t0 = performance.now();
    // The row's waiting is the sum over the center's fields: the changed one plus four with 3 each.
    const arrived = seen(c.id, waiting + 12);
    await post(c, waiting);
    fanOut.push((await arrived) - t0);
    await post(c, 5);
    await new Promise((r) => setTimeout(r, 50));
  }

  // End to end from a real center whose sync looks every second, with the same background.
  const dir = mkdtempSync(join(tmpdir(), 'luot-live-bench-'));
  const centerStore = openDb(join(dir, 'center.db'));
  await seedDemo(centerStore, createAuthService({ store: centerStore, clock: systemClock, options: { scryptN: 1 << 10 } }), systemClock);
  const real = await a.deps.centers.register({ code: 'real', name: 'Real center' });
  const center = await buildApp({ store: centerStore, config: { heartbeatMs: 15_000, appsRoot: dir, demo: true, publicUrl: null, hub: { hubUrl: urlA, centerId: real.center.id, key: real.key } } });
  await center.app.ready();
  center.deps.hubSync.start();
  const kiosk = (await center.app.inject({ method: 'GET', url: '/api/demo/device?kind=kiosk' })).json<{ token: string }>().token;
  const fieldId = (await center.app.inject({ method: 'GET', url: '/api/center', headers: { authorization: `Bearer ${kiosk}` } })).json<{ fields: { id: number }[] }>().fields[0]?.id ?? 1;
  await new Promise((r) => setTimeout(r, 3000));
  const endToEnd: number[] = [];
  for (let i = 1; i <= options.endToEndSamples; i++) {
    const arrived = seen(real.center.id, i);
    const t0 = performance.now();
    const res = await center.app.inject({ method: 'POST', url: '/api/tickets', headers: { authorization: `Bearer ${kiosk}` }, payload: { fieldId } });
    if (res.statusCode !== 201) throw new Error(`issue failed: ${res.body}`);
    endToEnd.push((await arrived) - t0);
    // Wait a random part of a tick, so the samples fall anywhere in the sync's one-second cycle.
    await new Promise((r) => setTimeout(r, 200 + ((i * 389) % 900)));
  }
  const bgSeconds = (performance.now() - bgStarted) / 1000;
  stop = true;
  center.deps.hubSync.stop();
  await center.app.close();
  centerStore.close();
  rmSync(dir, { recursive: true, force: true });
  ws.close();
  await Promise.all(background);
  await a.app.close();
  await b.app.close();
  await storeA.close();
  await storeB.close();
  return { centers: options.centers, backgroundPostsPerSecond: posts / bgSeconds, fanOut: summary(fanOut), endToEnd: summary(endToEnd) };
}
