import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CenterSyncStatus, HubCenterView, Report } from '@luot/shared';
import { LuotProcess } from '@luot/server/province/luot-process';
import { prepareCenter, type PreparedCenter } from '@luot/server/province/prepare-center';
import { CenterTraffic } from '@luot/server/province/traffic';
import { freePort, startPgCluster, type PgCluster } from '@luot/server/test-support/pg-cluster';
import Database from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TcpProxy } from '../support/tcp-proxy.ts';

/**
 * The province end to end, every part a real process: PostgreSQL, the hub, three centers with history written
 * by the generator. Tickets flow; the hub is killed mid-sync and started again; one center loses its link for a
 * simulated day of work and then reconnects; at the end every center's events and reports on the hub equal its own.
 */
let pg: PgCluster;
let dir: string;
let hub: LuotProcess;
let proxy: TcpProxy;
let hubToken: string;
const centers: { prepared: PreparedCenter; id: number; process: LuotProcess; traffic: CenterTraffic }[] = [];

const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

async function json<T>(url: string, token: string | null, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const hubCenters = () => json<HubCenterView[]>(`${hub.url}/api/hub/centers`, hubToken);

beforeAll(async () => {
  pg = await startPgCluster();
  dir = mkdtempSync(join(tmpdir(), 'luot-province-'));
  hub = new LuotProcess('hub', await freePort(), { LUOT_HUB_DATABASE_URL: await pg.createDatabase('luot_hub'), LUOT_DEMO: '0' });
  await hub.start();
  const password = hub.accounts()['tinh-admin'];
  hubToken = (await json<{ token: string }>(`${hub.url}/api/auth/login`, null, { method: 'POST', body: { username: 'tinh-admin', password } })).token;
  proxy = await TcpProxy.start(await freePort(), hub.port);
  const plan = [
    { code: 'ben-thanh', name: 'Phường Bến Thành', seed: 21 },
    { code: 'tan-dinh', name: 'Phường Tân Định', seed: 22 },
    { code: 'binh-chanh', name: 'Xã Bình Chánh', seed: 23 },
  ];
  for (const [i, p] of plan.entries()) {
    const prepared = await prepareCenter({ file: join(dir, `${p.code}.db`), name: p.name, end: day(-3), days: 3, ticketsPerDay: 120, counters: 8, seed: p.seed });
    const { center, key } = await json<{ center: { id: number }; key: string }>(`${hub.url}/api/hub/centers`, hubToken, { method: 'POST', body: { code: p.code, name: p.name } });
    // The third center reaches the hub through a link the test can cut.
    const hubUrl = i === 2 ? proxy.url : hub.url;
    const process = new LuotProcess('center', await freePort(), {
      LUOT_DB: prepared.file,
      LUOT_HUB_URL: hubUrl,
      LUOT_HUB_CENTER_ID: String(center.id),
      LUOT_HUB_KEY: key,
      LUOT_HUB_SYNC_MS: '200',
      LUOT_HUB_SYNC_BATCH: '100',
    });
    centers.push({ prepared, id: center.id, process, traffic: new CenterTraffic({ url: process.url, kioskTokens: prepared.kioskTokens, passwords: prepared.passwords, counters: 3 }) });
  }
}, 240_000);

afterAll(async () => {
  for (const c of centers) await c.process.stop();
  await hub?.stop();
  await proxy?.cut();
  await pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a province of three real centers and a hub', () => {
  it('survives a hub killed mid-sync and a center offline for a day, and ends with equal events and reports everywhere', async () => {
    // The centers start together and stream their history in batches of 100; the hub dies part-way.
    await Promise.all(centers.map((c) => c.process.start()));
    await expect
      .poll(async () => (await hubCenters()).some((c) => c.sync.ackedEventId > 0 && c.sync.ackedEventId < c.sync.headEventId), { timeout: 60_000, interval: 20 })
      .toBe(true);
    await hub.stop('SIGKILL');
    const atKill = await (async () => {
      const sql = postgres(pg.url('luot_hub'), { max: 1, onnotice: () => undefined });
      try {
        return (await sql`SELECT count(*)::int AS n FROM hub_events`)[0]?.n as number;
      } finally {
        await sql.end();
      }
    })();
    const total = centers.reduce((n, c) => n + c.prepared.events, 0);
    expect(atKill).toBeLessThan(total);

    // With the hub gone, the centers go on: officers sign in, citizens take numbers and are served.
    for (const c of centers) await c.traffic.open();
    for (const c of centers) await c.traffic.run(8);

    await hub.start();
    await expect.poll(async () => (await hubCenters()).every((c) => c.sync.lagEvents === 0 && c.sync.ackedEventId > 0), { timeout: 90_000, interval: 500 }).toBe(true);

    // The third center loses its link for a simulated day of work: a day's citizens, all served, none of it reaching the hub.
    const offline = centers[2];
    if (!offline) throw new Error('three centers expected');
    await proxy.cut();
    await offline.traffic.run(120);
    const cutAt = (await hubCenters()).find((c) => c.id === offline.id);
    expect(cutAt?.sync.ackedEventId).toBeLessThan(eventCount(offline.prepared.file));
    await centers[0]?.traffic.run(5);

    await proxy.restore();
    // Each center knows its own newest event: wait until every one says the hub holds it.
    const supervisors = await Promise.all(
      centers.map(async (c) => (await json<{ token: string }>(`${c.process.url}/api/auth/login`, null, { method: 'POST', body: { username: 'giamsat', password: c.prepared.passwords.giamsat } })).token),
    );
    const settled = async () =>
      (await Promise.all(centers.map((c, i) => json<CenterSyncStatus>(`${c.process.url}/api/admin/hub-sync`, supervisors[i] ?? null)))).every((s) => s.lagEvents === 0 && s.state === 'up_to_date');
    await expect.poll(settled, { timeout: 90_000, interval: 500 }).toBe(true);

    // Everything the centers hold, the hub holds: the same events, and the same reports for every grouping.
    const sql = postgres(pg.url('luot_hub'), { max: 1, onnotice: () => undefined });
    try {
      for (const c of centers) {
        const [row] = await sql`SELECT (SELECT count(*)::int FROM hub_events WHERE center_id = ${c.id}) AS events, (SELECT count(*)::int FROM hub_ratings WHERE center_id = ${c.id}) AS ratings`;
        expect(row, c.prepared.name).toEqual({ events: eventCount(c.prepared.file), ratings: ratingCount(c.prepared.file) });
        const supervisor = supervisors[centers.indexOf(c)] ?? '';
        for (const groupBy of ['field', 'counter', 'officer', 'hour', 'day']) {
          const range = `from=${day(-5)}&to=${day(1)}&groupBy=${groupBy}`;
          const home = await json<Report>(`${c.process.url}/api/reports?${range}`, supervisor);
          const there = await json<Report>(`${hub.url}/api/hub/reports?${range}&centerId=${c.id}`, hubToken);
          expect({ ...there, generatedAt: null }, `${c.prepared.name} by ${groupBy}`).toEqual({ ...home, generatedAt: null });
          expect(home.total.served).toBeGreaterThan(0);
        }
      }
    } finally {
      await sql.end();
    }
  }, 400_000);
});

function eventCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  } finally {
    db.close();
  }
}

function ratingCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM ratings').pluck().get() as number;
  } finally {
    db.close();
  }
}
