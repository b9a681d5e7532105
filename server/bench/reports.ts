import { statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ReportGroupBy } from '@luot/shared';
import { buildApp } from '../src/app.ts';
import { openDb } from '../src/db/open-db.ts';
import { addDays } from '../src/reports/range.ts';
import { systemClock } from '../src/system-clock.ts';
import { percentile } from './machine.ts';

const groupings: ReportGroupBy[] = ['field', 'counter', 'officer', 'hour', 'day'];
const BENCH_USER = 'bench-reports';
const BENCH_PASSWORD = 'only-for-the-benchmark-database';

export interface ReportsBench {
  tickets: number;
  events: number;
  dbMiB: number;
  month: { from: string; to: string };
  year: { from: string; to: string };
  /** Median of runs per grouping, milliseconds. */
  monthMs: Record<ReportGroupBy, number>;
  yearMs: Record<ReportGroupBy, number>;
  /** From the raw event log (no rollups), grouped by field, one run each. */
  monthEventsMs: number;
  yearEventsMs: number;
  /** Year reports over HTTP, every grouping in turn, while a 5 ms timer and a health poller run. */
  loop: { maxDelayMs: number; p99DelayMs: number; maxTimerLateMs: number; healthCalls: number; healthP99Ms: number; healthMaxMs: number; reportMs: number[] };
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/** Month and year reports on a generated history: with rollups, without, and how the event loop fares meanwhile. */
export async function reportsBench(dbFile: string): Promise<ReportsBench> {
  const store = openDb(dbFile);
  const { app, deps } = await buildApp({
    store,
    clock: systemClock,
    config: { heartbeatMs: 15_000, appsRoot: '/nonexistent', demo: false, publicUrl: null },
    scryptN: 1 << 12,
  });
  try {
    const count = (sql: string) => store.sqlite.prepare(sql).pluck().get() as number;
    const last = store.sqlite.prepare('SELECT max(service_day) FROM tickets').pluck().get() as string;
    // The last whole month and the twelve months before the last day.
    const monthEnd = last.slice(8) === lastDayOfMonth(last) ? last : addDays(`${last.slice(0, 7)}-01`, -1);
    const month = { from: `${monthEnd.slice(0, 7)}-01`, to: monthEnd };
    const year = { from: addDays(`${Number(last.slice(0, 4)) - 1}${last.slice(4)}`, 1), to: last };

    const time = async (work: () => Promise<unknown>) => {
      const t0 = performance.now();
      await work();
      return performance.now() - t0;
    };
    const runs = async (range: { from: string; to: string }, groupBy: ReportGroupBy, n: number) => {
      await deps.reports.report({ ...range, groupBy });
      const ms: number[] = [];
      for (let i = 0; i < n; i++) ms.push(await time(() => deps.reports.report({ ...range, groupBy })));
      return median(ms);
    };
    const monthMs = {} as Record<ReportGroupBy, number>;
    const yearMs = {} as Record<ReportGroupBy, number>;
    for (const g of groupings) monthMs[g] = await runs(month, g, 7);
    for (const g of groupings) yearMs[g] = await runs(year, g, 3);
    const monthEventsMs = await time(() => deps.reports.report({ ...month, groupBy: 'field' }, { source: 'events' }));
    const yearEventsMs = await time(() => deps.reports.report({ ...year, groupBy: 'field' }, { source: 'events' }));

    const loop = await loopDuringYearReports(app, deps, year);
    return {
      tickets: count('SELECT count(*) FROM tickets'),
      events: count('SELECT count(*) FROM events'),
      dbMiB: statSync(dbFile).size / 2 ** 20,
      month,
      year,
      monthMs,
      yearMs,
      monthEventsMs,
      yearEventsMs,
      loop,
    };
  } finally {
    await app.close();
    store.close();
  }
}

function lastDayOfMonth(day: string): string {
  const [y = 1970, m = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(8, 10);
}

async function loopDuringYearReports(
  app: Awaited<ReturnType<typeof buildApp>>['app'],
  deps: Awaited<ReturnType<typeof buildApp>>['deps'],
  year: { from: string; to: string },
): Promise<ReportsBench['loop']> {
  const exists = deps.store.sqlite.prepare('SELECT 1 FROM staff WHERE username = ?').pluck().get(BENCH_USER);
  if (!exists) await deps.auth.createStaff({ username: BENCH_USER, displayName: 'Benchmark', role: 'supervisor', password: BENCH_PASSWORD });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening');
  const base = `http://127.0.0.1:${address.port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }) });
  const { token } = (await login.json()) as { token: string };

  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let running = true;
  const healthMs: number[] = [];
  const poller = (async () => {
    while (running) {
      const t0 = performance.now();
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      healthMs.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  // One request first, so one-time work (first use of the route's serializer, sockets) is not counted.
  await (await fetch(`${base}/api/reports?from=${year.to}&to=${year.to}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer();
  let maxTimerLateMs = 0;
  let expected = performance.now() + 5;
  const timer = setInterval(() => {
    const now = performance.now();
    maxTimerLateMs = Math.max(maxTimerLateMs, now - expected);
    expected = now + 5;
  }, 5);
  histogram.enable();
  const reportMs: number[] = [];
  for (const groupBy of groupings) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/reports?from=${year.from}&to=${year.to}&groupBy=${groupBy}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`report ${groupBy}: ${res.status}`);
    await res.arrayBuffer();
    reportMs.push(performance.now() - t0);
  }
  histogram.disable();
  running = false;
  await poller;
  clearInterval(timer);
  const sorted = [...healthMs].sort((a, b) => a - b);
  return {
    maxDelayMs: histogram.max / 1e6,
    p99DelayMs: histogram.percentile(99) / 1e6,
    maxTimerLateMs,
    healthCalls: healthMs.length,
    healthP99Ms: percentile(sorted, 99),
    healthMaxMs: sorted.at(-1) ?? NaN,
    reportMs,
  };
}
