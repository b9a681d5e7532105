/**
 * `pnpm --filter @luot/server bench:reports [--years 5] [--db /tmp/luot-history-5y-seed1.db] [--seed 1] [--end 2026-10-31]`
 *
 * Generates (or reuses) a multi-year history, measures month and year reports with and without rollups and the
 * event loop during year reports, and appends a dated section to docs/benchmarks.md.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machineLine, round } from '../bench/machine.ts';
import { reportsBench } from '../bench/reports.ts';
import { openDb } from '../src/db/open-db.ts';
import { generateHistory } from './history/generate.ts';

const { values } = parseArgs({
  options: {
    years: { type: 'string', default: '5' },
    db: { type: 'string' },
    seed: { type: 'string', default: '1' },
    end: { type: 'string', default: '2026-10-31' },
  },
  strict: true,
});
const years = Number(values.years);
const seed = Number(values.seed);
const file = resolve(values.db ?? `/tmp/luot-history-${years}y-seed${seed}.db`);
const summaryFile = `${file}.json`;

if (!existsSync(file)) {
  console.log(`generating ${years} years into ${file} …`);
  const store = openDb(file);
  const result = await generateHistory(store, {
    end: values.end,
    days: Math.round(years * 365.25),
    seed,
    ticketsPerDay: 2000,
    counters: 30,
    path: 'engine',
    onProgress: (p) => console.log(`${p.day}: ${p.tickets.toLocaleString('en')} tickets, ${Math.round(p.ticketsPerSecond)}/s`),
  });
  store.close();
  const { passwords: _passwords, ...summary } = result;
  writeFileSync(summaryFile, `${JSON.stringify({ ...summary, seed, ticketsPerDay: 2000, counters: 30, path: 'engine' }, null, 2)}\n`);
}
const generated = existsSync(summaryFile) ? (JSON.parse(readFileSync(summaryFile, 'utf8')) as { tickets: number; seconds: number; workingDays: number; from: string; to: string; note?: string }) : null;

const loadBefore = loadavg()[0] ?? NaN;
const r = await reportsBench(file);
const loadAfter = loadavg()[0] ?? NaN;
console.log(JSON.stringify(r, null, 2));

const worst = (m: Record<string, number>) => Math.max(...Object.values(m));
const list = (m: Record<string, number>) => Object.entries(m).map(([g, ms]) => `${g} ${round(ms, 1)}`).join(', ');
const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = `
## ${date} UTC — reports — ${machineLine()}

History: ${r.tickets.toLocaleString('en')} tickets, ${r.events.toLocaleString('en')} events, ${round(r.dbMiB / 1024, 2)} GiB (\`pnpm seed:history --years ${years} --seed ${seed}\`${generated ? `, ${generated.workingDays} working days ${generated.from} … ${generated.to}, written in ${round(generated.seconds / 60, 1)} min = ${round(generated.tickets / generated.seconds, 0)} tickets/s through the engine path${generated.note ? `; ${generated.note}` : ''}` : ''}).
Month ${r.month.from} … ${r.month.to}; year ${r.year.from} … ${r.year.to}. Times are medians (7 runs a month, 3 a year), per grouping.
One-minute load average ${round(loadBefore, 1)} before and ${round(loadAfter, 1)} after (2 cores; other work on the machine inflates every figure).

| benchmark | result | target | |
|---|---|---|---|
| month report from rollups, worst grouping (${list(r.monthMs)} ms) | ${round(worst(r.monthMs), 1)} ms | ≤ 150 ms | ${verdict(worst(r.monthMs) <= 150)} |
| year report from rollups, worst grouping (${list(r.yearMs)} ms) | ${round(worst(r.yearMs), 1)} ms | ≤ 1,500 ms | ${verdict(worst(r.yearMs) <= 1500)} |
| month report from the raw event log, no rollups (by field, one run) | ${round(r.monthEventsMs, 0)} ms | — | |
| year report from the raw event log, no rollups (by field, one run) | ${round(r.yearEventsMs, 0)} ms | — | |
| worst event-loop delay while five year reports ran over HTTP (monitorEventLoopDelay, 1 ms resolution; p99 ${round(r.loop.p99DelayMs, 1)} ms) | ${round(r.loop.maxDelayMs, 1)} ms | ≤ 50 ms | ${verdict(r.loop.maxDelayMs <= 50)} |
| a 5 ms timer's worst lateness, same time | ${round(r.loop.maxTimerLateMs, 1)} ms | — | |
| GET /api/health every 10 ms meanwhile (${r.loop.healthCalls} calls): p99 / max | ${round(r.loop.healthP99Ms, 1)} / ${round(r.loop.healthMaxMs, 1)} ms | — | |
| those year reports end to end over HTTP (${groupingsLine(r.loop.reportMs)}) | ${round(Math.max(...r.loop.reportMs), 0)} ms worst | — | |
`;

function groupingsLine(ms: number[]): string {
  return ['field', 'counter', 'officer', 'hour', 'day'].map((g, i) => `${g} ${round(ms[i] ?? NaN, 0)}`).join(', ');
}

const out = resolve(import.meta.dirname, '../../docs/benchmarks.md');
appendFileSync(out, section);
console.log(`appended to ${out}`);
