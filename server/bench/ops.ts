import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../src/app.ts';
import { openDb } from '../src/db/open-db.ts';
import { serverRoot } from '../src/paths.ts';
import { createAuthService } from '../src/services/auth-service.ts';
import { systemClock } from '../src/system-clock.ts';
import { machineLine, round } from './machine.ts';

/*
 * `pnpm --dir server bench:ops --db FILE`: production start and memory, and backups under load, on a history
 * database made by `pnpm seed:history` (work is done on copies; FILE is not changed). Appends to docs/benchmarks.md.
 *  1. ready time: spawn → first 200 from /api/health, compiled (dist/luot.js) vs TypeScript through tsx, with a
 *     bare `node:http` server as the raw baseline; resident memory when idle;
 *  2. resident memory with 300 screens connected (hall boards over WebSocket) while numbers are issued and called;
 *  3. issuing rate over HTTP while online backups of the whole database run back to back, as a ratio to the rate
 *     without them, the backup's duration, and the longest event-loop stall during a backup.
 */
const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '3' }, 'skip-ready': { type: 'boolean', default: false }, 'skip-screens': { type: 'boolean', default: false }, replicate: { type: 'string', default: '0' } } });
if (!values.db) throw new Error('--db FILE: a history database (pnpm seed:history)');
const source = resolve(values.db);
const runs = Number(values.runs);
const work = mkdtempSync(join(tmpdir(), 'luot-bench-ops-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let nextPort = 19_300;

async function untilHealthy(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
}

async function startServer(kind: 'compiled' | 'source' | 'raw', dbFile: string): Promise<{ child: ChildProcess; port: number; readyMs: number }> {
  const port = nextPort++;
  const args =
    kind === 'compiled'
      ? [join(serverRoot, 'dist/luot.js'), 'start']
      : kind === 'source'
        ? ['--import', 'tsx', join(serverRoot, 'src/main.ts')]
        : ['-e', `require('node:http').createServer((q,s)=>s.end('{"status":"ok"}')).listen(${port},'127.0.0.1')`];
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: serverRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LUOT_DB: dbFile, LUOT_BACKUP_DIR: join(work, 'backups-start'), LUOT_ENV_FILE: '/nonexistent', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  await untilHealthy(`http://127.0.0.1:${port}/api/health`, child);
  return { child, port, readyMs: performance.now() - t0 };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const dbCopy = join(work, 'luot.db');
copyFileSync(source, dbCopy);
/**
 * `--replicate K`: K more copies of the whole history, each shifted after the last (new ids, tracking codes, days
 * and times, with their rollups), to reach years of history when generating them is too slow on the machine.
 */
function replicate(file: string, copies: number): void {
  const s = openDb(file);
  const span = s.sqlite.prepare("SELECT CAST(julianday(max(service_day)) - julianday(min(service_day)) + 1 AS INTEGER) AS days, max(id) AS maxTicket FROM tickets").get() as { days: number; maxTicket: number };
  const maxEvent = (s.sqlite.prepare('SELECT max(id) AS m FROM events').get() as { m: number }).m;
  const ticketCols = (s.sqlite.prepare("SELECT name FROM pragma_table_info('tickets')").all() as { name: string }[]).map((c) => c.name);
  const eventCols = (s.sqlite.prepare("SELECT name FROM pragma_table_info('events')").all() as { name: string }[]).map((c) => c.name);
  const rollupCols = (s.sqlite.prepare("SELECT name FROM pragma_table_info('report_days')").all() as { name: string }[]).map((c) => c.name);
  const shifted = (cols: string[], map: Record<string, string>) => cols.map((c) => map[c] ?? `"${c}"`).join(', ');
  const list = (cols: string[]) => cols.map((c) => `"${c}"`).join(', ');
  for (let k = 1; k <= copies; k += 1) {
    const days = k * span.days;
    const ms = days * 86_400_000;
    s.sqlite.transaction(() => {
      s.sqlite.exec(`INSERT INTO tickets (${list(ticketCols)}) SELECT ${shifted(ticketCols, { id: `id + ${k * span.maxTicket}`, service_day: `date(service_day, '+${days} days')`, issued_at: `issued_at + ${ms}`, queued_at: `queued_at + ${ms}`, called_at: `called_at + ${ms}`, tracking_code: `tracking_code || '${k}'`, idempotency_key: 'NULL' })} FROM tickets WHERE id <= ${span.maxTicket}`);
      s.sqlite.exec(`INSERT INTO events (${list(eventCols)}) SELECT ${shifted(eventCols, { id: `id + ${k * maxEvent}`, at: `at + ${ms}`, ticket_id: `ticket_id + ${k * span.maxTicket}` })} FROM events WHERE id <= ${maxEvent}`);
      s.sqlite.exec(`INSERT INTO report_days (${list(rollupCols)}) SELECT ${shifted(rollupCols, { service_day: `date(service_day, '+${days} days')` })} FROM report_days WHERE service_day <= (SELECT max(service_day) FROM tickets WHERE id <= ${span.maxTicket})`);
    })();
  }
  s.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  s.close();
}
if (Number(values.replicate) > 0) replicate(dbCopy, Number(values.replicate));
const dbBytes = statSync(dbCopy).size;
const history = (() => {
  const s = openDb(dbCopy);
  const r = s.sqlite.prepare('SELECT count(*) AS n, min(service_day) AS first, max(service_day) AS last FROM tickets').get() as { n: number; first: string; last: string };
  s.close();
  return r;
})();

// 1. Ready time and idle memory.
const ready: Record<string, number[]> = { compiled: [], source: [], raw: [] };
const idle: Record<string, number[]> = { compiled: [], source: [], raw: [] };
for (let i = 0; i < (values['skip-ready'] ? 0 : runs); i += 1) {
  for (const kind of ['raw', 'compiled', 'source'] as const) {
    const s = await startServer(kind, dbCopy);
    ready[kind]?.push(s.readyMs);
    await sleep(5000);
    idle[kind]?.push(rssMb(s.child.pid ?? 0));
    await stop(s.child);
  }
}
console.log(`ready ms (median of ${runs}): compiled ${round(median(ready.compiled ?? []))}, tsx ${round(median(ready.source ?? []))}, raw ${round(median(ready.raw ?? []))}`);

// 2. 300 screens and calls flowing, compiled server.
const store = openDb(dbCopy);
const auth = createAuthService({ store, clock: systemClock });
const board = auth.createPairedDevice({ kind: 'hall_board', name: 'bench board', counterId: null }).token;
const officerName = `bench-officer-${Date.now()}`;
await auth.createStaff({ username: officerName, displayName: 'Bench', role: 'officer', password: 'bench-password-123' });
const counter = store.sqlite.prepare('SELECT c.id, cf.field_id AS fieldId FROM counters c JOIN counter_fields cf ON cf.counter_id = c.id WHERE c.active = 1 LIMIT 1').get() as { id: number; fieldId: number };
// The bench runs at any hour: on the copy, every field issues all day and without a daily limit (a field's hours
// would otherwise refuse numbers at night with 409, and the calls and the issuing below would measure nothing).
store.sqlite.prepare('UPDATE fields SET opens_at = NULL, closes_at = NULL, daily_limit = NULL').run();
store.close();
// Under a heavy load a few of the 300 sockets may never get their snapshot and the phase waits for ever:
// --skip-screens measures the rest.
let peak = NaN;
let calls = 0;
let with300 = NaN;
if (!values['skip-screens']) {
  peak = 0;
  const s300 = await startServer('compiled', dbCopy);
  const base = `http://127.0.0.1:${s300.port}`;
  const ws = new Worker(new URL('./ws-clients-worker.mjs', import.meta.url), {
    workerData: { url: `ws://127.0.0.1:${s300.port}/ws`, clients: 300, match: '"called"', hello: JSON.stringify({ type: 'hello', protocol: 1, token: board }) },
  });
  await new Promise<void>((r) => ws.on('message', (m: { type: string }) => m.type === 'ready' && r()));
  const post = (path: string, token: string, body?: unknown) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const login = (await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: officerName, password: 'bench-password-123' }) })).json()) as { token: string };
  // Sit at the counter and open it (a counter closed since the history's last day refuses calls).
  const sat = await post(`/api/counters/${counter.id}/join`, login.token);
  if (!sat.ok) throw new Error(`join: ${sat.status} ${await sat.text()}`);
  await post(`/api/counters/${counter.id}/open`, login.token);
  let firstRefusal = '';
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    // Issued from the officer's session: a kiosk is held to a person's pace (one number a second).
    const issued = await post('/api/tickets', login.token, { fieldId: counter.fieldId });
    if (!issued.ok) firstRefusal ||= `issue: ${issued.status} ${await issued.text()}`;
    const called = await post(`/api/counters/${counter.id}/call-next`, login.token);
    if (called.ok) {
      calls += 1;
      // Served and finished, so the next call-next has a free counter (an officer's real rhythm, compressed).
      await post(`/api/counters/${counter.id}/start`, login.token);
      await post(`/api/counters/${counter.id}/finish`, login.token, { dossierCode: null });
    } else firstRefusal ||= `call-next: ${called.status} ${await called.text()}`;
    peak = Math.max(peak, rssMb(s300.child.pid ?? 0));
    await sleep(200);
  }
  with300 = rssMb(s300.child.pid ?? 0);
  ws.postMessage('close');
  await stop(s300.child);
  console.log(`300 screens: RSS ${round(with300)} MB at the end, peak ${round(peak)} MB, ${calls} calls`);
  if (calls === 0) throw new Error(`no call succeeded with 300 screens connected (${firstRefusal}): the memory figure would not be under calls`);
}

// 3. Issuing while backups run, in one process as in a center (load from a worker thread).
const live = openDb(dbCopy);
const { app, deps } = await buildApp({ store: live, kioskPace: { perSecond: 1e6, burst: 1e6 }, config: { heartbeatMs: 15_000, appsRoot: work, demo: false, publicUrl: null, backup: { dir: join(work, 'backups'), dailyAt: '12:15', keep: { daily: 100, weekly: 0, monthly: 0 }, minFreeBytes: 0, minFreePercent: 0 } } });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const benchKiosk = createAuthService({ store: live, clock: systemClock }).createPairedDevice({ kind: 'kiosk', name: 'bench kiosk 2', counterId: null }).token;
async function issueFor(total: number): Promise<number> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { base: url, path: '/api/tickets', body: JSON.stringify({ fieldId: counter.fieldId }), headers: { authorization: `Bearer ${benchKiosk}` }, total, concurrency: 8, expectStatus: 201 },
  });
  const t0 = performance.now();
  const result = await new Promise<{ ok: boolean; error?: string }>((r, j) => {
    worker.once('message', r);
    worker.once('error', j);
  });
  await worker.terminate();
  if (!result.ok) throw new Error(result.error);
  return total / ((performance.now() - t0) / 1000);
}
const N = 3000;
// The same stall measured without backups is the baseline: on a loaded machine the loop waits for a core too.
const delayWithout = monitorEventLoopDelay({ resolution: 5 });
delayWithout.enable();
const without = await issueFor(N);
delayWithout.disable();
const delay = monitorEventLoopDelay({ resolution: 5 });
let stopBackups = false;
const durations: number[] = [];
const backups = (async () => {
  while (!stopBackups) {
    const r = await deps.backups.run('manual');
    durations.push(r.durationMs);
    rmSync(r.file);
  }
})();
await sleep(200);
delay.enable();
const during = await issueFor(N);
delay.disable();
stopBackups = true;
await backups;
await app.close();
live.close();
const stallMs = delay.max / 1e6;
const stallWithoutMs = delayWithout.max / 1e6;
const p99 = (h: typeof delay) => h.percentile(99) / 1e6;
console.log(`issuing: ${round(without, 0)}/s without, ${round(during, 0)}/s during backups (${round((during / without) * 100, 1)} %); backup ${round(median(durations), 0)} ms (${durations.length}); longest stall ${round(stallMs, 1)} ms (without backups ${round(stallWithoutMs, 1)} ms)`);
rmSync(work, { recursive: true, force: true });

const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const c = { ready: median(ready.compiled ?? []), idle: median(idle.compiled ?? []) };
// A phase skipped by a flag leaves its rows out rather than writing NaN.
const withoutSkipped = (text: string) => text.split('\n').filter((line) => !line.includes('NaN')).join('\n');
appendFileSync(
  resolve(serverRoot, '../docs/benchmarks.md'),
  withoutSkipped(`
## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — operations (issue #14; \`pnpm --dir server bench:ops\`) — ${machineLine()}

History: ${history.n.toLocaleString('en')} tickets ${history.first} … ${history.last}, ${round(dbBytes / 1024 / 1024, 0)} MiB (${Number(values.replicate) > 0 ? `the first weeks of \`pnpm seed:history --years 5 --tickets-per-day 300 --counters 6 --path engine\`, then \`--replicate ${values.replicate}\` shifted copies of them` : '`pnpm seed:history`'}). Ready = spawn until \`/api/health\` answers 200; medians of ${runs} starts.

| benchmark | result | target | |
|---|---|---|---|
| ready after start, compiled \`dist/luot.js\` | ${round(c.ready, 0)} ms | ≤ 2,000 ms | ${verdict(c.ready <= 2000)} |
| ready after start, TypeScript through tsx (before) | ${round(median(ready.source ?? []), 0)} ms | — | |
| ready, raw \`node:http\` server (baseline), and compiled as a multiple of it | ${round(median(ready.raw ?? []), 0)} ms; ${round(c.ready / median(ready.raw ?? []), 1)}× | — | |
| idle resident memory, compiled / tsx / raw | ${round(c.idle, 0)} / ${round(median(idle.source ?? []), 0)} / ${round(median(idle.raw ?? []), 0)} MB | compiled ≤ 150 MB | ${verdict(c.idle <= 150)} |
| resident memory, 300 hall boards connected, a number issued, called, served and finished every ~0.2 s for 20 s (${calls} calls): end / peak | ${round(with300, 0)} / ${round(peak, 0)} MB | ≤ 200 MB | ${verdict(peak <= 200)} |
| tickets issued over HTTP without a backup (${N}, 8 connections) | ${round(without, 0)}/s | — | |
| same while online backups of the whole database run back to back | ${round(during, 0)}/s (${round((during / without) * 100, 1)} %) | — | |
| one online backup of the ${round(dbBytes / 1024 / 1024, 0)} MiB database (copy + integrity_check), median of ${durations.length} | ${round(median(durations) / 1000, 1)} s | — | |
| longest event-loop stall while backups ran (p99 ${round(p99(delay), 1)} ms) | ${round(stallMs, 1)} ms | ≤ 50 ms | ${verdict(stallMs <= 50)} |
| the same while issuing without backups, the baseline (p99 ${round(p99(delayWithout), 1)} ms) | ${round(stallWithoutMs, 1)} ms | — | |
`),
);
console.log('appended to docs/benchmarks.md');
