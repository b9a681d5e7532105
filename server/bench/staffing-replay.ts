/**
 * `pnpm --dir server bench:staffing [--no-append]`
 *
 * Checked, not assumed: is the staffing advice right? The wait-estimate benchmark's simulator (scripts/history,
 * through the real queue service) runs a week of history with the scenario's present counters; the staffing
 * service (src/staffing) learns its plan from that week; then the next week is replayed twice with the same
 * demand seed: once with the present counters, once with the advised ones. Each run scores the share of
 * citizens first called within their field's committed wait.
 *
 * The advice varies by hour, and so does the replay: each field gets its busiest hour's advice in counters of its
 * own, and the simulator opens and closes them on the hour by the plan (counter k of a field is staffed in an hour
 * when the plan asks for more than k there; every field keeps one counter through the working hours, as the
 * charter promises service all day). The present set-up stays open all day. Both report the counter-hours staffed.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { StaffingPlan } from '@luot/shared';
import { setUpCenter, wardCenterFields, type FieldPlan } from '../scripts/history/center.ts';
import { Random } from '../scripts/history/random.ts';
import { SCHEDULED_HOURS, type CounterSchedule } from '../scripts/history/demand.ts';
import { HistorySimulator } from '../scripts/history/simulate.ts';
import { createConfigCache } from '../src/db/config-cache.ts';
import { openDb, type OpenDb } from '../src/db/open-db.ts';
import { serviceDayStart } from '../src/domain/time.ts';
import { createStaffingService } from '../src/staffing/staffing-service.ts';
import { machineLine } from './machine.ts';

const MINUTE = 60_000;
const HISTORY = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];
const REPLAY = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

interface Scenario {
  name: string;
  fields: FieldPlan[];
  counters: number;
  ticketsPerDay: number;
}

const scenario: Scenario = { name: 'ward center (5 fields, ~300 tickets/day)', fields: wardCenterFields, counters: 6, ticketsPerDay: 300 };

interface Run {
  counters: number;
  /** Counter-hours staffed over the replayed week (opened → closed, lunch and pauses included). */
  counterHours: number;
  /** Citizens issued in the replayed week who were never called (still waiting at closing time, or left). */
  notCalled: number;
  called: number;
  within: number;
  meanWaitMinutes: number;
}

/** Share of the replayed days' citizens first called within their field's committed wait, and the mean wait. */
function score(store: OpenDb, from: number): Omit<Run, 'counters' | 'counterHours'> {
  const rows = store.sqlite
    .prepare(
      `SELECT i.at AS issuedAt, min(c.at) AS calledAt, f.target_wait_minutes AS target
         FROM events i JOIN events c ON c.ticket_id = i.ticket_id AND c.type = 'called'
         JOIN fields f ON f.id = i.field_id
        WHERE i.type = 'issued' AND i.at >= ? GROUP BY i.ticket_id`,
    )
    .all(from) as { issuedAt: number; calledAt: number; target: number }[];
  const waits = rows.map((r) => (r.calledAt - r.issuedAt) / MINUTE);
  const issued = store.sqlite.prepare(`SELECT count(*) FROM events WHERE type = 'issued' AND at >= ?`).pluck().get(from) as number;
  return {
    notCalled: issued - rows.length,
    called: rows.length,
    within: rows.filter((r, i) => (waits[i] ?? Infinity) <= r.target).length,
    meanWaitMinutes: waits.reduce((a, b) => a + b, 0) / Math.max(1, waits.length),
  };
}

async function simulate(store: OpenDb, seed: number, options: { counters: number; layout?: number[][]; schedule?: CounterSchedule; demandSeed?: number }, days: readonly string[]): Promise<HistorySimulator> {
  const setUpClock = { now: () => serviceDayStart(days[0] ?? REPLAY[0] ?? '', '00:00') + 6 * 60 * MINUTE - 7 * 86_400_000 };
  const center = await setUpCenter(store, setUpClock, new Random(seed), { counters: options.counters, fields: scenario.fields, name: 'Trung tâm mô phỏng', ...(options.layout ? { layout: options.layout } : {}) });
  const sim = new HistorySimulator(store, center, seed + 1, { ticketsPerDay: scenario.ticketsPerDay, path: 'service', schedule: options.schedule, demandSeed: options.demandSeed });
  for (const day of days) await sim.day(day);
  return sim;
}

function withTemp<T>(work: (store: OpenDb) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'luot-staffing-'));
  const store = openDb(join(dir, 'staffing.db'));
  store.sqlite.pragma('synchronous = OFF');
  return work(store).finally(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

export interface StaffingReplayResult {
  seed: number;
  plan: StaffingPlan;
  advisedLayout: number[][];
  present: Run;
  advised: Run;
}

export async function staffingReplay(seed = 1): Promise<StaffingReplayResult> {
  const replayFrom = serviceDayStart(REPLAY[0] ?? '', '03:00');
  // Present counters: a week of history, the plan learnt from it, then the replayed week on the same set-up.
  const plan = await withTemp(async (store) => {
    await simulate(store, seed, { counters: scenario.counters }, HISTORY);
    const clock = { now: () => replayFrom + 60 * MINUTE };
    return createStaffingService({ store, clock, config: createConfigCache(store) }).plan({ share: 0.9, weeks: 1 });
  });
  // Both replays meet the same citizens: the arrivals come from a stream of their own (demandSeed).
  const demandSeed = seed + 1000;
  const present = await withTemp(async (store) => {
    const sim = await simulate(store, seed, { counters: scenario.counters, demandSeed }, REPLAY);
    return { counters: scenario.counters, counterHours: sim.openMs / (60 * MINUTE), ...score(store, replayFrom) };
  });
  // Advised counters: each field its busiest hour's advice, on counters of its own, staffed hour by hour as the
  // plan says; the same demand seed.
  const codes = new Map(plan.fields.map((f) => [f.fieldId, scenario.fields.findIndex((p) => p.prefix === f.prefix)]));
  const advisedLayout: number[][] = [];
  const rank: { fieldId: number; k: number }[] = [];
  for (const f of plan.fields) {
    const peak = Math.max(1, ...plan.cells.filter((c) => c.fieldId === f.fieldId).map((c) => c.needed));
    for (let k = 0; k < peak; k++) {
      advisedLayout.push([codes.get(f.fieldId) ?? 0]);
      rank.push({ fieldId: f.fieldId, k });
    }
  }
  const needed = new Map(plan.cells.map((c) => [`${c.fieldId}/${c.weekday}/${c.hour}`, c.needed]));
  const schedule: CounterSchedule = (index, weekday, hour) => {
    const own = rank[index];
    if (!own || !(SCHEDULED_HOURS as readonly number[]).includes(hour)) return false;
    return own.k < Math.max(1, needed.get(`${own.fieldId}/${weekday}/${hour}`) ?? 0);
  };
  const advised = await withTemp(async (store) => {
    const sim = await simulate(store, seed, { counters: advisedLayout.length, layout: advisedLayout, schedule, demandSeed }, REPLAY);
    return { counters: advisedLayout.length, counterHours: sim.openMs / (60 * MINUTE), ...score(store, replayFrom) };
  });
  return { seed, plan, advisedLayout, present, advised };
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)} %`;

export function staffingSection(r: StaffingReplayResult): string {
  const perField = r.plan.fields
    .map((f) => `${f.prefix} ${Math.max(0, ...r.plan.cells.filter((c) => c.fieldId === f.fieldId).map((c) => c.needed))} (visit ${f.serviceMinutes} min, commitment ${f.targetWaitMinutes} min)`)
    .join(', ');
  return [
    `Staffing advice checked by replay (bench/staffing-replay.ts, seed ${r.seed}): ${scenario.name}; the plan (90 % within the committed wait, Erlang C) learnt from ${HISTORY[0]}…${HISTORY.at(-1)} ` +
      `simulated with the present counters, then ${REPLAY[0]}…${REPLAY.at(-1)} replayed with the present counters open all day and with the advised plan hour by hour ` +
      `(counters of each field's own, as many as its busiest hour needs: ${perField}; the simulator opens and closes them on the hour by the plan, one per field at least through the working hours). ` +
      `Share = citizens first called within their field's committed wait ÷ citizens called, over the replayed week, both replays meeting the same citizens (arrivals drawn from a stream of their own); counter-hours = time counters were open (opened → closed, lunch and pauses included). The figures are the same on any machine.`,
    '',
    '| counters | how many | counter-hours (week) | citizens called | not called | within the committed wait | mean wait |',
    '|---|---|---|---|---|---|---|',
    `| present set-up, all day | ${r.present.counters} | ${r.present.counterHours.toFixed(0)} | ${r.present.called.toLocaleString('en')} | ${r.present.notCalled} | ${pct(r.present.within, r.present.called)} | ${r.present.meanWaitMinutes.toFixed(1)} min |`,
    `| advised plan, hour by hour | ${r.advised.counters} | ${r.advised.counterHours.toFixed(0)} | ${r.advised.called.toLocaleString('en')} | ${r.advised.notCalled} | **${pct(r.advised.within, r.advised.called)}** | ${r.advised.meanWaitMinutes.toFixed(1)} min |`,
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { 'no-append': { type: 'boolean', default: false }, seed: { type: 'string', default: '1' } }, strict: true });
  const result = await staffingReplay(Number(values.seed));
  const section = staffingSection(result);
  console.log(section);
  if (!values['no-append']) {
    const out = resolve(import.meta.dirname, '../../docs/benchmarks.md');
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    appendFileSync(out, `\n## ${date} UTC — staffing advice replay — ${machineLine()} (shared by five sessions, loaded)\n\n${section}`);
    console.log(`appended to ${out}`);
  }
}
