import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { repoRoot } from '../src/paths.ts';
import { bearer, issue, smallCenter } from '../src/test-support/fixtures.ts';
import { httpSms } from '../src/test-support/sms-world.ts';
import { startTestServer } from '../src/test-support/test-app.ts';
import { machineLine, percentile, round } from './machine.ts';

/*
 * `pnpm --dir server bench:sms`: what "your turn is near" by SMS costs the queue. Officers' call-next (issue, call,
 * finish through the real app, durable SQLite) for citizens WITH a phone (the "called" SMS is queued inside the call's
 * transaction and the "near" check runs after it) against the same flow WITHOUT phones as the raw baseline, in
 * alternating blocks of the same run; and the outbox's sending rate to a local HTTP gateway against plain fetch()
 * calls to the same gateway. Appends to docs/benchmarks.md.
 */
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '300' }, sends: { type: 'string', default: '500' } } });
const rounds = Number(values.rounds);
const sends = Number(values.sends);
const load = loadavg()[0] ?? 0;

const sms = await httpSms();
const server = await startTestServer({ sms: { gateway: sms.gateway } });
const c = await smallCenter(server);
const times: Record<'with' | 'without', number[]> = { with: [], without: [] };

async function round_(withPhone: boolean): Promise<void> {
  // A queue of five, the citizen with a phone last, so the "near" check has work to do on every call.
  for (let i = 0; i < 5; i++) {
    const res = await issue(server, c.kiosk, c.fieldA, withPhone ? { phone: `09${String(10_000_000 + i).slice(-8)}` } : {});
    if (res.statusCode !== 201) throw new Error(res.body);
  }
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const res = await server.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/call-next`, headers: bearer(c.officer1) });
    times[withPhone ? 'with' : 'without'].push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(res.body);
    server.clock.advance(0.1); // six seconds a visit: the run stays within one service day and one session
    await server.app.inject({ method: 'POST', url: `/api/counters/${c.counter1}/finish`, headers: bearer(c.officer1), payload: {} });
  }
}

for (let r = 0; r < rounds / 5; r++) await round_(r % 2 === 0);
const queued = server.store.sqlite.prepare("SELECT count(*) FROM sms_outbox WHERE status = 'queued'").pluck().get() as number;

// Sending: the outbox drains what the calls queued (plus more) vs the same number of bare fetch() calls.
for (let i = queued; i < sends; i++) server.deps.smsOutbox.enqueueSms({ to: '0912345678', text: 'Mời Ông/Bà số A001 đến Quầy 1.', purpose: 'called' });
const total = server.store.sqlite.prepare("SELECT count(*) FROM sms_outbox WHERE status = 'queued'").pluck().get() as number;
let t0 = performance.now();
await server.deps.smsOutbox.sendDue();
const outboxRate = total / ((performance.now() - t0) / 1000);
const url = `${new URL(sms.fake.requests[0]?.headers.host ? `http://${sms.fake.requests[0].headers.host}` : '').origin}/sms`;
t0 = performance.now();
for (let i = 0; i < total; i++) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"to":"0912345678","text":"x"}' });
  await res.arrayBuffer();
}
const rawRate = total / ((performance.now() - t0) / 1000);
await server.dispose();
await sms.fake.stop();

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), n: sorted.length };
};
const w = stats(times.with);
const wo = stats(times.without);
const lines = [
  '',
  `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — SMS: cost to calls, outbox sending rate — ${machineLine()}`,
  '',
  `\`pnpm --dir server bench:sms\` (issue #16, SMS part). One-minute load average at the start: ${round(load, 1)} on 2 cores shared with other helpers' builds and tests (loaded: absolute times are high, the ratios are measured side by side in alternating blocks of the same run).`,
  '',
  '| benchmark | result | target | |',
  '|---|---|---|---|',
  `| call-next p50 / p99, citizens WITHOUT a phone (raw baseline, n = ${wo.n}) | ${round(wo.p50)} / ${round(wo.p99)} ms | — | |`,
  `| call-next p50 / p99, citizens WITH a phone: "called" SMS queued in the call's transaction, "near" check after it (n = ${w.n}) | ${round(w.p50)} / ${round(w.p99)} ms | — | |`,
  `| ratio with / without, p50 · p99 | ${round(w.p50 / wo.p50)} · ${round(w.p99 / wo.p99)} | ≤ 1.2 | ${w.p99 / wo.p99 <= 1.2 && w.p50 / wo.p50 <= 1.2 ? 'met' : '**not met**'} |`,
  `| outbox sending to a local HTTP gateway (${total} messages, one at a time, each marked sent durably) | ${round(outboxRate, 0)} SMS/s | — | |`,
  `| bare fetch() to the same gateway, same count (raw) | ${round(rawRate, 0)} requests/s | — | |`,
  `| outbox as a share of raw | ${round((outboxRate / rawRate) * 100, 1)} % | — | a GSM modem sends ~6–20 SMS a minute: the outbox is never the limit |`,
  '',
];
appendFileSync(resolve(repoRoot, 'docs/benchmarks.md'), lines.join('\n'));
console.log(lines.join('\n'));
