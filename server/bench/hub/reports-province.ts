import { existsSync } from 'node:fs';
import { configHash, SYNC_PROTOCOL } from '@luot/shared';
import { buildHubApp } from '../../src/hub/app.ts';
import { openHubDb } from '../../src/hub/db/open-hub-db.ts';
import { openDb } from '../../src/db/open-db.ts';
import type { PgCluster } from '../../src/test-support/pg-cluster.ts';
import { batchesOf, generatedCenter, readLog } from './source.ts';

export interface ProvinceReportsResult {
  generated: { tickets: number; events: number; days: number; from: string; to: string; seconds: number; reused: boolean };
  ingestSeconds: number;
  centers: number;
  rollupRows: number;
  hourRows: number;
  databaseMiB: number;
  month: { from: string; to: string; ms: Record<string, number> };
  year: { from: string; to: string; ms: Record<string, number> };
  oneCenterYearMs: number;
  yearDurations: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * Reports on five years of a province: one center's history written by the generator (engine path) and sent
 * through the hub's real ingest; its rollups then copied in PostgreSQL to the province's other centers (same
 * figures, same volume), since generating 170 × 5 years is beyond two cores. Reports read only rollups.
 */
export async function provinceReportsBench(pg: PgCluster, o: { file: string; years: number; end: string; ticketsPerDay: number; counters: number; seed: number; centers: number }): Promise<ProvinceReportsResult> {
  const reused = existsSync(o.file);
  const started = performance.now();
  const days = Math.round(o.years * 365.25);
  const source = reused ? { store: openDb(o.file), tickets: 0, seconds: 0 } : await generatedCenter({ file: o.file, days, end: o.end, ticketsPerDay: o.ticketsPerDay, counters: o.counters, seed: o.seed });
  const genSeconds = reused ? 0 : (performance.now() - started) / 1000;
  const tickets = source.store.sqlite.prepare('SELECT count(*) FROM tickets').pluck().get() as number;
  const [from, to] = source.store.sqlite.prepare('SELECT min(service_day), max(service_day) FROM tickets').raw().get() as [string, string];
  const log = readLog(source.store);
  source.store.close();

  const store = await openHubDb(await pg.createDatabase('bench_reports'), { max: 6 });
  const { app, deps } = await buildHubApp({ store, provinceName: 'Bench province', appsRoot: '/nonexistent' });
  await app.ready();
  const first = await deps.centers.register({ code: 'center-1', name: 'Trung tâm 001' });
  const ingestStarted = performance.now();
  for (const batch of batchesOf(log, first.center.id, 5000)) await deps.ingest.ingest(first.center.id, batch);
  const ingestSeconds = (performance.now() - ingestStarted) / 1000;

  // The rest of the province: registered, their set-up sent, their rollups copied from the first center's.
  const others: number[] = [];
  for (let i = 2; i <= o.centers; i++) {
    const { center } = await deps.centers.register({ code: `center-${i}`, name: `Trung tâm ${String(i).padStart(3, '0')}` });
    others.push(center.id);
    await deps.ingest.ingest(center.id, { protocol: SYNC_PROTOCOL, centerId: center.id, events: { after: 0, items: [] }, ratings: { after: 0, items: [] }, head: { eventId: 0, eventAt: null, ratingId: 0 }, config: log.config, configHash: configHash(log.config) });
  }
  const columns = `issued, called, served, no_show, transferred, cancelled, expired, recalls, within_target, rated_very_good, rated_good, rated_neutral, rated_bad, wait_ms, walk_ms, service_ms`;
  for (let i = 0; i < others.length; i += 20) {
    const ids = others.slice(i, i + 20);
    await store.sql.unsafe(`INSERT INTO hub_rollups (center_id, day, field, counter, officer, ${columns}) SELECT c, day, field, counter, officer, ${columns} FROM hub_rollups, unnest($1::int[]) AS c WHERE center_id = $2`, [ids, first.center.id]);
    await store.sql.unsafe(`INSERT INTO hub_rollup_hours (center_id, day, hour, ${columns}) SELECT c, day, hour, ${columns} FROM hub_rollup_hours, unnest($1::int[]) AS c WHERE center_id = $2`, [ids, first.center.id]);
  }
  await store.sql`VACUUM ANALYZE hub_rollups`;
  await store.sql`VACUUM ANALYZE hub_rollup_hours`;
  const [sizes] = await store.sql<{ rollups: number; hours: number; bytes: number }[]>`
    SELECT (SELECT count(*)::int FROM hub_rollups) AS rollups, (SELECT count(*)::int FROM hub_rollup_hours) AS hours, pg_database_size(current_database())::bigint AS bytes`;

  const lastMonthEnd = new Date(Date.parse(`${o.end.slice(0, 7)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const month = { from: `${lastMonthEnd.slice(0, 7)}-01`, to: lastMonthEnd };
  const lastYear = Number(o.end.slice(0, 4)) - 1;
  const year = { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
  const time = async (query: Record<string, string | number>, runs: number) => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url: `/api/hub/reports?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`, headers: { authorization: `Bearer ${await token()}` } });
      if (res.statusCode !== 200) throw new Error(`report failed: ${res.body}`);
      ms.push(performance.now() - t);
    }
    return median(ms);
  };
  let cached: string | null = null;
  const token = async () => {
    if (cached) return cached;
    const staff = await deps.auth.createStaff({ username: 'bench-leader', name: 'Bench', role: 'province_viewer' });
    cached = (await deps.auth.login('bench-leader', staff.password)).token;
    return cached;
  };
  const groupings = ['center', 'field', 'day', 'month', 'hour'];
  const monthMs: Record<string, number> = {};
  for (const g of groupings) monthMs[g] = await time({ ...month, groupBy: g }, 5);
  const yearMs: Record<string, number> = {};
  for (const g of groupings) yearMs[g] = await time({ ...year, groupBy: g }, 3);
  const oneCenterYearMs = await time({ ...year, groupBy: 'officer', centerId: first.center.id }, 3);
  const yearReport = await deps.reports.report({ ...year, groupBy: 'center' });
  await app.close();
  await store.close();
  return {
    generated: { tickets: tickets, events: log.events.length, days, from, to, seconds: genSeconds, reused },
    ingestSeconds,
    centers: o.centers,
    rollupRows: sizes?.rollups ?? 0,
    hourRows: sizes?.hours ?? 0,
    databaseMiB: (sizes?.bytes ?? 0) / 2 ** 20,
    month: { ...month, ms: monthMs },
    year: { ...year, ms: yearMs },
    oneCenterYearMs,
    yearDurations: yearReport.total.wait.count + yearReport.total.walk.count + yearReport.total.service.count,
  };
}
