/**
 * `pnpm --filter @luot/server bench:hub [--years 5] [--centers 170] [--history /tmp/luot-province-5y.db]`
 *
 * The province hub's scale, measured on a durable PostgreSQL started for the run: ingest against raw batched
 * inserts, a week's catch-up, reports over five years × 170 centers, and the live board's freshness. Appends a
 * dated section to docs/benchmarks.md.
 */
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPgCluster } from '../src/test-support/pg-cluster.ts';
import { catchUpBench } from './hub/catch-up.ts';
import { ingestBench } from './hub/ingest.ts';
import { liveLatencyBench } from './hub/live-latency.ts';
import { provinceReportsBench } from './hub/reports-province.ts';
import { generatedCenter } from './hub/source.ts';
import { machineLine, round } from './machine.ts';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '5' },
    centers: { type: 'string', default: '170' },
    history: { type: 'string', default: '/tmp/luot-province-5y-ward.db' },
    only: { type: 'string' },
  },
  strict: true,
});
const centers = Number(values.centers);
const only = new Set((values.only ?? 'ingest,catchup,live,reports').split(','));
const load = [loadavg()[0] ?? NaN];
const pg = await startPgCluster({ durable: true, settings: { shared_buffers: '2GB', max_wal_size: '4GB', work_mem: '64MB' } });
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const rows: string[] = [];
const notes: string[] = [];
try {
  if (only.has('ingest')) {
    log('ingest …');
    const src = await generatedCenter({ days: 3, end: '2026-11-20', ticketsPerDay: 2000, counters: 30, seed: 7 });
    const r = await ingestBench(pg, src.store, { centers: 12, batchSize: 2000, concurrency: 6 });
    src.store.close();
    // A 170-center province's peak hour: 170 × 500 tickets a day × 4.3 events a ticket, a sixth of it in the busiest hour.
    const peakPerSecond = (170 * 500 * 4.3) / 6 / 3600;
    log(JSON.stringify(r));
    rows.push(
      `| ingest over HTTP into the hub: ${r.centers} simulated centers × ${(r.events / r.centers).toLocaleString('en')} events (a large center's 3 generated days), batches of ${r.batchSize}, ${r.concurrency} at a time | ${Math.round(r.hubEventsPerSecond).toLocaleString('en')} events/s | — | |`,
      `| raw multi-row INSERTs of the same rows into a plain table with the same key, same batches and concurrency, same run | ${Math.round(r.rawEventsPerSecond).toLocaleString('en')} events/s | — | |`,
      `| ingest as a share of raw | ${round(r.ratio * 100, 1)} % | ≥ 50 % | ${verdict(r.ratio >= 0.5)} |`,
      `| ingest as a multiple of a 170-center province's peak hour (${round(peakPerSecond, 1)} events/s) | ${Math.round(r.hubEventsPerSecond / peakPerSecond).toLocaleString('en')}× | ≥ 100× | ${verdict(r.hubEventsPerSecond / peakPerSecond >= 100)} |`,
    );
  }
  if (only.has('catchup')) {
    log('catch-up …');
    const src = await generatedCenter({ days: 7, end: '2026-11-20', ticketsPerDay: 2800, counters: 30, seed: 8 });
    const r = await catchUpBench(pg, src);
    src.store.close();
    log(JSON.stringify(r));
    rows.push(`| catch-up of a week offline: ${r.tickets.toLocaleString('en')} tickets, ${r.events.toLocaleString('en')} events, ${r.ratings.toLocaleString('en')} ratings, from the center's own sync (batches of 2,000) to the hub holding all | ${round(r.seconds, 1)} s | ≤ 30 s | ${verdict(r.seconds <= 30)} |`);
  }
  if (only.has('live')) {
    log('live board …');
    const r = await liveLatencyBench(pg, { centers, samples: 100, endToEndSamples: 20 });
    log(JSON.stringify(r));
    rows.push(
      `| live board, ${r.centers} centers reporting every 5 s (${round(r.backgroundPostsPerSecond, 1)} posts/s): a changed status posted to hub A → its row on a browser socket of hub B (LISTEN/NOTIFY), p50 / p99 / max of ${r.fanOut.samples} | ${round(r.fanOut.p50, 1)} / ${round(r.fanOut.p99, 1)} / ${round(r.fanOut.max, 1)} ms | — | |`,
      `| live board end to end: a ticket issued at a real center (sync looks every 1 s) → its row on hub B's socket, p50 / p99 / max of ${r.endToEnd.samples} | ${round(r.endToEnd.p50, 0)} / ${round(r.endToEnd.p99, 0)} / ${round(r.endToEnd.max, 0)} ms | ≤ 5,000 ms | ${verdict(r.endToEnd.max <= 5000)} |`,
    );
  }
  if (only.has('reports')) {
    log('reports on the province …');
    const r = await provinceReportsBench(pg, { file: resolve(values.history), years: Number(values.years), end: '2026-11-20', ticketsPerDay: 300, counters: 8, seed: 9, centers });
    log(JSON.stringify(r));
    const worst = (m: Record<string, number>) => Math.max(...Object.values(m));
    const list = (m: Record<string, number>) => Object.entries(m).map(([g, ms]) => `${g} ${Math.round(ms)}`).join(', ');
    rows.push(
      `| reports, one month across all ${r.centers} centers (${r.month.from} … ${r.month.to}), median of 5, worst grouping (${list(r.month.ms)} ms) | ${Math.round(worst(r.month.ms))} ms | ≤ 500 ms | ${verdict(worst(r.month.ms) <= 500)} |`,
      `| reports, one year across all ${r.centers} centers (${r.year.from} … ${r.year.to}, ${r.yearDurations.toLocaleString('en')} exact durations), median of 3, worst grouping (${list(r.year.ms)} ms) | ${Math.round(worst(r.year.ms))} ms | ≤ 3,000 ms | ${verdict(worst(r.year.ms) <= 3000)} |`,
      `| one center's year by officer, on the hub | ${Math.round(r.oneCenterYearMs)} ms | — | |`,
    );
    notes.push(
      `Province data for the reports: one ward-size center (8 fields, 8 counters, ~300 tickets a working day) over ${values.years} years (${r.generated.from} … ${r.generated.to}: ${r.generated.tickets.toLocaleString('en')} tickets, ${r.generated.events.toLocaleString('en')} events) written by the history generator's engine path${r.generated.reused ? ' (file reused from an earlier run)' : ` in ${round(r.generated.seconds / 60, 1)} min`}, then sent through the hub's real ingest (the center's report fold, in batches of 5,000) in ${round(r.ingestSeconds, 0)} s. Its rollups were then copied in PostgreSQL (INSERT … SELECT) to ${r.centers - 1} more registered centers with the same set-up: the same figures per center, the full volume of a ${r.centers}-center province (${r.rollupRows.toLocaleString('en')} rollup rows, ${r.hourRows.toLocaleString('en')} hour rows, database ${Math.round(r.databaseMiB).toLocaleString('en')} MiB). Raw events of the copies were not written: reports read only rollups. Generating ${r.centers} × ${values.years} years through the engine would take ~${Math.round((r.generated.tickets * r.centers) / 1466 / 3600)} hours on these two cores.`,
    );
  }
} finally {
  await pg.stop();
}
load.push(loadavg()[0] ?? NaN);
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = `
## ${date} UTC — province hub — ${machineLine()}

\`pnpm --filter @luot/server bench:hub\`: a durable PostgreSQL 15 started for the run (fsync on, shared_buffers 2 GB), hub and load in one Node process on the same two cores. One-minute load average ${round(load[0] ?? NaN, 1)} before and ${round(load[1] ?? NaN, 1)} after.

| benchmark | result | target | |
|---|---|---|---|
${rows.join('\n')}

${notes.join('\n\n')}
`;
const out = resolve(import.meta.dirname, '../../docs/benchmarks.md');
appendFileSync(out, section);
console.log(section);
