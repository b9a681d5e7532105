/**
 * `pnpm --dir server bench:eta [--quick] [--ablation] [--no-append]`
 *
 * How good is the estimated wait? Simulated working days (scripts/history: realistic arrivals, service times,
 * priority citizens, transfers, holds, absences, pauses and lunch) run through the real queue service; at every
 * ticket issued we ask the product's estimate (services/estimates.ts) and the pre-#7 baseline (eta-baseline.ts),
 * and when the ticket is first called we compare with the wait it really had. A warm-up day before the measured
 * days gives the estimate the history a running center has (earlier days' visits, the counters' lunch habits).
 * With `--ablation` the estimate is also asked with each of its ingredients turned off.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { largeCenterFields, setUpCenter, wardCenterFields, type FieldPlan } from '../scripts/history/center.ts';
import { Random } from '../scripts/history/random.ts';
import { HistorySimulator } from '../scripts/history/simulate.ts';
import { openDb } from '../src/db/open-db.ts';
import { queueRepo } from '../src/db/repositories/queue-repo.ts';
import { serviceDayStart } from '../src/domain/time.ts';
import { createConfigCache } from '../src/db/config-cache.ts';
import { createEstimates, fullMethod, type EstimateMethod } from '../src/services/estimates.ts';
import { createBaselineEstimate } from './eta-baseline.ts';
import { machineLine, percentile, round } from './machine.ts';

export interface EtaScenario {
  name: string;
  fields: FieldPlan[];
  counters: number;
  ticketsPerDay: number;
}

export const etaScenarios: EtaScenario[] = [
  { name: 'large center (8 fields, 30 counters, ~2,000 tickets/day)', fields: largeCenterFields, counters: 30, ticketsPerDay: 2000 },
  { name: 'ward center (5 fields, 6 counters, ~300 tickets/day)', fields: wardCenterFields, counters: 6, ticketsPerDay: 300 },
];

export interface EtaOptions {
  seeds: number[];
  /** Simulated before the measured days and not scored: the history a running center has. */
  warmUp: string;
  days: string[];
  ablation: boolean;
}

/** Three seeds; a Friday to warm up, then Monday (the busiest day) to Wednesday. */
export const defaultEtaOptions: EtaOptions = { seeds: [1, 2, 3], warmUp: '2026-11-20', days: ['2026-11-23', '2026-11-24', '2026-11-25'], ablation: false };
export const quickEtaOptions: EtaOptions = { seeds: [1], warmUp: '2026-11-20', days: ['2026-11-23'], ablation: false };

/** Each ingredient of the estimate off in turn (see EstimateMethod). */
const ablations: Record<string, Partial<EstimateMethod>> = {
  'without classes': { classes: false },
  'without field order': { fieldOrder: false },
  'without residual service': { residual: false },
  'without the gap between visits': { gap: false },
  'without breaks (lunch, pauses)': { breaks: false },
  'without earlier days': { history: false },
};

export interface Score {
  n: number;
  maeMinutes: number;
  within5: number;
  biasMinutes: number;
}

export interface EtaGroup {
  label: string;
  baseline: Score;
  improved: Score;
}

export interface EtaScenarioResult {
  scenario: string;
  issued: number;
  called: number;
  /** Called tickets that got an estimate at issue, per method. */
  coverage: { baseline: number; improved: number };
  groups: EtaGroup[];
  ablation: { label: string; score: Score }[];
  /** Cost of one improved estimate in the issue path. */
  estimateMs: { mean: number; p99: number };
}

export interface EtaResult {
  options: EtaOptions;
  scenarios: EtaScenarioResult[];
  seconds: number;
  /** One-minute load average before and after the run. */
  loadAverage: [number, number];
}

interface Sample {
  ticketId: number;
  issuedAt: number;
  peopleAhead: number;
  priority: boolean;
  baseline: number | null;
  improved: number | null;
  variants: (number | null)[];
}

const MINUTE = 60_000;

/** Simulates the scenario for each seed and scores the estimates against the waits the tickets really had. */
async function runScenario(scenario: EtaScenario, options: EtaOptions): Promise<EtaScenarioResult> {
  const scored: { sample: Sample; actual: number }[] = [];
  const costs: number[] = [];
  let issued = 0;
  for (const seed of options.seeds) {
    const dir = mkdtempSync(join(tmpdir(), 'luot-eta-'));
    const store = openDb(join(dir, 'eta.db'));
    try {
      // The simulated file is thrown away: durability per commit buys nothing here.
      store.sqlite.pragma('synchronous = OFF');
      const setUpClock = { now: () => serviceDayStart(options.warmUp, '00:00') + 6 * 60 * MINUTE };
      const center = await setUpCenter(store, setUpClock, new Random(seed), { counters: scenario.counters, fields: scenario.fields, name: `Trung tâm mô phỏng (${scenario.counters} quầy)` });
      const config = createConfigCache(store);
      let measuring = false;
      const samples: Sample[] = [];
      const holder: { sim: HistorySimulator | null } = { sim: null };
      const clock = { now: () => holder.sim?.clock.now() ?? 0 };
      const improved = createEstimates({ store, clock, config });
      const baseline = createBaselineEstimate({ store, clock, config });
      const variants = options.ablation ? Object.values(ablations).map((off) => createEstimates({ store, clock, config, method: { ...fullMethod, ...off } })) : [];
      const sim = new HistorySimulator(store, center, seed + 1, {
        ticketsPerDay: scenario.ticketsPerDay,
        path: 'service',
        onIssued: (ticket) => {
          if (!measuring) return;
          // What the kiosk prints: everyone waiting in the field before this ticket.
          const peopleAhead = queueRepo.fieldDay(store.db, ticket.fieldId, ticket.serviceDay).waiting - 1;
          const t0 = performance.now();
          const estimate = improved.waitMinutes(ticket);
          costs.push(performance.now() - t0);
          samples.push({
            ticketId: ticket.id,
            issuedAt: ticket.issuedAt,
            peopleAhead,
            priority: ticket.priority !== null,
            baseline: baseline.waitMinutes(ticket, peopleAhead),
            improved: estimate,
            variants: variants.map((v) => v.waitMinutes(ticket)),
          });
        },
      });
      holder.sim = sim;
      await sim.day(options.warmUp);
      measuring = true;
      for (const day of options.days) await sim.day(day);
      const firstCall = new Map(store.sqlite.prepare(`SELECT ticket_id, min(at) FROM events WHERE type = 'called' GROUP BY ticket_id`).raw().all() as [number, number][]);
      issued += samples.length;
      for (const sample of samples) {
        const calledAt = firstCall.get(sample.ticketId);
        if (calledAt !== undefined) scored.push({ sample, actual: (calledAt - sample.issuedAt) / MINUTE });
      }
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // Both methods are scored on the same tickets: those called on a measured day that both could estimate.
  const both = scored.filter((s) => s.sample.baseline !== null && s.sample.improved !== null);
  const score = (rows: typeof scored, pick: (s: Sample) => number | null): Score => {
    const errors = rows.flatMap((r) => {
      const eta = pick(r.sample);
      return eta === null ? [] : [eta - r.actual];
    });
    const n = errors.length;
    return {
      n,
      maeMinutes: n ? errors.reduce((a, e) => a + Math.abs(e), 0) / n : NaN,
      within5: n ? errors.filter((e) => Math.abs(e) <= 5).length / n : NaN,
      biasMinutes: n ? errors.reduce((a, e) => a + e, 0) / n : NaN,
    };
  };
  const group = (label: string, keep: (s: Sample) => boolean): EtaGroup => {
    const rows = both.filter((r) => keep(r.sample));
    return { label, baseline: score(rows, (s) => s.baseline), improved: score(rows, (s) => s.improved) };
  };
  const sorted = [...costs].sort((a, b) => a - b);
  return {
    scenario: scenario.name,
    issued,
    called: scored.length,
    coverage: {
      baseline: scored.filter((s) => s.sample.baseline !== null).length / scored.length,
      improved: scored.filter((s) => s.sample.improved !== null).length / scored.length,
    },
    groups: [
      group('all tickets', () => true),
      group('0–4 people ahead', (s) => s.peopleAhead < 5),
      group('5–19 people ahead', (s) => s.peopleAhead >= 5 && s.peopleAhead < 20),
      group('20 or more ahead', (s) => s.peopleAhead >= 20),
      group('priority tickets', (s) => s.priority),
    ],
    ablation: options.ablation ? Object.keys(ablations).map((label, i) => ({ label, score: score(both, (s) => s.variants[i] ?? null) })) : [],
    estimateMs: { mean: costs.reduce((a, b) => a + b, 0) / Math.max(1, costs.length), p99: percentile(sorted, 99) },
  };
}

export async function etaAccuracy(options: EtaOptions = defaultEtaOptions): Promise<EtaResult> {
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? NaN;
  const scenarios: EtaScenarioResult[] = [];
  for (const scenario of etaScenarios) scenarios.push(await runScenario(scenario, options));
  return { options, scenarios, seconds: (performance.now() - started) / 1000, loadAverage: [loadBefore, loadavg()[0] ?? NaN] };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const min = (x: number) => x.toFixed(1);

/** The result as Markdown: one table per scenario, baseline beside the product's estimate. */
export function etaSection(result: EtaResult): string {
  const { options } = result;
  const lines = [
    `Estimated wait against the real wait (issue → first call), simulated days through the queue service: seeds ${options.seeds.join(', ')}; ` +
      `${options.warmUp} simulated first as history, then scored ${options.days.join(', ')}. Baseline: people ahead × mean visit (last 20 today) ÷ open counters ` +
      `(the method before #7, bench/eta-baseline.ts); estimate: server/src/services/estimates.ts. Both scored on the same tickets (called, and estimated by both). ` +
      `MAE in minutes; bias = mean (estimate − actual). The accuracy figures are the same on any machine; only the cost per estimate ` +
      `depends on it (one-minute load average ${result.loadAverage.map((l) => l.toFixed(1)).join(' before, ')} after, on ${cpus().length} cores). Run time ${round(result.seconds / 60, 1)} min.`,
  ];
  for (const s of result.scenarios) {
    lines.push(
      '',
      `**${s.scenario}**: ${s.issued.toLocaleString('en')} tickets issued on the scored days, ${s.called.toLocaleString('en')} called; an estimate at issue for ${pct(s.coverage.baseline)} (baseline) and ${pct(s.coverage.improved)} (estimate) of those. One estimate costs ${round(s.estimateMs.mean, 2)} ms on average, p99 ${round(s.estimateMs.p99, 2)} ms.`,
      '',
      '| tickets | n | MAE baseline → estimate | within ±5 min baseline → estimate | bias baseline → estimate |',
      '|---|---|---|---|---|',
      ...s.groups
        .filter((g) => g.baseline.n > 0)
        .map(
          (g) =>
            `| ${g.label} | ${g.baseline.n.toLocaleString('en')} | ${min(g.baseline.maeMinutes)} → **${min(g.improved.maeMinutes)}** | ${pct(g.baseline.within5)} → **${pct(g.improved.within5)}** | ${min(g.baseline.biasMinutes)} → ${min(g.improved.biasMinutes)} |`,
        ),
    );
    if (s.ablation.length) {
      lines.push('', '| estimate, one ingredient off (all tickets) | MAE | within ±5 min | bias |', '|---|---|---|---|');
      const all = s.groups[0];
      if (all) lines.push(`| full estimate | ${min(all.improved.maeMinutes)} | ${pct(all.improved.within5)} | ${min(all.improved.biasMinutes)} |`);
      for (const a of s.ablation) lines.push(`| ${a.label} | ${min(a.score.maeMinutes)} | ${pct(a.score.within5)} | ${min(a.score.biasMinutes)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function printSummary(result: EtaResult): void {
  for (const s of result.scenarios) {
    console.log(s.scenario);
    for (const g of s.groups.filter((x) => x.baseline.n > 0)) {
      console.log(
        `  ${g.label.padEnd(20)} n ${String(g.baseline.n).padStart(5)}  MAE ${min(g.baseline.maeMinutes)} → ${min(g.improved.maeMinutes)}  ±5 ${pct(g.baseline.within5)} → ${pct(g.improved.within5)}  bias ${min(g.baseline.biasMinutes)} → ${min(g.improved.biasMinutes)}`,
      );
    }
    for (const a of s.ablation) console.log(`  ${a.label.padEnd(32)} MAE ${min(a.score.maeMinutes)}  ±5 ${pct(a.score.within5)}  bias ${min(a.score.biasMinutes)}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, ablation: { type: 'boolean', default: false }, 'no-append': { type: 'boolean', default: false } }, strict: true });
  const options = { ...(values.quick ? quickEtaOptions : defaultEtaOptions), ablation: values.ablation };
  const result = await etaAccuracy(options);
  printSummary(result);
  if (!values['no-append']) {
    const out = resolve(import.meta.dirname, '../../docs/benchmarks.md');
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    appendFileSync(out, `\n## ${date} UTC — estimated wait accuracy — ${machineLine()}\n\n${etaSection(result)}`);
    console.log(`appended to ${out}`);
  }
}
